"""Multi-volume sets, series and contents: read from real RUSMARC (461/464/225) and MARC 21
(245 $n $p, 773, 490, 505), shown and searched as whole titles, never mistaken for duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from pymarc import Field, Indicators, Record, Subfield

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.flavours import FLAVOURS, MARC21, RUSMARC, read_marc21
from kopir.exchange.marc.model import BibData, full_title, role_label
from kopir.exchange.models import BibRecord, Offer
from kopir.exchange.selectors import search_offers
from kopir.exchange.tests.factories import BibRecordFactory

DATA = Path(__file__).parent / "data" / "marc"


@pytest.mark.parametrize(
    ("title", "set_title", "volume", "shown"),
    [
        ("Вып. 13.", "Задачи и этюды", "Вып. 13", "Задачи и этюды. Вып. 13"),
        (
            "'Унваны 1-4. Рукн 1",
            "Кимийа-йи са'адат",
            "Ч. 1",
            "Кимийа-йи са'адат. Ч. 1 : 'Унваны 1-4. Рукн 1",
        ),
        ("Т. 2", "Собрание сочинений", "", "Собрание сочинений. Т. 2"),
        ("Рудный Алтай", "", "", "Рудный Алтай"),
    ],
)
def test_a_volume_is_shown_under_its_set(
    title: str, set_title: str, volume: str, shown: str
) -> None:
    assert full_title(title, set_title, volume) == shown


def test_marc21_reads_the_volume_from_245_and_the_host_from_773() -> None:
    record = Record(force_utf8=True)
    record.add_field(Field("245", Indicators("1", "0"), [
        Subfield("a", "История Алтая."), Subfield("n", "Т. 2,"), Subfield("p", "XX век /")]))  # fmt: skip
    record.add_field(
        Field("490", Indicators("0", " "), [Subfield("a", "Краеведение ;"), Subfield("v", "5")])
    )
    record.add_field(
        Field(
            "505",
            Indicators("0", "0"),
            [Subfield("t", "Гражданская война"), Subfield("t", "Целина")],
        )
    )
    data = read_marc21(record)
    assert (data.set_title, data.volume, data.title) == ("История Алтая", "Т. 2", "XX век")
    assert data.series == ["Краеведение ; 5"] and data.parts == ["Гражданская война", "Целина"]


@given(
    st.text(alphabet="абвгд ежз", min_size=1, max_size=20).map(str.strip).filter(bool),
    st.text(alphabet="Т. 123", max_size=6).map(str.strip),
    st.lists(
        st.text(alphabet="серия ", min_size=1, max_size=12).map(str.strip).filter(bool), max_size=2
    ),
    st.lists(
        st.text(alphabet="часть ", min_size=1, max_size=12).map(str.strip).filter(bool), max_size=3
    ),
    st.sampled_from([MARC21, RUSMARC]),
)
def test_sets_series_and_contents_survive_writing(
    set_title, volume, series, parts, flavour
) -> None:
    data = BibData(title="Своё заглавие", set_title=set_title, volume=volume, series=series,
                   parts=parts)  # fmt: skip
    again = FLAVOURS[flavour].read(FLAVOURS[flavour].write(data, False))
    assert (again.set_title, again.volume) == (set_title, volume)
    assert again.series == series and again.parts == parts


@pytest.mark.django_db
def test_the_irbis_sets_are_whole_titles_and_never_false_duplicates(network) -> None:
    library = network["central"]
    with (DATA / "managedirbis-TEST1.ISO").open("rb") as stream:
        batch = marc_import(stream, organisation=library, change=SYSTEM)
    volumes = BibRecord.objects.filter(batch=batch).exclude(set_title="")
    assert volumes.count() == 39
    shown = {r.display_title for r in volumes}
    assert {"Задачи и этюды. Вып. 13", "Задачи и этюды. Вып. 15"} <= shown
    flagged = BibRecord.objects.filter(batch=batch, duplicate_of__isnull=False)
    # the only likely duplicate left: two issues that share an ISBN, said so
    assert batch.duplicates == flagged.count() >= 1
    assert {r.duplicate_reason for r in flagged} == {"isbn"}
    assert all(r.isbn == r.duplicate_of.isbn for r in flagged)


@pytest.mark.django_db
def test_sets_series_and_contents_are_found_in_the_catalogue(network) -> None:
    library = network["central"]
    with (DATA / "managedirbis-TEST1.ISO").open("rb") as stream:
        batch = marc_import(stream, organisation=library, change=SYSTEM)
    for record in BibRecord.objects.filter(batch=batch):
        Offer.objects.create(record=record, kind="gift", copies=1)

    def titles(query: str) -> set[str]:
        return {o.record.display_title for o in search_offers(query)[:50]}

    assert "Задачи и этюды. Вып. 13" in titles("задачи этюды 13")
    assert any("Образовательные учреждения" in t for t in titles("Аудит и налогообложение"))
    assert any("Общевоинские уставы" in t for t in titles("дисциплинарный устав"))
    page = Client().get("/ru/exchange/catalogue/", {"q": "Задачи и этюды"}).content.decode()
    assert "Задачи и этюды. Вып. 13" in page


@pytest.mark.django_db
def test_other_persons_and_bodies_keep_their_roles_and_are_found(network) -> None:
    library = network["central"]
    with (DATA / "managedirbis-TEST1.ISO").open("rb") as stream:
        batch = marc_import(stream, organisation=library, change=SYSTEM)
    titov = BibRecord.objects.get(batch=batch, title="Светильник Сибири")
    assert {"name": "Титов, Ф.", "role": "220", "body": False} in titov.contributors or any(
        c["name"].startswith("Титов") for c in titov.contributors
    )
    bodies = [c for r in BibRecord.objects.filter(batch=batch) for c in r.contributors if c["body"]]
    assert len(bodies) >= 13  # 710-712 of the file
    Offer.objects.create(record=titov, kind="gift", copies=1)
    assert [o.record_id for o in search_offers("Титов")[:5]] == [titov.pk]
    with translation.override("ru"):
        shown = "; ".join(titov.contributor_list)
    page = Client().get("/ru/exchange/catalogue/", {"q": "Титов"}).content.decode()
    assert shown in page


@pytest.mark.parametrize(
    ("code", "flavour", "other", "russian"),
    [("220", MARC21, "com", "составитель"), ("trl", RUSMARC, "730", "переводчик")],
)
def test_a_conversion_carries_roles_in_the_other_code_list(
    code: str, flavour: str, other: str, russian: str
) -> None:
    people = [{"name": "Титов, Ф.", "role": code, "body": False},
              {"name": "Музей", "role": "", "body": True}]  # fmt: skip
    written = FLAVOURS[flavour].write(BibData(title="Книга", contributors=people), False)
    again = FLAVOURS[flavour].read(written)
    assert again.contributors[0]["role"] == other
    assert again.contributors[0]["name"].startswith("Титов")
    assert again.contributors[1] == {"name": "Музей", "role": "", "body": True}
    with translation.override("ru"):
        assert role_label(code) == role_label(other) == russian


@pytest.mark.django_db
def test_subjects_find_a_book(network) -> None:
    record = BibRecordFactory(organisation=network["central"], title="Рудный Алтай",
                              subjects=["Краеведение -- Восточный Казахстан"])  # fmt: skip
    Offer.objects.create(record=record, kind="gift", copies=1)
    assert [o.record_id for o in search_offers("краеведению")[:5]] == [record.pk]


@pytest.mark.parametrize(
    ("written", "marc21", "rusmarc", "russian"),
    [("сост.", "com", "220", "составитель"), ("Отв. ред.", "edt", "340", "редактор"),
     ("құрастырушы", "com", "220", "составитель"), ("editor.", "edt", "340", "редактор"),
     ("pht", "pht", "pht", "pht")],  # a code no list here knows stays as it was written
)  # fmt: skip
def test_roles_written_as_words_are_read_as_their_codes(
    written: str, marc21: str, rusmarc: str, russian: str
) -> None:
    from kopir.exchange.marc.model import relator

    assert (relator(written, MARC21), relator(written, RUSMARC)) == (marc21, rusmarc)
    with translation.override("ru"):
        assert role_label(written) == russian
