"""The search index's one table."""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    """One row of the search index per public object (item, organisation, event, …).

    `title` and `body` hold the analysed words (analysis.py): for every word its Russian
    Snowball stem and its Kazakh stem, from text folded the same way. `facets` holds one token
    per facet value. SQLite indexes them with FTS5 (heritage migration 0002) and PostgreSQL
    with a GIN index over a stored vector of the `russian` and `kazakh` configurations (search
    migration 0002); the rows are the same on both.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveIntegerField()
    title = models.TextField(default="")
    body = models.TextField(default="")
    facets = models.TextField(default="")
    sort_title = models.CharField(max_length=200, default="")
    sort_date = models.DateField(null=True)

    class Meta:
        db_table = "heritage_searchentry"  # where the index began; its FTS5 table and GIN
        # index (heritage migration 0002) are built over this table
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="heritage_search_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class FacetCount(models.Model):
    """How many index entries carry each facet token: the facet counts of a search without
    words or filters, read in one small query however large the index grows. Kept by the
    indexer (index.py), the index's one writer, in the same transaction as the entries."""

    token = models.TextField(primary_key=True)
    count = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.token} {self.count}"
