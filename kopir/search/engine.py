"""Reading the search index: one interface, SQLite FTS5 or PostgreSQL full text behind it.

A query is words (every word must match, each by any of its forms, as a prefix) plus facet
filters; the answer is one page of hits in relevance, date or title order, the total, and the
facet counts over everything that matched. Both databases index the same analysed columns
(analysis.py), so they find the same objects; only the relevance scores differ in detail
(FTS5's bm25 against PostgreSQL's ts_rank, titles weighted over the rest in both).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.db import connection, transaction

from kopir.search.analysis import query_forms
from kopir.search.models import FacetCount, SearchEntry
from kopir.search.sources import count_tokens, facet

FACETS = ("kind", "type", "place", "decade", "org", "lang", "subject", "project", "person")
ITEM_ONLY = ("type", "lang", "subject", "project", "person")  # facets that only items have
SORTS = ("relevance", "date", "-date", "title")
MAX_PAGE = 100
CANDIDATES = 1000
PREFIX_LENGTHS = (4, 6, 8)  # the FTS5 table's prefix indexes (migration 0002)

# PostgreSQL: the stored, GIN-indexed vector of the analysed columns (search migration 0002).
_VECTOR = "e.search_vector"
_BM25 = "bm25(heritage_search, 10.0, 1.0, 0.0)"  # title, body, facets
_ORDER = {
    "date": "e.sort_date IS NULL, e.sort_date, e.id",
    "-date": "e.sort_date IS NULL, e.sort_date DESC, e.id",
    "title": "e.sort_title, e.id",
}
_PG_ORDER = {
    "date": "e.sort_date ASC NULLS LAST, e.id",
    "-date": "e.sort_date DESC NULLS LAST, e.id",
    "title": 'e.sort_title COLLATE "C", e.id',
}


def _order_by(sort: str) -> str:
    """The ORDER BY of a date or title order on this database (title for any other)."""
    orders = _PG_ORDER if connection.vendor == "postgresql" else _ORDER
    return orders.get(sort, orders["title"])


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20

    def facet_tokens(self) -> list[str]:
        names = list(FACETS)
        if self.filters.get("kind") == ["item"] and any(self.filters.get(n) for n in ITEM_ONLY):
            names.remove("kind")  # implied: only items have these; one phrase less to match
        return [facet(name, value) for name in names for value in self.filters.get(name, [])]


@dataclass
class SearchPage:
    total: int
    entries: list[tuple[str, int]]  # (kind, object id), in order
    facets: dict[str, Counter[str]]
    words: list[list[str]]  # the query's word forms, for highlighting
    capped: bool = False  # more than CANDIDATES matched: total and facets cover the newest


def _facet_counts(rows: list[str]) -> dict[str, Counter[str]]:
    return _by_facet(count_tokens(rows))


def _by_facet(tokens: Counter[str]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    prefixes = sorted(FACETS, key=len, reverse=True)
    for token, count in tokens.items():
        name = next((p for p in prefixes if token.startswith("f" + p)), None)
        if name:
            counts[name][token[len(name) + 1 :]] = count
    return counts


def _entries(ids: list[int]) -> list[tuple[str, int]]:
    rows = SearchEntry.objects.filter(pk__in=ids).values_list("pk", "kind", "object_id")
    found = {pk: (kind, object_id) for pk, kind, object_id in rows}
    return [found[pk] for pk in ids if pk in found]


def prefixes(words: list[list[str]]) -> list[list[str]]:
    """The query's forms as the index can look them up fast: each cut to the longest prefix
    length the FTS5 table indexes (migration 0002); a form shorter than the shortest (a
    three-letter stem like «сел») matches whole, since as a prefix it would match almost
    anything. A form
    that another one is a prefix of is dropped (the shorter one finds it already). PostgreSQL
    takes the same forms, so both databases find the same items."""
    out = []
    for forms in words:
        cut = set()
        for form in forms:
            length = max((n for n in PREFIX_LENGTHS if n <= len(form)), default=0)
            cut.add((form[:length], True) if length else (form, False))
        minimal = sorted(
            (f, p) for f, p in cut if not any(p2 and f != f2 and f.startswith(f2) for f2, p2 in cut)
        )
        out.append([f + "*" if p else f for f, p in minimal])
    return out


def whole(words: list[list[str]]) -> list[list[str]]:
    """The query's forms as whole words (none a prefix): a word matches a text's word when one
    of its forms is one of that word's (analysis.forms), each inflection found by the stem it
    shares. The SRU server's words, as CQL means them; `word*` asks for prefixes instead."""
    return [sorted(set(forms)) for forms in words]


def fts5_words(words: list[list[str]], columns: str = "", *, prefix: bool = True) -> list[str]:
    """Per query word, the FTS5 expression that any of its forms matches: `("оскемен"* OR
    "oskemen"*)` (as prefixes) or `("оскемен" OR "oskemen")` (whole, without `prefix`),
    behind a column filter such as "{title body} : " when given. The forms are letters and
    digits only (analysis.py), so nothing typed can break the query."""
    return [
        columns
        + "("
        + " OR ".join(f'"{f[:-1]}"*' if f.endswith("*") else f'"{f}"' for f in forms)
        + ")"
        for forms in (prefixes(words) if prefix else whole(words))
    ]


def tsquery_words(words: list[list[str]], marks: str = "", *, prefix: bool = True) -> list[str]:
    """Per query word, the to_tsquery text that any of its forms matches: `оскемен:* | oskemen:*`
    (PostgreSQL's side of fts5_words, with the same prefixes, or whole without `prefix`).
    With `marks`, each form is looked for as written behind any one of those letters
    (`tоскемен:* | pоскемен:*`): a vector whose words carry the letter of their part of the
    text (the book catalogue's) is searched in those parts only, as a column filter does in
    FTS5."""
    return [
        " | ".join(
            f"{mark}{f[:-1]}:*" if f.endswith("*") else f"{mark}{f}"
            for f in forms
            for mark in (marks or [""])
        )
        for forms in (prefixes(words) if prefix else whole(words))
    ]


def _sqlite_match(words: list[list[str]], tokens: list[str]) -> str:
    parts = fts5_words(words, "{title body} : ")
    parts += [f'facets : "{token}"' for token in tokens]
    return " AND ".join(parts)


# A candidate row: (entry id, score — lower is better on both databases, facet tokens,
# ISO date or "", sort title). Plain tuples: a broad query reads thousands of them.
Candidate = tuple[int, float, str, str, str]


def _order(candidates: list[Candidate], sort: str, ranked: bool) -> list[Candidate]:
    if sort == "relevance" and ranked:
        return sorted(candidates, key=lambda c: (c[1], -c[0]))
    if sort == "date":
        return sorted(candidates, key=lambda c: (not c[3], c[3], c[0]))
    if sort == "-date":
        by_id = sorted(candidates, key=itemgetter(0))
        return sorted(by_id, key=itemgetter(3), reverse=True)  # undated ("") last
    return sorted(candidates, key=lambda c: (c[4], c[0]))


def _sqlite_candidates(match: str) -> list[Candidate]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.rowid, c.score, e.facets, COALESCE(e.sort_date, ''), e.sort_title FROM ("  # noqa: S608
            f"SELECT rowid, {_BM25} AS score FROM heritage_search WHERE heritage_search "
            "MATCH %s ORDER BY rowid DESC LIMIT %s) c "
            "JOIN heritage_searchentry e ON e.id = c.rowid",
            [match, CANDIDATES + 1],
        )
        return cursor.fetchall()


def _sqlite_sorted_page(match: str, query: SearchQuery) -> list[int]:
    """Date or title order over every match (beyond the candidates)."""
    matched = "SELECT rowid FROM heritage_search WHERE heritage_search MATCH %s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id FROM heritage_searchentry e WHERE e.id IN ({matched}) "  # noqa: S608
            f"ORDER BY {_order_by(query.sort)} LIMIT %s OFFSET %s",
            [match, query.limit, query.offset],
        )
        return [row[0] for row in cursor.fetchall()]


def postgresql_query(query: SearchQuery, words: list[list[str]]) -> tuple[str, list[str]]:
    parts: list[str] = []
    params: list[str] = []
    for either in tsquery_words(words):
        parts.append("(to_tsquery('russian', %s) || to_tsquery('kazakh', %s))")
        params += [either, either]
    for token in query.facet_tokens():
        parts.append("to_tsquery('simple', %s)")
        params.append(token)
    return " && ".join(parts), params


# PostgreSQL reads the candidates in two steps, so that no word costs more than about
# sqrt(CANDIDATES × rows) rows, whatever the planner's estimate of how common it is (a prefix
# query's estimate is a default, not the data's): first the newest NEWEST rows by the primary
# key — a common word has its CANDIDATES + 1 there; else every match through the GIN index of
# the stored vector — a word rare in the newest rows is rare enough to read whole.
_NEWEST_MIN = 2000


def newest_rows(total: int) -> int:
    """How many of the newest rows the first step reads: where the two steps cost the same
    (CANDIDATES / density = density × total)."""
    return max(_NEWEST_MIN, int((CANDIDATES * max(total, 1)) ** 0.5))


def _table_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'heritage_searchentry'::regclass"
        )
        row = cursor.fetchone()
    return max(0, int(row[0])) if row else 0


def postgresql_candidates_sql(
    tsquery: str, params: list[str], newest: int | None = None, tokens: list[str] | None = None
) -> tuple[str, list[Any]]:
    """The candidates' query on PostgreSQL: the newest CANDIDATES + 1 matches, ranked only
    those. With `newest`, among the newest that many rows (the primary key, backwards), each
    row's facet tokens checked first in its short `facets` text (cheap) and only then its
    vector (which must be read and unpacked); without, among all, through the GIN index (run
    it under `gin_only`), the vectors read only for the candidates' ranks."""
    rank = f"-ts_rank(e.search_vector, {tsquery}), c.facets, COALESCE(c.sort_date::text, ''), "
    if newest:
        # CASE keeps the order: the planner would test the cheaper-looking `@@` first.
        facets = " AND ".join(["strpos(' ' || facets || ' ', %s) > 0"] * len(tokens or []))
        match = f"CASE WHEN {facets} THEN search_vector @@ ({tsquery}) END" if facets else (
            f"search_vector @@ ({tsquery})")  # fmt: skip
        inner = (
            "SELECT id, facets, sort_date, sort_title FROM (SELECT * FROM heritage_searchentry "  # noqa: S608
            f"ORDER BY id DESC LIMIT %s) n WHERE {match} ORDER BY id DESC LIMIT %s"
        )
        inner_args = [newest, *(f" {t} " for t in tokens or []), *params, CANDIDATES + 1]
    else:
        inner = (
            "SELECT id, facets, sort_date, sort_title FROM heritage_searchentry "  # noqa: S608
            # «+ 0»: the order is not the primary key's, so the planner does not walk it
            f"WHERE search_vector @@ ({tsquery}) ORDER BY id + 0 DESC LIMIT %s"
        )
        inner_args = [*params, CANDIDATES + 1]
    return (
        f"SELECT c.id, {rank}c.sort_title FROM ({inner}) c "  # noqa: S608
        "JOIN heritage_searchentry e ON e.id = c.id ORDER BY c.id DESC",
        [*params, *inner_args],
    )


def gin_only(cursor: Any) -> None:
    """Within the current transaction: matches are read through the GIN index, never by a
    sequential scan of the index table."""
    cursor.execute("SET LOCAL enable_seqscan = off")


def _postgresql_candidates(tsquery: str, params: list[str], tokens: list[str]) -> list[Candidate]:
    newest = newest_rows(_table_rows())
    with connection.cursor() as cursor:
        cursor.execute(*postgresql_candidates_sql(tsquery, params, newest, tokens))
        found = cursor.fetchall()
        if len(found) > CANDIDATES:
            return found
        with transaction.atomic():
            gin_only(cursor)
            cursor.execute(*postgresql_candidates_sql(tsquery, params))
            return cursor.fetchall()


def _postgresql_sorted_page(tsquery: str, params: list[str], query: SearchQuery) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id FROM heritage_searchentry e WHERE {_VECTOR} @@ ({tsquery}) "  # noqa: S608
            f"ORDER BY {_order_by(query.sort)} LIMIT %s OFFSET %s",
            [*params, query.limit, query.offset],
        )
        return [row[0] for row in cursor.fetchall()]


def _matches(query: SearchQuery, words: list[list[str]]) -> tuple[list[int], list[str], bool]:
    """The page's entry ids, the candidates' facet tokens, and whether the matches were capped.

    The candidates are the newest CANDIDATES matches (index order, cheap to read); relevance
    ranks within them, and the facets count them. Beyond that many matches a query is too broad
    to rank in full on every keystroke: the page says so and invites a narrower one.
    """
    ranked = bool(words)
    if connection.vendor == "postgresql":
        tsquery, params = postgresql_query(query, words)
        candidates = _postgresql_candidates(tsquery, params, query.facet_tokens())
    else:
        match = _sqlite_match(words, query.facet_tokens())
        candidates = _sqlite_candidates(match)
    capped = len(candidates) > CANDIDATES
    candidates = candidates[:CANDIDATES]
    if capped and not (query.sort == "relevance" and ranked):
        if connection.vendor == "postgresql":
            ids = _postgresql_sorted_page(tsquery, params, query)
        else:
            ids = _sqlite_sorted_page(match, query)
    else:
        ordered = _order(candidates, query.sort, ranked)
        ids = [c[0] for c in ordered[query.offset : query.offset + query.limit]]
    return ids, [c[2] for c in candidates], capped


def _browse(query: SearchQuery) -> tuple[list[int], int, dict[str, Counter[str]]]:
    """No words and no filters: everything, in date or title order (an index on each order),
    with the total and the facet counts kept by the indexer (models.FacetCount) — one page
    and one small table read, however large the index."""
    order = _order_by(query.sort)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id FROM heritage_searchentry e ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
            [query.limit, query.offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
    tokens = Counter(dict(FacetCount.objects.values_list("token", "count")))
    facets = _by_facet(tokens)
    return ids, sum(facets["kind"].values()), facets


def search(query: SearchQuery) -> SearchPage:
    """One page of hits for a query, with the total and the facet counts."""
    query.limit = max(1, min(query.limit, MAX_PAGE))
    words = query_forms(query.text)
    if query.text.strip() and not words:  # only punctuation or stop words: nothing to find
        return SearchPage(0, [], _facet_counts([]), [])
    if not words and not query.facet_tokens():
        ids, total, facets = _browse(query)
        return SearchPage(total, _entries(ids), facets, words)
    ids, rows, capped = _matches(query, words)
    return SearchPage(len(rows), _entries(ids), _facet_counts(rows), words, capped)
