"""Editing in the site: forms in the editor's language, audit of every path, concurrency."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from kopir.accounts.services import api_token_create
from kopir.core.audit import SYSTEM, Change, Origin
from kopir.core.concurrency import ConcurrentEditError
from kopir.network import services
from kopir.network.models import Organisation, Person
from kopir.network.selectors import OrganisationFilter, organisation_list
from kopir.network.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(two_libraries) -> Organisation:
    """The editor's library (built here, not the demo's), with a website to keep."""
    library = two_libraries["kz"]
    library.website = "https://shemlibrary.kz/"
    return services.organisation_save(library, change=SYSTEM, expected_version=library.version)


@pytest.fixture
def editor(two_libraries):
    return two_libraries["kz_editor"]


def edit_data(organisation: Organisation, **changes: object) -> dict[str, object]:
    data = {
        f"{f}_{lang}": getattr(organisation, f"{f}_{lang}") or ""
        for f in ("name", "short_name", "address", "description")
        for lang in ("kk", "ru", "en")
    }
    data.update(website=organisation.website, isil=organisation.isil, version=organisation.version)
    data.update(changes)
    return data


def test_editor_edits_own_organisation_in_kazakh_and_it_is_audited(editor, own, signed_in) -> None:
    organisation = own
    client = signed_in(editor)
    page = client.get(f"/kk/workspace/organisations/{own.slug}/edit/").content.decode()
    assert "Атауы — қазақша" in page
    response = client.post(
        f"/kk/workspace/organisations/{own.slug}/edit/",
        edit_data(organisation, name_kk="Шемонаиха кітапханасы (жаңа)"),
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_kk == "Шемонаиха кітапханасы (жаңа)"
    assert list(organisation_list(OrganisationFilter(query="жаңа"))) == [organisation]
    version = organisation.history.latest()
    assert (version.history_user, version.origin, version.ip_address) == (
        editor,
        Origin.SITE,
        "10.1.2.3",
    )
    change = version.diff_against(version.prev_record).changes
    assert [(c.field, c.new) for c in change if c.field == "name_kk"] == [
        ("name_kk", "Шемонаиха кітапханасы (жаңа)")
    ]


def test_validation_messages_are_in_the_page_language(editor, own, signed_in) -> None:
    organisation = own
    response = signed_in(editor).post(
        f"/kk/workspace/organisations/{own.slug}/edit/",
        edit_data(organisation, website="not a url"),
    )
    assert response.status_code == 400
    assert "Тура URL-ді енгізіңіз." in response.content.decode()  # Django's own Kazakh
    organisation.refresh_from_db()
    assert organisation.website == "https://shemlibrary.kz/"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # Not an image at all: Django's form field says so first, in Russian.
        (b"%PDF-1.4 not an image", "Загрузите правильное изображение."),
        # A real image of a kind we do not take (BMP): our check by content says so.
        (None, "Файл не является изображением PNG, JPEG, WebP или GIF."),
    ],
)
def test_a_logo_is_checked_by_content_with_a_clear_message(
    editor, own, signed_in, content, message
) -> None:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, format="BMP")
        content = buffer.getvalue()
    organisation = own
    fake = SimpleUploadedFile("logo.png", content, content_type="image/png")
    response = signed_in(editor).post(
        f"/ru/workspace/organisations/{own.slug}/edit/", {**edit_data(organisation), "logo": fake}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_the_second_of_two_saves_is_told_and_overwrites_nothing(
    editor, coordinator, own, signed_in
) -> None:
    organisation = own
    seen = edit_data(organisation)  # both open the form at the same version
    first = signed_in(coordinator).post(
        f"/en/workspace/organisations/{own.slug}/edit/",
        {**seen, "name_en": "First", "type": organisation.type},
    )
    assert first.status_code == 302
    second = signed_in(editor).post(
        f"/en/workspace/organisations/{own.slug}/edit/", {**seen, "name_en": "Second"}
    )
    assert second.status_code == 409
    assert "Someone else saved this record" in second.content.decode()
    assert 'value="Second"' in second.content.decode()  # the editor's input is kept in the form
    organisation.refresh_from_db()
    assert organisation.name_en == "First"


def test_the_api_tells_a_stale_version_too(editor, own, signed_in) -> None:
    secret = api_token_create(change=Change(editor), name="t").secret
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    url = f"/api/v1/network/organisations/{own.slug}"
    version = own.version
    ok = client.patch(
        url, json.dumps({"name_en": "A", "version": version}), content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["version"] == version + 1
    stale = client.patch(
        url, json.dumps({"name_en": "B", "version": version}), content_type="application/json"
    )
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    assert Organisation.objects.get(slug=own.slug).name_en == "A"
    assert Organisation.objects.get(slug=own.slug).history.latest().origin == Origin.API


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs row locks across connections (PostgreSQL run)"
)
def test_two_simultaneous_saves_one_wins(editor, coordinator, own) -> None:
    version = Organisation.objects.get(slug=own.slug).version
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(actor, name: str) -> None:
        try:
            organisation = Organisation.objects.get(slug=own.slug)
            organisation.name_en = name
            barrier.wait()
            services.organisation_save(
                organisation, change=services.Change(actor), expected_version=version
            )
            outcomes.append("saved")
        except ConcurrentEditError:
            outcomes.append("told")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(u, n)) for u, n in ((editor, "E"), (coordinator, "C"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "told"]
    assert Organisation.objects.get(slug=own.slug).version == version + 1


def test_admin_changes_are_audited_with_their_origin(coordinator, own, signed_in) -> None:
    person = PersonFactory(affiliation=own, name_ru="Учитель литературы")
    client = signed_in(coordinator)
    page = client.get(f"/en/admin/network/person/{person.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if not isinstance(v, list)}
    data.update(name_en="Demo: teacher (edited in admin)", affiliation=person.affiliation_id)
    data = {
        k: v
        for k, v in data.items()
        if k not in ("consent_public", "consent_contacts", "is_fictional") or v
    }
    response = client.post(f"/en/admin/network/person/{person.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = Person.objects.get(pk=person.pk).history.latest()
    assert (latest.history_user, latest.origin) == (coordinator, Origin.ADMIN)


def test_coordinator_sees_history_and_restores_a_version(
    coordinator, editor, own, signed_in
) -> None:
    organisation = own
    original = organisation.name_en
    organisation.name_en = "Vandalised"
    services.organisation_save(
        organisation, change=services.Change(editor), expected_version=organisation.version
    )
    client = signed_in(coordinator)
    page = client.get(f"/en/accounts/history/organisation/{organisation.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Vandalised" in text and original in text and editor.username in text
    before = organisation.history.filter(name_en=original).latest()
    response = client.post(
        f"/en/accounts/history/organisation/{organisation.pk}/restore/{before.history_id}/"
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == original
    assert organisation.history.latest().origin == Origin.RESTORE
    assert organisation.history.count() >= 3  # nothing erased: the restore is a new version
    user_page = client.get(f"/en/accounts/users/{editor.pk}/history/").content.decode()
    assert "Vandalised" in user_page or organisation.name_en in user_page


def test_editors_do_not_see_the_history(editor, own, signed_in) -> None:
    organisation = own
    assert (
        signed_in(editor).get(f"/kk/accounts/history/organisation/{organisation.pk}/").status_code
        == 403
    )


def test_editor_adds_a_person_and_a_branch_to_own_organisation_only(
    editor, own, signed_in, two_libraries
) -> None:
    client = signed_in(editor)
    response = client.post(
        f"/kk/workspace/organisations/{own.slug}/people/new/",
        {"name_kk": "Жаңа кітапханашы", "role": "librarian"},
    )
    assert response.status_code == 302
    assert Person.objects.filter(name_kk="Жаңа кітапханашы", affiliation__slug=own.slug).exists()
    refused = client.post(
        f"/kk/workspace/organisations/{two_libraries['ru'].slug}/people/new/",
        {"name_kk": "Бөтен", "role": "librarian"},
    )
    assert refused.status_code == 403
    assert not Person.objects.filter(name_kk="Бөтен").exists()
