"""MARC import and export: both flavours, both encodings, broken files, duplicates."""

from __future__ import annotations

import dataclasses
import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.isbn import CANDIDATE, LOOKALIKES, normalise_isbn
from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.prepare import _problem
from kopir.exchange.marc.reader import read_iso2709, read_marcxml
from kopir.exchange.marc.writer import MARCXML, EncodingRefused, export
from kopir.exchange.models import BibRecord, ImportStatus
from kopir.exchange.selectors import records_with_words
from kopir.exchange.tests import fixtures
from kopir.exchange.tests.factories import BibRecordFactory
from kopir.network.models import Organisation

pytestmark = pytest.mark.django_db
FIELDS = ["title", "other_title", "responsibility", "authors", "publisher", "place", "year",
          "isbn", "language", "subjects", "udc", "bbk", "extent"]  # fmt: skip


@pytest.fixture(autouse=True)
def english():
    """Reports are written in the language of the request or command; here, English."""
    with translation.override("en"):
        yield


@pytest.fixture
def shemonaikha(network) -> Organisation:
    return network["central"]


@pytest.fixture
def barnaul(network) -> Organisation:
    return network["regional"]


def rows(organisation: Organisation) -> list[tuple]:
    return sorted(
        tuple(str(getattr(r, f)) for f in FIELDS)
        for r in BibRecord.objects.filter(organisation=organisation)
    )


@pytest.mark.parametrize(
    ("isbn", "expected"),
    [("5-900776-31-х", "9785900776316"), ("ISBN 5-900776-31-X (в пер.) : 150 р.", "9785900776316"),
     ("978-601-7044-12-1", "9786017044121"), ("5-900776-31-5", ""), ("", "")],
)  # fmt: skip
def test_isbns_are_normalised_including_a_cyrillic_x(isbn: str, expected: str) -> None:
    assert normalise_isbn(isbn) == expected


@given(
    st.text(alphabet="0123456789- XхИ", max_size=20)
    | st.builds(lambda d: "978" + d, st.text(alphabet="0123456789", min_size=10, max_size=10))
)
def test_the_fast_isbn_13_path_agrees_with_stdnum(raw: str) -> None:
    match = CANDIDATE.search(raw)
    try:
        expected = stdnum_isbn.validate(match.group(0).translate(LOOKALIKES), convert=True)
    except (StdnumError, AttributeError):  # no candidate, or not a valid ISBN
        expected = ""
    assert normalise_isbn(raw) == expected


@given(
    st.text(
        alphabet=st.sampled_from("Аа Шш Ққ Әә\t\n\r\x00\x01\x1b\x1c\x7f\x85\x9f\u2028\ufffe\uffff"),
        min_size=1,
        max_size=12,
    ).filter(lambda t: t.strip(" \t\n\r")),
    st.booleans(),
)
def test_a_record_without_control_bytes_needs_no_text_scan(title: str, utf8: bool) -> None:
    """The import looks for control characters in the raw bytes first: it finds a problem
    exactly when the scan of every text of the description does."""
    record = fixtures.rusmarc_record(f"Т{title}", "Иванов", "2001", charset="50" if utf8 else "89")
    try:
        raw = fixtures.utf8_file(record) if utf8 else fixtures.rusmarc_cp1251(record)
    except EncodingRefused:
        return  # not writable in Windows-1251
    (result,) = read_iso2709(io.BytesIO(raw))
    assert _problem(result) == _problem(dataclasses.replace(result, raw=b""))


def test_each_record_is_read_in_its_own_flavour_and_encoding() -> None:
    results = list(read_iso2709(io.BytesIO(fixtures.mixed_file())))
    assert [(r.flavour, r.encoding, r.error) for r in results] == [
        ("rusmarc", "cp1251", ""), ("marc21", "utf-8", ""), ("marc21", "utf-8", "")]  # fmt: skip
    russian, marc21, kazakh = (r.data for r in results)
    assert russian.title == "История Алтайского края" and russian.authors == ["Донин, Ю. Л."]
    assert russian.bbk == "26.89(2Рос-4Алт)" and russian.udc == "908(571.15)"
    assert (russian.year, russian.publisher, russian.place) == (
        1996,
        "Алтайское книжное издательство",
        "Барнаул",
    )
    assert (
        marc21.title == "Рудный Алтай" and marc21.place == "Өскемен" and marc21.publisher == "Шығыс"
    )
    assert kazakh.title == "Шығыс Қазақстан өлкетануы" and kazakh.language == "kaz"


def test_a_wrong_encoding_override_is_reported_not_garbled() -> None:
    results = list(read_iso2709(io.BytesIO(fixtures.mixed_file()), encoding="utf-8"))
    assert results[0].data is None and "utf-8" in results[0].error
    assert all(r.data is not None for r in results[1:])


def test_import_export_import_gives_the_same_records(shemonaikha, barnaul) -> None:
    batch = marc_import(io.BytesIO(fixtures.mixed_file()), organisation=shemonaikha, change=SYSTEM)
    assert (batch.status, batch.imported, batch.problems) == (ImportStatus.IMPORTED, 3, [])
    stored = list(BibRecord.objects.filter(organisation=shemonaikha))
    assert {r.isbn for r in stored} >= {"9785900776316", "9786017044121"}
    originals = {bytes(r.marc)[:5].isdigit() and bytes(r.marc)[-1:] == b"\x1d" for r in stored}
    assert originals == {True}  # the original ISO 2709 record kept beside the fields
    assert {r.marc_encoding for r in stored} == {"cp1251", "utf-8"}
    for flavour in ("marc21", "rusmarc"):
        for syntax in ("iso2709", MARCXML):
            BibRecord.objects.filter(organisation=barnaul).delete()
            data = [_bibdata(r) for r in stored]
            payload = b"".join(export(data, flavour=flavour, encoding="utf-8", syntax=syntax))
            again = marc_import(io.BytesIO(payload), organisation=barnaul, change=SYSTEM)
            assert again.imported == 3, (flavour, syntax, again.problems)
            assert rows(barnaul) == rows(shemonaikha), (flavour, syntax)


def _bibdata(record: BibRecord) -> BibData:
    return BibData(
        **{f: getattr(record, f) for f in FIELDS if f != "isbn"}, isbn=record.isbn_as_written
    )


def test_kazakh_letters_refuse_windows_1251_and_nothing_is_written() -> None:
    kazakh = BibData(title="Шығыс Қазақстан өлкетануы", year=2020, language="kaz")
    with pytest.raises(EncodingRefused) as refused:
        b"".join(export([kazakh], flavour="rusmarc", encoding="cp1251"))
    assert "“ы”" not in refused.value.message and "“ғ”" in refused.value.message
    assert "UTF-8" in refused.value.message
    russian = BibData(title="Рудный Алтай", year=2011)
    assert b"?" not in b"".join(export([russian], flavour="rusmarc", encoding="cp1251"))


BROKEN = {
    "bad leader": b"12X4" + b"5" * 30 + b"\x1d",
    "wrong length": b"00099nam a2200025 i 4500" + b"\x1e" + b"abc\x1d",
    "random bytes": os.urandom(200).replace(b"\x1d", b"") + b"\x1d",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_record_refuses_the_whole_batch_with_a_report(shemonaikha, kind: str) -> None:
    good = fixtures.utf8_file(fixtures.marc21_record("Рудный Алтай", "Иванов, И. И.", "2011"))
    payload = good + BROKEN[kind] + good.replace("Рудный".encode(), "Горный".encode())
    batch = marc_import(io.BytesIO(payload), organisation=shemonaikha, change=SYSTEM)
    assert batch.status == ImportStatus.REFUSED and batch.imported == 0
    assert [p["position"] for p in batch.problems] == [2]
    assert not BibRecord.objects.filter(organisation=shemonaikha).exists()
    chosen = marc_import(
        io.BytesIO(payload), organisation=shemonaikha, change=SYSTEM, good_only=True
    )
    assert chosen.status == ImportStatus.IMPORTED and chosen.imported == 2
    assert sorted(BibRecord.objects.values_list("title", flat=True)) == [
        "Горный Алтай",
        "Рудный Алтай",
    ]


def test_a_truncated_file_is_reported_at_its_last_record(shemonaikha) -> None:
    payload = fixtures.mixed_file()[:-40]
    batch = marc_import(io.BytesIO(payload), organisation=shemonaikha, change=SYSTEM)
    assert batch.status == ImportStatus.REFUSED and batch.problems[-1]["position"] == 3
    assert "cut short" in batch.problem_list()[-1][1]


def test_likely_duplicates_are_flagged_never_merged(shemonaikha) -> None:
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=shemonaikha, change=SYSTEM)
    same_isbn = fixtures.marc21_record("Другое заглавие", "Петров, П.", "1996", "590077631X")
    same_book = fixtures.marc21_record("Рудный  АЛТАЙ", "Иванов, И.", "2011")
    batch = marc_import(io.BytesIO(fixtures.utf8_file(same_isbn, same_book)),
                        organisation=shemonaikha, change=SYSTEM)  # fmt: skip
    assert batch.duplicates == 2 and BibRecord.objects.filter(organisation=shemonaikha).count() == 5
    flagged = BibRecord.objects.filter(batch=batch).select_related("duplicate_of")
    assert {r.duplicate_of.title for r in flagged} == {"История Алтайского края", "Рудный Алтай"}


def _insert_trigger() -> str | None:
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'exchange_bibrecord_words_ai'")
        return cursor.fetchone()[0]


def test_the_word_index_holds_imported_records_and_later_ones(shemonaikha) -> None:
    """An import writes the word index itself, a chunk at a time (on SQLite, with the insert
    trigger off meanwhile); afterwards, and after a refused file, the trigger is as it was."""
    trigger = _insert_trigger()
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=shemonaikha, change=SYSTEM)
    broken = fixtures.mixed_file() + b"00099garbage"
    refused = marc_import(io.BytesIO(broken), organisation=shemonaikha, change=SYSTEM)
    assert refused.status == ImportStatus.REFUSED
    assert _insert_trigger() == trigger
    later = BibRecordFactory(organisation=shemonaikha, title="Летопись Убинского района")
    titles = {
        word: set(
            BibRecord.objects.filter(pk__in=records_with_words(word)).values_list(
                "title", flat=True
            )
        )
        for word in ("алтайского", "қазақстан", "рудном", "убинский")
    }
    assert titles == {
        "алтайского": {"История Алтайского края"},
        "қазақстан": {"Шығыс Қазақстан өлкетануы"},
        "рудном": {"Рудный Алтай"},
        "убинский": {later.title},
    }


def test_marcxml_is_read_and_hostile_xml_is_refused(shemonaikha) -> None:
    data = [BibData(title="Рудный Алтай", authors=["Иванов, И. И."], year=2011)]
    payload = b"".join(export(data, flavour="rusmarc", syntax=MARCXML))
    assert [r.data.title for r in read_marcxml(io.BytesIO(payload))] == ["Рудный Алтай"]
    bomb = (b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<collection xmlns="http://www.loc.gov/MARC21/slim">&b;</collection>')  # fmt: skip
    batch = marc_import(io.BytesIO(bomb), organisation=shemonaikha, change=SYSTEM)
    assert batch.status == ImportStatus.REFUSED and batch.imported == 0
    broken = marc_import(io.BytesIO(payload[:-30]), organisation=shemonaikha, change=SYSTEM)
    assert broken.status == ImportStatus.REFUSED and "well-formed" in broken.problem_list()[0][1]


def test_the_import_command(shemonaikha, tmp_path, capsys) -> None:
    path = tmp_path / "irbis.iso"
    path.write_bytes(fixtures.mixed_file() + BROKEN["bad leader"])
    with pytest.raises(CommandError, match="run again with --good-only"):
        call_command("import_marc", str(path), organisation=shemonaikha.pk, verbosity=0,
                     language="en")  # fmt: skip
    assert not BibRecord.objects.exists()
    assert "Record 4:" in capsys.readouterr().err
    call_command("import_marc", str(path), organisation=shemonaikha.pk, good_only=True, verbosity=0)
    assert BibRecord.objects.filter(organisation=shemonaikha).count() == 3


JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 8
)  # the bytes of a photo: 0x1D among them, but never before a record length
MODS = ('<?xml version="1.0"?><mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>'
        "Рудный Алтай</title></titleInfo></mods>").encode()  # fmt: skip
NOT_MARC = {
    "empty": (b"", "empty", "The file is empty"),
    "blank": (b"  \r\n\x1d\n", "empty", "The file is empty"),
    "jpeg": (JPEG, "not_marc", "its content is of the type image/jpeg"),
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "not_marc", "application/pdf"),
    "text": (b"Title: Rudnyi Altai\nAuthor: Ivanov\n", "not_marc", "text/plain"),
    "mods": (MODS, "not_marcxml", "<mods> (http://www.loc.gov/mods/v3)"),
    "no records": (
        b'<collection xmlns="http://www.loc.gov/MARC21/slim"/>',
        "empty",
        "no MARC record",
    ),
}


@pytest.mark.parametrize("kind", sorted(NOT_MARC))
def test_a_file_without_marc_gets_one_clear_reason(shemonaikha, kind: str) -> None:
    payload, code, words = NOT_MARC[kind]
    for good_only in (False, True):
        batch = marc_import(io.BytesIO(payload), organisation=shemonaikha, change=SYSTEM,
                            file_name="books.iso", good_only=good_only)  # fmt: skip
        assert (batch.status, batch.total, batch.imported) == (ImportStatus.REFUSED, 0, 0)
        assert [p["code"] for p in batch.problems] == [code]
        assert batch.problem_list()[0][0] == 0 and words in batch.problem_list()[0][1]
    assert not BibRecord.objects.exists()


def test_a_real_marc_file_with_a_damaged_first_record_is_still_read(shemonaikha) -> None:
    payload = BROKEN["bad leader"] + fixtures.mixed_file()
    batch = marc_import(io.BytesIO(payload), organisation=shemonaikha, change=SYSTEM,
                        good_only=True)  # fmt: skip
    assert [p["position"] for p in batch.problems] == [1] and batch.imported == 3


@pytest.mark.parametrize(
    ("language", "expected", "foreign"),
    [
        ("ru", ["Файл: Это не файл MARC", "Ничего не импортировано."], "record"),
        ("kk", ["Файл: Бұл MARC файлы емес", "Ештеңе импортталмады."], "record"),
        ("en", ["The file: This is not a MARC file", "Nothing imported."], "Файл"),
    ],
)
def test_the_command_reports_in_one_language(
    shemonaikha, tmp_path, capsys, language: str, expected: list[str], foreign: str
) -> None:
    path = tmp_path / "photo.iso"
    path.write_bytes(JPEG)
    with pytest.raises(CommandError) as refused:
        call_command("import_marc", str(path), organisation=shemonaikha.pk, verbosity=0,
                     language=language)  # fmt: skip
    output = capsys.readouterr()
    report = output.err + output.out + str(refused.value)
    assert all(text in report for text in expected), report
    assert foreign.lower() not in report.lower()
