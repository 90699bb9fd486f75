"""The index table moves here from the collection app: the state only. The table keeps its
name (heritage_searchentry) and its FTS5 table and GIN index (heritage migration 0002)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("heritage", "0003_alter_item_file_alter_item_preview_and_more")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(max_length=20)),
                        ("object_id", models.PositiveIntegerField()),
                        ("title", models.TextField(default="")),
                        ("body", models.TextField(default="")),
                        ("facets", models.TextField(default="")),
                        ("sort_title", models.CharField(default="", max_length=200)),
                        ("sort_date", models.DateField(null=True)),
                    ],
                    options={
                        "db_table": "heritage_searchentry",
                        "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="heritage_search_object")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
