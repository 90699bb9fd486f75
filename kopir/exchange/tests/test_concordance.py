"""RUSMARC ↔ MARC 21 by the published concordance (marc.concordance), on real records other
systems wrote: an ИРБИС64 export (RUSMARC, Windows-1251) and pymarc's MARC 21 samples. What a
conversion cannot carry is named, never dropped: every word of every original subfield is in
the converted record, or its field or subfield is in the report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from pymarc import Field, Record

from kopir.exchange.marc.concordance import convert
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.reader import read_iso2709
from kopir.exchange.marc.writer import marcxml_element

DATA = Path(__file__).parent / "data" / "marc"
XSD = Path(__file__).parents[2] / "heritage" / "tests" / "data" / "oai-xsd" / "MARC21slim.xsd"
SAMPLES = [
    ("managedirbis-TEST1.ISO", RUSMARC),
    ("pymarc-utf8_with_leader_flag.dat", MARC21),
    ("pymarc-multi_isbn.dat", MARC21),
    ("pymarc-1251.dat", MARC21),
]
# what is rewritten rather than moved: coded data, relator codes, embedded fields' tags
CODED = {"100", "102", "105", "008", "101", "041"}


def records(name: str) -> list[Record]:
    with (DATA / name).open("rb") as stream:
        return [r.record for r in read_iso2709(stream) if r.record is not None]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.replace("-", "").lower()))


def _named(found: Field, code: str, lost: list[str]) -> bool:
    prefix = f"{found.tag}${code}"
    return found.tag in lost or any(name.startswith(prefix) for name in lost)


@pytest.mark.parametrize(("name", "flavour"), SAMPLES)
def test_nothing_is_dropped_without_being_named(name: str, flavour: str) -> None:
    for original in records(name):
        done = convert(original, flavour)
        text = words(" ".join(
            f.data if f.is_control_field() else " ".join(s.value for s in f.subfields)
            for f in done.record.fields
        ))  # fmt: skip
        for found in original.fields:
            if found.is_control_field() or found.tag in CODED:
                continue
            embedded = ""
            for sub in found.subfields:
                if sub.code == "1":
                    embedded = sub.value[:3]
                    continue
                if sub.code == "4" or _named(found, sub.code, done.not_carried):
                    continue
                if embedded and any(n.startswith(f"{found.tag}$1{embedded}${sub.code}")
                                    for n in done.not_carried):  # fmt: skip
                    continue
                missing = words(sub.value) - text
                assert not missing, (found.tag, sub.code, sub.value, done.not_carried)


@pytest.mark.parametrize(("name", "flavour"), SAMPLES)
def test_every_converted_marc21_record_is_valid_marcxml(name: str, flavour: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    for original in records(name):
        converted = convert(original, flavour).record if flavour == RUSMARC else original
        element = marcxml_element(converted)
        assert schema.validate(element), schema.error_log
        assert str(converted.leader)[20:24] == "4500"


def test_a_rusmarc_volume_becomes_marc_21_field_by_field() -> None:
    volume = records("managedirbis-TEST1.ISO")[0]  # «Вып. 13.» of «Задачи и этюды»
    done = convert(volume, RUSMARC)
    marc = done.record
    assert str(marc.leader)[5:8] == "nam" and str(marc.leader)[20:24] == "4500"
    assert marc["008"].data[0:6] == "980716" and marc["008"].data[7:11] == "1997"
    assert marc["008"].data[15:18] == "ru " and marc["008"].data[35:38] == "rus"
    assert marc["008"].data[18:20] == "ac"  # illustrations, portraits (105 $a)
    assert marc["008"].data[23] == marc["008"].data[28] == "|"  # not in 105: not guessed
    assert marc["020"]["a"] == "5744300430"
    assert [f["a"] for f in marc.get_fields("017")] == ["98-1576", "2001-1566п"]
    assert marc["245"].value() == "Вып. 13."
    assert marc["300"].get_subfields("a", "b") == ["80 с. :", "ил., портр."]
    link = marc["773"]
    assert (link["t"], link["g"], link["w"]) == ("Задачи и этюды", "Вып. 13", "RU\\NLR\\bibl\\5996")
    assert marc["040"].get_subfields("a", "b", "e") == ["NLR", "rus", "PSBO"]
    assert marc["852"].get_subfields("a", "j") == ["NLR", "97-4/119"]
    assert done.not_carried == ["010$9", "021$9", "801$a", "801$c"]


def test_people_subjects_and_notes_keep_their_parts() -> None:
    found = [convert(r, RUSMARC) for r in records("managedirbis-TEST1.ISO")]
    fields = [f for done in found for f in done.record.fields]
    titov = next(f for f in fields if f.tag == "700" and "Титов" in f["a"])
    assert titov["a"].startswith("Титов, Ф. И.") and titov["q"] == "(Федор Иванович)"
    assert titov["d"] == "1864-1935" and titov["0"] == "RU\\NLR\\auth\\779485"
    # a subject's subdivisions, in MARC 21's codes, with the system named (indicator 2 "7")
    divided = next(f for f in fields if f.tag == "650" and f.get_subfields("x"))
    assert divided.indicator2 == "7" and divided["2"]
    # every classification, not only the first
    assert sum(f.tag == "084" for f in fields) == sum(
        f.tag == "686" for r in records("managedirbis-TEST1.ISO") for f in r.fields
    )
    assert any(f.tag == "504" for f in fields) and any(f.tag == "505" for f in fields)


def test_a_marc_21_record_becomes_rusmarc_field_by_field() -> None:
    book = records("pymarc-utf8_with_leader_flag.dat")[0]
    done = convert(book, MARC21)
    rus = done.record
    assert str(rus.leader)[20:24] == "450 " and str(rus.leader)[5:8] == str(book.leader)[5:8]
    coded = rus["100"]["a"]
    assert len(coded) == 36 and coded[9:13] == book["008"].data[7:11]
    assert coded[20] == "y" and book["008"].data[28] == " "  # not a government publication
    title = rus["200"]
    assert title["a"] == book["245"]["a"].rstrip(" /:.")  # without MARC 21's punctuation
    author = rus["700"]
    assert f"{author['a']}, {author['b']}" == book["100"]["a"].rstrip(".")
    assert [f.tag for f in rus.get_fields("606")] and not rus.get_fields("650")
