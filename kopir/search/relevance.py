"""The relevance test set (relevance.toml) run against the search: precision at 5 and recall at
20 per query and on average. Used by the test suite (on SQLite and PostgreSQL) and by
`manage.py search_relevance` against a loaded demo collection.

Precision at 5 counts the expected items among the first five hits, divided by the number that
could be there (five, or fewer when fewer items are expected); recall at 20 is the share of the
expected items among the first twenty. Hits are collection items only, the set's subject.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kopir.heritage.models import Item
from kopir.search.engine import SearchQuery, search

SET = Path(__file__).with_name("relevance.toml")
IDENTIFIER = "DEMO-HC-{}"


@dataclass
class Judged:
    text: str
    script: str
    expected: list[str]
    found: list[str]

    @property
    def precision_at_5(self) -> float:
        top = self.found[:5]
        return sum(1 for f in top if f in self.expected) / min(5, len(self.expected))

    @property
    def recall_at_20(self) -> float:
        return sum(1 for e in self.expected if e in self.found[:20]) / len(self.expected)


def queries() -> list[dict[str, Any]]:
    with SET.open("rb") as source:
        return list(tomllib.load(source)["query"])


def evaluate() -> list[Judged]:
    """Run every query of the set; the demo collection must be loaded and indexed."""
    by_pk = dict(
        Item.objects.filter(identifier__startswith="DEMO-HC-").values_list("pk", "identifier")
    )
    results = []
    for query in queries():
        page = search(SearchQuery(text=str(query["text"]), filters={"kind": ["item"]}, limit=20))
        found = [by_pk.get(pk, "").removeprefix("DEMO-HC-") for _, pk in page.entries]
        results.append(
            Judged(
                str(query["text"]), str(query["script"]), [str(e) for e in query["expect"]], found
            )
        )
    return results


def report(results: list[Judged]) -> str:
    lines = [f"{'query':<24} {'script':<8} P@5   R@20  missing"]
    for r in results:
        missing = " ".join(e for e in r.expected if e not in r.found[:20])
        lines.append(
            f"{r.text:<24} {r.script:<8} {r.precision_at_5:.2f}  {r.recall_at_20:.2f}  {missing}"
        )
    n = len(results)
    lines.append(
        f"{n} queries: mean P@5 {sum(r.precision_at_5 for r in results) / n:.3f}, "
        f"mean R@20 {sum(r.recall_at_20 for r in results) / n:.3f}"
    )
    for script in sorted({r.script for r in results}):
        part = [r for r in results if r.script == script]
        lines.append(
            f"  {script:<8} {len(part):>2} queries: P@5 "
            f"{sum(r.precision_at_5 for r in part) / len(part):.3f}, R@20 "
            f"{sum(r.recall_at_20 for r in part) / len(part):.3f}"
        )
    return "\n".join(lines)
