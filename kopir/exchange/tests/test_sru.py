"""The SRU server at /sru: CQL over the union catalogue (indexes, relations, booleans), SRU 1.2
and 2.0 responses (explain, paging, record schemas, packing) and the standard's diagnostics."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pymarc import Field, Indicators, Leader, Record, Subfield

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.writer import iso2709_bytes
from kopir.exchange.models import BibRecord
from kopir.exchange.sru.query import condition, search
from kopir.exchange.sru.responses import _repaired
from kopir.exchange.sru.results import count, records
from kopir.exchange.tests.factories import BibRecordFactory

pytestmark = pytest.mark.django_db
SRW = "http://www.loc.gov/zing/srw/"
SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
NS = {
    "srw": SRW,
    "sru": SRU2,
    "diag": "http://www.loc.gov/zing/srw/diagnostic/",
    "diag2": "http://docs.oasis-open.org/ns/search-ws/diagnostic",
    "marc": "http://www.loc.gov/MARC21/slim",
    "dc": "http://purl.org/dc/elements/1.1/",
    "zr": "http://explain.z3950.org/dtd/2.0/",
}
XSD = Path(__file__).parents[2] / "heritage" / "tests" / "data" / "oai-xsd" / "MARC21slim.xsd"


@pytest.fixture
def catalogue(network) -> dict[str, BibRecord]:
    """Books of two libraries: a history by Titov with a compiler, a volume of a set, a Kazakh
    book, and an English one."""
    central, regional = network["central"], network["regional"]
    return {
        "history": BibRecordFactory(
            organisation=central, title="История Шемонаихинского района", year=2011,
            authors=["Кузнецов, И. П."], subjects=["Краеведение"], language="rus",
            contributors=[{"name": "Титов, Ф.", "role": "340", "body": False}],
            isbn="9785040000005", isbn_as_written="978-5-04-000000-5", publisher="Алтай",
        ),
        "volume": BibRecordFactory(
            organisation=regional, title="Вып. 13", set_title="Задачи и этюды",
            volume="Вып. 13", year=1998, subjects=["Шахматные задачи"], language="rus",
        ),
        "kazakh": BibRecordFactory(
            organisation=central, title="Шемонайха өлкесінің тарихы", year=2020,
            authors=["Серікқызы, А."], subjects=["Тарих"], language="kaz",
        ),
        "english": BibRecordFactory(
            organisation=regional, title="Chess problems of the Altai", year=2005,
            authors=["Smith, J."], language="eng", series=["Altai studies ; 3"],
        ),
    }  # fmt: skip


def found(query: str) -> set[int]:
    """What the query finds, the same both ways: as the SRU server reads it (the word index
    driving, sru.results.records) and as one filter (sru.query.condition)."""
    driven = set(records(search(query)).values_list("pk", flat=True))
    assert driven == set(BibRecord.objects.filter(condition(query)).values_list("pk", flat=True))
    total, exact = count(search(query), records(search(query)))
    assert exact and total == len(driven)
    return driven


def pks(catalogue: dict[str, BibRecord], *names: str) -> set[int]:
    return {catalogue[name].pk for name in names}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("история", {"history"}),  # a bare term: any index
        ("истории", {"history"}),  # any form of the word
        ("title = история", {"history"}),
        ("dc.title = шемонайха", {"kazakh"}),  # the Kazakh spelling, folded as the Russian
        ("dc.title = шемонаиха", {"kazakh"}),  # a whole word, not the start of «…ихинского»
        ("dc.title = шемонаих*", {"history", "kazakh"}),  # …which a truncation finds
        ("title = район", {"history"}),  # «района»: an inflection, by the stem both share
        ("title = кузнецов", set()),  # an author is not a title
        ("author = кузнецов", {"history"}),
        ("dc.creator = титов", {"history"}),  # a compiler (702) is a person of the book
        ("bath.personalName = серікқызы", {"kazakh"}),
        ("subject = краеведение", {"history"}),
        ("dc.subject = шахматные", {"volume"}),
        ("title = задачи", {"volume"}),  # the set's title belongs to the volume
        ("title = studies", {"english"}),  # a series is a title
        ("publisher = алтай", {"history"}),
        ('cql.serverChoice all "chess altai"', {"english"}),
        ('title any "история chess"', {"history", "english"}),
        ('title all "история chess"', set()),
        ("isbn = 978-5-04-000000-5", {"history"}),
        ("bath.isbn = 5040000006", {"history"}),  # the ISBN-10 of the same book
        ("dc.date = 1998", {"volume"}),
        ("date > 2005", {"history", "kazakh"}),
        ("date >= 2005", {"history", "kazakh", "english"}),
        ("date <> 1998", {"history", "kazakh", "english"}),
        ('date within "1990 2006"', {"volume", "english"}),
        ("language = kaz", {"kazakh"}),
        ("dc.language = ru", {"history", "volume"}),
        ("title = история or subject = шахматные", {"history", "volume"}),
        ("language = rus not title = история", {"volume"}),
        ("(date > 1990 and language = rus) and author = кузнецов", {"history"}),
        ('title exact "Задачи и этюды. Вып. 13"', {"volume"}),
        ('title exact "Задачи и этюды"', set()),  # exact: the whole title, not a part
        ('dc.title = "^задачи и этюды. вып. 13^"', {"volume"}),  # Z39.50 complete field
        ("title = шемона*", {"history", "kazakh"}),
        ("cql.allRecords = 1", {"history", "volume", "kazakh", "english"}),
        ("title = история or cql.allRecords = 1", {"history", "volume", "kazakh", "english"}),
        ("cql.allRecords = 1 not language = rus", {"kazakh", "english"}),
        ("title = история not cql.allRecords = 1", set()),
        ("date = 1998 or date = 2020", {"volume", "kazakh"}),
        ("(title = история or date = 1998) not author = кузнецов", {"volume"}),
    ],
)
def test_cql_finds_what_the_index_and_relation_say(catalogue, query: str, expected) -> None:
    assert found(query) == pks(catalogue, *expected)


@pytest.mark.parametrize(
    ("query", "code", "details"),
    [
        ('title = ""', "27", ""),  # empty term
        ("a and", "10", ""),
        ("(title = x", "10", ""),
        ("foo.title = x", "15", "foo"),
        ("dc.rights = x", "16", "dc.rights"),
        ("title < x", "19", "<"),
        ("title =/phonetic x", "20", "phonetic"),
        ("title = *тория", "28", ""),
        ("title = ист?рия", "28", ""),
        ("date = nineteen", "36", "nineteen"),
        ("a prox b", "37", "prox"),
        ("title = a sortby date", "80", ""),
    ],
)
def test_unsupported_queries_get_the_standard_diagnostic(
    client: Client, network, query: str, code: str, details: str
) -> None:
    root = get(client, version="1.2", operation="searchRetrieve", query=query)
    assert root.findtext("srw:numberOfRecords", namespaces=NS) == "0"
    assert root.findtext(".//diag:uri", namespaces=NS) == f"info:srw/diagnostic/1/{code}"
    if details:
        assert root.findtext(".//diag:details", namespaces=NS) == details


def test_too_many_clauses_are_refused_before_any_search(client: Client, network) -> None:
    query = " or ".join(f"title = w{n}" for n in range(40))
    root = get(client, version="1.2", operation="searchRetrieve", query=query)
    assert root.findtext(".//diag:uri", namespaces=NS) == "info:srw/diagnostic/1/38"
    nested = "(" * 3000 + "x" + ")" * 3000  # deep, and long: refused unparsed
    root = get(client, "post", version="1.2", operation="searchRetrieve", query=nested)
    assert root.findtext(".//diag:uri", namespaces=NS) == "info:srw/diagnostic/1/10"
    assert root.findtext(".//diag:details", namespaces=NS) == "longer than 4000 characters"
    deep = "(" * 1500 + "x" + ")" * 1500  # deep but short: one clause, answered
    root = get(client, "post", version="1.2", operation="searchRetrieve", query=deep)
    assert root.find(".//diag:uri", namespaces=NS) is None
    assert root.findtext("srw:numberOfRecords", namespaces=NS) == "0"


def get(client: Client, method: str = "get", **params: str) -> etree._Element:
    if method == "post":
        response = client.post("/sru", params)
    else:
        response = client.get("/sru?" + urlencode(params))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def test_sru_1_2_pages_through_the_results(client: Client, catalogue) -> None:
    params = {"version": "1.2", "operation": "searchRetrieve", "query": "date > 1990",
              "maximumRecords": "3"}  # fmt: skip
    first = get(client, **params)
    assert first.tag == f"{{{SRW}}}searchRetrieveResponse"
    assert first.findtext("srw:version", namespaces=NS) == "1.2"
    assert first.findtext("srw:numberOfRecords", namespaces=NS) == "4"
    positions = first.xpath("srw:records/srw:record/srw:recordPosition/text()", namespaces=NS)
    assert positions == ["1", "2", "3"]
    assert first.findtext("srw:nextRecordPosition", namespaces=NS) == "4"
    second = get(client, **params, startRecord="4")
    assert second.xpath("srw:records/srw:record/srw:recordPosition/text()", namespaces=NS) == ["4"]
    assert second.find("srw:nextRecordPosition", namespaces=NS) is None
    titles = [
        r.findtext(".//marc:datafield[@tag='245']/marc:subfield[@code='a']", namespaces=NS)
        for page in (first, second)
        for r in page.iterfind(".//marc:record", namespaces=NS)
    ]
    assert len(set(titles)) == 4  # every record once, in one stable order
    beyond = get(client, **params, startRecord="5")
    assert beyond.findtext(".//diag:uri", namespaces=NS) == "info:srw/diagnostic/1/61"
    counted = get(client, **{**params, "maximumRecords": "0"})
    assert counted.findtext("srw:numberOfRecords", namespaces=NS) == "4"
    assert counted.find("srw:records", namespaces=NS) is None


def test_marcxml_records_are_valid_marc21_slim(client: Client, catalogue) -> None:
    root = get(client, version="1.2", operation="searchRetrieve", query="cql.allRecords = 1",
               recordSchema="marcxml")  # fmt: skip
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    records = root.findall(".//marc:record", namespaces=NS)
    assert len(records) == 4
    for record in records:
        schema.assertValid(etree.fromstring(etree.tostring(record)))
    assert root.findtext(".//srw:recordSchema", namespaces=NS) == "info:srw/schema/1/marcxml-v1.1"


def test_an_imported_record_is_served_as_it_came_in_its_own_flavour(
    client: Client, network
) -> None:
    record = Record()
    record.leader = Leader("00000nam2 22000001  450 ")
    record.add_field(Field("001", data="RU\\NLR\\bibl\\5996"))
    record.add_field(Field("200", Indicators("1", " "), [Subfield("a", "Өлке тарихы")]))
    record.add_field(
        Field("899", Indicators(" ", " "), [Subfield("a", "NLR"), Subfield("j", "97-4/119")])
    )
    marc_import(BytesIO(iso2709_bytes(record, "utf-8")), organisation=network["central"],
                change=SYSTEM, file_name="one.iso", flavour="rusmarc")  # fmt: skip
    root = get(client, query="title = өлке", recordSchema="rusmarc")
    assert root.tag == f"{{{SRU2}}}searchRetrieveResponse"  # no version: SRU 2.0
    served = root.find(".//marc:record", namespaces=NS)
    leader = served.findtext("marc:leader", namespaces=NS)
    assert (leader[5:12], leader[17:]) == ("nam2 22", "1  450 ")  # RUSMARC's own leader
    tags = [f.get("tag") for f in served.iterfind("marc:datafield", namespaces=NS)]
    assert tags == ["200", "899"]  # every field, the one Köpir does not read (899) too
    assert served.findtext("marc:datafield[@tag='899']/marc:subfield[@code='j']",
                           namespaces=NS) == "97-4/119"  # fmt: skip
    marc21 = get(client, query="title = өлке", recordSchema="info:srw/schema/1/marcxml-v1.1")
    assert marc21.findtext(".//marc:datafield[@tag='245']/marc:subfield[@code='a']",
                           namespaces=NS) == "Өлке тарихы."  # MARC 21 ends it with a stop  # fmt: skip


def test_dublin_core_and_escaped_records(client: Client, catalogue) -> None:
    root = get(client, version="1.2", operation="searchRetrieve", query="isbn = 9785040000005",
               recordSchema="dc")  # fmt: skip
    dc = root.find(".//{info:srw/schema/1/dc-schema}dc")
    assert dc.findtext("dc:title", namespaces=NS) == "История Шемонаихинского района"
    assert dc.findtext("dc:creator", namespaces=NS) == "Кузнецов, И. П."
    assert dc.findtext("dc:contributor", namespaces=NS) == "Титов, Ф."
    assert dc.findtext("dc:identifier", namespaces=NS) == "urn:isbn:9785040000005"
    assert dc.findtext("dc:language", namespaces=NS) == "ru"
    escaped = get(client, version="1.2", operation="searchRetrieve", query="isbn = 9785040000005",
                  recordPacking="string")  # fmt: skip
    text = escaped.findtext(".//srw:recordData", namespaces=NS)
    assert etree.fromstring(text.encode()).tag == "{http://www.loc.gov/MARC21/slim}record"
    v2 = get(client, query="isbn = 9785040000005", recordXMLEscaping="string")
    assert v2.findtext(".//sru:recordXMLEscaping", namespaces=NS) == "string"
    assert "<record" in v2.findtext(".//sru:recordData", namespaces=NS)


def test_sru_2_0_by_post_with_its_count_precision(client: Client, catalogue) -> None:
    root = get(client, "post", query="language = rus", maximumRecords="1")
    assert root.findtext("sru:version", namespaces=NS) == "2.0"
    assert root.findtext("sru:numberOfRecords", namespaces=NS) == "2"
    assert root.findtext("sru:nextRecordPosition", namespaces=NS) == "2"
    assert root.findtext("sru:resultCountPrecision", namespaces=NS).endswith("/exact")
    assert root.findtext(".//sru:recordXMLEscaping", namespaces=NS) == "xml"


SEARCH = {"version": "1.2", "operation": "searchRetrieve", "query": "x"}


@pytest.mark.parametrize(
    ("params", "code", "details"),
    [
        ({**SEARCH, "version": "3.0"}, "5", "2.0"),
        ({"version": "1.2", "operation": "scan", "scanClause": "x"}, "8", "scanClause"),
        ({"version": "1.2", "operation": "update"}, "4", "update"),
        ({"version": "1.2", "operation": "searchRetrieve"}, "7", "query"),
        ({**SEARCH, "startRecord": "0"}, "6", "startRecord"),
        ({**SEARCH, "startRecord": "10001"}, "61", "10001"),  # no page beyond the 10,000th
        ({**SEARCH, "maximumRecords": "-1"}, "6", "maximumRecords"),
        ({**SEARCH, "startRecord": "١"}, "6", "startRecord"),
        ({**SEARCH, "recordSchema": "mods"}, "66", "mods"),
        ({**SEARCH, "recordPacking": "json"}, "71", "recordPacking"),
        ({**SEARCH, "sortKeys": "title"}, "80", "sortKeys"),
        ({**SEARCH, "bogus": "1"}, "8", "bogus"),
        ({"query": "x", "queryType": "pqf"}, "6", "queryType"),
    ],
)
def test_bad_requests_get_diagnostics_not_errors(
    client: Client, network, params, code: str, details: str
) -> None:
    root = get(client, **params)
    ns = "diag" if root.tag.startswith(f"{{{SRW}}}") else "diag2"
    assert root.findtext(f".//{ns}:uri", namespaces=NS) == f"info:srw/diagnostic/1/{code}"
    assert root.findtext(f".//{ns}:details", namespaces=NS) == details


def test_extension_parameters_are_ignored(client: Client, catalogue) -> None:
    root = get(client, version="1.2", operation="searchRetrieve", query="language = kaz",
               **{"x-info-5-restrictorSummary": "true"})  # fmt: skip
    assert root.findtext("srw:numberOfRecords", namespaces=NS) == "1"


def test_explain_describes_indexes_and_schemas(client: Client, network, settings) -> None:
    settings.KOPIR_SITE_URL = "http://library.example:9123"
    for params, ns in (({}, "sru"), ({"version": "1.2", "operation": "explain"}, "srw")):
        root = get(client, **params)
        assert root.tag.endswith("explainResponse")
        assert root.findtext(f".//{ns}:recordSchema", namespaces=NS) == NS["zr"]
        explain = root.find(".//zr:explain", namespaces=NS)
        assert explain.findtext("zr:serverInfo/zr:host", namespaces=NS) == "library.example"
        assert explain.findtext("zr:serverInfo/zr:port", namespaces=NS) == "9123"
        names = {(n.get("set"), n.text) for n in explain.iterfind(".//zr:map/zr:name", NS)}
        assert {("dc", "title"), ("bath", "isbn"), ("dc", "creator")} <= names
        schemas = {s.get("name") for s in explain.iterfind(".//zr:schema", NS)}
        assert schemas == {"marcxml", "rusmarc", "dc"}
        # every index the explain record names is one the server answers
        for context, name in names:
            found(f"{context}.{name} = 1")


def test_a_query_sent_as_latin1_mojibake_is_read_as_utf8() -> None:
    assert _repaired("dc.title = Ð·Ð°Ð´Ð°Ñ\x87Ð¸") == "dc.title = задачи"
    assert _repaired("author = Müller") == "author = Müller"
    assert _repaired("title = war") == "title = war"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_query_text_gets_an_answer(client: Client, network, text: str) -> None:
    """Whatever a client sends, the answer is a well-formed response: records or a diagnostic."""
    root = get(client, version="1.2", operation="searchRetrieve", query=text)
    assert root.findtext("srw:numberOfRecords", namespaces=NS).isdigit()


def test_large_counts_are_estimated_and_say_so(client: Client, catalogue, monkeypatch) -> None:
    from kopir.exchange.sru import results

    BibRecordFactory.create_batch(
        6, organisation=catalogue["history"].organisation, title="Краеведческий сборник"
    )
    monkeypatch.setattr(results, "COUNT_EXACT", 3)
    for query in ("title = сборник", "title = сборник not language = kaz"):
        root = get(client, query=query, maximumRecords="2")
        assert root.findtext("sru:resultCountPrecision", namespaces=NS).endswith("/estimate")
        assert int(root.findtext("sru:numberOfRecords", namespaces=NS)) >= 4
        assert root.findtext("sru:nextRecordPosition", namespaces=NS) == "3"
    monkeypatch.setattr(results, "COUNT_EXACT", 100)
    exact = get(client, query="title = сборник", maximumRecords="2")
    assert exact.findtext("sru:numberOfRecords", namespaces=NS) == "6"
    assert exact.findtext("sru:resultCountPrecision", namespaces=NS).endswith("/exact")


def test_years_and_isbns_beside_words_are_words_of_the_index(catalogue) -> None:
    assert search("title = история and dc.date = 2011").rest.children == []
    assert search("isbn = 978-5-04-000000-5").rest.children == []
    assert search("date >= 2005").rest.children == []  # 2005-2020: the years the catalogue holds
    assert found("date < 1000") == set()
    assert found("date >= 2005 and language = kaz") == pks(catalogue, "kazakh")


def test_the_record_number_index_finds_one_book(catalogue) -> None:
    record = catalogue["volume"]
    assert found(f"rec.id = {record.pk}") == {record.pk}
    assert found(f"rec.id = {record.pk} or rec.id = {catalogue['english'].pk}") == pks(
        catalogue, "volume", "english"
    )


def test_the_vector_expression_is_the_migrations() -> None:
    import importlib

    from kopir.exchange import selectors

    migration = importlib.import_module("kopir.exchange.migrations.0009_record_term_sections")
    assert migration.VECTOR == selectors.VECTOR


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_postgresql_searches_words_with_its_index(catalogue) -> None:
    found_ = records(search("title = история and dc.date = 2011")).values_list("pk")[:10]
    sql, params = found_.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")  # not the walk of the primary key
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "exchange_bibrecord_words" in plan


@pytest.mark.parametrize("walk", [0, 10**9])  # the page through the index, or by walking
def test_many_matches_give_the_same_pages_whichever_way_they_are_read(
    catalogue, monkeypatch, walk: int
) -> None:
    from kopir.exchange.sru import results

    library = catalogue["history"].organisation
    made = BibRecord.objects.bulk_create(
        [BibRecordFactory.build(organisation=library, title=f"Сборник {n}") for n in range(7)]
    )
    monkeypatch.setattr(results, "COUNT_EXACT", 3)
    monkeypatch.setattr(results, "WALK", walk)
    newest_first = [r.pk for r in reversed(made)]
    pages = [results.find(search("title = сборник"), offset, 3) for offset in (0, 3, 6)]
    assert [r.pk for page in pages for r in page.records] == newest_first
    assert not pages[0].exact and pages[0].total >= 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # committed rows only: no test's rolled-back ones
def test_postgresql_counts_many_matches_in_its_word_index(network, monkeypatch) -> None:
    from kopir.exchange.sru import results

    def vacuum() -> None:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM exchange_bibrecord")  # what autovacuum does

    library = network["central"]
    vacuum()  # no earlier test's rolled-back rows in the index
    BibRecord.objects.bulk_create(  # inserted once each, as an import inserts them
        [BibRecordFactory.build(organisation=library, title=f"Сборник {n}") for n in range(7)]
        + [BibRecordFactory.build(organisation=library, title=f"Летопись {n}") for n in range(9)]
    )
    monkeypatch.setattr(results, "COUNT_EXACT", 3)
    with CaptureQueriesContext(connection) as queries:
        found = results.find(search("title = сборник"), 0, 2)
    assert (found.total, found.exact, len(found.records)) == (7, False, 2)
    assert any("EXPLAIN (ANALYZE" in q["sql"] for q in queries.captured_queries)
    # removed rows stay in the index until a VACUUM: counted, as an estimate may, not lost
    BibRecord.objects.filter(title__in=["Сборник 0", "Сборник 1"]).delete()
    assert 5 <= results.find(search("title = сборник"), 0, 2).total <= 7
    vacuum()
    assert results.find(search("title = сборник"), 0, 2).total == 5
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'exchange_bibrecord'")
        assert "autovacuum_vacuum_scale_factor=0.01" in cursor.fetchone()[0]
