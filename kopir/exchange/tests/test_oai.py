"""The union catalogue in the OAI-PMH repository: books in oai_dc and MARCXML, their sets,
removed books as deleted records, and one harvest through items and books alike. Every
response is checked against the official schemas (OAI-PMH, oai_dc, MARC21slim)."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.core import signing
from django.utils import timezone
from pymarc import parse_xml_to_array

from kopir.core.audit import SYSTEM
from kopir.exchange import services
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, RemovedRecord
from kopir.heritage.models import Item, ItemStatus
from kopir.heritage.oai import provider, tokens
from kopir.heritage.tests.factories import item
from kopir.heritage.tests.test_oai import NS, _walk, errors, oai

pytestmark = pytest.mark.django_db
MARC_NS = {"marc": "http://www.loc.gov/MARC21/slim"}
IRBIS = Path(__file__).parent / "data" / "marc" / "managedirbis-TEST1.ISO"


@pytest.fixture
def repository(network) -> dict[str, object]:
    """Four published items of the district library and the 81 RUSMARC records of a real
    ИРБИС64 export held by the regional library, imported as they came."""
    central, regional = network["central"], network["regional"]
    items = [item(central, title={"ru": f"Фотография {n}"}) for n in range(4)]
    with IRBIS.open("rb") as stream:
        marc_import(stream, organisation=regional, change=SYSTEM, file_name="TEST1.ISO")
    return {"items": items, "central": central, "regional": regional}


def book_id(record: BibRecord) -> str:
    return provider.identifier(record.pk, "book")


def marcxml(root) -> list:
    """The MARC records of a response's metadata, read back by pymarc."""
    found = root.findall(".//oai:metadata/marc:record", {**NS, **MARC_NS})
    return [parse_xml_to_array(io.BytesIO(_bytes(element)))[0] for element in found]


def _bytes(element) -> bytes:
    import xml.etree.ElementTree as ET  # our own response

    return ET.tostring(element)


def test_marcxml_is_offered_for_books_and_not_for_items(repository) -> None:
    formats = {
        f.findtext("oai:metadataPrefix", namespaces=NS)
        for f in oai("verb=ListMetadataFormats").iter(f"{{{NS['oai']}}}metadataFormat")
    }
    assert formats == {"oai_dc", "marcxml"}
    book = BibRecord.objects.first()
    of_book = oai(f"verb=ListMetadataFormats&identifier={book_id(book)}")
    of_item = oai(
        f"verb=ListMetadataFormats&identifier={provider.identifier(Item.objects.first().pk)}"
    )
    prefixes = "oai:ListMetadataFormats/oai:metadataFormat/oai:metadataPrefix"
    assert [e.text for e in of_book.findall(prefixes, NS)] == ["oai_dc", "marcxml"]
    assert [e.text for e in of_item.findall(prefixes, NS)] == ["oai_dc"]
    item_as_marc = f"verb=GetRecord&metadataPrefix=marcxml&identifier={provider.identifier(Item.objects.first().pk)}"
    assert errors(oai(item_as_marc)) == {"cannotDisseminateFormat"}


def test_a_rusmarc_book_is_harvested_as_marc_21_with_its_library(repository) -> None:
    volume = BibRecord.objects.exclude(set_title="").order_by("pk").first()
    root = oai(f"verb=GetRecord&metadataPrefix=marcxml&identifier={book_id(volume)}")
    (marc,) = marcxml(root)
    assert marc.leader[6:8] == volume.marc[6:8].decode()  # type of record, bibliographic level
    assert volume.title.rstrip(". ") in marc["245"].value()
    assert marc["773"] is not None or marc["490"] is not None or marc["800"] is not None
    assert marc["852"]["a"] == repository["regional"].name_ru
    header = root.find(".//oai:header", NS)
    assert (
        header.findtext("oai:setSpec", namespaces=NS) == f"catalogue:{repository['regional'].slug}"
    )
    dc = oai(f"verb=GetRecord&metadataPrefix=oai_dc&identifier={book_id(volume)}")
    titles = [t.text for t in dc.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == [volume.display_title]
    identifiers = [t.text for t in dc.iter("{http://purl.org/dc/elements/1.1/}identifier")]
    assert any(i.endswith(f"/exchange/catalogue/{volume.pk}/") for i in identifiers)


def test_the_catalogue_is_harvested_whole_and_by_library(repository, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 25
    everything = {book_id(r) for r in BibRecord.objects.all()}
    assert len(everything) == 81
    ids, tokens_seen = _walk("verb=ListIdentifiers&metadataPrefix=marcxml")
    assert sorted(ids) == sorted(everything) and len(tokens_seen) == 4
    ids, _ = _walk(
        f"verb=ListIdentifiers&metadataPrefix=marcxml&set=catalogue:{repository['regional'].slug}"
    )
    assert set(ids) == everything
    assert errors(
        oai(f"verb=ListRecords&metadataPrefix=marcxml&set=catalogue:{repository['central'].slug}")
    ) == {"noRecordsMatch"}
    assert errors(oai("verb=ListRecords&metadataPrefix=marcxml&set=org")) == {"noRecordsMatch"}
    specs = {
        s.findtext("oai:setSpec", namespaces=NS)
        for s in oai("verb=ListSets").iter(f"{{{NS['oai']}}}set")
    }
    assert {"catalogue", f"catalogue:{repository['regional'].slug}", "org"} <= specs
    assert f"catalogue:{repository['central'].slug}" not in specs


def test_one_harvest_walks_items_and_books_sharing_datestamps(repository, settings) -> None:
    """Items and books changed in the same instant: each delivered once, in one order."""
    settings.KOPIR_OAI_PAGE_SIZE = 7
    moment = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=1)
    Item.objects.update(updated_at=moment)
    BibRecord.objects.filter(pk__in=BibRecord.objects.order_by("pk")[:30].values("pk")).update(
        updated_at=moment
    )
    ids, _ = _walk("verb=ListIdentifiers&metadataPrefix=oai_dc")
    expected = {provider.identifier(i.pk) for i in Item.objects.exclude(status=ItemStatus.DRAFT)}
    expected |= {book_id(r) for r in BibRecord.objects.all()}
    assert len(ids) == len(set(ids)) == len(expected) and set(ids) == expected
    first_books = [i for i in ids if "book/" in i][:30]
    assert ids[: len(repository["items"])] == [
        provider.identifier(i.pk) for i in sorted(repository["items"], key=lambda i: i.pk)
    ]
    assert len(first_books) == 30


def test_a_removed_book_stays_as_a_deleted_record(repository, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 50
    removed = BibRecord.objects.order_by("pk").first()
    services.record_delete(BibRecord.objects.get(pk=removed.pk), change=SYSTEM)
    gone = RemovedRecord.objects.get(pk=removed.pk)
    root = oai(f"verb=GetRecord&metadataPrefix=marcxml&identifier={book_id(removed)}")
    header = root.find(".//oai:header", NS)
    assert header.get("status") == "deleted" and root.find(".//oai:metadata", NS) is None
    assert header.findtext("oai:datestamp", namespaces=NS) == provider.stamp(gone.removed_at)
    since = provider.stamp(gone.removed_at - datetime.timedelta(seconds=1))
    ids, _ = _walk(f"verb=ListRecords&metadataPrefix=marcxml&from={since}")
    assert book_id(removed) in ids
    ids, _ = _walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=catalogue")
    assert len(ids) == 81  # 80 books and the deleted one
    assert errors(
        oai(
            f"verb=GetRecord&metadataPrefix=marcxml&identifier=oai:{settings.KOPIR_OAI_NAMESPACE}:book/99999"
        )
    ) == {"idDoesNotExist"}


def test_a_token_issued_before_books_were_harvested_still_resumes(repository) -> None:
    first = Item.objects.order_by("updated_at", "pk").first()
    values = ["ListIdentifiers", "oai_dc", "", "", "", first.updated_at.isoformat(), first.pk, 1, 5]
    old = signing.Signer(salt=tokens.SALT).sign_object(values, compress=True)
    ids, _ = _walk(f"verb=ListIdentifiers&resumptionToken={old}")
    assert provider.identifier(first.pk) not in ids
    assert len(ids) == Item.objects.exclude(status=ItemStatus.DRAFT).count() - 1 + 81


def test_harvest_the_union_catalogue_with_a_real_harvester(
    repository, live_server, settings
) -> None:
    """oaipmh-scythe over HTTP asks for MARCXML page by page; pymarc reads every record."""
    from oaipmh_scythe import Scythe

    settings.KOPIR_OAI_PAGE_SIZE = 20
    with Scythe(f"{live_server.url}/oai") as scythe:
        records = list(scythe.list_records(metadata_prefix="marcxml", set_="catalogue"))
    assert len(records) == 81
    stored = {book_id(r): r for r in BibRecord.objects.all()}
    for harvested in records:
        (marc,) = parse_xml_to_array(io.BytesIO(etree_bytes(harvested.xml)))
        record = stored[harvested.header.identifier]
        assert marc["852"]["a"] == repository["regional"].name_ru
        assert record.title.rstrip(". :/") in marc["245"].value()


def etree_bytes(element) -> bytes:
    from lxml import etree

    return etree.tostring(element.find(".//{http://www.loc.gov/MARC21/slim}record"))


def test_a_list_longer_than_the_count_cap_leaves_its_size_out(repository, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 30
    settings.KOPIR_OAI_COUNT_CAP = 50
    ids, tokens_seen = _walk("verb=ListIdentifiers&metadataPrefix=marcxml")
    assert len(ids) == 81 and all(t.get("completeListSize") is None for t in tokens_seen)
    settings.KOPIR_OAI_COUNT_CAP = 81
    _, tokens_seen = _walk("verb=ListIdentifiers&metadataPrefix=marcxml")
    assert {t.get("completeListSize") for t in tokens_seen} == {"81"}


@pytest.mark.parametrize("size", [10, 40])
def test_a_page_costs_the_same_queries_whatever_its_size(
    repository, settings, django_assert_max_num_queries, size: int
) -> None:
    """No query per record: the records, their libraries and what is written of them come in
    a fixed number of reads (the count, and one per table of the catalogue)."""
    settings.KOPIR_OAI_PAGE_SIZE = size
    with django_assert_max_num_queries(6):
        root = oai("verb=ListRecords&metadataPrefix=marcxml&set=catalogue")
    assert len(marcxml(root)) == size
