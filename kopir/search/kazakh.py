"""A small suffix-stripping stemmer for Kazakh (Snowball has none: reference-standards §6.1).

It works on folded words (analysis.fold: қ → к, ң → н, і → и, ү/ұ → у, ө → о, ә → а, ғ → г), so
a word typed on a Russian keyboard or in Latin without diacritics stems like the proper
spelling. Kazakh stacks endings in a fixed order — stem + plural + possessive + case — so the
stemmer strips the longest such chain, then a final vowel, and repeats until nothing changes,
keeping at least three letters with a vowel (two after a long ending). Every form of a noun then
reduces to one stem
("кітапхана", "кітапханаға", "кітапханаларымыздың" → "китапх"); search adds prefix matching
on top, which covers what the rules miss. Verbs are not conjugated away: titles and
descriptions are mostly nouns, and the suffix lists stay short enough to test. The instrumental
-мен/-бен/-пен is not stripped: too many names end in it («Өскемен»).
"""

from __future__ import annotations

import functools

# Plural: -лар/-лер after vowels and р, й, у; -дар/-дер after voiced; -тар/-тер after voiceless.
PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
# Possessive: 1sg -(ы)м, 2sg -(ы)ң, 3 -(с)ы, 1pl -(ы)мыз, 2pl -(ы)ңыз; folded ң → н, і → и.
# The bare -м and -ң after a vowel are left out: they would eat the last letter of every
# word ending in м or н («Қазақстан», «Өскемен»).
POSSESSIVE = (
    "ым",
    "им",
    "ын",
    "ин",
    "ы",
    "и",
    "сы",
    "си",
    "ымыз",
    "имиз",
    "мыз",
    "миз",
    "ыныз",
    "иниз",
    "ныз",
    "низ",
)
# Case endings after a bare stem or a plural.
CASE = (
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",  # genitive
    "ны",
    "ни",
    "ды",
    "ди",
    "ты",
    "ти",  # accusative
    "га",
    "ге",
    "ка",
    "ке",  # dative
    "да",
    "де",
    "та",
    "те",  # locative
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",  # ablative
    "дагы",
    "деги",
    "тагы",
    "теги",  # attributive locative (-дағы)
)
# Case endings after a possessive ("кітабының", "кітабына", "кітабында", "кітабымнан").
CASE_AFTER_POSSESSIVE = (
    "нын",
    "нин",
    "н",
    "на",
    "не",
    "а",
    "е",
    "нда",
    "нде",
    "да",
    "де",
    "нан",
    "нен",
    "дан",
    "ден",
    "мен",
    "ндагы",
    "ндеги",
    "ды",
    "ди",
)
VOWELS = frozenset("аеиоуыэюя")
# A final п, к, қ turns voiced before a vowel (кітап → кітабы, тілек → тілегі): undone last.
DEVOICE = {"б": "п", "г": "к"}
MIN_STEM = 3


@functools.cache
def _chains() -> tuple[str, ...]:
    """Every ending the stemmer strips, longest first: [plural] [possessive] [case]."""
    chains: set[str] = set(PLURAL) | set(POSSESSIVE) | set(CASE)
    for plural in ("", *PLURAL):
        for possessive in POSSESSIVE:
            chains.update(plural + possessive + case for case in ("", *CASE_AFTER_POSSESSIVE))
        chains.update(plural + case for case in CASE)
    return tuple(sorted(chains, key=len, reverse=True))


def _keeps(stem: str, ending: str = "") -> bool:
    # A long ending (-лар, -дың, -ларым) is unmistakable, so it may leave a two-letter root
    # (үйлер → үй, елдің → ел); a short one must leave three letters.
    shortest = MIN_STEM - 1 if len(ending) >= 3 else MIN_STEM
    return len(stem) >= shortest and any(ch in VOWELS for ch in stem)


def _strip_once(word: str) -> str:
    for ending in _chains():
        if word.endswith(ending) and _keeps(word[: -len(ending)], ending):
            return word[: -len(ending)]
    if word[-1] in VOWELS and len(word) > MIN_STEM and _keeps(word[:-1]):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one folded Kazakh word (digits and short words come back unchanged)."""
    if not word or not word.isalpha():
        return word
    while True:
        shorter = _strip_once(word)
        if shorter == word:
            return word[:-1] + DEVOICE.get(word[-1], word[-1])
        word = shorter
