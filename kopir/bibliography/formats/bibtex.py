"""BibTeX in and out over CSL-JSON items (bibtexparser 2 reads and writes the syntax)."""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
from bibtexparser.model import Entry, Field, ParsingFailedBlock

ENTRY_TYPES = {  # CSL type → BibTeX entry type
    "book": "book", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "chapter": "incollection", "paper-conference": "inproceedings",
    "thesis": "phdthesis", "report": "techreport", "webpage": "online", "legislation": "misc",
    "motion_picture": "misc",
}  # fmt: skip
CSL_TYPES = {
    "book": "book", "article": "article-journal", "incollection": "chapter", "inbook": "chapter",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "phdthesis": "thesis", "mastersthesis": "thesis", "techreport": "report",
    "online": "webpage", "misc": "book", "proceedings": "book",
}  # fmt: skip
FIELDS = {  # CSL → BibTeX field
    "title": "title", "publisher": "publisher", "publisher-place": "address", "volume": "volume",
    "issue": "number", "edition": "edition", "ISBN": "isbn", "URL": "url", "language": "language",
    "genre": "type", "collection-title": "series", "number-of-pages": "pagetotal", "DOI": "doi",
    "note": "note", "dimensions": "illustrations", "authority": "institution",
}  # fmt: skip


class BibTeXError(ValueError):
    pass


def _names(value: str) -> list[dict[str, str]]:
    out = []
    for part in re.split(r"\s+and\s+", value.strip()):
        part = part.strip().strip("{}")
        if not part:
            continue
        if "," in part:
            family, given = part.split(",", 1)
            out.append({"family": family.strip(), "given": given.strip()} if given.strip()
                       else {"family": family.strip()})  # fmt: skip
        else:
            out.append({"literal": part})
    return out


def _name(value: dict[str, str]) -> str:
    if value.get("literal"):
        return "{" + value["literal"] + "}"
    return f"{value.get('family', '')}, {value.get('given', '')}".rstrip(", ")


def loads(text: str) -> list[dict[str, Any]]:
    library = bibtexparser.parse_string(text)
    failed = [b for b in library.blocks if isinstance(b, ParsingFailedBlock)]
    if failed:
        raise BibTeXError(f"line {(failed[0].start_line or 0) + 1}: {failed[0].error}")
    items = []
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value).strip() for f in entry.fields}
        kind = CSL_TYPES.get(entry.entry_type.lower(), "book")
        if kind == "article-journal" and fields.get("entrysubtype", "").strip("{}") == "newspaper":
            kind = "article-newspaper"  # biblatex's way of telling a newspaper from a journal
        item: dict[str, Any] = {"id": entry.key, "type": kind}
        for csl, bib in FIELDS.items():
            if fields.get(bib):
                item[csl] = fields[bib].strip("{}")
        container = fields.get("journal") or fields.get("booktitle") or fields.get("journaltitle")
        if container:
            item["container-title"] = container.strip("{}")
        for csl, bib in (("author", "author"), ("editor", "editor")):
            if fields.get(bib):
                item[csl] = _names(fields[bib])
        if fields.get("year", "").strip("{}").isdigit():
            parts = [int(fields["year"].strip("{}"))]
            month = fields.get("month", "").strip("{}")
            if month.isdigit():
                parts.append(int(month))
            item["issued"] = {"date-parts": [parts]}
        full = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", fields.get("date", "").strip("{}"))
        if full:  # biblatex's date: the day too (a newspaper issue)
            item["issued"] = {"date-parts": [[int(part) for part in full.groups()]]}
        if fields.get("pages"):
            item["page"] = re.sub(r"-+", "-", fields["pages"].strip("{}"))
        urldate = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", fields.get("urldate", "").strip("{}"))
        if urldate:
            item["accessed"] = {"date-parts": [[int(part) for part in urldate.groups()]]}
        if not item.get("title"):
            raise BibTeXError(f"entry {entry.key}: no title")
        items.append(item)
    return items


def dumps(items: list[dict[str, Any]]) -> str:
    library = bibtexparser.Library()
    for index, item in enumerate(items):
        fields = [Field(bib, str(item[csl])) for csl, bib in FIELDS.items() if item.get(csl)]
        if item.get("container-title"):
            host = "journal" if item.get("type", "").startswith("article") else "booktitle"
            fields.append(Field(host, item["container-title"]))
        for csl in ("author", "editor"):
            if item.get(csl):
                fields.append(Field(csl, " and ".join(_name(n) for n in item[csl])))
        parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0]
        if parts:
            fields.append(Field("year", str(parts[0])))
            if len(parts) > 1:
                fields.append(Field("month", str(parts[1])))
            if len(parts) == 3:
                fields.append(Field("date", "{:04d}-{:02d}-{:02d}".format(*parts)))
        if item.get("page"):
            fields.append(Field("pages", re.sub(r"[-\u2013]+", "--", str(item["page"]))))
        accessed = ((item.get("accessed") or {}).get("date-parts") or [[]])[0]
        if len(accessed) == 3:  # biblatex's urldate
            fields.append(Field("urldate", "{:04d}-{:02d}-{:02d}".format(*accessed)))
        if item.get("type") == "article-newspaper":
            fields.append(Field("entrysubtype", "newspaper"))
        key = re.sub(r"[^A-Za-z0-9_-]", "", str(item.get("id") or "")) or f"item{index + 1}"
        library.add(Entry(ENTRY_TYPES.get(item.get("type", "book"), "misc"), key, fields))
    return bibtexparser.write_string(library)
