"""A list of literature as a document: DOCX (python-docx), HTML or plain text, numbered, in
GOST list order, in the profile asked for."""

from __future__ import annotations

import io
from typing import Any

from django.utils.html import escape
from docx import Document
from docx.shared import Pt

from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe, sort_key
from kopir.bibliography.styles.record import InvalidItem, read


def _lines(csl_items: list[dict[str, Any]], profile: str, html: bool) -> list[str]:
    style = PROFILES[profile]
    out = []
    for item in csl_items:
        try:
            out.append(describe(read(item), style, html=html))
        except InvalidItem:
            continue
    return sorted(out, key=sort_key)


def plain_text(csl_items: list[dict[str, Any]], *, profile: str, title: str) -> str:
    lines = _lines(csl_items, profile, html=False)
    return title + "\n\n" + "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1)) + "\n"


def html_document(csl_items: list[dict[str, Any]], *, profile: str, title: str, lang: str) -> str:
    items = "\n".join(f"<li>{line}</li>" for line in _lines(csl_items, profile, html=True))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>\n<ol>\n{items}\n</ol>"
        "</body></html>\n"
    )


def docx_document(csl_items: list[dict[str, Any]], *, profile: str, title: str) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    document.add_heading(title, level=1)
    for number, line in enumerate(_lines(csl_items, profile, html=False), 1):
        paragraph = document.add_paragraph(f"{number}. {line}")
        paragraph.paragraph_format.first_line_indent = Pt(0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
