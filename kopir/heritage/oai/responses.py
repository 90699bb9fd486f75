"""OAI-PMH response documents (§3.2), written with lxml: one function per verb."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.utils import timezone
from lxml import etree

from kopir.heritage.oai import formats, provider
from kopir.heritage.oai.provider import OAI, OAI_SCHEMA, XSI, OAIError, Request, el

OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"


def base_url() -> str:
    return settings.KOPIR_SITE_URL.rstrip("/") + "/oai"


def _document(request: Request | None) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    el(root, "responseDate", provider.stamp(timezone.now()))
    echo = el(root, "request", base_url())
    if request is not None:  # badVerb / badArgument: the base URL only (§3.2)
        echo.set("verb", request.verb)
        for name, value in sorted(request.arguments.items()):
            echo.set(name, formats.clean(value))
    return root, echo


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def error(errors: list[OAIError], request: Request | None) -> bytes:
    root, _ = _document(request)
    for problem in errors:
        el(root, "error", problem.message).set("code", problem.code)
    return _bytes(root)


def identify(request: Request) -> bytes:
    root, _ = _document(request)
    body = el(root, "Identify")
    el(body, "repositoryName", settings.KOPIR_OAI_REPOSITORY_NAME)
    el(body, "baseURL", base_url())
    el(body, "protocolVersion", "2.0")
    el(body, "adminEmail", settings.KOPIR_OAI_ADMIN_EMAIL)
    el(body, "earliestDatestamp", provider.stamp(provider.earliest()))
    el(body, "deletedRecord", "persistent")
    el(body, "granularity", provider.GRANULARITY)
    description = el(body, "description")
    oai_id = etree.SubElement(
        description, f"{{{OAI_IDENTIFIER}}}oai-identifier", nsmap={None: OAI_IDENTIFIER}
    )
    oai_id.set(f"{{{XSI}}}schemaLocation", f"{OAI_IDENTIFIER} {OAI_IDENTIFIER}.xsd")
    for name, value in (
        ("scheme", "oai"),
        ("repositoryIdentifier", settings.KOPIR_OAI_NAMESPACE),
        ("delimiter", ":"),
        ("sampleIdentifier", provider.identifier(1)),
    ):
        etree.SubElement(oai_id, f"{{{OAI_IDENTIFIER}}}{name}").text = value
    return _bytes(root)


def list_metadata_formats(request: Request) -> bytes:
    """Every format, or those of one record (a book's include marcxml, an item's do not)."""
    chosen = list(formats.REGISTRY)
    if "identifier" in request.arguments:
        chosen = provider.record_formats(request.arguments["identifier"])
    root, _ = _document(request)
    body = el(root, "ListMetadataFormats")
    for metadata_format in (formats.REGISTRY[prefix] for prefix in chosen):
        entry = el(body, "metadataFormat")
        el(entry, "metadataPrefix", metadata_format.prefix)
        el(entry, "schema", metadata_format.schema)
        el(entry, "metadataNamespace", metadata_format.namespace)
    return _bytes(root)


def list_sets(request: Request) -> bytes:
    if "resumptionToken" in request.arguments:  # the list of sets is never paged
        raise OAIError("badResumptionToken", "The resumptionToken is not valid.")
    root, _ = _document(request)
    body = el(root, "ListSets")
    for spec, name in provider.sets():
        entry = el(body, "set")
        el(entry, "setSpec", spec)
        el(entry, "setName", name)
    return _bytes(root)


def get_record(request: Request) -> bytes:
    entry = provider.record_get(request.arguments)
    root, _ = _document(request)
    provider.record(el(root, "GetRecord"), entry, request.arguments["metadataPrefix"])
    return _bytes(root)


def list_items(request: Request) -> bytes:
    """ListIdentifiers and ListRecords: one page, then the resumption token (§3.5)."""
    token = request.arguments.get("resumptionToken")
    if token is not None:
        position = provider.resumed_position(request.verb, token)
    else:
        position = provider.first_position(request.verb, request.arguments)
    with_metadata = request.verb == "ListRecords"
    entries, following = provider.page(position, with_metadata=with_metadata)
    if not entries:  # a later page can be empty too, when its records were deleted meanwhile:
        # the schema allows no list without a record, so the harvest ends here
        raise OAIError("noRecordsMatch", "No records match the request.")
    root, _ = _document(request)
    body = el(root, request.verb)
    for entry in entries:
        if with_metadata:
            provider.record(body, entry, position.prefix)
        else:
            provider.header(body, entry)
    if token is not None or following is not None:
        # Every page of a paged list ends with a token; the last one with an empty one.
        resumption = el(body, "resumptionToken", following or None)
        if position.total != provider.UNCOUNTED:
            resumption.set("completeListSize", str(position.total))
        resumption.set("cursor", str(position.sent))
    return _bytes(root)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_items,
    "ListRecords": list_items,
}


def respond(query: Mapping[str, list[str]]) -> bytes:
    """The response to one request's arguments (GET query or POST form)."""
    try:
        request = provider.parse(query)
    except OAIError as problem:
        return error([problem], None)
    try:
        return HANDLERS[request.verb](request)
    except OAIError as problem:
        request_echo = None if problem.code in ("badArgument", "badVerb") else request
        return error([problem], request_echo)
