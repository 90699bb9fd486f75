"""The catalogue's word index over the records' analysed terms (search.analysis, as the site
search), replacing the index over match_key (0004): stems, Kazakh letters typed on a Russian
keyboard and Latin queries now find a book as they find an item of the collection. match_key
and the wishes' title_key are recomputed with the one folding (search.analysis.key).

SQLite: an FTS5 table kept by triggers, with the prefix indexes of the site search (4, 6 and 8
letters; search.engine.prefixes cuts query forms to them). PostgreSQL: a GIN index over
to_tsvector('simple', terms); the terms are already analysed, so nothing more is done to them.
"""

import importlib

from django.db import migrations, models

OLD_SQLITE = [
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_au",
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_ad",
    "DROP TRIGGER IF EXISTS exchange_bibrecord_words_ai",
    "DROP TABLE IF EXISTS exchange_bibrecord_words",
]
NEW_SQLITE = [
    "CREATE VIRTUAL TABLE exchange_bibrecord_words USING fts5(terms, "
    "content='exchange_bibrecord', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='4 6 8')",
    "CREATE TRIGGER exchange_bibrecord_words_ai AFTER INSERT ON exchange_bibrecord BEGIN "
    "INSERT INTO exchange_bibrecord_words(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER exchange_bibrecord_words_ad AFTER DELETE ON exchange_bibrecord BEGIN "
    "INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, terms) "
    "VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER exchange_bibrecord_words_au AFTER UPDATE OF terms ON exchange_bibrecord "
    "BEGIN INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, terms) "
    "VALUES ('delete', old.id, old.terms); "
    "INSERT INTO exchange_bibrecord_words(rowid, terms) VALUES (new.id, new.terms); END",
    "INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words) VALUES ('rebuild')",
]
OLD_POSTGRESQL = ["DROP INDEX IF EXISTS exchange_bibrecord_words"]
NEW_POSTGRESQL = [
    "CREATE INDEX exchange_bibrecord_words ON exchange_bibrecord "
    "USING gin (to_tsvector('simple', terms))",
]
# 0004's index, for going back
_INDEX_0004 = importlib.import_module("kopir.exchange.migrations.0004_record_word_index")
MATCH_KEY_SQLITE = _INDEX_0004.SQLITE
MATCH_KEY_POSTGRESQL = _INDEX_0004.POSTGRESQL
BATCH = 2000


def _run(schema_editor, sqlite: list[str], postgresql: list[str]) -> None:  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": sqlite, "postgresql": postgresql}.get(vendor, []):
        schema_editor.execute(statement)


def drop_match_key_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, OLD_SQLITE, OLD_POSTGRESQL)


def create_match_key_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, MATCH_KEY_SQLITE, MATCH_KEY_POSTGRESQL)


def create_terms_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, NEW_SQLITE, NEW_POSTGRESQL)


def drop_terms_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, OLD_SQLITE, OLD_POSTGRESQL)


def refold(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Every record's terms and match_key, and every wish's title_key, with the one folding
    (the same as exchange.imports.record_terms and match_key at the time of writing)."""
    from kopir.search.analysis import analyse, key

    record_model = apps.get_model("exchange", "BibRecord")
    wish_model = apps.get_model("exchange", "Wish")
    records = record_model.objects.only("pk", "title", "authors", "year").order_by("pk")
    last = 0
    while batch := list(records.filter(pk__gt=last)[:BATCH]):
        for record in batch:
            authors = [a for a in (record.authors or []) if isinstance(a, str)]
            surname = authors[0].split(",")[0] if authors else ""
            year = str(record.year or "")
            record.terms = analyse(" ".join((record.title, *authors, year)))
            record.match_key = "|".join((key(record.title)[:200], key(surname)[:60], year))
        record_model.objects.bulk_update(batch, ["terms", "match_key"])
        last = batch[-1].pk
    wishes = list(wish_model.objects.only("pk", "title"))
    for wish in wishes:
        wish.title_key = key(wish.title)[:200]
    wish_model.objects.bulk_update(wishes, ["title_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0005_alter_importbatch_upload")]
    operations = [
        migrations.RunPython(drop_match_key_index, create_match_key_index),
        migrations.AddField(
            model_name="bibrecord",
            name="terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(refold, migrations.RunPython.noop),
        migrations.RunPython(create_terms_index, drop_terms_index),
    ]
