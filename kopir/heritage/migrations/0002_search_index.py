"""The collection's full-text index over heritage_searchentry (search/engine.py reads it).

SQLite: an FTS5 table over the analysed columns, kept by triggers; unicode61 without diacritic
removal, since the columns are already folded (reference-standards §6.2), with prefix indexes
of 4, 6 and 8 letters (search/engine.py cuts query prefixes to those lengths; shorter forms
match whole).
PostgreSQL: a `kazakh` text search configuration (COPY = simple: Snowball has no Kazakh, §6.3;
the Kazakh stems are made by search/kazakh.py) and a GIN index over the `russian` and `kazakh`
vectors of the same columns, titles weighted A, the rest B, facet tokens D.
"""

from django.db import migrations

COLUMNS = "title, body, facets"
NEW = "new.title, new.body, new.facets"
OLD = "old.title, old.body, old.facets"
SQLITE = [
    f"CREATE VIRTUAL TABLE heritage_search USING fts5({COLUMNS}, "
    "content='heritage_searchentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='4 6 8')",
    "CREATE TRIGGER heritage_search_ai AFTER INSERT ON heritage_searchentry BEGIN "
    f"INSERT INTO heritage_search(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "CREATE TRIGGER heritage_search_ad AFTER DELETE ON heritage_searchentry BEGIN "
    f"INSERT INTO heritage_search(heritage_search, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.id, {OLD}); END",
    "CREATE TRIGGER heritage_search_au AFTER UPDATE ON heritage_searchentry BEGIN "
    f"INSERT INTO heritage_search(heritage_search, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO heritage_search(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS heritage_search_au",
    "DROP TRIGGER IF EXISTS heritage_search_ad",
    "DROP TRIGGER IF EXISTS heritage_search_ai",
    "DROP TABLE IF EXISTS heritage_search",
]
VECTOR = (
    "setweight(to_tsvector('russian'::regconfig, title), 'A') || "
    "setweight(to_tsvector('kazakh'::regconfig, title), 'A') || "
    "setweight(to_tsvector('russian'::regconfig, body), 'B') || "
    "setweight(to_tsvector('kazakh'::regconfig, body), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, facets), 'D')"
)
POSTGRESQL = [
    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'kazakh') THEN "
    "CREATE TEXT SEARCH CONFIGURATION kazakh (COPY = simple); END IF; END $$",
    f"CREATE INDEX heritage_search_vector ON heritage_searchentry USING gin (({VECTOR}))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS heritage_search_vector"]


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("heritage", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
