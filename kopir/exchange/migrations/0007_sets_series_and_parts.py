"""Volumes of multi-volume sets, series and contents (RUSMARC 461/462/463, 225, 464; MARC 21
245 $n/$p, 773, 490/8XX, 505), the other persons and bodies with their roles (RUSMARC 702,
710-712; MARC 21 110/111/710/711, 700 with a role), and why a record looks like a duplicate. The records already
stored are read again from their original MARC, so their sets, series and contents, whole
titles (match_key) and search terms are filled in as a new import would."""

import importlib

from django.db import migrations, models

BATCH = 1000
# SQLite adds a JSON column by remaking the table, which drops its triggers: the word index
# (0006) is rebuilt after the new columns, as 0006 built it.
_INDEX = importlib.import_module("kopir.exchange.migrations.0006_record_terms")


def rebuild_word_index(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        for statement in _INDEX.OLD_SQLITE + _INDEX.NEW_SQLITE:
            schema_editor.execute(statement)


def reread(apps, schema_editor):  # type: ignore[no-untyped-def]
    from kopir.exchange.marc.prepare import keys
    from kopir.exchange.marc.flavours import FLAVOURS
    from kopir.exchange.marc.writer import Original, parse_original

    record_model = apps.get_model("exchange", "BibRecord")
    fields = ["set_title", "volume", "series", "parts", "contributors", "match_key", "terms"]
    records = record_model.objects.only("pk", "marc", "flavour", "marc_encoding").order_by("pk")
    last = 0
    while batch := list(records.filter(pk__gt=last)[:BATCH]):
        changed = []
        for record in batch:
            original = bytes(record.marc or b"")
            if original and record.flavour in FLAVOURS:
                try:
                    parsed = parse_original(Original(original, record.flavour, record.marc_encoding))
                    data = FLAVOURS[record.flavour].read(parsed)
                except Exception:  # noqa: BLE001, S112 - a record pymarc cannot parse again keeps what it has
                    continue
                record.set_title, record.volume = data.set_title[:1000], data.volume[:200]
                record.series, record.parts = data.series, data.parts
                record.contributors = data.contributors
                record.match_key, record.terms = keys(data)
                changed.append(record)
        record_model.objects.bulk_update(changed, fields)
        last = batch[-1].pk


def _fields() -> list[tuple[str, models.Field]]:
    return [
        ("set_title", models.CharField(blank=True, max_length=1000, verbose_name="title of the set")),
        ("volume", models.CharField(blank=True, max_length=200, verbose_name="volume")),
        ("series", models.JSONField(blank=True, default=list, verbose_name="series")),
        ("parts", models.JSONField(blank=True, default=list, verbose_name="contents")),
        ("contributors", models.JSONField(
            blank=True, default=list, verbose_name="other persons and bodies")),
        ("duplicate_reason", models.CharField(
            blank=True, max_length=8, verbose_name="why it looks like a duplicate",
            choices=[("isbn", "the same ISBN"),
                     ("title", "the same title, first author and year")])),
    ]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("exchange", "0006_record_terms")]
    operations = [
        # going back, the columns are removed by remaking the table again: rebuilt last
        migrations.RunPython(migrations.RunPython.noop, rebuild_word_index),
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ("bibrecord", "historicalbibrecord")
            for name, field in _fields()
        ),
        migrations.RunPython(rebuild_word_index, migrations.RunPython.noop),
        migrations.RunPython(reread, migrations.RunPython.noop),
    ]
