"""The migrations that refold stored search keys: data written under the old folding is found
by the new one after `migrate`, on either database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kopir.exchange.marc.reader import iso2709_chunks
from kopir.exchange.models import BibRecord, Offer, Wish
from kopir.exchange.selectors import search_offers
from kopir.exchange.sru.query import condition
from kopir.exchange.tests.factories import BibRecordFactory
from kopir.network.models import Organisation
from kopir.network.selectors import OrganisationFilter, organisation_list

pytestmark = pytest.mark.django_db(transaction=True)
DATA = Path(__file__).parent / "data" / "marc"

BEFORE = [("exchange", "0005_alter_importbatch_upload"), ("network", "0003_alter_agreement_document_alter_organisation_logo")]  # fmt: skip


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.fixture
def old_schema() -> Iterator[MigrationExecutor]:
    """The database as it was before the refolding migrations; back to the newest after."""
    executor = _migrate(BEFORE)
    yield executor
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_old_records_wishes_and_names_are_refolded(old_schema: MigrationExecutor) -> None:
    apps = old_schema.loader.project_state(BEFORE).apps
    country = apps.get_model("network", "Country").objects.create(code="KZ", name_ru="Казахстан")
    region = apps.get_model("network", "Region").objects.create(
        country=country, slug="vko", name_ru="ВКО"
    )
    settlement = apps.get_model("network", "Settlement").objects.create(
        region=region, slug="shemonaikha", name_ru="Шемонаиха", time_zone="Asia/Almaty"
    )
    library = apps.get_model("network", "Organisation").objects.create(
        slug="shem", name_ru="Шемонаихинская библиотека", name_kk="Шемонаиха кітапханасы",
        type="library", settlement=settlement, search_text="шемонаихинская библиотека",
    )  # fmt: skip
    record = apps.get_model("exchange", "BibRecord").objects.create(
        organisation=library, title="Рудный АЛТАЙ", authors=["Иванов, И. И."], year=2011,
        flavour="rusmarc", marc=b"", match_key="рудный алтай|иванов|2011",
    )  # fmt: skip
    apps.get_model("exchange", "Offer").objects.create(record=record, kind="gift", copies=1)
    with (DATA / "managedirbis-TEST1.ISO").open("rb") as stream:  # an ИРБИС volume of a set
        first = next(chunk for _, chunk, _ in iso2709_chunks(stream))
    volume = apps.get_model("exchange", "BibRecord").objects.create(
        organisation=library, title="Вып. 13.", year=1997, flavour="rusmarc", marc=first,
        marc_encoding="cp1251", match_key="вып 13||1997",
    )  # fmt: skip
    apps.get_model("exchange", "Wish").objects.create(
        organisation=library, title="Рудный алтай", title_key="рудный алтай"
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    reread = BibRecord.objects.get(pk=volume.pk)  # its set read again from the original
    assert reread.display_title == "Задачи и этюды. Вып. 13"
    assert reread.match_key == "задачи и етиуды вып 13||1997"
    stored = BibRecord.objects.get(pk=record.pk)
    assert stored.match_key == "рудныи алтаи|иванов|2011"
    assert Wish.objects.get().title_key == "рудныи алтаи"
    for query in ("рудного", "Rudnyi altai", "иванов 2011"):
        assert [o.record_id for o in search_offers(query)[:5]] == [stored.pk], query
    # records stored after the migrations are indexed too (SQLite kept its triggers)
    fresh = BibRecordFactory(organisation=stored.organisation, title="Сокровища Алтая")
    Offer.objects.create(record=fresh, kind="gift", copies=1)
    assert [o.record_id for o in search_offers("сокровища")[:5]] == [fresh.pk]
    assert not list(search_offers("рудный москва")[:5])
    # 0009: each section of the terms is searched on its own (SRU's indexes)
    for query, expected in (("title = рудного", [stored.pk]), ("author = рудный", []),
                            ("author = иванов", [stored.pk]), ("title = задачи", [volume.pk]),
                            ("dc.date = 2011 and any = иванов", [stored.pk])):  # fmt: skip
        assert (
            list(BibRecord.objects.filter(condition(query)).values_list("pk", flat=True))
            == expected
        ), query
    shem = Organisation.objects.get()
    for query in ("шемонаихинской", "semonaiha", "кітапхана"):
        assert list(organisation_list(OrganisationFilter(query=query))) == [shem], query


def test_the_sectioned_index_goes_back_to_one_column(network) -> None:
    """Migrating back before 0009 restores 0006's index, which still finds every record."""
    record = BibRecordFactory(organisation=network["central"], title="Рудный Алтай",
                              authors=["Иванов, И. И."])  # fmt: skip
    Offer.objects.create(record=record, kind="gift", copies=1)
    _migrate([("exchange", "0008_wish_record")])
    try:
        if connection.vendor == "sqlite":  # 0006's table of one column, filled again
            with connection.cursor() as cursor:
                cursor.execute("SELECT rowid FROM exchange_bibrecord_words WHERE "
                               "exchange_bibrecord_words MATCH 'рудн* AND иванов*'")  # fmt: skip
                assert [row[0] for row in cursor.fetchall()] == [record.pk]
        else:  # 0006's index over the terms, and no stored vector
            with connection.cursor() as cursor:
                cursor.execute("SELECT indexdef FROM pg_indexes WHERE "
                               "indexname = 'exchange_bibrecord_words'")  # fmt: skip
                assert "to_tsvector('simple'::regconfig, terms)" in cursor.fetchone()[0]
                cursor.execute("SELECT 1 FROM information_schema.columns WHERE "
                               "column_name = 'terms_vector'")  # fmt: skip
                assert cursor.fetchone() is None
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert [o.record_id for o in search_offers("рудный иванов")[:5]] == [record.pk]
    assert list(BibRecord.objects.filter(condition("author = иванов"))) == [record]
