"""The index table is the search app's now (search migration 0001): the state only, the
table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0003_alter_item_file_alter_item_preview_and_more"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SearchEntry")],
            database_operations=[],
        ),
    ]
