"""SRU responses, versions 1.2 (http://www.loc.gov/zing/srw/, with 1.1 requests answered
alike) and 2.0 (OASIS searchRetrieve), written with lxml: explain (a ZeeRex record),
searchRetrieve and diagnostics. Which version answers: the `version` parameter; without one,
1.2 when `operation` is given (1.x requests carry it), otherwise 2.0 (SRU 2.0 §3)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from lxml import etree

from kopir.core.text import printable
from kopir.exchange.sru import diagnostics as diag
from kopir.exchange.sru import results
from kopir.exchange.sru.diagnostics import Diagnostic
from kopir.exchange.sru.query import search
from kopir.exchange.sru.records import BY_NAME_OR_IDENTIFIER, DEFAULT_SCHEMA, SCHEMAS, Schema

SRW = "http://www.loc.gov/zing/srw/"
SRW_DIAG = "http://www.loc.gov/zing/srw/diagnostic/"
SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
SRU2_DIAG = "http://docs.oasis-open.org/ns/search-ws/diagnostic"
ZEEREX = "http://explain.z3950.org/dtd/2.0/"
DIAGNOSTIC_SCHEMA = "info:srw/schema/1/diagnostics-v1.1"
VERSIONS = ("1.1", "1.2", "2.0")
DEFAULT_RECORDS = 10
MAX_RECORDS = 100
COMMON = {"query", "startRecord", "maximumRecords", "recordSchema", "resultSetTTL",
          "sortKeys", "stylesheet", "recordXPath", "extraRequestData"}  # fmt: skip
PARAMETERS = {
    "1": COMMON | {"operation", "version", "recordPacking"},
    "2": COMMON | {"operation", "version", "queryType", "recordXMLEscaping", "recordPacking",
                   "renderedBy", "httpAccept", "responseType"},
}  # fmt: skip
SETS = {
    "cql": "info:srw/cql-context-set/1/cql-v1.2",
    "dc": "info:srw/cql-context-set/1/dc-v1.1",
    "bath": "http://zing.z3950.org/cql/bath/2.0/",
    "rec": "info:srw/cql-context-set/2/rec-1.1",
}
EXPLAINED_INDEXES = [
    ("cql", "serverChoice", "Any word"), ("cql", "allRecords", "Every record"),
    ("dc", "title", "Title"), ("bath", "title", "Title"), ("dc", "creator", "Author"),
    ("dc", "contributor", "Other persons and bodies"), ("bath", "author", "Author"),
    ("bath", "name", "Name"), ("bath", "personalName", "Personal name"),
    ("bath", "corporateName", "Corporate name"), ("dc", "subject", "Subject"),
    ("bath", "subject", "Subject"), ("dc", "publisher", "Publisher"),
    ("bath", "isbn", "ISBN"), ("dc", "identifier", "ISBN"), ("dc", "date", "Year"),
    ("dc", "language", "Language"), ("bath", "any", "Any word"), ("rec", "id", "Record number"),
]  # fmt: skip


@dataclass
class Request:
    version: str  # "1.1", "1.2" or "2.0"
    arguments: dict[str, str] = field(default_factory=dict)

    @property
    def major(self) -> str:
        return self.version[0]

    @property
    def ns(self) -> str:
        return SRW if self.major == "1" else SRU2


def respond(arguments: Mapping[str, list[str]]) -> bytes:
    """The answer to one SRU request (GET or POST parameters, each with its values)."""
    given = {name: values[-1] for name, values in arguments.items() if values}
    if "query" in given:
        given["query"] = _repaired(given["query"])
    version = given.get("version", "")
    if not version:
        version = "1.2" if "operation" in given else "2.0"
    if version not in VERSIONS:
        return explain(Request("1.2"), [Diagnostic(diag.UNSUPPORTED_VERSION, "2.0")])
    request = Request(version, given)
    operation = given.get("operation", "")
    if not operation:
        operation = "searchRetrieve" if "query" in given else "explain"
    try:
        _check_parameters(request)
        if operation == "explain":
            return explain(request)
        if operation != "searchRetrieve":
            raise Diagnostic(diag.UNSUPPORTED_OPERATION, operation[:50])
        return search_retrieve(request)
    except Diagnostic as problem:
        if operation == "explain":
            return explain(request, [problem])
        root = _search_root(request, 0)
        _diagnostics(request, root, [problem])
        return _bytes(root)


def _repaired(query: str) -> str:
    """The query as its sender meant it: Simple2ZOOM (our Z39.50 gateway, Perl) sends a UTF-8
    term's bytes as if each were a Latin-1 letter, so «задачи» arrives as «Ð·Ð°Ð´Ð°Ñ\\x87Ð¸».
    Text that is all Latin-1 and whose bytes are valid UTF-8 is read as UTF-8 again; a real
    Latin-1 query («Müller») is not valid UTF-8 that way and stays as it is."""
    if query.isascii():
        return query
    try:
        return query.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return query


def _check_parameters(request: Request) -> None:
    known = PARAMETERS[request.major]
    for name in request.arguments:
        if name not in known and not name.startswith("x-"):
            raise Diagnostic(diag.UNSUPPORTED_PARAMETER, name[:50])


def _el(
    parent: etree._Element, name: str, text: str | None = None, ns: str = SRW
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        element.text = text
    return element


def _root(request: Request, name: str) -> etree._Element:
    root = etree.Element(
        f"{{{request.ns}}}{name}", nsmap={"srw" if request.major == "1" else "sru": request.ns}
    )
    _el(root, "version", request.version, request.ns)
    return root


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _number(request: Request, name: str, default: int, least: int) -> int:
    value = request.arguments.get(name, "")
    if value == "":
        return default
    if not value.isascii() or not value.isdigit() or int(value) < least or len(value) > 9:
        raise Diagnostic(diag.UNSUPPORTED_VALUE, name)
    return int(value)


def _schema(request: Request) -> Schema:
    asked = request.arguments.get("recordSchema", "") or DEFAULT_SCHEMA
    schema = BY_NAME_OR_IDENTIFIER.get(asked.lower())  # names and identifiers, lower case
    if schema is None:
        raise Diagnostic(diag.UNKNOWN_SCHEMA, asked[:100])
    return schema


def _escaped(request: Request) -> bool:
    """Whether records are sent as escaped text (1.x recordPacking=string, 2.0
    recordXMLEscaping=string) rather than as XML."""
    if request.major == "1":
        name, value = "recordPacking", request.arguments.get("recordPacking", "xml")
    else:
        name, value = "recordXMLEscaping", request.arguments.get("recordXMLEscaping", "xml")
        if request.arguments.get("recordPacking", "packed") != "packed":
            raise Diagnostic(diag.UNSUPPORTED_PACKING, "recordPacking")
    if value not in {"xml", "string"}:
        raise Diagnostic(diag.UNSUPPORTED_PACKING, name)
    return value == "string"


def search_retrieve(request: Request) -> bytes:
    query = request.arguments.get("query", "")
    if not query.strip():
        raise Diagnostic(diag.MANDATORY_MISSING, "query")
    if request.arguments.get("queryType", "cql") not in {"cql", ""}:
        raise Diagnostic(diag.UNSUPPORTED_VALUE, "queryType")
    if request.arguments.get("sortKeys", ""):
        raise Diagnostic(diag.SORT_UNSUPPORTED, "sortKeys")
    if request.arguments.get("recordXPath", ""):
        raise Diagnostic(diag.UNSUPPORTED_PARAMETER, "recordXPath")
    start = _number(request, "startRecord", 1, 1)
    if start > results.COUNT_EXACT:  # deep pages cost a walk of every record before them
        raise Diagnostic(diag.FIRST_RECORD_OUT_OF_RANGE, str(start))
    wanted = min(_number(request, "maximumRecords", DEFAULT_RECORDS, 0), MAX_RECORDS)
    schema, escaped = _schema(request), _escaped(request)
    found = results.find(search(query), start - 1, wanted)
    total, exact, page = found.total, found.exact, found.records
    if total and start > 1 and (start > total or (wanted and not page)):
        raise Diagnostic(diag.FIRST_RECORD_OUT_OF_RANGE, str(start))
    root = _search_root(request, total)
    if page:
        records = _el(root, "records", ns=request.ns)
        for position, record in enumerate(page, start=start):
            _record(request, records, record, schema, escaped, position)
    if (
        page
        and start + len(page) <= min(total, results.COUNT_EXACT)
        and (exact or len(page) == wanted)
    ):
        _el(root, "nextRecordPosition", str(start + len(page)), request.ns)
    if request.major == "2":
        precision = "exact" if exact else "estimate"
        _el(root, "resultCountPrecision",
            f"info:srw/vocabulary/resultCountPrecision/1/{precision}", request.ns)  # fmt: skip
    return _bytes(root)


def _search_root(request: Request, total: int) -> etree._Element:
    root = _root(request, "searchRetrieveResponse")
    _el(root, "numberOfRecords", str(total), request.ns)
    return root


def _record(
    request: Request, parent: etree._Element, record: object, schema: Schema, escaped: bool,
    position: int,
) -> None:  # fmt: skip
    element = _el(parent, "record", ns=request.ns)
    try:
        data = schema.write(record)  # type: ignore[arg-type]
    except Exception as error:
        _el(element, "recordSchema", DIAGNOSTIC_SCHEMA, request.ns)
        _packing(request, element, escaped)
        holder = _el(element, "recordData", ns=request.ns)
        holder.append(_diagnostic(request, Diagnostic(diag.GENERAL, type(error).__name__)))
        _el(element, "recordPosition", str(position), request.ns)
        return
    _el(element, "recordSchema", schema.identifier, request.ns)
    _packing(request, element, escaped)
    holder = _el(element, "recordData", ns=request.ns)
    if escaped:
        holder.text = etree.tostring(data, encoding="unicode")
    else:
        holder.append(data)
    _el(element, "recordPosition", str(position), request.ns)


def _packing(request: Request, element: etree._Element, escaped: bool) -> None:
    name = "recordPacking" if request.major == "1" else "recordXMLEscaping"
    _el(element, name, "string" if escaped else "xml", request.ns)


def _diagnostic(request: Request, problem: Diagnostic) -> etree._Element:
    ns = SRW_DIAG if request.major == "1" else SRU2_DIAG
    element = etree.Element(f"{{{ns}}}diagnostic", nsmap={"diag": ns})
    _el(element, "uri", problem.uri, ns)
    if problem.details:
        _el(element, "details", printable(problem.details), ns)
    _el(element, "message", problem.message, ns)
    return element


def _diagnostics(request: Request, root: etree._Element, problems: list[Diagnostic]) -> None:
    holder = _el(root, "diagnostics", ns=request.ns)
    for problem in problems:
        holder.append(_diagnostic(request, problem))


def base_url() -> str:
    return settings.KOPIR_SITE_URL.rstrip("/") + "/sru"


def explain(request: Request, problems: list[Diagnostic] | None = None) -> bytes:
    root = _root(request, "explainResponse")
    record = _el(root, "record", ns=request.ns)
    _el(record, "recordSchema", ZEEREX, request.ns)
    _packing(request, record, escaped=False)
    data = _el(record, "recordData", ns=request.ns)
    data.append(_zeerex(request))
    if problems:
        _diagnostics(request, root, problems)
    return _bytes(root)


def _z(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = _el(parent, tag, text, ZEEREX)
    for key, value in attributes.items():
        element.set(key, value)
    return element


def _zeerex(request: Request) -> etree._Element:
    """The server's description (ZeeRex 2.0): where it is, the indexes, the schemas."""
    address = urlsplit(base_url())
    root = etree.Element(f"{{{ZEEREX}}}explain", nsmap={"zr": ZEEREX})
    server = _z(root, "serverInfo", protocol="SRU", version=request.version)
    _z(server, "host", address.hostname or "localhost")
    _z(server, "port", str(address.port or (443 if address.scheme == "https" else 80)))
    _z(server, "database", address.path.lstrip("/") or "sru")
    database = _z(root, "databaseInfo")
    _z(database, "title", "Köpir: the union catalogue of the partner libraries", lang="en",
       primary="true")  # fmt: skip
    _z(database, "title", "Köpir: сводный каталог библиотек-партнёров", lang="ru")
    _z(database, "title", "Köpir: серіктес кітапханалардың жиынтық каталогы", lang="kk")
    _z(
        database,
        "description",
        "Every partner library's records, in MARC 21, RUSMARC or "
        "Dublin Core. Words match as whole words by their Russian and Kazakh forms; "
        "a term ending in * takes its last word as a prefix.",
        lang="en",
    )
    indexes = _z(root, "indexInfo")
    for name, identifier in SETS.items():
        _z(indexes, "set", identifier=identifier, name=name)
    for context, name, title in EXPLAINED_INDEXES:
        index = _z(indexes, "index", search="true", scan="false", sort="false")
        _z(index, "title", title, lang="en")
        _z(_z(index, "map"), "name", name, set=context)
    schemas = _z(root, "schemaInfo")
    for schema in SCHEMAS.values():
        entry = _z(schemas, "schema", identifier=schema.identifier, name=schema.name,
                   retrieve="true", sort="false")  # fmt: skip
        _z(entry, "title", schema.title, lang="en")
    config = _z(root, "configInfo")
    _z(config, "default", str(DEFAULT_RECORDS), type="numberOfRecords")
    _z(config, "default", DEFAULT_SCHEMA, type="retrieveSchema")
    _z(config, "setting", str(MAX_RECORDS), type="maximumRecords")
    for relation in ("=", "all", "any", "adj", "exact", "==", "<", "<=", ">", ">=", "<>",
                     "within"):  # fmt: skip
        _z(config, "supports", relation, type="relation")
    for modifier in ("stem", "relevant"):
        _z(config, "supports", modifier, type="relationModifier")
    return root
