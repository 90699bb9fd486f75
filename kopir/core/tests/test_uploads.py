"""Uploads are judged by their content, never by their name."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kopir.core import uploads


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5c8a").save(buffer, format="PNG")
    return buffer.getvalue()


# A whole PDF (catalogue, pages, cross-reference table): one pypdf can read to check it.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"trailer<</Root 1 0 R/Size 3>>\nstartxref\n96\n%%EOF\n"
)


def test_a_real_png_is_accepted() -> None:
    uploads.validate_image(SimpleUploadedFile("logo.png", png_bytes(), "image/png"))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "not_an_image",
        ),
        (b"MZ\x90\x00 an executable renamed to .png", "not_an_image"),
        (png_bytes()[:40], "damaged"),
    ],
)
def test_files_that_are_not_images_are_refused(content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(SimpleUploadedFile("logo.png", content, "image/png"))
    assert error.value.code == code


def test_an_image_over_the_limit_is_refused_with_sizes_in_the_message() -> None:
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (uploads.MAX_IMAGE_BYTES + 1))
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(big)
    assert error.value.code == "too_large"
    assert error.value.params["limit"] == "2"


def test_a_pdf_is_accepted_and_a_renamed_image_is_not() -> None:
    uploads.validate_pdf(SimpleUploadedFile("agreement.pdf", MINIMAL_PDF))
    with pytest.raises(ValidationError) as error:
        uploads.validate_pdf(SimpleUploadedFile("agreement.pdf", png_bytes()))
    assert error.value.code == "not_a_pdf"


def test_a_truncated_pdf_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        uploads.validate_pdf(SimpleUploadedFile("agreement.pdf", MINIMAL_PDF[:60]))
    assert error.value.code == "damaged"
