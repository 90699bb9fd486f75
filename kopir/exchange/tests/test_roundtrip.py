"""Records without loss, checked on real files that other systems wrote (data/marc/README.md):
an ИРБИС64 RUSMARC export in Windows-1251, and pymarc's MARC 21 and MARCXML samples."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pymarc import Record, parse_xml_to_array

from kopir.core.audit import SYSTEM
from kopir.exchange import exports, selectors
from kopir.exchange.exports import ExportChoice, ExportReport
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.reader import CP1251, UTF8, iso2709_chunks, read_iso2709
from kopir.exchange.marc.writer import MARCXML, EncodingRefused
from kopir.exchange.models import BibRecord
from kopir.exchange.tests.factories import BibRecordFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "marc"
ISO_FILES = [
    "managedirbis-TEST1.ISO",  # RUSMARC, Windows-1251
    "pymarc-1251.dat",  # MARC 21, Windows-1251
    "pymarc-utf8_with_leader_flag.dat",  # MARC 21, UTF-8
    "pymarc-multi_isbn.dat",  # MARC 21, repeated 020
]


def imported(library, name: str):
    with (DATA / name).open("rb") as stream:
        batch = marc_import(stream, organisation=library, change=SYSTEM, file_name=name)
    assert batch.status == "imported" and batch.imported == batch.total > 0
    return batch


def written(choice: ExportChoice, **scope) -> tuple[bytes, ExportReport]:
    report = ExportReport()
    body = b"".join(exports.write(selectors.record_export(**scope), choice, report))
    return body, report


def fields(record: Record) -> list[tuple]:
    """Every field, in order: tag, indicators and subfields (code, value), or control data."""
    return [
        (f.tag, f.data) if f.is_control_field()
        else (f.tag, f.indicator1, f.indicator2, [(s.code, s.value) for s in f.subfields])
        for f in record.fields
    ]  # fmt: skip


def originals(name: str) -> list[Record]:
    with (DATA / name).open("rb") as stream:
        return [r.record for r in read_iso2709(stream)]


@pytest.mark.parametrize("name", ISO_FILES)
def test_an_unchanged_record_is_exported_byte_for_byte(network, name: str) -> None:
    batch = imported(network["central"], name)
    body, report = written(ExportChoice(), batch=batch.pk)
    with (DATA / name).open("rb") as stream:
        records = [chunk for _, chunk, _ in iso2709_chunks(stream)]
    assert body == b"".join(records)  # every record as it came, in the file's order
    assert report.count == len(records) and not report.converted and not report.refused


@pytest.mark.parametrize("name", ISO_FILES)
@pytest.mark.parametrize("syntax", ["iso2709", MARCXML])
def test_another_encoding_or_marcxml_keeps_every_field_and_the_leader(
    network, name: str, syntax: str
) -> None:
    batch = imported(network["central"], name)
    before = originals(name)
    source = {r.marc_encoding for r in BibRecord.objects.filter(batch=batch)}
    target = UTF8 if source == {CP1251} else CP1251
    if syntax == MARCXML:
        body, _ = written(ExportChoice(syntax=MARCXML), batch=batch.pk)
        after = parse_xml_to_array(io.BytesIO(body))
    else:
        body, report = written(ExportChoice(encoding=target, skip_refused=True), batch=batch.pk)
        after = [r.record for r in read_iso2709(io.BytesIO(body))]
        if target == UTF8:
            assert not report.refused  # UTF-8 holds everything
        else:  # a record with a letter Windows-1251 lacks (é as e + ◌́) is left out, named
            left_out = {w.position for w in report.refused}
            assert all("Windows-1251" in w.refused for w in report.refused)
            before = [r for n, r in enumerate(before, start=1) if n not in left_out]
        assert {r.encoding for r in read_iso2709(io.BytesIO(body))} <= {target}  # restated
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert fields(new) == _without_charset(fields(old), fields(new))
        assert str(new.leader)[5:9].replace("a", " ") == str(old.leader)[5:9].replace("a", " ")
        assert str(new.leader)[17:20] == str(old.leader)[17:20]  # and RUSMARC's "450 " stays
        assert str(new.leader)[20:] == str(old.leader)[20:]


def _without_charset(old: list[tuple], new: list[tuple]) -> list[tuple]:
    """The old fields with RUSMARC 100 $a/26-29 (the character set) taken from the new ones:
    the one thing that changes when a record is written in another encoding."""
    restated = dict((f[0], f) for f in new if f[0] == "100")
    out = []
    for found in old:
        if found[0] == "100" and "100" in restated:
            old_a = [v for c, v in found[3] if c == "a"]
            new_a = [v for c, v in restated["100"][3] if c == "a"]
            if old_a and new_a and old_a[0][:26] == new_a[0][:26]:
                found = restated["100"]
        out.append(found)
    return out


def test_the_irbis_export_keeps_what_the_old_export_dropped(network) -> None:
    batch = imported(network["central"], "managedirbis-TEST1.ISO")
    body, _ = written(ExportChoice(encoding=UTF8), batch=batch.pk)
    tags = [f.tag for r in read_iso2709(io.BytesIO(body)) for f in r.record.fields]
    for tag in ("461", "702", "801", "899", "686", "215"):
        assert tag in tags, tag
    assert tags.count("801") > 81  # every repeat, not only the first
    first = next(read_iso2709(io.BytesIO(body))).record
    assert str(first.leader)[5:9] == "nam2" and str(first.leader)[20:24] == "450 "


def test_a_conversion_names_what_it_cannot_carry(network) -> None:
    batch = imported(network["central"], "managedirbis-TEST1.ISO")
    body, report = written(ExportChoice(flavour="marc21", encoding=UTF8), batch=batch.pk)
    converted = list(read_iso2709(io.BytesIO(body)))
    assert {r.flavour for r in converted} == {"marc21"} and len(converted) == 81
    assert len(report.converted) == 81
    lost = {name for w in report.converted for name in w.not_carried}
    assert {"010$9", "675$z"} <= lost  # the print run, the UDC edition's language: no place
    carried = {"801", "899", "021", "461", "225", "702", "300", "320", "327", "686", "606$x"}
    assert not carried & lost  # sources, holdings, sets, series, people, notes, subdivisions
    first = report.converted[0]
    assert first.position == 1 and "010$9" in first.not_carried
    assert "200$a" not in first.not_carried
    assert str(converted[0].record.leader)[5:8] == "nam"  # status, type and level carried
    # a volume is named under its set, as the pages show it
    titles = [w.title for w in report.converted]
    assert "Задачи и этюды. Вып. 28" in titles and "Вып. 28" not in titles


def test_windows_1251_refuses_a_kazakh_record_or_leaves_it_out(network) -> None:
    library = network["central"]
    BibRecordFactory(organisation=library, title="Қазақ әдебиеті")
    BibRecordFactory(organisation=library, title="Рудный Алтай")
    with pytest.raises(EncodingRefused, match="Қазақ әдебиеті"):
        written(ExportChoice(encoding=CP1251), organisation=library)
    body, report = written(ExportChoice(encoding=CP1251, skip_refused=True), organisation=library)
    assert [r.data.title for r in read_iso2709(io.BytesIO(body))] == ["Рудный Алтай"]
    assert [w.title for w in report.refused] == ["Қазақ әдебиеті"] and report.count == 1


def test_the_export_command(network, tmp_path, capsys) -> None:
    library = network["central"]
    imported(library, "pymarc-1251.dat")
    latest = imported(library, "managedirbis-TEST1.ISO")
    out = tmp_path / "latest.iso"
    call_command("export_marc", str(out), organisation=library.slug, batch="latest",
                 language="en")  # fmt: skip
    assert out.read_bytes() == (DATA / "managedirbis-TEST1.ISO").read_bytes().rstrip(b"\r\n")
    assert "81 records written" in capsys.readouterr().out
    xml = tmp_path / "all.xml"
    call_command("export_marc", str(xml), syntax=MARCXML, language="en")
    assert len(parse_xml_to_array(str(xml))) == 87
    BibRecordFactory(organisation=library, title="Қазақ әдебиеті", batch=latest)
    refused = tmp_path / "refused.iso"
    with pytest.raises(CommandError, match="Nothing written"):
        call_command("export_marc", str(refused), batch=str(latest.pk), encoding=CP1251,
                     language="en")  # fmt: skip
    assert not refused.exists() and not list(tmp_path.glob("*.part"))
    call_command("export_marc", str(refused), batch=str(latest.pk), encoding=CP1251,
                 skip_refused=True, language="ru")  # fmt: skip
    output = capsys.readouterr()
    assert "Запись 82:" in output.err and "записано записей: 81; пропущено: 1" in output.out
    assert len(list(read_iso2709(refused.open("rb")))) == 81


def test_the_workspace_exports_a_batch_a_search_or_chosen_books(network, editor) -> None:
    library = network["central"]
    batch = imported(library, "managedirbis-TEST1.ISO")
    imported(library, "pymarc-1251.dat")
    client = Client()
    client.force_login(editor)
    url = f"/ru/exchange/books/{library.slug}/export/"
    page = client.get(f"/ru/exchange/books/{library.slug}/").content.decode()
    assert f"export/?batch={batch.pk}" in page and 'form="export-chosen"' in page
    whole = client.get(url, {"batch": batch.pk, "syntax": "iso2709", "flavour": "", "encoding": ""})
    assert whole["Content-Type"] == "application/marc"
    assert whole.content == (DATA / "managedirbis-TEST1.ISO").read_bytes().rstrip(b"\r\n")
    chosen = list(BibRecord.objects.filter(batch=batch).values_list("pk", flat=True)[:2])
    two = client.get(url, {"record": chosen, "syntax": "marcxml"})
    assert len(parse_xml_to_array(io.BytesIO(two.content))) == 2
    found = client.get(url, {"q": "задачи этюды", "syntax": "iso2709"})
    sets = {r.data.set_title or r.data.title for r in read_iso2709(io.BytesIO(found.content))}
    assert sets == {"Задачи и этюды"}  # the set and its volumes, found by the set's title
    # A conversion is shown first with its losses, and downloads when accepted.
    converting = {"batch": batch.pk, "syntax": "iso2709", "flavour": "marc21", "encoding": "utf-8"}
    shown = client.get(url, converting)
    assert shown["Content-Type"].startswith("text/html") and "801" in shown.content.decode()
    accepted = client.get(url, {**converting, "accept_losses": "on"})
    assert accepted["Content-Type"] == "application/marc"
    # Another library's batch gives nothing of it.
    other = client.get(url, {"batch": 999999, "syntax": "iso2709"})
    assert "Нет записей для выгрузки" in other.content.decode()
