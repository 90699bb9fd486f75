"""An index for each order the collection is browsed in (search/engine.py's _ORDER and
_PG_ORDER, word for word), so a page of everything by date or title reads that page only."""

from django.db import migrations

SQLITE = {
    "heritage_search_by_date": "(sort_date IS NULL, sort_date, id)",
    "heritage_search_by_date_desc": "(sort_date IS NULL, sort_date DESC, id)",
    "heritage_search_by_title": "(sort_title, id)",
}
POSTGRESQL = {
    "heritage_search_by_date": "(sort_date ASC NULLS LAST, id)",
    "heritage_search_by_date_desc": "(sort_date DESC NULLS LAST, id)",
    "heritage_search_by_title": '(sort_title COLLATE "C", id)',
}


def _indexes(connection):  # type: ignore[no-untyped-def]
    return {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor, {})


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    for name, columns in _indexes(schema_editor.connection).items():
        schema_editor.execute(f"CREATE INDEX {name} ON heritage_searchentry {columns}")


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    for name in _indexes(schema_editor.connection):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_facet_counts")]
    operations = [migrations.RunPython(forward, backward)]
