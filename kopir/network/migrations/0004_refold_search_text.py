"""Name search now matches the analysed words of the names (search.analysis, as the site
search) instead of whole folded names: every organisation's search_text is recomputed."""

from django.db import migrations

LANGUAGES = ("kk", "ru", "en")


def refold(apps, schema_editor):  # type: ignore[no-untyped-def]
    from kopir.search.analysis import analyse

    organisation_model = apps.get_model("network", "Organisation")
    organisations = list(organisation_model.objects.all())
    for organisation in organisations:
        names = [
            getattr(organisation, f"{field}_{lang}") or ""
            for field in ("name", "short_name")
            for lang in LANGUAGES
        ]
        organisation.search_text = f" {analyse(' '.join((*names, organisation.isil)))} "
    organisation_model.objects.bulk_update(organisations, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("network", "0003_alter_agreement_document_alter_organisation_logo")]
    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
