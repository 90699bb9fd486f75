"""CQL (the Contextual Query Language, version 1.2) to a condition on the union catalogue's
records: the indexes Köpir answers, what each relation means for each, and the diagnostics
for everything else. Parsing is cql-parser's; the word search is the catalogue's own word
index (migration 0009: one column per section of a record), so `title=война` finds what the
catalogue finds for «война», only in titles.

Indexes (any context set's name for the same thing is accepted):
- words anywhere: cql.serverChoice (a bare term), cql.anywhere, cql.keywords, any, bath.any;
- titles (whole title with its set, series, contents): title, dc.title, bath.title;
- persons and bodies (authors, editors, compilers …): author, creator, name, dc.creator,
  dc.contributor, bath.author, bath.name, bath.personalName, bath.corporateName,
  bath.conferenceName;
- subjects: subject, dc.subject, bath.subject, bath.topicalSubject, bath.geographicName;
- publisher and place: publisher, dc.publisher, bath.publisher;
- ISBN (any form, with or without hyphens, ISBN-10 or -13): isbn, bath.isbn, dc.identifier;
- year of publication: date, year, dc.date;
- language (ISO 639-2 "rus" or 639-1 "ru"): language, dc.language;
- one record by its number in Köpir (its page /exchange/catalogue/<number>/): rec.id;
- every record: cql.allRecords = 1.

Relations on word indexes: `=`, `all`, `adj` (every word; the index does not keep word
positions, so `adj` finds the words in any order), `any` (one of them), `exact` and `==` (the
whole title, folded, for title; every word elsewhere). Words match as whole words by any of
their forms (search.analysis: the stem an inflection shares), as CQL's word indexes do; `*` at
a term's end (right truncation) makes its last word a prefix; masking elsewhere (`*`, `?`
inside or in front) gives diagnostic 28. `^` anchors
(sent by Z39.50 gateways for "complete field") make a title search exact. Years take
`= == exact < <= > >= <> within` ("1990 1999"). Booleans: and, or, not; prox gives 37.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

import cql
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from kopir.exchange.languages import FROM_ISO_639_1
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.marc.prepare import TITLE_KEY_LENGTH
from kopir.exchange.selectors import FTS_MATCHES, WORD_MATCH, years_held
from kopir.exchange.sru.diagnostics import (
    EMPTY_TERM,
    INVALID_TERM_FORMAT,
    MASKING_UNSUPPORTED,
    QUERY_SYNTAX,
    SORT_UNSUPPORTED,
    TOO_MANY_BOOLEANS,
    UNSUPPORTED_BOOLEAN,
    UNSUPPORTED_BOOLEAN_MODIFIER,
    UNSUPPORTED_CONTEXT_SET,
    UNSUPPORTED_INDEX,
    UNSUPPORTED_RELATION,
    UNSUPPORTED_RELATION_MODIFIER,
    Diagnostic,
)
from kopir.search.analysis import key, query_forms
from kopir.search.engine import fts5_words, tsquery_words

ANY, TITLE, PERSON, SUBJECT, PUBLISHER = "any", "title", "person", "subject", "publisher"
ISBN, DATE, LANGUAGE, ALL, RECORD = "isbn", "date", "language", "all", "record"
INDEXES: dict[str, str] = {
    **dict.fromkeys(("cql.serverchoice", "cql.anywhere", "cql.keywords", "any", "bath.any",
                     "keywords"), ANY),
    **dict.fromkeys(("title", "dc.title", "bath.title"), TITLE),
    **dict.fromkeys(("author", "creator", "name", "dc.creator", "dc.contributor",
                     "bath.author", "bath.name", "bath.personalname", "bath.corporatename",
                     "bath.conferencename"), PERSON),
    **dict.fromkeys(("subject", "dc.subject", "bath.subject", "bath.topicalsubject",
                     "bath.geographicname"), SUBJECT),
    **dict.fromkeys(("publisher", "dc.publisher", "bath.publisher"), PUBLISHER),
    **dict.fromkeys(("isbn", "bath.isbn", "dc.identifier"), ISBN),
    **dict.fromkeys(("date", "year", "dc.date"), DATE),
    **dict.fromkeys(("language", "dc.language"), LANGUAGE),
    "cql.allrecords": ALL,
    "rec.id": RECORD,
}  # fmt: skip
CONTEXT_SETS = {"cql", "dc", "bath", "rec"}
# The word index's columns (FTS5) and section letters (PostgreSQL) of each index (migration 0009)
COLUMNS = {ANY: "", TITLE: "title", PERSON: "person", SUBJECT: "subject", PUBLISHER: "other"}
MARKS = {ANY: "tpso", TITLE: "t", PERSON: "p", SUBJECT: "s", PUBLISHER: "o"}
WORD_RELATIONS = {"=", "all", "adj", "any", "exact", "=="}
DATE_RELATIONS = {"=", "==", "exact", "<", "<=", ">", ">=", "<>", "within"}
RELATION_MODIFIERS = {"stem", "relevant", "word", "ignorecase", "ignoreaccents", "string"}
MAX_CLAUSES = 32
MAX_YEARS_AS_WORDS = 300  # a span of years is looked up as that many year words (_years)
MAX_TERM = 500
MAX_QUERY = 4000  # characters: a query of 32 clauses of long terms fits
_MASK = re.compile(r"(?<!\\)[*?]")
_local = threading.local()


@dataclass(frozen=True)
class Words:
    """A search of the word index, still combinable into one index query."""

    sqlite: str  # an FTS5 MATCH expression
    postgresql: str  # a to_tsquery text


_OPERATORS = {"and": ("AND", "&"), "or": ("OR", "|"), "not": ("NOT", "& !")}


def _joined(left: Words, operator: str, right: Words) -> Words:
    sqlite, postgresql = _OPERATORS[operator]
    return Words(
        f"({left.sqlite}) {sqlite} ({right.sqlite})",
        f"({left.postgresql}) {postgresql} ({right.postgresql})",
    )


@dataclass(frozen=True)
class Search:
    """What a query asks of the records: words the word index answers in one look-up (None:
    none), and every other condition (on the record's own columns) that must hold too. A
    boolean keeps its words together where it can, so the index is read once and drives the
    search (sru.results.records); only an `or` mixing words with other conditions cannot."""

    words: Words | None = None
    rest: Q = field(default_factory=Q)

    @property
    def everything(self) -> bool:
        """Whether it asks nothing, so every record answers (cql.allRecords): an empty Q
        would vanish from an `or` or a `not` instead."""
        return self.words is None and not self.rest

    def as_q(self) -> Q:
        """The whole condition as one filter on BibRecord."""
        if self.words is None:
            return self.rest
        return self.rest & _word_filter(self.words)


NOTHING = Search(rest=Q(pk__in=[]))


def parse(text: str) -> Any:
    """The CQL query's tree (cql-parser), or diagnostic 10 with the parser's reason."""
    if len(text) > MAX_QUERY:  # refused before parsing costs anything
        raise Diagnostic(QUERY_SYNTAX, f"longer than {MAX_QUERY} characters")
    parser = getattr(_local, "parser", None)
    if parser is None:  # PLY parsers keep state while parsing: one per thread
        lexer = cql.CQLLexer()
        lexer.build()
        parser = cql.CQLParser12()
        # cql.parse() passes its CQLLexer the same way; the annotation says PLY's Lexer
        parser.build(lexer, errorlog=cql.parser.yacc.NullLogger())  # type: ignore[arg-type]
        _local.parser = parser
    try:
        tree = parser.parse(text)
    except (cql.CQLParserError, cql.CQLLexerError) as error:
        raise Diagnostic(QUERY_SYNTAX, str(error)[:200]) from error
    if tree is None:
        raise Diagnostic(QUERY_SYNTAX, text[:200])
    return tree


def search(text: str) -> Search:
    """What the CQL query `text` asks (diagnostics for what Köpir cannot answer)."""
    return _node(parse(text).root, [0])


def condition(text: str) -> Q:
    """The records the CQL query `text` finds, as one filter on BibRecord."""
    return search(text).as_q()


def _node(node: Any, counter: list[int]) -> Search:
    counter[0] += 1
    if counter[0] > MAX_CLAUSES:
        raise Diagnostic(TOO_MANY_BOOLEANS, str(MAX_CLAUSES))
    if getattr(node, "sortSpecs", None):
        raise Diagnostic(SORT_UNSUPPORTED, "sortby")
    if isinstance(node, cql.parser.CQLTriple):
        return _boolean(node, counter)
    return _clause(node)


def _boolean(node: Any, counter: list[int]) -> Search:
    operator = str(node.operator.value).lower()
    if operator == "prox":
        raise Diagnostic(UNSUPPORTED_BOOLEAN, "prox")
    if node.operator.modifiers:
        raise Diagnostic(UNSUPPORTED_BOOLEAN_MODIFIER, str(node.operator.modifiers[0].name))
    left, right = _node(node.left, counter), _node(node.right, counter)
    if operator == "or" and (left.everything or right.everything):
        return Search()
    if operator == "not" and right.everything:
        return NOTHING
    if operator == "or":
        if not left.rest and not right.rest and left.words and right.words:
            return Search(_joined(left.words, "or", right.words))
        return Search(rest=left.as_q() | right.as_q())
    if operator == "not" and (right.rest or left.words is None or right.words is None):
        return Search(left.words, left.rest & ~right.as_q())
    if left.words and right.words:
        return Search(_joined(left.words, operator, right.words), left.rest & right.rest)
    return Search(left.words or right.words, left.rest & right.rest)


def _index(node: Any) -> str:
    name = str(node.index or "cql.serverChoice").lower()
    if name not in INDEXES:
        prefix = name.split(".")[0] if "." in name else ""
        if prefix and prefix not in CONTEXT_SETS:
            raise Diagnostic(UNSUPPORTED_CONTEXT_SET, prefix)
        raise Diagnostic(UNSUPPORTED_INDEX, str(node.index))
    return INDEXES[name]


def _clause(node: Any) -> Search:
    index = _index(node)
    relation = str(node.relation.comparitor).lower() if node.relation is not None else "="
    for modifier in (node.relation.modifiers or []) if node.relation is not None else []:
        if str(modifier.name).lower().split(".")[-1] not in RELATION_MODIFIERS:
            raise Diagnostic(UNSUPPORTED_RELATION_MODIFIER, str(modifier.name))
    term = node.term
    if len(term) > MAX_TERM:
        raise Diagnostic(INVALID_TERM_FORMAT, term[:50])
    if index == ALL:
        return Search()
    if not term.strip() and index != ANY:
        raise Diagnostic(EMPTY_TERM, "")
    if index == DATE:
        return _date(relation, term)
    if index == RECORD:
        if relation not in {"=", "==", "exact"}:
            raise Diagnostic(UNSUPPORTED_RELATION, relation)
        if not (term.isascii() and term.isdigit() and len(term) < 19):
            raise Diagnostic(INVALID_TERM_FORMAT, term[:50])
        return Search(rest=Q(pk=int(term)))
    if relation not in WORD_RELATIONS:
        raise Diagnostic(UNSUPPORTED_RELATION, relation)
    anchored = term.startswith("^") and term.endswith("^") and len(term) > 1
    term = term.strip("^")
    if _MASK.search(term.rstrip("*")):
        raise Diagnostic(MASKING_UNSUPPORTED, term[:50])
    truncated = term.endswith("*") and not term.endswith("\\*")  # CQL's right truncation
    term = term.rstrip("*").replace("\\", "")
    if index == ISBN:
        return _isbn(relation, term)
    if index == LANGUAGE:
        code = term.strip().lower()
        return Search(rest=Q(language=FROM_ISO_639_1.get(code, code)))
    found = _words(index, relation, term, truncated=truncated)
    if index == TITLE and (relation in {"exact", "=="} or anchored):
        whole = key(term)[:TITLE_KEY_LENGTH] + "|"  # match_key begins with the whole title
        return Search(found.words, found.rest & Q(match_key__startswith=whole))
    return found


def _words(index: str, relation: str, term: str, *, truncated: bool = False) -> Search:
    """The term's words in the index's part of the records, each by its forms as whole words
    (CQL's word match: «истории» finds «история», not «историография»); `truncated` (the
    term ended in `*`, or Z39.50's right truncation, 5=1): its last word as a prefix."""
    words = query_forms(term)
    if not words:  # punctuation or stop words only: no word to look for, nothing found
        return NOTHING
    column = COLUMNS[index]
    exact, last = (words[:-1], words[-1:]) if truncated else (words, [])
    columns = f"{{{column}}} : " if column else ""
    sqlite = fts5_words(exact, columns, prefix=False) + fts5_words(last, columns)
    postgresql = [
        f"({w})"
        for w in tsquery_words(exact, MARKS[index], prefix=False)
        + tsquery_words(last, MARKS[index])
    ]
    joined = ("OR", "|") if relation == "any" else ("AND", "&")
    return Search(Words(f" {joined[0]} ".join(sqlite), f" {joined[1]} ".join(postgresql)))


def _tokens(values: list[str]) -> Words:
    """Any of `values` (digits: years, ISBN-13s) as whole words of the terms' last section,
    where marc.prepare.keys puts each record's year and ISBN, so that a year or an ISBN beside
    words is one look-up of the word index instead of a filter over every word match. Only
    the year and the ISBN are words of digits alone there (a publisher's name is not)."""
    return Words(
        "{other} : (" + " OR ".join(f'"{v}"' for v in values) + ")",
        "(" + " | ".join(f"o{v}" for v in values) + ")",
    )


def _isbn(relation: str, term: str) -> Search:
    numbers = term.split() if relation == "any" else [term]
    isbns = sorted({normalise_isbn(n) for n in numbers} - {""})
    if not isbns:
        return NOTHING
    return Search(_tokens(isbns))


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise Diagnostic(INVALID_TERM_FORMAT, text[:50])
    return int(text)


def _date(relation: str, term: str) -> Search:
    """A year or a span of years: as year words of the word index while the span is short
    enough (the years the catalogue holds bound an open one), else as a filter on the year."""
    if relation not in DATE_RELATIONS:
        raise Diagnostic(UNSUPPORTED_RELATION, relation)
    if relation == "within":
        bounds = term.split()
        if len(bounds) != 2:
            raise Diagnostic(INVALID_TERM_FORMAT, term[:50])
        return _years(_year(bounds[0]), _year(bounds[1]))
    year = _year(term)
    if relation in {"<", "<=", ">", ">="}:
        first, last = {"<": (None, year - 1), "<=": (None, year), ">": (year + 1, None),
                       ">=": (year, None)}[relation]  # fmt: skip
        return _years(first, last)
    if relation == "<>":
        return Search(rest=~Q(year=year) & Q(year__isnull=False))
    return Search(_tokens([str(year)]))


def _years(first: int | None, last: int | None) -> Search:
    span = Q()
    if first is not None:
        span &= Q(year__gte=first)
    if last is not None:
        span &= Q(year__lte=last)
    held = years_held() or (0, 0)
    low = max(first if first is not None else 0, held[0])
    high = min(last if last is not None else 9999, held[1])
    if high < low:
        return NOTHING
    if high - low < MAX_YEARS_AS_WORDS:
        return Search(_tokens([str(y) for y in range(low, high + 1)]))
    return Search(rest=span)


def _word_filter(words: Words) -> Q:
    if connection.vendor == "postgresql":
        return Q(pk__in=RawSQL(  # noqa: S611 - fixed text; the query's forms are parameters
            f"SELECT id FROM exchange_bibrecord WHERE {WORD_MATCH}",  # noqa: S608
            [words.postgresql]))  # fmt: skip
    return Q(pk__in=RawSQL(FTS_MATCHES, [words.sqlite]))  # noqa: S611 - fixed text
