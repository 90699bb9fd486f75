"""The OAI-PMH provider: the validator's request list (reference-standards §4.6), the protocol's
rules, and a whole harvest by a real harvester library over HTTP."""

import datetime
import functools
import subprocess
import xml.etree.ElementTree as ET  # our own responses, not untrusted input
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from lxml import etree

from kopir.core.audit import SYSTEM
from kopir.heritage import services
from kopir.heritage.models import Item, ItemStatus
from kopir.heritage.oai import provider
from kopir.heritage.tests.factories import item

pytestmark = pytest.mark.django_db
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
}


@pytest.fixture
def collection(network) -> dict[str, Item]:
    """Fifteen published items of two libraries (five photographs), one withdrawn, one draft."""
    central, regional = network["central"], network["regional"]
    made = {
        "letter": item(
            central,
            title={"kk": "Хат", "ru": "Письмо", "en": "A letter"},
            description={"kk": "Ұстаздың хаты", "ru": "Письмо учителя"},
            date_text="около 1912",
        )
    }
    for n in range(14):
        made[f"n{n}"] = item(
            regional if n % 2 else central,
            kind="photograph" if n % 3 == 0 else "document",
            title={"ru": f"Единица хранения {n}"},
            language="zxx" if n % 3 == 0 else "ru",
        )
    made["withdrawn"] = services.item_withdraw(item(central), note="", change=SYSTEM)
    made["draft"] = item(central, publish=False)
    return made


@functools.cache
def schema() -> etree.XMLSchema:
    """The OAI-PMH schema with oai_dc, oai-identifier and MARCXML (vendored: data/oai-xsd)."""
    path = Path(__file__).parent / "data" / "oai-xsd" / "responses.xsd"
    return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))


def oai(query: str = "", *, post: dict | None = None) -> ET.Element:
    """The response to a request, after checking it against the official schemas: every
    response the suite asks for, errors included, must validate."""
    client = Client()
    response = client.post("/oai", post) if post is not None else client.get(f"/oai?{query}")
    assert response.status_code == 200  # errors too travel inside a normal response (§3.6)
    assert response["Content-Type"].startswith("text/xml")
    document = etree.fromstring(response.content, etree.XMLParser(no_network=True))
    assert schema().validate(document), (query or post, schema().error_log.last_error)
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def errors(root: ET.Element) -> set[str]:
    return {e.get("code") for e in root.findall("oai:error", NS)}


def earliest_minus_a_year() -> str:
    return (provider.earliest() - datetime.timedelta(days=366)).strftime("%Y-%m-%dT%H:%M:%SZ")


def existing_id() -> str:
    return provider.identifier(Item.objects.filter(status=ItemStatus.PUBLISHED).first().pk)


# The openarchives.org validator's request list (zimeon/oaipmh-validator), one line per test.
VALIDATOR = [
    ("junk", {"badVerb"}),
    ("verb=junk", {"badVerb"}),
    ("verb=GetRecord&metadataPrefix=oai_dc", {"badArgument"}),
    ("verb=GetRecord&identifier={id}", {"badArgument"}),
    (
        'verb=GetRecord&identifier=invalid"id&metadataPrefix=oai_dc',
        {"badArgument", "idDoesNotExist"},
    ),
    ("verb=ListIdentifiers&until=junk", {"badArgument"}),
    ("verb=ListIdentifiers&from=junk", {"badArgument"}),
    ("verb=ListIdentifiers&resumptionToken=junk&until=2000-02-05", {"badArgument"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=junk", {"badArgument"}),
    ("verb=ListRecords&resumptionToken=junk", {"badResumptionToken"}),
    (
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=junk&until=1990-01-10",
        {"badArgument"},
    ),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=junk", {"badArgument"}),
    ("verb=ListRecords", {"badArgument"}),
    (
        "verb=ListRecords&metadataPrefix=oai_dc&from=2002-02-05&until=2002-02-06T05:35:00Z",
        {"badArgument"},
    ),
    ("verb=ListRecords&metadataPrefix=oai_dc&until={earliest_minus_a_year}", {"noRecordsMatch"}),
]
# The rest of §4.6.
PROVIDER_VECTORS = [
    ("verb=Foo", {"badVerb"}),
    ("", {"badVerb"}),
    ("verb=Identify&verb=Identify", {"badVerb"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", {"badArgument"}),
    ("verb=ListRecords&resumptionToken=bogus", {"badResumptionToken"}),
    ("verb=ListRecords&metadataPrefix=marcxml_nope", {"cannotDisseminateFormat"}),
    ("verb=GetRecord&identifier=oai:example.kz:missing&metadataPrefix=oai_dc", {"idDoesNotExist"}),
    ("verb=ListMetadataFormats&identifier=oai:example.kz:missing", {"idDoesNotExist"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01", {"noRecordsMatch"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=x&set=y", {"badArgument"}),
    ("verb=Identify&extra=1", {"badArgument"}),
    ("verb=ListSets&resumptionToken=abc", {"badResumptionToken"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-02&until=2020-01-01", {"badArgument"}),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=org:no-such-library", {"noRecordsMatch"}),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2020-13-45", {"badArgument"}),
]


@pytest.mark.parametrize(("query", "accepted"), VALIDATOR, ids=[q for q, _ in VALIDATOR])
def test_validator_request_list(collection, query: str, accepted: set[str]) -> None:
    query = query.format(id=existing_id(), earliest_minus_a_year=earliest_minus_a_year())
    found = errors(oai(query))
    assert found and found <= accepted, found


@pytest.mark.parametrize(
    ("query", "accepted"), PROVIDER_VECTORS, ids=[q for q, _ in PROVIDER_VECTORS]
)
def test_provider_vectors(collection, query: str, accepted: set[str]) -> None:
    assert errors(oai(query)) == accepted


def test_bad_verb_and_bad_argument_echo_no_arguments(collection) -> None:
    for query in ("verb=Foo&x=1", "verb=ListRecords", 'verb=GetRecord&identifier=invalid"id'):
        request = oai(query).find("oai:request", NS)
        assert request.attrib == {} and request.text.endswith("/oai")


def test_identify(collection) -> None:
    root = oai("verb=Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS).endswith("Z")
    assert root.find("oai:request", NS).get("verb") == "Identify"


def test_get_record_repeats_title_and_description_per_language(collection) -> None:
    item = collection["letter"]
    root = oai(f"verb=GetRecord&metadataPrefix=oai_dc&identifier={provider.identifier(item.pk)}")
    dc = root.find(".//oai_dc:dc", NS)
    titles = {
        t.get("{http://www.w3.org/XML/1998/namespace}lang"): t.text
        for t in dc.findall("dc:title", NS)
    }
    assert titles == {"kk": item.title_kk, "ru": item.title_ru, "en": item.title_en}
    assert {
        d.get("{http://www.w3.org/XML/1998/namespace}lang")
        for d in dc.findall("dc:description", NS)
    } == {"kk", "ru"}
    assert dc.findtext("dc:type", namespaces=NS) == "Text"
    assert dc.findtext("dc:language", namespaces=NS) == "ru"
    assert dc.findtext("dc:date", namespaces=NS) == "1907/1917"  # «около 1912»


def test_withdrawn_items_are_deleted_records_and_drafts_do_not_exist(collection) -> None:
    withdrawn = collection["withdrawn"]
    record = oai(
        f"verb=GetRecord&metadataPrefix=oai_dc&identifier={provider.identifier(withdrawn.pk)}"
    )
    header = record.find(".//oai:header", NS)
    assert header.get("status") == "deleted"
    assert record.find(".//oai:metadata", NS) is None
    draft = collection["draft"]
    assert errors(
        oai(f"verb=GetRecord&metadataPrefix=oai_dc&identifier={provider.identifier(draft.pk)}")
    ) == {"idDoesNotExist"}


def _walk(first_query: str) -> tuple[list[str], list[ET.Element]]:
    root, ids, tokens = oai(first_query), [], []
    while True:
        body = root[2]
        ids += [
            h.findtext("oai:identifier", namespaces=NS) for h in body.iter(f"{{{NS['oai']}}}header")
        ]
        token = body.find("oai:resumptionToken", NS)
        if token is None:
            return ids, tokens
        tokens.append(token)
        if not token.text:
            return ids, tokens
        root = oai(f"verb={body.tag.split('}')[1]}&resumptionToken={token.text}")


def test_pages_resume_by_token_and_the_last_token_is_empty(collection, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 7
    scope = Item.objects.exclude(status=ItemStatus.DRAFT)
    ids, tokens = _walk("verb=ListIdentifiers&metadataPrefix=oai_dc")
    assert sorted(ids) == sorted(
        provider.identifier(pk) for pk in scope.values_list("pk", flat=True)
    )
    assert len(tokens) == -(-scope.count() // 7) and not tokens[-1].text
    assert [int(t.get("cursor")) for t in tokens] == list(range(0, scope.count(), 7))
    assert {t.get("completeListSize") for t in tokens} == {str(scope.count())}


def test_a_list_is_counted_once_until_something_changes(collection, settings) -> None:
    """A harvest's first page counted up to KOPIR_OAI_COUNT_CAP records on every request; the
    size is now kept per content version (issue 19, item 4)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.KOPIR_OAI_PAGE_SIZE = 5
    query = "verb=ListIdentifiers&metadataPrefix=oai_dc"

    def first_page() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            size = oai(query).find(".//oai:resumptionToken", NS).get("completeListSize")
        return size, sum("COUNT(" in q["sql"].upper() for q in queries.captured_queries)

    size, counted = first_page()
    assert counted >= 1 and size == str(Item.objects.exclude(status=ItemStatus.DRAFT).count())
    assert first_page() == (size, 0)  # the same list again: not counted
    item(collection["letter"].organisation, title={"ru": "Новая опись"})
    after, counted = first_page()
    assert counted >= 1 and int(after) == int(size) + 1


def test_a_token_gives_the_same_page_when_repeated(collection, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 5
    first = oai("verb=ListIdentifiers&metadataPrefix=oai_dc")
    token = first.find(".//oai:resumptionToken", NS).text
    again = [ET.tostring(oai(f"verb=ListIdentifiers&resumptionToken={token}")[2]) for _ in range(2)]
    assert again[0] == again[1]
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert errors(oai(f"verb=ListIdentifiers&resumptionToken={tampered}")) == {"badResumptionToken"}


def test_sets_and_dates_select(collection, network) -> None:
    ids, _ = _walk("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:photograph")
    photos = Item.objects.filter(kind="photograph").exclude(status=ItemStatus.DRAFT)
    assert len(ids) == photos.count()
    specs = {
        s.findtext("oai:setSpec", namespaces=NS)
        for s in oai("verb=ListSets").iter(f"{{{NS['oai']}}}set")
    }
    assert {"org", "type", "type:photograph", f"org:{network['regional'].slug}"} <= specs
    future = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d")
    assert errors(oai(f"verb=ListRecords&metadataPrefix=oai_dc&from={future}")) == {
        "noRecordsMatch"
    }
    today = timezone.now().strftime("%Y-%m-%d")
    ids, _ = _walk(f"verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01&until={today}")
    assert len(ids) == Item.objects.exclude(status=ItemStatus.DRAFT).count()


def test_post_is_answered_like_get(collection) -> None:
    by_post = oai(post={"verb": "ListMetadataFormats"})
    assert by_post.find(".//oai:metadataPrefix", NS).text == "oai_dc"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_harvest_the_whole_collection_with_a_real_harvester(
    collection, live_server, settings, method: str
) -> None:
    """oaipmh-scythe over HTTP, several resumption tokens, deletions included."""
    from oaipmh_scythe import Scythe
    from oaipmh_scythe.config import HTTPConfig

    settings.KOPIR_OAI_PAGE_SIZE = 6
    item = Item.objects.filter(status=ItemStatus.PUBLISHED).order_by("pk").first()
    services.item_withdraw(item, note="", change=SYSTEM)
    config = HTTPConfig(http_method=method, timeout=30)
    with Scythe(f"{live_server.url}/oai", http_config=config) as scythe:
        records = list(scythe.list_records(metadata_prefix="oai_dc", ignore_deleted=False))
    harvested = {r.header.identifier: r for r in records}
    scope = Item.objects.exclude(status=ItemStatus.DRAFT)
    assert len(records) == scope.count() > 6 * 2  # several pages
    for stored in scope:
        record = harvested[provider.identifier(stored.pk)]
        assert record.deleted == (stored.status == ItemStatus.WITHDRAWN)
        assert record.header.datestamp == provider.stamp(stored.updated_at)
        if not record.deleted:
            assert stored.title_ru in record.metadata["title"]
    assert harvested[provider.identifier(item.pk)].deleted


def test_the_schema_refuses_what_the_protocol_forbids() -> None:
    # the checks above mean something: a list with only a token (the old empty page) fails
    empty_page = (
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>'
        "2026-12-01T00:00:00Z</responseDate><request>http://x/oai</request><ListRecords>"
        '<resumptionToken completeListSize="3" cursor="2"/></ListRecords></OAI-PMH>'
    )
    assert not schema().validate(etree.fromstring(empty_page))


@pytest.mark.parametrize("number", ["0001", "١", "²", "+1", " 1", "1.0", "99999999999999999999"])
def test_an_identifier_has_one_canonical_form(collection, number: str) -> None:
    first = Item.objects.filter(status=ItemStatus.PUBLISHED).order_by("pk").first()
    canonical = provider.identifier(first.pk)
    assert not errors(oai(f"verb=GetRecord&metadataPrefix=oai_dc&identifier={canonical}"))
    alias = (
        canonical.rsplit("/", 1)[0] + "/" + (str(first.pk).zfill(4) if number == "0001" else number)
    )
    for query in (
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": alias},
        {"verb": "ListMetadataFormats", "identifier": alias},
    ):
        assert errors(oai(post=query)) == {"idDoesNotExist"}


@pytest.mark.parametrize(
    "query",
    [
        "verb=ListRecords&metadataPrefix=",
        "verb=ListIdentifiers&metadataPrefix=oai dc",
        "verb=GetRecord&metadataPrefix=&identifier=oai:x:item/1",
        "verb=ListRecords&metadataPrefix=oai_dc&set=",
        "verb=ListRecords&metadataPrefix=oai_dc&set=org:",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:photo graph",
    ],
)
def test_empty_or_malformed_prefix_and_set_are_bad_arguments(collection, query: str) -> None:
    root = oai(query)  # valid against the schema: nothing malformed is echoed
    assert errors(root) == {"badArgument"}
    assert root.find("oai:request", NS).attrib == {}


def _next(root: ET.Element) -> tuple[list[str], str]:
    body = root[2]
    ids = [h.findtext("oai:identifier", namespaces=NS) for h in body.iter(f"{{{NS['oai']}}}header")]
    token = body.find("oai:resumptionToken", NS)
    return ids, (token.text or "") if token is not None else ""


def test_records_edited_during_a_harvest_are_still_delivered(collection, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 5
    scope = Item.objects.exclude(status=ItemStatus.DRAFT).order_by("updated_at", "pk")
    order = list(scope.values_list("pk", flat=True))
    delivered, token = _next(oai("verb=ListRecords&metadataPrefix=oai_dc"))
    # While the harvester waits: an item of a later page and one already sent are edited.
    later, sent = order[12], order[1]
    for pk in (later, sent):
        Item.objects.filter(pk=pk).update(updated_at=timezone.now(), title_ru=f"Правка {pk}")
    while token:
        ids, token = _next(oai(f"verb=ListRecords&resumptionToken={token}"))
        delivered += ids
    assert {provider.identifier(pk) for pk in order} <= set(delivered)
    assert delivered.count(provider.identifier(later)) == 1
    assert delivered[-2:] == [provider.identifier(later), provider.identifier(sent)]


def test_a_page_emptied_meanwhile_ends_the_list_as_the_schema_allows(collection, settings) -> None:
    settings.KOPIR_OAI_PAGE_SIZE = 5
    order = list(
        Item.objects.exclude(status=ItemStatus.DRAFT)
        .order_by("updated_at", "pk")
        .values_list("pk", flat=True)
    )
    _, token = _next(oai("verb=ListIdentifiers&metadataPrefix=oai_dc"))
    Item.objects.filter(pk__in=order[5:]).update(status=ItemStatus.DRAFT)  # unpublished
    assert errors(oai(f"verb=ListIdentifiers&resumptionToken={token}")) == {"noRecordsMatch"}


def test_make_run_links_to_the_port_it_serves(settings) -> None:
    root = Path(__file__).resolve().parents[3]
    dry_run = subprocess.run(
        ["make", "-n", "-C", str(root), "run", "PORT=9123"],
        capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"},
    ).stdout  # fmt: skip
    serve = next(line for line in dry_run.splitlines() if "gunicorn" in line and "--bind" in line)
    assert "KOPIR_SITE_URL=http://127.0.0.1:9123 " in serve and "--bind 127.0.0.1:9123" in serve
    settings.KOPIR_SITE_URL = "http://127.0.0.1:9123"
    identify = oai("verb=Identify")
    assert (
        identify.findtext("oai:Identify/oai:baseURL", namespaces=NS) == "http://127.0.0.1:9123/oai"
    )
    assert identify.findtext("oai:request", namespaces=NS) == "http://127.0.0.1:9123/oai"
