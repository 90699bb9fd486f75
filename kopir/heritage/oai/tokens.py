"""Resumption tokens that carry their own position (OAI-PMH §3.5).

A token holds the whole request — verb, format, from, until, set — and the keyset position
(datestamp, source and id of the last record sent), the count sent so far and the list size:
no server state. The keyset is stable: records changed during a harvest never shift the pages, and,
unless the harvester asked for an `until`, they move to the end of the order and come later in
the same harvest, so none is lost. Tokens are signed: an altered or foreign token is
badResumptionToken.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, fields

from django.core import signing

SALT = "kopir.heritage.oai.token"


@dataclass(frozen=True)
class Position:
    verb: str
    prefix: str
    set_spec: str
    since: str  # ISO datetimes, "" when open
    until: str
    after_stamp: str  # keyset: the last record sent ("" before the first)
    after_order: int  # its source's order (sources.Key)
    after_id: int
    sent: int  # records sent before the page this token asks for
    total: int  # the list's size, provider.UNCOUNTED when not counted


class BadToken(ValueError):
    pass


# A plain signer, not signing.dumps' timestamped one: the same position gives the same token,
# so a repeated request answers byte for byte the same page, its next token included.
def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def encode(position: Position) -> str:
    return _signer().sign_object(list(asdict(position).values()), compress=True)


def decode(token: str) -> Position:
    try:
        values = _signer().unsign_object(token)
        names = [field.name for field in fields(Position)]
        if isinstance(values, list) and len(values) == len(names) - 1:
            # a token from before books were harvested: its last record was an item (order 0)
            values.insert(names.index("after_order"), 0)
        position = Position(*values)
        datetime.datetime.fromisoformat(position.after_stamp)
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise BadToken(token) from error
    return position
