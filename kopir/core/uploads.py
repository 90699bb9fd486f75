"""Upload checks by content, never by file name or the browser's Content-Type."""

from __future__ import annotations

import io

import magic
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_TYPES = {"image/png", "image/jpeg", "image/webp", "image/gif"}
PDF_TYPES = {"application/pdf"}
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PHOTO_PIXELS = 60_000_000
PHOTO_SIDE = 2048
THUMBNAIL_SIDE = 480

ERROR_NOT_AN_IMAGE = _("The file is not a PNG, JPEG, WebP or GIF image.")
ERROR_NOT_A_PDF = _("The file is not a PDF document.")
ERROR_TOO_LARGE = _("The file is too large: %(size)s MB; at most %(limit)s MB is accepted.")
ERROR_DAMAGED = _("The file is damaged and cannot be read.")
ERROR_TOO_MANY_PIXELS = _("The image is too large: at most 60 megapixels are accepted.")


def sniff(upload: File) -> str:
    """The MIME type of an upload read from its first bytes (libmagic), never from its name."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    return magic.from_buffer(head, mime=True)


def check_size(upload: File, limit: int) -> None:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            ERROR_TOO_LARGE,
            code="too_large",
            params={"size": f"{upload.size / 1048576:.1f}", "limit": f"{limit // 1048576}"},
        )


def validate_image(upload: File, limit: int = MAX_IMAGE_BYTES) -> None:
    """Accept only real raster images of a bounded size; SVG is refused (it can carry script)."""
    check_size(upload, limit)
    if sniff(upload) not in IMAGE_TYPES:
        raise ValidationError(ERROR_NOT_AN_IMAGE, code="not_an_image")
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)


def _jpeg(image: Image.Image, name: str) -> ContentFile[bytes]:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def photo_renditions(upload: File) -> tuple[ContentFile[bytes], ContentFile[bytes]]:
    """The photo and its thumbnail, both re-encoded as JPEG from the pixels alone: EXIF, with
    any GPS position, and every other metadata block are left behind. Turned upright first."""
    validate_image(upload, MAX_PHOTO_BYTES)
    try:
        with Image.open(upload) as original:
            if original.width * original.height > MAX_PHOTO_PIXELS:
                raise ValidationError(ERROR_TOO_MANY_PIXELS, code="too_many_pixels")
            upright = ImageOps.exif_transpose(original).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)
    upright.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    full = _jpeg(upright, "photo.jpg")
    upright.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return full, _jpeg(upright, "thumbnail.jpg")


def validate_pdf(upload: File) -> None:
    """Accept only PDF documents of a bounded size."""
    check_size(upload, MAX_PDF_BYTES)
    if sniff(upload) not in PDF_TYPES:
        raise ValidationError(ERROR_NOT_A_PDF, code="not_a_pdf")
    upload.seek(0, 2)
    end = upload.tell()
    upload.seek(max(0, end - 2048))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(ERROR_DAMAGED, code="damaged")
