"""CSL-JSON in and out: the interchange form itself, checked on the way in."""

from __future__ import annotations

import json
from typing import Any

from kopir.bibliography.styles.record import InvalidItem, read


class CSLJSONError(ValueError):
    """A CSL-JSON file that cannot be read: the message names the item."""


def loads(text: str) -> list[dict[str, Any]]:
    """A CSL-JSON array (or one item); each item must be describable."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CSLJSONError(f"not JSON: line {error.lineno}, column {error.colno}") from None
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        try:
            read(item, index)
        except InvalidItem as problem:
            raise CSLJSONError(f"item {index + 1}: {problem}") from None
    return items


def dumps(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2)
