"""MARC 21 and RUSMARC, read and written by tag (reference-standards §5.1).

pymarc's convenience properties (title, author, isbn …) are MARC 21-only: on RUSMARC they
return the coded data of 100 $a, so both flavours are read here tag by tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pymarc import Field, Indicators, Leader, Record, Subfield

from kopir.core.registry import Registry
from kopir.exchange.marc.model import AUTHOR_ROLES, BibData, relator

MARC21, RUSMARC = "marc21", "rusmarc"
YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")


class _Indexed:
    """A record's fields by tag, looked up once: pymarc's get_fields scans every field per call,
    and a description reads some twenty tags."""

    def __init__(self, record: Record) -> None:
        self.by_tag: dict[str, list[Field]] = {}
        for found in record.fields:
            self.by_tag.setdefault(found.tag, []).append(found)

    def get_fields(self, tag: str) -> list[Field]:
        return self.by_tag.get(tag, [])


def _first(record: _Indexed, tag: str, code: str) -> str:
    for found in record.get_fields(tag):
        values = found.get_subfields(code)
        if values:
            return values[0].strip()
    return ""


def _all(record: _Indexed, tag: str, code: str) -> list[str]:
    return [v.strip() for f in record.get_fields(tag) for v in f.get_subfields(code) if v.strip()]


def _control_number(record: _Indexed) -> str:
    found = record.get_fields("001")
    return (found[0].data or "") if found else ""


def _bbk(record: _Indexed, tag: str) -> str:
    """ББК: the classification field whose $2 names the system rubbk / rubbkm (§5.1)."""
    for found in record.get_fields(tag):
        if found.get_subfields("a") and any("bbk" in c for c in found.get_subfields("2")):
            return found.get_subfields("a")[0].strip()
    return ""


def _embedded_title(found: Field) -> str:
    """The title in a RUSMARC link field (4XX): the $a of the embedded 200 ($1 200…), or, as
    some systems write it, the field's first $a."""
    in_title = False
    for sub in found.subfields:
        if sub.code == "1":
            in_title = sub.value.startswith("200")
        elif sub.code == "a" and in_title:
            return sub.value.strip()
    values = found.get_subfields("a")
    return values[0].strip() if values else ""


def _numbered(found: Field, title: str = "a", number: str = "v") -> str:
    """«Series ; No.» from a series field."""
    name = (found.get_subfields(title) or [""])[0].strip().rstrip(" ;.,")
    numbers = [n.strip() for n in found.get_subfields(number) if n.strip()]
    return f"{name} ; {numbers[0]}" if name and numbers else name


def _year(*texts: str) -> int | None:
    for text in texts:
        match = YEAR.search(text or "")
        if match:
            return int(match.group(1))
    return None


def _clean(text: str) -> str:
    """ISBD punctuation that MARC 21 leaves at the end of subfields (" /", " :", ",")."""
    return text.strip().rstrip(" /:;,=").strip()


def _marc21_volume(record: _Indexed) -> tuple[str, str, str]:
    """(set title, volume, own title): 245 $a $n $p (a set's volume described under the set's
    title), else a host in 773 $t with its part in $g."""
    title = _clean(_first(record, "245", "a"))
    number = _clean(" ".join(_all(record, "245", "n")))
    part = _clean(" ".join(_all(record, "245", "p")))
    if number or part:
        return title.rstrip("."), number, part
    host = _clean(_first(record, "773", "t"))
    if host:
        return host, _clean(_first(record, "773", "g")), title
    return "", "", title


def _role(found: Field) -> str:
    """The relator: $4 (a code), else $e (a term, as MARC 21 records often give it)."""
    codes = found.get_subfields("4") or found.get_subfields("e")
    return _clean(codes[0]).lower() if codes else ""


def _bodies(record: _Indexed, tags: tuple[str, ...]) -> list[dict]:
    """Corporate bodies and meetings with their roles: name and subdivisions ($a, $b)."""
    found = []
    for field in (f for tag in tags for f in record.get_fields(tag)):
        name = ". ".join(_clean(v) for v in field.get_subfields("a", "b") if _clean(v))
        if name:
            found.append({"name": name, "role": _role(field), "body": True})
    return found


def _marc21_people(record: _Indexed) -> tuple[list[str], list[dict]]:
    """Authors (100, and 700 as author or without a role) and everyone else with a role
    (700 with another role; bodies and meetings in 110/111/710/711)."""
    authors = [_clean(a) for a in _all(record, "100", "a")]
    others: list[dict] = []
    for found in record.get_fields("700"):
        name, role = _clean((found.get_subfields("a") or [""])[0]), _role(found)
        if name and role in AUTHOR_ROLES:
            authors.append(name)
        elif name:
            others.append({"name": name, "role": role, "body": False})
    return authors, others + _bodies(record, ("110", "111", "710", "711"))


def read_marc21(original: Record) -> BibData:
    record = _Indexed(original)
    fixed = record.get_fields("008")
    fixed_data = (fixed[0].data or "") if fixed else ""
    tag = "260" if record.get_fields("260") else "264"
    authors, contributors = _marc21_people(record)
    set_title, volume, own = _marc21_volume(record)
    series = [_numbered(f) for f in record.get_fields("830")]
    series += [_numbered(f, "t") for t in ("800", "810", "811") for f in record.get_fields(t)]
    if not series:
        series = [_numbered(f) for f in record.get_fields("490")]
    return BibData(
        title=own,
        set_title=set_title,
        volume=volume,
        series=[s for s in series if s],
        parts=[_clean(t) for t in _all(record, "505", "t")],
        contributors=contributors,
        other_title=_clean(_first(record, "245", "b")),
        responsibility=_clean(_first(record, "245", "c")),
        authors=authors,
        publisher=_clean(_first(record, tag, "b")),
        place=_clean(_first(record, tag, "a")),
        year=_year(fixed_data[7:11], _first(record, tag, "c")),
        isbn=_first(record, "020", "a"),
        language=_first(record, "041", "a") or fixed_data[35:38].strip(),
        subjects=[_clean(s) for s in _all(record, "650", "a") + _all(record, "651", "a")],
        udc=_first(record, "080", "a"),
        bbk=_bbk(record, "084"),
        extent=_clean(_first(record, "300", "a")),
        control_number=_control_number(record),
    )  # fmt: skip


def _rusmarc_person(found: Field) -> str:
    surname = (found.get_subfields("a") or [""])[0].strip()
    initials = (found.get_subfields("b") or [""])[0].strip()
    return f"{surname}, {initials}".strip(", ") if initials else surname


def _rusmarc_volume(record: _Indexed) -> tuple[str, str]:
    """(set title, volume): 461 (the set) and 462 (a subset), each with its number in $v;
    a piece of a host (463) is shown under the host's title the same way."""
    titles, number = [], ""
    for tag in ("461", "462", "463"):
        for found in record.get_fields(tag)[:1]:
            title = _embedded_title(found)
            if title:
                titles.append(title.rstrip("."))
            number = (found.get_subfields("v") or [number])[0].strip()
    return ". ".join(titles), number


def read_rusmarc(original: Record) -> BibData:
    record = _Indexed(original)
    coded = _first(record, "100", "a")
    authors = [_rusmarc_person(f) for tag in ("700", "701") for f in record.get_fields(tag)]
    people = [(_rusmarc_person(f), _role(f)) for f in record.get_fields("702")]
    contributors = [{"name": name, "role": role, "body": False} for name, role in people if name]
    contributors += _bodies(record, ("710", "711", "712"))
    set_title, volume = _rusmarc_volume(record)
    return BibData(
        set_title=set_title,
        volume=volume,
        series=[s for s in (_numbered(f) for f in record.get_fields("225")) if s],
        parts=[t for t in (_embedded_title(f) for f in record.get_fields("464")) if t],
        contributors=contributors,
        title=_first(record, "200", "a"),
        other_title=_first(record, "200", "e"),
        responsibility=_first(record, "200", "f"),
        authors=[a for a in authors if a],
        publisher=_first(record, "210", "c"),
        place=_first(record, "210", "a"),
        year=_year(_first(record, "210", "d"), coded[9:13]),
        isbn=_first(record, "010", "a"),
        language=_first(record, "101", "a"),
        subjects=_all(record, "606", "a") + _all(record, "607", "a") + _all(record, "610", "a"),
        udc=_first(record, "675", "a"),
        bbk=_bbk(record, "686"),
        extent=_first(record, "215", "a"),
        control_number=_control_number(record),
    )  # fmt: skip


def guess_flavour(record: Record) -> str:
    """RUSMARC has its title in 200 and coded data in 100; MARC 21 its title in 245."""
    if record.get_fields("245"):
        return MARC21
    if record.get_fields("200"):
        return RUSMARC
    return MARC21


def _field(tag: str, indicators: str, pairs: list[tuple[str, str]]) -> Field | None:
    subfields = [Subfield(code, value) for code, value in pairs if value]
    if not subfields:
        return None
    return Field(tag=tag, indicators=Indicators(indicators[0], indicators[1]), subfields=subfields)


def _series_pairs(series: str) -> list[tuple[str, str]]:
    name, _, number = series.partition(" ; ")
    return [("a", name.strip()), ("v", number.strip())]


def write_marc21(data: BibData) -> Record:
    record = Record(force_utf8=True)
    record.leader = Leader("00000nam a2200000 i 4500")  # not the constructor's "4500"
    year = f"{data.year:04d}" if data.year else "    "
    language = (data.language or "und")[:3]
    if data.control_number:
        record.add_field(Field(tag="001", data=data.control_number))
    record.add_field(Field(tag="008", data=f"000000s{year}    xx            000 0 {language} d"))
    fields = [
        _field("020", "  ", [("a", data.isbn)]),
        _field("041", "0 ", [("a", data.language)]),
        _field("080", "  ", [("a", data.udc)]),
        _field("084", "  ", [("a", data.bbk), ("2", "rubbk")] if data.bbk else []),
        _field("100", "1 ", [("a", data.authors[0])] if data.authors else []),
        _field(
            "245", "10", [("a", data.title), ("b", data.other_title), ("c", data.responsibility)]
        ),
        _field("264", " 1", [("a", data.place), ("b", data.publisher), ("c", year.strip())]),
        _field("300", "  ", [("a", data.extent)]),
        *(_field("490", "0 ", _series_pairs(s)) for s in data.series),
        _field("505", "00", [("t", p) for p in data.parts]),
        _field("773", "0 ", [("t", data.set_title), ("g", data.volume)] if data.set_title else []),
        *(_field("650", " 7", [("a", s)]) for s in data.subjects),
        *(_field("700", "1 ", [("a", a)]) for a in data.authors[1:]),
        *(
            _field(
                "710" if c.get("body") else "700",
                "2 " if c.get("body") else "1 ",
                [("a", c.get("name", "")), ("4", relator(c.get("role", ""), MARC21))],
            )
            for c in data.contributors
        ),
    ]
    for found in fields:
        if found is not None:
            record.add_field(found)
    return record


def _rusmarc_name(contributor: dict) -> list[tuple[str, str]]:
    name, role = contributor.get("name", ""), relator(contributor.get("role", ""), RUSMARC)
    if contributor.get("body"):
        return [("a", name), ("4", role)]
    surname, _, initials = name.partition(",")
    return [("a", surname.strip()), ("b", initials.strip()), ("4", role)]


def write_rusmarc(data: BibData, charset: str = "50") -> Record:
    """RUSMARC, with the character set in 100 $a/26-29: "50" Unicode, "89" Windows-1251 (§5.2)."""
    record = Record(force_utf8=True)
    record.leader = Leader("00000nam0 2200000   450 ")  # not the constructor's "4500"
    year = f"{data.year:04d}" if data.year else "    "
    if data.control_number:
        record.add_field(Field(tag="001", data=data.control_number))
    coded = f"00000000d{year}    k  y0rusy{charset:0>4}    ca"
    people = []
    for name in data.authors:
        surname, _, initials = name.partition(",")
        people.append([("a", surname.strip()), ("b", initials.strip()), ("4", "070")])
    fields = [
        _field("010", "  ", [("a", data.isbn)]),
        _field("100", "  ", [("a", coded)]),
        _field("101", "0 ", [("a", data.language)]),
        _field(
            "200", "1 ", [("a", data.title), ("e", data.other_title), ("f", data.responsibility)]
        ),
        _field("210", "  ", [("a", data.place), ("c", data.publisher), ("d", year.strip())]),
        _field("215", "  ", [("a", data.extent)]),
        *(_field("225", "1 ", _series_pairs(s)) for s in data.series),
        _field(
            "461",
            " 0",
            [("1", "2001 "), ("a", data.set_title), ("v", data.volume)] if data.set_title else [],
        ),
        *(_field("464", " 0", [("1", "2001 "), ("a", p)]) for p in data.parts),
        *(_field("606", "1 ", [("a", s)]) for s in data.subjects),
        _field("675", "  ", [("a", data.udc)]),
        _field("686", "  ", [("a", data.bbk), ("2", "rubbk")] if data.bbk else []),
        *(_field("700" if n == 0 else "701", " 1", p) for n, p in enumerate(people)),
        *(
            _field(
                "712" if c.get("body") else "702", "02" if c.get("body") else " 1", _rusmarc_name(c)
            )
            for c in data.contributors
        ),
    ]
    for found in fields:
        if found is not None:
            record.add_field(found)
    return record


@dataclass(frozen=True)
class Flavour:
    """One MARC format: how a record is read into BibData and written from it (in the
    character set of the file: RUSMARC states it in 100 $a/26-29)."""

    code: str
    label: str
    read: Callable[[Record], BibData]
    write: Callable[[BibData, bool], Record]  # (data, windows_1251) → record


FLAVOURS: Registry[Flavour] = Registry("MARC format", key="code")
FLAVOURS.register(
    Flavour(MARC21, "MARC 21", read_marc21, lambda data, windows_1251: write_marc21(data))
)
FLAVOURS.register(
    Flavour(
        RUSMARC, "RUSMARC", read_rusmarc,
        lambda data, windows_1251: write_rusmarc(data, charset="89" if windows_1251 else "50"),
    )
)  # fmt: skip
