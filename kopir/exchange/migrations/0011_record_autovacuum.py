"""PostgreSQL: the union catalogue's table is vacuumed after 1 % of it (at least 1,000 rows) has
been deleted, replaced or rolled back, not the default 20 %: SRU estimates a large hit count
from its word index, which keeps those rows until a VACUUM (sru.results._indexed), and a
refused import of 100,000 records leaves that many behind at once. Nothing on SQLite."""

from django.db import migrations

TABLE = "exchange_bibrecord"
SETTINGS = {"autovacuum_vacuum_scale_factor": "0.01", "autovacuum_vacuum_threshold": "1000"}


def tune(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        chosen = ", ".join(f"{name} = {value}" for name, value in SETTINGS.items())
        schema_editor.execute(f"ALTER TABLE {TABLE} SET ({chosen})")


def untune(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET ({', '.join(SETTINGS)})")


class Migration(migrations.Migration):
    dependencies = [("exchange", "0010_oai_datestamps_and_removed_records")]
    operations = [migrations.RunPython(tune, untune)]
