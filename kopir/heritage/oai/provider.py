"""The OAI-PMH 2.0 provider: the six verbs over the records of every source (sources.py): the
collection's published and withdrawn items, and the union catalogue's books.

Arguments are checked as the protocol (§3.6, §4) and the openarchives.org validator require
(reference-standards §4.6): an unknown, repeated or missing argument is badArgument, a
resumptionToken allows no other argument, from/until must share one granularity. Errors come
back inside a normal response with HTTP 200; for badVerb and badArgument the <request> element
carries no attributes. Withdrawn items and removed books stay as deleted records
(deletedRecord "persistent"). Lists are pages in (datestamp, source, id) order, resumed by
tokens.py.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Mapping

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from lxml import etree

from kopir.core.page_cache import content_version
from kopir.core.text import printable
from kopir.heritage.oai import formats, sources, tokens
from kopir.heritage.oai.sources import Entry, Key, Source, Window

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI = formats.XSI
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
VERBS: dict[str, tuple[set[str], set[str], bool]] = {  # required, optional, takes a token
    "Identify": (set(), set(), False),
    "ListMetadataFormats": (set(), {"identifier"}, False),
    "ListSets": (set(), set(), True),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, True),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, True),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), False),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_CANONICAL_ID = re.compile(r"[1-9][0-9]*")
# The OAI-PMH schema's patterns for metadataPrefix and setSpec: a value outside them is
# badArgument (and is not echoed, so the response still validates).
_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
_SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")


class OAIError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


UNCOUNTED = -1  # a list longer than the count's cap: its size is left out (§3.5)


def _page_size() -> int:
    return int(getattr(settings, "KOPIR_OAI_PAGE_SIZE", 100))


def _count_cap() -> int:
    """Lists are counted up to this many records: the first page of a harvest of a million
    books need not count them all (completeListSize is optional, §3.5)."""
    return int(settings.KOPIR_OAI_COUNT_CAP)


def _namespace() -> str:
    return str(settings.KOPIR_OAI_NAMESPACE)


def identifier(pk: int, path: str = "item") -> str:
    """oai-identifier: oai:<repository>:<source path>/<id> (item/12, book/7)."""
    return f"oai:{_namespace()}:{path}/{pk}"


def _identified(value: str) -> tuple[Source, int]:
    """The source and id of an identifier in its one canonical form: ASCII digits, no leading
    zero (item/0001, item/١ and item/² name no item, rather than alias item 1 or fail)."""
    path, _, number = value.removeprefix(f"oai:{_namespace()}:").partition("/")
    if (
        value.startswith(f"oai:{_namespace()}:")
        and path in sources.REGISTRY
        and _CANONICAL_ID.fullmatch(number)
        and len(number) < 10
    ):
        return sources.REGISTRY[path], int(number)
    raise OAIError("idDoesNotExist", "No record has this identifier.")


def stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_moment(value: str, name: str) -> tuple[datetime.datetime, str]:
    if _DAY.match(value):
        kind, text = "day", value + "T00:00:00"
    elif _SECOND.match(value):
        kind, text = "second", value[:-1]
    else:
        raise OAIError(
            "badArgument", f"'{name}' is not a UTC date or datetime of this granularity."
        )
    try:
        moment = datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)
    except ValueError:
        raise OAIError("badArgument", f"'{name}' is not a valid date.") from None
    return moment, kind


@dataclasses.dataclass
class Request:
    verb: str
    arguments: dict[str, str]


def parse(query: Mapping[str, list[str]]) -> Request:
    """Check the verb and its arguments; raises OAIError (badVerb / badArgument)."""
    verbs = query.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    verb = verbs[0]
    required, optional, resumable = VERBS[verb]
    allowed = required | optional | ({"resumptionToken"} if resumable else set())
    arguments: dict[str, str] = {}
    for name, values in query.items():
        if name == "verb":
            continue
        if name not in allowed:
            raise OAIError("badArgument", f"'{name}' is not an argument of {verb}.")
        if len(values) != 1:
            raise OAIError("badArgument", f"'{name}' is repeated.")
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError("badArgument", "resumptionToken is exclusive: no other argument.")
        return Request(verb, arguments)
    missing = required - arguments.keys()
    if missing:
        raise OAIError("badArgument", f"{verb} needs {', '.join(sorted(missing))}.")
    if "metadataPrefix" in arguments and not _PREFIX.fullmatch(arguments["metadataPrefix"]):
        raise OAIError("badArgument", "'metadataPrefix' is empty or not a metadata prefix.")
    if "set" in arguments and not _SET_SPEC.fullmatch(arguments["set"]):
        raise OAIError("badArgument", "'set' is empty or not a setSpec.")
    return Request(verb, arguments)


def earliest() -> datetime.datetime:
    firsts = [first for source in sources.REGISTRY.values() if (first := source.earliest())]
    return min(firsts, default=timezone.now()).replace(microsecond=0)


def sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every source, each set under its parent set."""
    return [entry for source in sources.REGISTRY.values() for entry in source.sets()]


def _window(arguments: dict[str, str]) -> tuple[str, str]:
    since = until = None
    kinds = set()
    if "from" in arguments:
        since, kind = _parse_moment(arguments["from"], "from")
        kinds.add(kind)
    if "until" in arguments:
        until, kind = _parse_moment(arguments["until"], "until")
        kinds.add(kind)
        # Inclusive at the request's granularity: until=2020-01-01 takes that whole day.
        until += datetime.timedelta(days=1) if kind == "day" else datetime.timedelta(seconds=1)
    if len(kinds) > 1:
        raise OAIError("badArgument", "'from' and 'until' must have the same granularity.")
    if since and until and since >= until:
        raise OAIError("badArgument", "'from' is later than 'until'.")
    # Without `until` the list is open-ended: a record edited during the harvest moves to the
    # end of the (datestamp, source, id) order and is delivered by a later page of the harvest.
    return (since.isoformat() if since else ""), (until.isoformat() if until else "")


def _writing(prefix: str) -> list[Source]:
    """The sources that write the format (oai_dc: all; marcxml: the catalogue's books)."""
    if prefix not in formats.REGISTRY:
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a format of this repository.")
    return [source for source in sources.REGISTRY.values() if prefix in source.writers]


def _of(position: tokens.Position) -> Window:
    def moment(value: str) -> datetime.datetime | None:
        return datetime.datetime.fromisoformat(value) if value else None

    return Window(position.set_spec, moment(position.since), moment(position.until))


def first_position(verb: str, arguments: dict[str, str]) -> tokens.Position:
    prefix = arguments["metadataPrefix"]
    chosen = _writing(prefix)
    since, until = _window(arguments)
    spec = arguments.get("set", "")
    start = tokens.Position(verb, prefix, spec, since, until, "", 0, 0, 0, 0)
    cap = _count_cap()
    list_key = f"{prefix}:{spec}:{since}:{until}:{cap}"
    total = _list_size(list_key, lambda: sum(source.count(_of(start), cap) for source in chosen))
    if not total:
        raise OAIError("noRecordsMatch", "No records match the request.")
    return dataclasses.replace(start, total=total if total <= cap else UNCOUNTED)


def _list_size(list_key: str, count: Callable[[], int]) -> int:
    """A list's size (counted up to the cap, which is part of `list_key`), counted once per
    content version: every harvest's first page asked the database to count up to
    KOPIR_OAI_COUNT_CAP records; now the first one after a change does (any save or delete of
    our models, an import, bumps the version)."""
    key = f"kopir:oai-size:{content_version()}:{list_key}"
    size = cache.get(key)
    if size is None:
        size = count()
        cache.set(key, size, 24 * 3600)
    return int(size)


def resumed_position(verb: str, token: str) -> tokens.Position:
    try:
        position = tokens.decode(token)
    except tokens.BadToken:
        raise OAIError("badResumptionToken", "The resumptionToken is not valid.") from None
    if position.verb != verb or position.prefix not in formats.REGISTRY:
        raise OAIError("badResumptionToken", "The resumptionToken belongs to another list.")
    return position


def page(position: tokens.Position, *, with_metadata: bool) -> tuple[list[Entry], str | None]:
    """One page after the token's position, and the next token ("" when the list is done):
    the next records of each source, merged in (datestamp, source, id) order."""
    size = _page_size()
    after = (
        Key(datetime.datetime.fromisoformat(position.after_stamp), position.after_order,
            position.after_id)
        if position.after_stamp else sources.START
    )  # fmt: skip
    window = _of(position)
    lists = [
        source.entries(window, after, size + 1, full=with_metadata)
        for source in _writing(position.prefix)
    ]
    found = sources.merged(lists, size + 1)
    chunk = found[:size]
    if len(found) <= size or not chunk:
        return chunk, None
    last = chunk[-1].key
    following = tokens.Position(
        position.verb, position.prefix, position.set_spec, position.since, position.until,
        last.stamp.isoformat(), last.order, last.pk, position.sent + len(chunk), position.total,
    )  # fmt: skip
    return chunk, tokens.encode(following)


def record_get(arguments: dict[str, str]) -> Entry:
    prefix = arguments["metadataPrefix"]
    source, pk = _identified(arguments["identifier"])
    entry = source.get(pk)
    if entry is None:
        raise OAIError("idDoesNotExist", "No record has this identifier.")
    if source not in _writing(prefix):
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a format of this record.")
    return entry


def record_formats(value: str) -> list[str]:
    """The metadata prefixes the record of an identifier is disseminated in."""
    source, pk = _identified(value)
    if source.get(pk) is None:
        raise OAIError("idDoesNotExist", "No record has this identifier.")
    return [prefix for prefix in formats.REGISTRY if prefix in source.writers]


def el(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    """An element of the OAI-PMH namespace."""
    element = etree.SubElement(parent, f"{{{OAI}}}{name}")
    if text is not None:
        element.text = printable(text)  # set names are organisations' names as stored
    return element


def header(parent: etree._Element, entry: Entry) -> None:
    element = el(parent, "header")
    if entry.deleted:
        element.set("status", "deleted")
    el(element, "identifier", identifier(entry.pk, entry.source.path))
    el(element, "datestamp", stamp(entry.stamp))
    for spec in entry.set_specs:
        el(element, "setSpec", spec)


def record(parent: etree._Element, entry: Entry, prefix: str) -> None:
    element = el(parent, "record")
    header(element, entry)
    if not entry.deleted:
        entry.source.writers[prefix](entry.record, el(element, "metadata"))
