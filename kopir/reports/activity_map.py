"""The map of activity, drawn on the server as SVG: the two countries and the network's three
regions (the offline Natural Earth outlines the partner map uses), and a circle at each place
whose area grows with the number of events held there. No tiles, no script, no other host."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe

BORDERS = (
    Path(__file__).resolve().parent.parent / "core" / "static" / "core" / "geo" / "borders.geojson"
)
# The colours of the partner and collection maps (core/map.js, .map-marker-* in kopir.css).
COUNTRY_FILL = {"KZ": "#dcebf5", "RU": "#f3e7d3"}
MARKER = {"KZ": ("#0b5c8a", "#073a58"), "RU": ("#a4361a", "#6b230f")}
PLACE_MARKER = ("#7a4a12", "#4d2e0b")
Ring = list[tuple[float, float]]
Box = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class MapPoint:
    name: str
    latitude: float
    longitude: float
    count: int
    country: str = ""


@lru_cache(maxsize=1)
def _outlines() -> list[tuple[dict[str, str], list[Ring]]]:
    data = json.loads(BORDERS.read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        if not feature["properties"].get("network"):
            continue
        rings = [
            [(float(x), float(y)) for x, y in polygon[0]]
            for polygon in feature["geometry"]["coordinates"]
        ]
        out.append((feature["properties"], rings))
    return out


def _clip(ring: Ring, box: Box) -> Ring:
    """Sutherland–Hodgman: the part of a polygon inside the box."""
    west, south, east, north = box
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    for inside, cross in edges:
        if not ring:
            break
        points, ring = ring, []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    ring.append(cross(previous, point))
                ring.append(point)
            elif inside(previous):
                ring.append(cross(previous, point))
            previous = point
    return ring


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def _box(points: list[MapPoint]) -> Box:
    """The places with a margin; at least the network's home ground (Shemonaikha to
    Novosibirsk)."""
    lats = [p.latitude for p in points] + [50.0, 55.5]
    lons = [p.longitude for p in points] + [80.5, 84.5]
    west, south, east, north = min(lons) - 1.5, min(lats) - 1.0, max(lons) + 1.5, max(lats) + 1.0
    # Landscape, 4:3 at least, so that the map fits a screen and a page beside its table.
    scale_x = math.cos(math.radians((south + north) / 2))
    wanted = (north - south) * 4 / 3 / scale_x
    if east - west < wanted:
        grow = (wanted - (east - west)) / 2
        west, east = west - grow, east + grow
    return west, south, east, north


def _projection(box: Box, width: int) -> tuple[float, float, int]:
    """(x factor, scale, height) of the map of `box` drawn `width` wide."""
    west, south, east, north = box
    scale_x = math.cos(math.radians((south + north) / 2))
    scale = width / ((east - west) * scale_x)
    return scale_x, scale, round((north - south) * scale)


@lru_cache(maxsize=64)
def _background(box: Box, width: int) -> str:
    """The countries and regions clipped to the box, as SVG paths: clipped once per box and
    width (a dashboard shows the same box on every render), not on every render."""
    west, _south, _east, north = box
    scale_x, scale, _height = _projection(box, width)
    out = []
    for properties, rings in _outlines():
        is_region = "region" in properties
        for ring in rings:
            clipped = _clip(ring, box)
            if len(clipped) < 3:
                continue
            path = "M" + "L".join(
                f"{(lon - west) * scale_x * scale:.0f},{(north - lat) * scale:.0f}"
                for lon, lat in clipped
            ) + "Z"  # fmt: skip
            if is_region:
                out.append(
                    f'<path d="{path}" fill="none" stroke="#8a8a8a" '
                    f'stroke-dasharray="4 3" stroke-width="1"/>'
                )
            else:
                fill = COUNTRY_FILL.get(properties["iso"], "#eee")
                out.append(f'<path d="{path}" fill="{fill}" stroke="#777" stroke-width="1.2"/>')
    return "".join(out)


def activity_map(points: list[MapPoint], *, title: str, uid: str, width: int = 640) -> SafeString:
    box = _box(points)
    west, _south, _east, north = box
    scale_x, scale, height = _projection(box, width)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * scale_x * scale, (north - lat) * scale

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{uid}-t" class="chart activity-map" '
        f'font-family="\'DejaVu Sans\', Verdana, sans-serif" font-size="11">'
        f'<title id="{uid}-t">{escape(title)}</title>'
        f'<rect width="{width}" height="{height}" fill="#f7f7f4"/>',
        _background(box, width),
    ]
    most = max((p.count for p in points), default=1) or 1
    for point in sorted(points, key=lambda p: -p.count):
        x, y = project(point.longitude, point.latitude)
        r = 4 + 14 * math.sqrt(point.count / most)
        label = f"{point.name}: {point.count}"
        fill, stroke = MARKER.get(point.country, PLACE_MARKER)
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" fill-opacity="0.75" '
            f'stroke="{stroke}"><title>{escape(label)}</title></circle>'
            f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}" paint-order="stroke" stroke="#fff" '
            f'stroke-width="3">{escape(label)}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
