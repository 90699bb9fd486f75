"""Nothing an editor uploads can run on the site: checked by content, stored under our names,
served with its verified type in a sandbox, and drafts' files only to their editors."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from kopir.core.audit import SYSTEM
from kopir.core.concurrency import ConcurrentEditError
from kopir.heritage import services
from kopir.heritage.models import Item, ItemStatus
from kopir.network.models import Agreement, Organisation
from kopir.network.services import agreement_save, organisation_save
from kopir.network.tests.test_workspace import edit_data
from tests.security import samples

pytestmark = pytest.mark.django_db

CHOSEN = re.compile(r"^heritage/files/\d{4}/[0-9a-f]{32}\.(\w+)$")


def _item(organisation: Organisation, upload, *, kind: str = "oral_history") -> Item:
    data = services.ItemData(kind=kind, title={"ru": "Воспоминания"})
    return services.item_create(organisation=organisation, data=data, change=SYSTEM, upload=upload)


@pytest.fixture
def library(network) -> Organisation:
    return network["central"]


@pytest.mark.parametrize(
    "content",
    [samples.id3_then_html(), samples.ftyp_then_script(), samples.mp3_with_html_after_the_tag()],
    ids=["player.html", "m4a.js", "mp3-with-a-page-inside"],
)
def test_a_polyglot_is_not_accepted_as_audio(library: Organisation, content: bytes) -> None:
    with pytest.raises(ValidationError) as error:
        _item(library, samples.upload("recording.mp3", content, "audio/mpeg"))
    assert error.value.code in ("not_audio", "file_type")
    assert not Item.objects.filter(title_ru="Воспоминания").exists()


def test_the_polyglot_is_refused_through_the_form_in_the_readers_language(
    client: Client, editor
) -> None:
    client.force_login(editor)
    response = client.post(
        f"/ru/collection/workspace/{editor.organisation.slug}/new/",
        {
            "kind": "oral_history",
            "title_ru": "Запись",
            "language": "ru",
            "upload": samples.upload("player.html", samples.id3_then_html(), "audio/mpeg"),
        },
    )
    assert response.status_code == 400
    assert "не звукозапись" in response.content.decode()
    assert not Item.objects.filter(title_ru="Запись").exists()


@pytest.mark.parametrize(
    ("content", "extension", "served_as"),
    [
        (samples.wav_bytes(), "wav", "audio/wav"),
        (samples.mp3_bytes(), "mp3", "audio/mpeg"),
        (samples.plain_pdf(), "pdf", "application/pdf"),
        (samples.jpeg_with_comment(), "jpg", "image/jpeg"),
    ],
)
def test_a_stored_file_has_our_name_and_is_served_as_its_verified_type(
    client: Client, library: Organisation, content: bytes, extension: str, served_as: str
) -> None:
    item = _item(library, samples.upload("../../evil name.html", content, "text/html"))
    match = CHOSEN.match(item.file.name)
    assert match and match.group(1) == extension
    services.item_publish(item, change=SYSTEM)
    response = client.get(item.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == served_as
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    inline = served_as.startswith(("image/", "audio/"))
    assert ("attachment" in response.get("Content-Disposition", "")) is not inline


def test_a_file_we_did_not_name_is_only_ever_a_download(client: Client, library) -> None:
    """A file stored before names were ours (or put there by hand) keeps its old name: it is
    served as bytes to save, never as a page."""
    default_storage.save("logos/old.html", io.BytesIO(samples.HTML))
    Organisation.objects.filter(pk=library.pk).update(logo="logos/old.html")
    response = client.get("/media/logos/old.html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_only_files_a_record_claims_are_served(client: Client, library) -> None:
    default_storage.save("heritage/files/2026/stray.pdf", io.BytesIO(samples.plain_pdf()))
    assert client.get("/media/heritage/files/2026/stray.pdf").status_code == 404
    assert client.get("/media/../config/settings/base.py").status_code == 404
    assert client.get("/media/secret/../../x").status_code == 404


@pytest.mark.parametrize("status", [ItemStatus.DRAFT, ItemStatus.WITHDRAWN])
def test_a_drafts_or_withdrawn_items_file_is_its_editors_only(
    client: Client, library, editor, other_editor, coordinator, status: str
) -> None:
    item = _item(library, samples.upload("a.jpg", samples.jpeg_with_comment()), kind="photograph")
    Item.objects.filter(pk=item.pk).update(status=status)
    urls = [item.file.url, item.thumbnail.url, item.preview.url]
    for url in urls:
        assert client.get(url).status_code == 404  # anonymous: not even said to exist
    client.force_login(other_editor)
    assert all(client.get(url).status_code == 404 for url in urls)
    for allowed in (editor, coordinator):
        client.force_login(allowed)
        response = client.get(item.file.url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_web_server_sends_the_bytes_after_the_check(client: Client, library, settings) -> None:
    settings.KOPIR_MEDIA_ACCEL_REDIRECT = "/_protected_media/"
    item = _item(library, samples.upload("a.wav", samples.wav_bytes()))
    assert client.get(item.file.url).status_code == 404  # a draft: no redirect for anyone else
    services.item_publish(item, change=SYSTEM)
    response = client.get(item.file.url)
    assert response["X-Accel-Redirect"] == f"/_protected_media/{item.file.name}"
    assert response["Content-Type"] == "audio/wav" and response.content == b""


@pytest.mark.parametrize(
    "content",
    [samples.pdf_with_javascript(), samples.pdf_with_hidden_open_action()],
    ids=["document-javascript", "escaped-open-action"],
)
def test_a_pdf_that_runs_something_is_refused(library, content: bytes) -> None:
    with pytest.raises(ValidationError) as error:
        _item(library, samples.upload("report.pdf", content, "application/pdf"), kind="document")
    assert error.value.code == "pdf_active"
    agreement = Agreement.objects.filter(parties=library).first()
    assert agreement is not None
    agreement.document = samples.upload("signed.pdf", content)
    with pytest.raises(ValidationError) as error:
        agreement_save(agreement, parties=list(agreement.parties.all()), change=SYSTEM)
    assert "document" in error.value.error_dict
    agreement.refresh_from_db()
    assert not agreement.document


def test_no_comment_or_metadata_survives_in_a_photograph(library) -> None:
    item = _item(library, samples.upload("a.jpg", samples.jpeg_with_comment()), kind="photograph")
    for stored in (item.file, item.thumbnail, item.preview):
        content = stored.read()
        assert b"script" not in content and b"CameraMaker" not in content
        with Image.open(io.BytesIO(content)) as image:
            assert "comment" not in image.info and "exif" not in image.info


def test_a_logo_is_re_encoded_and_bounded_like_a_photo(library) -> None:
    big = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    Image.new("RGB", (1500, 900), "navy").save(big, "JPEG", comment=b"<b>hi</b>", exif=exif)
    library.logo = samples.upload("logo.svg", big.getvalue(), "image/svg+xml")
    organisation_save(library, change=SYSTEM, expected_version=library.version)
    library.refresh_from_db()
    assert re.fullmatch(r"logos/\d{4}/[0-9a-f]{32}\.png", library.logo.name)
    with Image.open(library.logo.open("rb")) as logo:
        assert logo.format == "PNG" and max(logo.size) == 512
        assert "comment" not in logo.info and "exif" not in logo.info


def test_an_svg_logo_is_refused_through_the_form(client: Client, editor) -> None:
    client.force_login(editor)
    library = editor.organisation
    data = edit_data(library, logo=samples.upload("logo.png", samples.SVG_WITH_SCRIPT, "image/png"))
    response = client.post(f"/ru/workspace/organisations/{library.slug}/edit/", data)
    assert response.status_code == 400
    assert not Organisation.objects.get(pk=library.pk).logo


@pytest.mark.parametrize("side", [30_000, 10_000], ids=["bomb-error", "bomb-warning"])
def test_a_decompression_bomb_is_a_clear_refusal_never_a_server_error(
    client: Client, editor, side: int
) -> None:
    client.force_login(editor)
    response = client.post(
        f"/kk/collection/workspace/{editor.organisation.slug}/new/",
        {
            "kind": "photograph",
            "title_ru": "Бомба",
            "language": "ru",
            "upload": samples.upload("bomb.png", samples.png_bomb(side), "image/png"),
        },
    )
    assert response.status_code == 400
    assert "60 мегапиксель" in response.content.decode()
    assert not Item.objects.filter(title_ru="Бомба").exists()


def test_a_stale_edit_with_a_new_file_keeps_the_stored_one(library) -> None:
    item = _item(library, samples.upload("a.wav", samples.wav_bytes()))
    stored = item.file.name
    folder = stored.rsplit("/", 1)[0]
    before = set(default_storage.listdir(folder)[1])
    data = services.ItemData(kind="oral_history", title={"ru": "Новое"})
    with pytest.raises(ConcurrentEditError):
        services.item_update(
            Item.objects.get(pk=item.pk),
            data=data,
            change=SYSTEM,
            version=item.version - 1,
            upload=samples.upload("b.mp3", samples.mp3_bytes()),
        )
    item.refresh_from_db()
    assert item.file.name == stored and default_storage.exists(stored)
    assert set(default_storage.listdir(folder)[1]) == before  # the new file went with the edit


def test_with_a_media_origin_a_drafts_file_is_linked_on_the_site_itself(
    client: Client, library, editor, settings
) -> None:
    settings.MEDIA_URL = "https://media.example.org/media/"
    item = _item(library, samples.upload("a.jpg", samples.jpeg_with_comment()), kind="photograph")
    client.force_login(editor)
    page = client.get(f"/ru/collection/items/{item.pk}/").content.decode()
    assert f'href="/media/{item.file.name}"' in page  # the editor's session reaches it here
    services.item_publish(item, change=SYSTEM)
    page = client.get(f"/ru/collection/items/{item.pk}/").content.decode()
    assert f'href="https://media.example.org/media/{item.file.name}"' in page


def test_a_refused_marc_file_is_its_librarys_only(
    client: Client, library, editor, other_editor
) -> None:
    from django.core.files.base import ContentFile

    from kopir.exchange.models import ImportBatch, ImportStatus

    batch = ImportBatch.objects.create(
        organisation=library, file_name="books.iso", status=ImportStatus.REFUSED
    )
    batch.upload.save("batch.mrc", ContentFile(b"00026nam  2200025   4500\x1e\x1d"))
    url = f"/media/{batch.upload.name}"
    assert batch.upload.name.endswith(".mrc")
    assert client.get(url).status_code == 404
    client.force_login(other_editor)
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/marc"
    assert response["Content-Disposition"].startswith("attachment")
