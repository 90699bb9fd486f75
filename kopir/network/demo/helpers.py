"""Small helpers for writing demo records compactly."""

from __future__ import annotations

import io
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw


def ml(field: str, kk: str, ru: str, en: str) -> dict[str, str]:
    """The three language columns of one multilingual field."""
    return {f"{field}_kk": kk, f"{field}_ru": ru, f"{field}_en": en}


def picture(identifier: str) -> SimpleUploadedFile:
    """A sepia picture with a few shapes: stands in for a scanned photograph (the demo's
    collection items and event photos)."""
    seed = zlib.crc32(identifier.encode())
    image = Image.new("RGB", (640, 420), (200 - seed % 40, 180 - seed % 30, 140))
    draw = ImageDraw.Draw(image)
    for n in range(6):
        x, y = (seed >> n) % 520, (seed >> (n + 3)) % 300
        draw.rectangle([x, y, x + 90, y + 110], fill=(120 + n * 10, 100 + n * 8, 70))
    draw.text((16, 390), f"{identifier} (demo)", fill=(40, 30, 20))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"{identifier}.jpg", buffer.getvalue(), "image/jpeg")
