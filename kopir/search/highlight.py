"""Snippets with the query's words marked, cut from the text shown to the reader (not from the
index, which holds stems): a window of words around the first hit."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kopir.search.analysis import matches, words

WINDOW = 30
_TOKEN = re.compile(r"([^\W_]+)")


def _is_hit(token: str, wanted: list[list[str]]) -> bool:
    """Whether a word of the shown text is one the query found."""
    folded = words(token)
    return bool(wanted and folded and matches(folded[0], wanted))


def snippet(text: str, wanted: list[list[str]], window: int = WINDOW) -> SafeString:
    """About `window` words of text, starting a little before the first hit, hits in <mark>."""
    parts = _TOKEN.split(" ".join(text.split()))  # odd indexes are words
    word_indexes = list(range(1, len(parts), 2))
    hits = {i for i in word_indexes if _is_hit(parts[i], wanted)}
    first = min(hits, default=1)
    position = word_indexes.index(first) if first in word_indexes else 0
    start_word = max(0, position - 5)
    if not word_indexes:
        return mark_safe(escape(text[:300]))  # noqa: S308 (escaped)
    start = word_indexes[start_word] - 1 if start_word else 0
    end_word = min(len(word_indexes) - 1, start_word + window)
    end = word_indexes[end_word] + 1
    out = ["… " if start > 0 else ""]
    for index in range(max(start, 0), min(end, len(parts))):
        piece = escape(parts[index])
        out.append(f"<mark>{piece}</mark>" if index in hits else piece)
    if end < len(parts) - 1:
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


def marked(text: str, wanted: list[list[str]]) -> SafeString:
    """The whole of a short text (a title), every hit in <mark>."""
    parts = _TOKEN.split(text)
    out = []
    for index, part in enumerate(parts):
        piece = escape(part)
        hit = index % 2 == 1 and _is_hit(part, wanted)
        out.append(f"<mark>{piece}</mark>" if hit else piece)
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)
