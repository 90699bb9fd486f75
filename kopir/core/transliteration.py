"""Kazakh Cyrillic → Latin script (the 2021 alphabet of 31 letters).

The table is reference-standards §2.2. Russian-only letters take the first spelling the official
guidance allows (ts, tş, şş, io, iu, ia); ъ and ь are dropped. Latin I is the capital of dotless ı
and İ the capital of i, so case is mapped by hand, never by str.upper()/str.lower().
"""

from __future__ import annotations

import re

_LOWER = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "tş", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip

# Kazakh Latin case pairs that differ from Unicode's default (Turkic dotted/dotless i).
_LATIN_UPPER = {"i": "İ", "ı": "I"}

_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def latin_upper(text: str) -> str:
    """Upper-case Kazakh Latin text: i → İ, ı → I."""
    return "".join(_LATIN_UPPER.get(ch, ch.upper()) for ch in text)


def latin_lower(text: str) -> str:
    """Lower-case Kazakh Latin text: İ → i, I → ı."""
    return text.replace("İ", "i").replace("I", "ı").lower()  # str.lower() would give i̇ and i


def _word_to_latin(word: str) -> str:
    all_caps = len(word) > 1 and word.isupper()
    out: list[str] = []
    for ch in word:
        low = ch.lower()
        latin = _LOWER.get(low, ch)
        if ch != low and latin:
            # A capital letter: the whole digraph in capitals inside an all-caps word,
            # otherwise only its first letter ("Юрий" → "İurii", "ЮРИЙ" → "İURİİ").
            latin = latin_upper(latin) if all_caps else latin_upper(latin[0]) + latin[1:]
        out.append(latin)
    return "".join(out)


def to_latin(text: str) -> str:
    """Transliterate every Kazakh/Russian Cyrillic word in text; everything else is kept."""
    return _CYRILLIC_WORD.sub(lambda m: _word_to_latin(m.group(0)), text)


_TO_CYRILLIC = [
    ("şş", "щ"), ("tş", "ч"), ("ts", "ц"), ("ş", "ш"), ("ä", "ә"), ("ğ", "ғ"), ("ñ", "ң"),
    ("ö", "ө"), ("ū", "ұ"), ("ü", "ү"), ("ı", "і"), ("i", "и"), ("a", "а"), ("b", "б"),
    ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("j", "ж"), ("z", "з"), ("k", "к"),
    ("q", "қ"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("y", "ы"),
]  # fmt: skip
_TO_CYRILLIC_RE = re.compile("|".join(re.escape(lat) for lat, _ in _TO_CYRILLIC))
_TO_CYRILLIC_MAP = dict(_TO_CYRILLIC)


def to_cyrillic(text: str) -> str:
    """Best-effort Latin → Cyrillic, lower-cased, for matching a Latin-script query.

    Ambiguous spellings (i: и/й, h: х/һ, io/iu/ia) take the most frequent Cyrillic letter; the
    result is meant for search, not for display.
    """
    return _TO_CYRILLIC_RE.sub(lambda m: _TO_CYRILLIC_MAP[m.group(0)], latin_lower(text))
