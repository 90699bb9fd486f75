"""MARC files for the tests, generated with pymarc's writer (and, for Windows-1251, which
pymarc cannot write, with the same records encoded by our ISO 2709 writer)."""

from __future__ import annotations

from pymarc import Field, Indicators, Record, Subfield

from kopir.exchange.marc.writer import iso2709_bytes


def _sub(*pairs: str) -> list[Subfield]:
    return [Subfield(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]


def rusmarc_record(
    title: str, surname: str, year: str, isbn: str = "", charset: str = "89"
) -> Record:
    """A RUSMARC book as the Russian National Library writes it (reference-standards §5.1)."""
    record = Record(leader="00000nam0 2200000   450 ")
    record.add_field(Field(tag="001", data=f"RU\\NLR\\bibl\\{abs(hash(title)) % 10**6}"))
    if isbn:
        record.add_field(
            Field(
                tag="010", indicators=Indicators(" ", " "), subfields=_sub("a", isbn, "d", "150 р.")
            )
        )
    record.add_field(
        Field(
            tag="100",
            indicators=Indicators(" ", " "),
            subfields=_sub("a", f"20050101d{year}    k  y0rusy01{charset}    ca"),
        )
    )
    record.add_field(Field(tag="101", indicators=Indicators("0", " "), subfields=_sub("a", "rus")))
    record.add_field(
        Field(
            tag="200",
            indicators=Indicators("1", " "),
            subfields=_sub("a", title, "e", "учебное пособие", "f", f"{surname} Ю. Л."),
        )
    )
    record.add_field(
        Field(
            tag="210",
            indicators=Indicators(" ", " "),
            subfields=_sub("a", "Барнаул", "c", "Алтайское книжное издательство", "d", year),
        )
    )
    record.add_field(
        Field(tag="215", indicators=Indicators(" ", " "), subfields=_sub("a", "256 с."))
    )
    record.add_field(
        Field(tag="606", indicators=Indicators("1", " "), subfields=_sub("a", "Краеведение"))
    )
    record.add_field(
        Field(tag="675", indicators=Indicators(" ", " "), subfields=_sub("a", "908(571.15)"))
    )
    record.add_field(
        Field(
            tag="686",
            indicators=Indicators(" ", " "),
            subfields=_sub("a", "26.89(2Рос-4Алт)", "2", "rubbk"),
        )
    )
    record.add_field(
        Field(
            tag="700",
            indicators=Indicators(" ", "1"),
            subfields=_sub("a", surname, "b", "Ю. Л.", "g", "Юрий Львович", "4", "070"),
        )
    )
    return record


def marc21_record(
    title: str, author: str, year: str, isbn: str = "", language: str = "rus"
) -> Record:
    record = Record(leader="00000nam a2200000 i 4500", force_utf8=True)
    record.add_field(Field(tag="001", data=f"kz-{abs(hash(title)) % 10**6}"))
    record.add_field(Field(tag="008", data=f"050101s{year}    kz            000 0 {language} d"))
    if isbn:
        record.add_field(
            Field(tag="020", indicators=Indicators(" ", " "), subfields=_sub("a", isbn))
        )
    record.add_field(Field(tag="100", indicators=Indicators("1", " "), subfields=_sub("a", author)))
    record.add_field(
        Field(
            tag="245",
            indicators=Indicators("1", "0"),
            subfields=_sub("a", f"{title} /", "c", author),
        )
    )
    record.add_field(
        Field(
            tag="264",
            indicators=Indicators(" ", "1"),
            subfields=_sub("a", "Өскемен :", "b", "Шығыс,", "c", year),
        )
    )
    record.add_field(
        Field(tag="300", indicators=Indicators(" ", " "), subfields=_sub("a", "120 б."))
    )
    record.add_field(
        Field(tag="650", indicators=Indicators(" ", "7"), subfields=_sub("a", "Өлкетану"))
    )
    return record


def rusmarc_cp1251(*records: Record) -> bytes:
    return b"".join(iso2709_bytes(r, "cp1251") for r in records)


def utf8_file(*records: Record) -> bytes:
    """pymarc's own writer (leader/09 "a" for MARC 21; RUSMARC says "50" in 100 $a)."""
    return b"".join(r.as_marc() for r in records)


def mixed_file() -> bytes:
    """A Russian RUSMARC record in cp1251, a Russian MARC 21 record and a Kazakh one in UTF-8."""
    russian = rusmarc_cp1251(
        rusmarc_record("История Алтайского края", "Донин", "1996", "5-900776-31-х")
    )
    marc21 = utf8_file(marc21_record("Рудный Алтай", "Иванов, И. И.", "2011", "978-601-7044-12-1"))
    kazakh = utf8_file(
        marc21_record("Шығыс Қазақстан өлкетануы", "Әуезов, М.", "2020", language="kaz")
    )
    return russian + marc21 + kazakh
