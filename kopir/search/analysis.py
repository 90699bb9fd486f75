"""Text analysis shared by indexing and querying, the same on SQLite and PostgreSQL.

Every word is case-folded (Kazakh Latin İ/I the Kazakh way), then reduced to its forms:
- Cyrillic words: the Russian Snowball stem (PyStemmer; ё → е first) and the Kazakh stem
  (kazakh.py), both folded into one alphabet (қ → к, ң → н, і → и, ү/ұ → у, ө → о, ә → а,
  ғ → г, һ → х, й → и, я → иа, ю → иу; ъ and ь dropped), so a reader without a Kazakh keyboard
  finds «Өскемен» by «оскемен»;
- Latin words: the English stem, and the same Cyrillic forms of the word read as Kazakh Latin
  (2021 alphabet: «Şemonaiha», «kıtaphana») and as informal transliteration («Shemonaikha»);
- the plain Latin form of a Russian stem (Kazakh Latin without its marks: «шемонаиха» →
  "semonaih"), for a reader who types Latin without ş or ç: kept for Latin words and for
  Cyrillic stems with ш, ч or щ (the only letters whose Latin needs a mark once folded).
A word is indexed under all its forms; a query word matches when any of its forms is a prefix of
an indexed form (prefix matching, reference-standards §6.1).
"""

from __future__ import annotations

import functools
import re

import Stemmer

from kopir.core.text import strip_marks
from kopir.core.transliteration import latin_lower, to_cyrillic, to_latin
from kopir.search import kazakh

MAX_WORDS = 20_000  # of one document (a PDF's extracted text can be a book)
MAX_QUERY_WORDS = 10

_FOLD = str.maketrans(
    {
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "й": "и",
        "ё": "е",
        "э": "е",
        "ъ": "",
        "ь": "",
        "я": "иа",
        "ю": "иу",
    }
)
_WORD = re.compile(r"[^\W_]+")
_HUSHING = re.compile("[шчщ]")
_LATIN = re.compile(r"[a-zäğñöūüışç]")
_INFORMAL = [
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "ё"),
    ("ts", "ц"),
    ("w", "у"),
    ("x", "кс"),
    ("c", "к"),
]

# Snowball's Russian stop list (the one PostgreSQL's `russian` configuration drops) and the
# commonest Kazakh function words: dropped on both sides so both databases agree.
_STOP_LIST = (
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
    "только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если "
    "уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей "
    "может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз "
    "тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом "
    "один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец "
    "два об другой хоть после над больше тот через эти нас про всего них какая много разве "
    "три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им "
    "более всегда конечно всю между және мен бен пен мен да де та те бұл сол ол осы үшін "
    "туралы деген бар жоқ ма ме ба бе the of and in on to a an for with by from at is are "
    "was"
)
STOPWORDS = frozenset(_STOP_LIST.split())

_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


def fold(word: str) -> str:
    """One alphabet for matching: Kazakh letters and ё, й, я, ю, ъ, ь folded (see above)."""
    return word.translate(_FOLD)


def words(text: str) -> list[str]:
    """The words of a text, case-folded (Kazakh Latin İ → i, I → ı)."""
    return _WORD.findall(latin_lower(text).casefold())


def key(text: str) -> str:
    """The words of a text folded into one alphabet, one space between them, for telling two
    texts equal (likely duplicate records, a wish and a book): «Рудный  АЛТАЙ.» and «рудный
    алтай» give "рудныи алтаи", and Latin I and i are one letter here."""
    return " ".join(fold(word) for word in words(text)).replace("ı", "i")


def _plain(stem: str) -> str:
    """A folded Cyrillic stem in Latin letters without marks: "шемонаих" → "semonaih"."""
    return "".join(filter(str.isalnum, strip_marks(to_latin(stem))))  # NFKD: ¼ → 1⁄4


def _cyrillic_readings(word: str) -> set[str]:
    """A Latin word read as Kazakh Latin (2021) and as informal transliteration."""
    informal = word
    for latin, cyrillic in _INFORMAL:
        informal = informal.replace(latin, cyrillic)
    return {to_cyrillic(word), to_cyrillic(informal)}


@functools.lru_cache(maxsize=131072)
def forms(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(Russian forms, Kazakh forms) of one case-folded word; empty for a stop word."""
    if word in STOPWORDS:
        return frozenset(), frozenset()
    if word.isdigit():
        return frozenset({word}), frozenset({word})
    if _LATIN.search(word):
        readings = _cyrillic_readings(word)
        stems = {fold(_russian.stemWord(r.replace("ё", "е"))) for r in readings}
        russian = {_english.stemWord(word)} | stems | {_plain(s) for s in stems}
        return frozenset(russian), frozenset(kazakh.stem(fold(r)) for r in readings)
    russian_stem = fold(_russian.stemWord(word.replace("ё", "е")))
    russian = (
        {russian_stem, _plain(russian_stem)} if _HUSHING.search(russian_stem) else {russian_stem}
    )
    return frozenset(russian), frozenset({kazakh.stem(fold(word))})


def analyse(text: str) -> str:
    """The indexed terms of a text: every word's Russian and Kazakh forms, space-separated."""
    return " ".join(filter(None, map(_terms, words(text)[:MAX_WORDS])))


@functools.lru_cache(maxsize=131072)
def _terms(word: str) -> str:
    """One word's indexed forms, sorted, space-separated ("" for a stop word or a letter):
    kept, as a catalogue's authors, places and title words come back record after record."""
    if len(word) < 2 and not word.isdigit():
        return ""
    ru, kk = forms(word)
    return " ".join(sorted(ru | kk))


def query_forms(query: str) -> list[list[str]]:
    """Per query word, every form to look for (any one matching, as a prefix, is enough)."""
    result: list[list[str]] = []
    for word in words(query):
        if len(word) < 2 and not word.isdigit():
            continue
        ru, kk = forms(word)
        alternatives = sorted(f for f in ru | kk if f)
        if alternatives and alternatives not in result:
            result.append(alternatives)
    return result[:MAX_QUERY_WORDS]


def matches(word: str, wanted: list[list[str]]) -> bool:
    """Whether one word of a shown text is a hit for the query (for highlighting)."""
    ru, kk = forms(word)
    mine = ru | kk
    return any(any(f.startswith(w) for f in mine for w in alts) for alts in wanted)
