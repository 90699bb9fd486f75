"""PostgreSQL: the search vector stored in its own column (generated from the analysed columns,
the same expression as heritage migration 0002's index) with a GIN index over it.

A stored column has statistics of its own (ANALYZE keeps its most common lexemes), so the
planner can tell a rare word from a common one: it reads a rare word's few rows through the
GIN index and a common word's newest rows through the primary key. Over the old expression
index it walked the primary key backwards for every query and evaluated five to_tsvector
calls per row (issue 19). SQLite keeps its FTS5 table; nothing changes there."""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('russian'::regconfig, title), 'A') || "
    "setweight(to_tsvector('kazakh'::regconfig, title), 'A') || "
    "setweight(to_tsvector('russian'::regconfig, body), 'B') || "
    "setweight(to_tsvector('kazakh'::regconfig, body), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, facets), 'D')"
)
FORWARD = [
    f"ALTER TABLE heritage_searchentry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX heritage_search_stored ON heritage_searchentry USING gin (search_vector)",
    "DROP INDEX IF EXISTS heritage_search_vector",
    "ANALYZE heritage_searchentry",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS heritage_search_vector ON heritage_searchentry "
    f"USING gin (({VECTOR}))",
    "DROP INDEX IF EXISTS heritage_search_stored",
    "ALTER TABLE heritage_searchentry DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial"), ("heritage", "0004_searchentry_moves_to_search")]
    operations = [migrations.RunPython(forward, backward)]
