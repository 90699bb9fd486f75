"""The file of a collection item, checked by its content: a photograph or scan (re-encoded,
metadata dropped, with a thumbnail), a PDF (its text extracted for search) or a sound recording
(oral history). Anything else is refused with the reason, and nothing is stored."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kopir.core.uploads import (
    ERROR_DAMAGED,
    EXTENSIONS,
    IMAGE_TYPES,
    PDF_TYPES,
    photo_renditions,
    sniff,
    validate_pdf,
    verify_audio,
)

logger = logging.getLogger(__name__)

# What libmagic may call a sound file; mutagen then decides (kopir.core.uploads.verify_audio).
AUDIO_TYPES = {
    "audio/mpeg",
    "audio/ogg",
    "audio/x-wav",
    "audio/wav",
    "audio/vnd.wave",
    "audio/flac",
    "audio/x-flac",
    "audio/mp4",
    "audio/x-m4a",
    "video/mp4",
}
# An MP3 without an ID3 tag starts with a bare frame header, which libmagic may not name.
UNNAMED = "application/octet-stream"
MAX_TEXT_PAGES = 200
MAX_TEXT_CHARS = 200_000
PREVIEW_SIDE = 128
ERROR_FILE_TYPE = _(
    "This kind of file is not accepted. Upload a photograph or scan (JPEG, PNG, WebP, GIF), "
    "a PDF document or a sound recording (MP3, Ogg, WAV, FLAC, M4A)."
)


@dataclass
class StoredFile:
    file: ContentFile[bytes] | File
    media_type: str
    thumbnail: ContentFile[bytes] | None = None
    preview: ContentFile[bytes] | None = None
    text: str = ""

    @property
    def name(self) -> str:
        """The name the file is stored under (kopir.core.uploads.ChosenName keeps the
        extension of the verified type and replaces the rest)."""
        return f"file{EXTENSIONS[self.media_type]}"


def pdf_text(upload: File) -> str:
    """The text of a PDF's first pages; empty for a scan without a text layer."""
    try:
        reader = PdfReader(upload)
        pages = reader.pages[:MAX_TEXT_PAGES]
        text = "\n".join(page.extract_text() or "" for page in pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)
    return " ".join(text.split())[:MAX_TEXT_CHARS]


def _preview(thumbnail: ContentFile[bytes]) -> ContentFile[bytes]:
    with Image.open(io.BytesIO(thumbnail.read())) as image:
        image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=70, optimize=True)
    thumbnail.seek(0)
    return ContentFile(buffer.getvalue(), name="preview.jpg")


def prepare(upload: File) -> StoredFile:
    """Check an upload by content and make what is stored of it; raises ValidationError."""
    media_type = sniff(upload)
    if media_type in IMAGE_TYPES:
        full, thumbnail = photo_renditions(upload)
        return StoredFile(full, "image/jpeg", thumbnail, _preview(thumbnail))
    if media_type in PDF_TYPES:
        validate_pdf(upload)
        return StoredFile(upload, media_type, text=pdf_text(upload))
    if media_type in AUDIO_TYPES:
        return StoredFile(upload, verify_audio(upload))
    if media_type == UNNAMED:
        try:
            return StoredFile(upload, verify_audio(upload))
        except ValidationError:
            pass  # not sound either: say what is accepted
    raise ValidationError(ERROR_FILE_TYPE, code="file_type")
