"""Checks and compilation of the gettext catalogues, without GNU gettext (polib only)."""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polib

# Catalogues that must be complete; "en" msgids are English already.
COMPLETE_LANGUAGES = ("kk", "ru")
_PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
_BRACE = re.compile(r"\{(\w*)(?:[:!][^}]*)?\}")


def placeholders(text: str, flags: list[str]) -> Counter[str]:
    """The multiset of placeholders in a message: %(name)s, %s, %d, and {name} for brace-format."""
    found: Counter[str] = Counter()
    for match in _PERCENT.finditer(text):
        if match.group(0) != "%%":
            found[match.group(0)] += 1
    if "python-brace-format" in flags:
        found.update("{" + m.group(1) + "}" for m in _BRACE.finditer(text))
    return found


@dataclass
class CatalogueReport:
    language: str
    entries: int = 0
    problems: list[str] = field(default_factory=list)


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def check_catalogue(path: Path, language: str) -> CatalogueReport:
    """Untranslated and fuzzy entries (for kk and ru) and broken placeholders (for all)."""
    report = CatalogueReport(language)
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.obsolete:
            continue
        report.entries += 1
        where = f"{path}:{entry.linenum}"
        if language in COMPLETE_LANGUAGES:
            if "fuzzy" in entry.flags:
                report.problems.append(f"{where}: fuzzy: {entry.msgid!r}")
            if not all(_translations(entry)):
                report.problems.append(f"{where}: untranslated: {entry.msgid!r}")
        expected = placeholders(entry.msgid, entry.flags)
        expected_plural = placeholders(entry.msgid_plural or entry.msgid, entry.flags)
        for index, text in enumerate(_translations(entry)):
            if not text:
                continue
            got = placeholders(text, entry.flags)
            # A plural form may leave out the count (Kazakh "бір"), never add or rename.
            allowed = expected | expected_plural if entry.msgid_plural else expected
            if not set(got) <= set(allowed) or (not entry.msgid_plural and got != expected):
                report.problems.append(
                    f"{where}: placeholders of form {index} {sorted(got)} do not match "
                    f"{sorted(expected)} in {entry.msgid!r}"
                )
    return report


def compile_catalogue(path: Path) -> Path:
    """Write the .mo beside the .po and prove it loads."""
    target = path.with_suffix(".mo")
    polib.pofile(str(path)).save_as_mofile(str(target))
    with target.open("rb") as handle:
        gettext.GNUTranslations(handle)
    return target


def catalogue_paths(locale_dir: Path) -> dict[str, Path]:
    return {po.parent.parent.name: po for po in sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))}


def msgids(path: Path) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
