"""Text folding for name search in any language and either Kazakh script."""

from __future__ import annotations

import unicodedata

from kopir.core.transliteration import latin_lower, to_cyrillic, to_latin


def fold(text: str) -> str:
    """Case-fold and merge ё into е; Latin letters are lower-cased the Kazakh way."""
    return latin_lower(text).casefold().replace("ё", "е")


def strip_marks(text: str) -> str:
    """ş → s, ä → a, ı → i: for readers who type Latin without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_document(*values: str) -> str:
    """One line holding every value folded, in Cyrillic and in Latin (with and without marks)."""
    parts: list[str] = []
    for value in values:
        if not value:
            continue
        folded = fold(value)
        latin = fold(to_latin(value))
        parts.extend({folded, latin, strip_marks(latin)})
    return " | ".join(parts)


def query_variants(query: str) -> list[str]:
    """The forms of a typed query to look for in a search document."""
    folded = fold(query.strip())
    if not folded:
        return []
    variants = {folded, strip_marks(folded)}
    if any("a" <= ch <= "z" or ch in "äğñöūüışİ" for ch in folded):
        variants.add(fold(to_cyrillic(folded)))
    return sorted(variants)
