"""A full-text index of the records' folded words (title, first author, year) for the catalogue:
SQLite FTS5 kept by triggers (every writer, bulk imports included, keeps it current), and on
PostgreSQL a GIN index over to_tsvector('simple', …) of the same column."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE exchange_bibrecord_words USING fts5(match_key, "
    "content='exchange_bibrecord', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER exchange_bibrecord_words_ai AFTER INSERT ON exchange_bibrecord BEGIN "
    "INSERT INTO exchange_bibrecord_words(rowid, match_key) VALUES (new.id, new.match_key); END",
    "CREATE TRIGGER exchange_bibrecord_words_ad AFTER DELETE ON exchange_bibrecord BEGIN "
    "INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, match_key) "
    "VALUES ('delete', old.id, old.match_key); END",
    "CREATE TRIGGER exchange_bibrecord_words_au AFTER UPDATE OF match_key ON exchange_bibrecord "
    "BEGIN INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, match_key) "
    "VALUES ('delete', old.id, old.match_key); "
    "INSERT INTO exchange_bibrecord_words(rowid, match_key) VALUES (new.id, new.match_key); END",
    "INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_au",
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_ad",
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_ai",
    "DROP TABLE IF EXISTS exchange_bibrecord_words",
]
POSTGRESQL = [
    "CREATE INDEX exchange_bibrecord_words ON exchange_bibrecord "
    "USING gin (to_tsvector('simple', match_key))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS exchange_bibrecord_words"]


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
    dependencies = [("exchange", "0003_bibrecord_is_fictional")]
    operations = [migrations.RunPython(forward, backward)]
