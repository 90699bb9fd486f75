"""The catalogue's word index in columns: a record's terms are held in sections (titles, persons
and bodies, subjects, the rest: marc.prepare.record_terms), and the index keeps each section as its
own column, so a search can ask for a word in the title only (SRU's `title`, `author`,
`subject` indexes) while a plain search still looks in all of them. Every record's terms are
computed again from its stored description; ISBN and year get their own indexes for lookups
across every library, and the title of a set one for listing its volumes.

SQLite: a contentless FTS5 table with a column per section, kept by triggers that split
`terms` at the section marks (the same prefix indexes as 0006). PostgreSQL: a GIN index over the sections'
vectors weighted A (title), B (person), C (subject) and D (other), so `word:*A` finds a title
word only.
"""

import importlib

from django.db import migrations, models

BATCH = 2000
MARK = "char(31)"  # marc.prepare.SECTION_MARK
COLUMNS = ("title", "person", "subject", "other")


def _sections(text: str) -> list[str]:
    """SQLite expressions of the four sections of `text` (an SQL expression): a text without
    marks (as 0006 wrote it) is all in the last section, so it is still found by any search."""
    out, rest = [], text
    for _ in COLUMNS[:-1]:
        out.append(f"substr({rest}, 1, instr({rest}, {MARK}) - 1)")
        rest = f"substr({rest}, instr({rest}, {MARK}) + 1)"
    return [*out, rest]


def _values(row: str) -> str:
    return ", ".join(_sections(f"{row}.terms"))


_NAMES = ", ".join(COLUMNS)
SQLITE = [
    # Contentless: a view over the split terms would be the natural content table, but a
    # view on exchange_bibrecord makes SQLite refuse the table remakes Django migrations do.
    f"CREATE VIRTUAL TABLE exchange_bibrecord_words USING fts5({_NAMES}, content='', "
    "tokenize='unicode61 remove_diacritics 0', prefix='4 6 8')",
    "CREATE TRIGGER exchange_bibrecord_words_ai AFTER INSERT ON exchange_bibrecord BEGIN "
    f"INSERT INTO exchange_bibrecord_words(rowid, {_NAMES}) "
    f"VALUES (new.id, {_values('new')}); END",
    "CREATE TRIGGER exchange_bibrecord_words_ad AFTER DELETE ON exchange_bibrecord BEGIN "
    f"INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, {_NAMES}) "
    f"VALUES ('delete', old.id, {_values('old')}); END",
    "CREATE TRIGGER exchange_bibrecord_words_au AFTER UPDATE OF terms ON exchange_bibrecord "
    f"BEGIN INSERT INTO exchange_bibrecord_words(exchange_bibrecord_words, rowid, {_NAMES}) "
    f"VALUES ('delete', old.id, {_values('old')}); "
    f"INSERT INTO exchange_bibrecord_words(rowid, {_NAMES}) "
    f"VALUES (new.id, {_values('new')}); END",
    # every stored record; a later migration that remakes the table (which drops the
    # triggers) runs DROP_SQLITE + SQLITE again, as 0007 did for 0006's index
    f"INSERT INTO exchange_bibrecord_words(rowid, {_NAMES}) "
    f"SELECT id, {_values('exchange_bibrecord')} FROM exchange_bibrecord",
]
# selectors.VECTOR, word for word: each word behind the letter of its section
VECTOR = " || ".join(
    f"to_tsvector('simple', regexp_replace(split_part(terms, chr(31), {n}), '(\\S+)', "
    f"'{mark}\\1', 'g'))"
    for n, mark in enumerate("tpso", start=1)
)
# Stored, so that a match is checked against the vector as written, not computed again for
# every row a plan visits (a bitmap's recheck, a filter on a walk of the primary key).
POSTGRESQL = [
    "ALTER TABLE exchange_bibrecord ADD COLUMN terms_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX exchange_bibrecord_words ON exchange_bibrecord USING gin (terms_vector)",
]
DROP_POSTGRESQL = [
    "DROP INDEX IF EXISTS exchange_bibrecord_words",
    "ALTER TABLE exchange_bibrecord DROP COLUMN IF EXISTS terms_vector",
]
_0006 = importlib.import_module("kopir.exchange.migrations.0006_record_terms")
_run = _0006._run  # the statements of the database at hand
DROP_SQLITE = _0006.OLD_SQLITE  # the same triggers and table names


def drop_old_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, _0006.OLD_SQLITE, _0006.OLD_POSTGRESQL)


def restore_old_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, DROP_SQLITE + _0006.NEW_SQLITE,
         DROP_POSTGRESQL + _0006.NEW_POSTGRESQL)  # fmt: skip


def create_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, SQLITE, POSTGRESQL)


def drop_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, DROP_SQLITE, DROP_POSTGRESQL)


def recompute(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Every record's terms in sections, from its stored description (as marc.prepare.keys)."""
    from kopir.exchange.marc.prepare import record_terms
    from kopir.exchange.marc.model import full_title

    record_model = apps.get_model("exchange", "BibRecord")
    fields = ("pk", "title", "set_title", "volume", "authors", "contributors", "series",
              "parts", "subjects", "year", "isbn", "publisher", "place")  # fmt: skip
    records = record_model.objects.only(*fields).order_by("pk")
    last = 0
    while batch := list(records.filter(pk__gt=last)[:BATCH]):
        for r in batch:
            names = [c.get("name", "") for c in r.contributors or [] if isinstance(c, dict)]
            r.terms = record_terms(
                title=[full_title(r.title, r.set_title, r.volume), *_texts(r.series),
                       *_texts(r.parts)],
                persons=[*_texts(r.authors), *names],
                subjects=_texts(r.subjects),
                other=[str(r.year or ""), r.isbn, r.publisher, r.place],
            )  # fmt: skip
        record_model.objects.bulk_update(batch, ["terms"])
        last = batch[-1].pk


def _texts(values) -> list[str]:  # type: ignore[no-untyped-def]
    return [v for v in values or [] if isinstance(v, str)]


class Migration(migrations.Migration):
    dependencies = [("exchange", "0008_wish_record")]
    operations = [
        migrations.RunPython(drop_old_index, restore_old_index),
        migrations.RunPython(recompute, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
        migrations.AddIndex(
            model_name="bibrecord",
            index=models.Index(fields=["isbn"], name="exchange_record_isbn"),
        ),
        migrations.AddIndex(
            model_name="bibrecord",
            index=models.Index(fields=["year"], name="exchange_record_year"),
        ),
        migrations.AddIndex(
            model_name="bibrecord",
            index=models.Index(
                condition=~models.Q(set_title=""), fields=["set_title"], name="exchange_record_set"
            ),
        ),
    ]
