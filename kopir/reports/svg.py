"""Charts and the activity map drawn on the server as SVG: light, readable without JavaScript,
the same in the browser and in the PDF (WeasyPrint draws inline SVG). Colours are presentation
attributes, which the Content-Security-Policy allows; every chart has a title and a description
for screen readers, and the figures are always in a table beside it."""

from __future__ import annotations

import math
from html import escape

from django.utils.safestring import SafeString, mark_safe

from kopir.reports.document import Chart, Table

PALETTE = ("#1d5c8c", "#d2691e", "#2e8b57", "#8e44ad", "#b03a2e", "#5d6d7e")
FONT = "font-family=\"'DejaVu Sans', Verdana, sans-serif\""
Series = list[tuple[str, list[int]]]


def axis(value: float) -> tuple[int, int]:
    """The top of the axis and its step: whole numbers of 1, 2 or 5 × 10ⁿ, about four steps
    (counts of events and people have no fractions)."""
    if value <= 0:
        return 4, 1
    rough = value / 4
    magnitude = 10 ** max(0, math.floor(math.log10(rough))) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return int(step * math.ceil(value / step)), int(step)


def _open(width: int, height: int, title: str, uid: str, summary: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'class="chart" {FONT} font-size="12">',
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(summary)}</desc>',
    ]


def _summary(labels: list[str], series: Series) -> str:
    return "; ".join(
        f"{name}: "
        + ", ".join(f"{label} {value}" for label, value in zip(labels, values, strict=True))
        for name, values in series
    )


def _legend(series: Series, x: int, y: int) -> list[str]:
    if len(series) < 2:
        return []
    out = []
    for n, (name, _values) in enumerate(series):
        out.append(
            f'<rect x="{x}" y="{y + n * 18}" width="12" height="12" fill="{PALETTE[n % 6]}"/>'
            f'<text x="{x + 18}" y="{y + n * 18 + 11}">{escape(name)}</text>'
        )
    return out


def column_chart(
    labels: list[str],
    series: Series,
    *,
    title: str,
    uid: str,
    stacked: bool = False,
    line: bool = False,
    width: int = 640,
) -> SafeString:
    """Vertical columns (grouped or stacked) or lines over the categories `labels`."""
    longest = max((len(label) for label in labels), default=0)
    rotate = longest * 7 > width / max(len(labels), 1)  # labels that would not fit side by side
    left, top, bottom = 48, 16, (24 + longest * 5 if rotate else 32)
    legend_height = 18 * len(series) if len(series) > 1 else 0
    height = 240 + bottom + legend_height
    plot_w, plot_h = width - left - 16, 240 - top
    totals = (
        [sum(v[i] for _n, v in series) for i in range(len(labels))]
        if stacked
        else [v for _n, values in series for v in values]
    )
    top_value, step = axis(max(totals, default=0))
    out = _open(width, height, title, uid, _summary(labels, series))
    for value in range(0, top_value + 1, step):  # the grid and the axis
        y = top + plot_h - plot_h * value / top_value
        out.append(
            f'<line x1="{left}" x2="{width - 16}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{value}</text>'
        )
    slot = plot_w / max(len(labels), 1)
    for i, label in enumerate(labels):
        cx = left + slot * (i + 0.5)
        y = top + plot_h + 14
        if rotate:
            out.append(
                f'<text x="{cx:.1f}" y="{y:.1f}" text-anchor="end" '
                f'transform="rotate(-40 {cx:.1f} {y:.1f})">{escape(label)}</text>'
            )
        else:
            out.append(
                f'<text x="{cx:.1f}" y="{y:.1f}" text-anchor="middle">{escape(label)}</text>'
            )
    if line:
        out += _lines(series, left, top, plot_h, slot, top_value)
    else:
        out += _columns(series, left, top, plot_h, slot, top_value, stacked)
    out += _legend(series, left, 240 + bottom)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _columns(
    series: Series, left: int, top: int, plot_h: int, slot: float, top_value: int, stacked: bool
) -> list[str]:
    out = []
    count = len(series[0][1]) if series else 0
    width = slot * 0.7 / (1 if stacked else max(len(series), 1))
    for i in range(count):
        base: float = top + plot_h
        for n, (name, values) in enumerate(series):
            value = values[i]
            h = plot_h * value / top_value
            x = left + slot * i + slot * 0.15 + (0 if stacked else n * width)
            y = base - h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[n % 6]}"><title>{escape(name)}: {value}</title></rect>'
            )
            if value and not stacked:
                out.append(
                    f'<text x="{x + width / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'font-size="10">{value}</text>'
                )
            if stacked:
                base = y
    return out


def _lines(
    series: Series, left: int, top: int, plot_h: int, slot: float, top_value: int
) -> list[str]:
    out = []
    for n, (_name, values) in enumerate(series):
        points = [
            (left + slot * (i + 0.5), top + plot_h - plot_h * value / top_value)
            for i, value in enumerate(values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{PALETTE[n % 6]}" stroke-width="2.5"/>'
        )
        for (x, y), value in zip(points, values, strict=True):
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{PALETTE[n % 6]}"/>'
                f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle" font-size="10">'
                f"{value}</text>"
            )
    return out


def bar_chart(
    labels: list[str], series: Series, *, title: str, uid: str, width: int = 640
) -> SafeString:
    """Horizontal bars: for categories with long names (formats, directions)."""
    left = min(300, 24 + 7 * max((len(label) for label in labels), default=4))
    row = 22 * max(len(series), 1) + 8
    height = 16 + row * len(labels) + (18 * len(series) if len(series) > 1 else 0) + 8
    top_value, _step = axis(max((v for _n, vs in series for v in vs), default=0))
    plot_w = width - left - 48
    out = _open(width, height, title, uid, _summary(labels, series))
    for i, label in enumerate(labels):
        y0 = 8 + row * i
        out.append(
            f'<text x="{left - 8}" y="{y0 + row / 2 + 2:.1f}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        for n, (name, values) in enumerate(series):
            w = plot_w * values[i] / top_value
            y = y0 + 4 + n * 22
            out.append(
                f'<rect x="{left}" y="{y}" width="{w:.1f}" height="18" fill="{PALETTE[n % 6]}">'
                f"<title>{escape(name)}: {values[i]}</title></rect>"
                f'<text x="{left + w + 4:.1f}" y="{y + 13}">{values[i]}</text>'
            )
    out += _legend(series, left, 8 + row * len(labels) + 4)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def chart_svg(chart: Chart, table: Table, uid: str) -> SafeString:
    labels, series = chart.data(table)
    if chart.kind == "bar":
        return bar_chart(labels, series, title=chart.title, uid=uid)
    return column_chart(
        labels,
        series,
        title=chart.title,
        uid=uid,
        stacked=chart.stacked,
        line=chart.kind == "line",
    )
