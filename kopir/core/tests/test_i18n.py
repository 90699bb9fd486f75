"""Catalogues are complete and consistent; Kazakh dates read as Kazakh documents write them."""

from __future__ import annotations

import datetime
import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from kopir.core.i18n_catalogues import catalogue_paths, check_catalogue, compile_catalogue

LOCALE = Path(settings.LOCALE_PATHS[0])


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_project_catalogues_have_no_problems(language: str) -> None:
    report = check_catalogue(catalogue_paths(LOCALE)[language], language)
    assert report.entries > 150
    assert report.problems == []


def write_po(tmp_path: Path, *entries: polib.POEntry) -> Path:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        catalogue.append(entry)
    path = tmp_path / "django.po"
    catalogue.save(str(path))
    return path


def test_broken_placeholders_untranslated_and_fuzzy_entries_are_reported(tmp_path: Path) -> None:
    path = write_po(
        tmp_path,
        polib.POEntry(msgid="Page %(number)s", msgstr="Бет %(numbr)s", flags=["python-format"]),
        polib.POEntry(msgid="Untranslated", msgstr=""),
        polib.POEntry(msgid="Fuzzy", msgstr="Бұлдыр", flags=["fuzzy"]),
        polib.POEntry(msgid="Fine %(n)s", msgstr="Жақсы %(n)s", flags=["python-format"]),
    )
    problems = check_catalogue(path, "kk").problems
    assert len(problems) == 3
    assert any("placeholders" in p and "Page" in p for p in problems)
    assert any("untranslated" in p for p in problems)
    assert any("fuzzy" in p for p in problems)


def test_english_catalogue_may_leave_entries_empty(tmp_path: Path) -> None:
    path = write_po(tmp_path, polib.POEntry(msgid="Home", msgstr=""))
    assert check_catalogue(path, "en").problems == []


def test_compiled_catalogue_loads(tmp_path: Path) -> None:
    path = write_po(tmp_path, polib.POEntry(msgid="Home", msgstr="Басты бет"))
    with compile_catalogue(path).open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    assert catalogue.gettext("Home") == "Басты бет"
    assert catalogue.gettext("Not in it") == "Not in it"


def test_kazakh_date_format() -> None:
    with translation.override("kk"):
        assert formats.date_format(datetime.date(2022, 2, 11)) == "2022 жылғы 11 ақпан"
        assert formats.date_format(datetime.date(2024, 3, 1), "SHORT_DATE_FORMAT") == "01.03.2024"


def test_russian_date_format_uses_the_genitive_month() -> None:
    with translation.override("ru"):
        assert formats.date_format(datetime.date(2022, 2, 11)) == "11 февраля 2022 г."


def test_django_messages_missing_from_its_kazakh_catalogue_are_ours() -> None:
    with translation.override("kk"):
        rendered = Template("{% load i18n %}{% translate 'Enter a valid integer.' %}").render(
            Context()
        )
    assert rendered == "Дұрыс бүтін сан енгізіңіз."
