"""The OAI-PMH 2.0 provider: the six verbs over the collection's published and withdrawn items.

Arguments are checked as the protocol (§3.6, §4) and the openarchives.org validator require
(reference-standards §4.6): an unknown, repeated or missing argument is badArgument, a
resumptionToken allows no other argument, from/until must share one granularity. Errors come
back inside a normal response with HTTP 200; for badVerb and badArgument the <request> element
carries no attributes. Withdrawn items stay as deleted records (deletedRecord "persistent").
Lists are pages in (datestamp, id) order, resumed by tokens.py.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Min, Prefetch, Q, QuerySet
from django.utils import timezone
from lxml import etree

from kopir.core.text import printable
from kopir.heritage.models import Item, ItemKind, ItemStatus, Person, Place, Project, Subject
from kopir.heritage.oai import formats, tokens
from kopir.network.models import Organisation

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
_BEFORE_ALL = "1900-01-01T00:00:00+00:00"
_CANONICAL_ID = re.compile(r"[1-9][0-9]*")
# The OAI-PMH schema's patterns for metadataPrefix and setSpec: a value outside them is
# badArgument (and is not echoed, so the response still validates).
_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
_SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
IN_SCOPE = Q(status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN])


class OAIError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _page_size() -> int:
    return int(getattr(settings, "KOPIR_OAI_PAGE_SIZE", 100))


def _namespace() -> str:
    return str(settings.KOPIR_OAI_NAMESPACE)


def identifier(item_id: int) -> str:
    """oai-identifier: oai:<repository>:item/<id>."""
    return f"oai:{_namespace()}:item/{item_id}"


def _item_id(value: str) -> int:
    """The item of an identifier in its one canonical form: ASCII digits, no leading zero
    (item/0001, item/١ and item/² name no item, rather than alias item 1 or fail)."""
    prefix = f"oai:{_namespace()}:item/"
    number = value.removeprefix(prefix)
    if value.startswith(prefix) and _CANONICAL_ID.fullmatch(number) and len(number) < 10:
        return int(number)
    raise OAIError("idDoesNotExist", "No item has this identifier.")


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


@dataclass
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


def _scope() -> QuerySet[Item]:
    return Item.objects.filter(IN_SCOPE)


def earliest() -> datetime.datetime:
    first = _scope().aggregate(first=Min("updated_at"))["first"]
    return (first or timezone.now()).replace(microsecond=0)


def sets() -> list[tuple[str, str]]:
    """(setSpec, setName): items by organisation and by type, each under its parent set."""
    out = [("org", "Items by contributing organisation"), ("type", "Items by type")]
    orgs = Organisation.objects.filter(heritage_items__in=_scope()).distinct().order_by("slug")
    out += [(f"org:{o.slug}", o.name_ru or o.name) for o in orgs]  # type: ignore[attr-defined]
    out += [(f"type:{value}", str(label)) for value, label in ItemKind.choices]
    return out


def _set_filter(spec: str) -> Q:
    if spec in ("", "org", "type"):  # "" is no set given (an empty set= is refused by parse)
        return Q()
    group, _, value = spec.partition(":")
    if group == "org" and value and Organisation.objects.filter(slug=value).exists():
        return Q(organisation__slug=value)
    if group == "type" and value in ItemKind.values:
        return Q(kind=value)
    raise OAIError("noRecordsMatch", "No records in this set.")


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
    # end of the (datestamp, id) order and is delivered by a later page of the same harvest.
    return (since.isoformat() if since else ""), (until.isoformat() if until else "")


def first_position(verb: str, arguments: dict[str, str]) -> tokens.Position:
    prefix = arguments["metadataPrefix"]
    if prefix not in formats.REGISTRY:
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a format of this repository.")
    since, until = _window(arguments)
    spec = arguments.get("set", "")
    total = _matching(since, until, spec).count()
    if not total:
        raise OAIError("noRecordsMatch", "No records match the request.")
    return tokens.Position(verb, prefix, spec, since, until, "", 0, 0, total)


def resumed_position(verb: str, token: str) -> tokens.Position:
    try:
        position = tokens.decode(token)
    except tokens.BadToken:
        raise OAIError("badResumptionToken", "The resumptionToken is not valid.") from None
    if position.verb != verb:
        raise OAIError("badResumptionToken", "The resumptionToken belongs to another verb.")
    return position


def _matching(since: str, until: str, spec: str) -> QuerySet[Item]:
    items = _scope().filter(_set_filter(spec))
    if until:
        items = items.filter(updated_at__lt=datetime.datetime.fromisoformat(until))
    if since:
        items = items.filter(updated_at__gte=datetime.datetime.fromisoformat(since))
    return items


def page(position: tokens.Position, *, with_metadata: bool) -> tuple[list[Item], str | None]:
    """One page after the token's position, and the next token ("" when the list is done)."""
    items = _matching(position.since, position.until, position.set_spec)
    # A row-value comparison, which the (datestamp, id) index serves directly, on every page
    # (the first starts before the earliest record): an OR of two conditions would make the
    # database scan, and without it the planner may sort the whole collection.
    after = datetime.datetime.fromisoformat(position.after_stamp or _BEFORE_ALL)
    stamp_value = connection.ops.adapt_datetimefield_value(after)
    items = items.extra(
        where=['("heritage_item"."updated_at", "heritage_item"."id") > (%s, %s)'],
        params=[stamp_value, position.after_id],
    )
    items = items.order_by("updated_at", "pk").defer("extracted_text")
    items = items.select_related("organisation")
    if with_metadata:
        items = items.prefetch_related(*_RELATED)
    size = _page_size()
    found = list(items[: size + 1])
    chunk = found[:size]
    if len(found) <= size or not chunk:
        return chunk, None
    last = chunk[-1]
    following = tokens.Position(
        position.verb,
        position.prefix,
        position.set_spec,
        position.since,
        position.until,
        last.updated_at.isoformat(),
        last.pk,
        position.sent + len(chunk),
        position.total,
    )
    return chunk, tokens.encode(following)


_RELATED = (
    Prefetch("places", Place.objects.only("id", "name_kk", "name_ru", "name_en")),
    Prefetch("persons", Person.objects.only("id", "name_kk", "name_ru", "name_en")),
    Prefetch("subjects", Subject.objects.only("id", "name_kk", "name_ru", "name_en")),
    Prefetch("projects", Project.objects.only("id", "slug")),
)


def record_get(arguments: dict[str, str]) -> Item:
    prefix = arguments["metadataPrefix"]
    item_id = _item_id(arguments["identifier"])
    item = (
        _scope()
        .filter(pk=item_id)
        .select_related("organisation")
        .prefetch_related("places", "persons", "subjects", "projects")
        .first()
    )
    if item is None:
        raise OAIError("idDoesNotExist", "No item has this identifier.")
    if prefix not in formats.REGISTRY:
        raise OAIError("cannotDisseminateFormat", f"'{prefix}' is not a format of this repository.")
    return item


def item_exists(value: str) -> None:
    if not _scope().filter(pk=_item_id(value)).exists():
        raise OAIError("idDoesNotExist", "No item has this identifier.")


def el(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    """An element of the OAI-PMH namespace."""
    element = etree.SubElement(parent, f"{{{OAI}}}{name}")
    if text is not None:
        element.text = printable(text)  # set names are organisations' names as stored
    return element


def header(parent: etree._Element, item: Item) -> None:
    element = el(parent, "header")
    if item.status == ItemStatus.WITHDRAWN:
        element.set("status", "deleted")
    el(element, "identifier", identifier(item.pk))
    el(element, "datestamp", stamp(item.updated_at))
    el(element, "setSpec", f"org:{item.organisation.slug}")
    el(element, "setSpec", f"type:{item.kind}")


def record(parent: etree._Element, item: Item, prefix: str) -> None:
    element = el(parent, "record")
    header(element, item)
    if item.status != ItemStatus.WITHDRAWN:
        formats.REGISTRY[prefix].write(item, el(element, "metadata"))
