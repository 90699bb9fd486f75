"""Who asks, and from where: one authentication for every API operation, the real client
behind proxies, letters that cannot be flooded, cached pages that keep to their host, and every
settings module that starts as a newcomer types the commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client

from kopir.accounts.services import api_token_create
from kopir.core.audit import Change
from kopir.heritage.tests.factories import item
from kopir.network.models import Organisation

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)


# --- One authentication for every API operation -------------------------------------------


def test_a_token_shows_its_holder_the_draft_as_a_session_does(client: Client, editor) -> None:
    draft = item(editor.organisation, publish=False)
    url = f"/api/v1/heritage/items/{draft.pk}"
    assert client.get(url).status_code == 404  # nobody
    secret = api_token_create(change=Change(editor), name="reader").secret
    by_token = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get(url)
    assert by_token.status_code == 200 and by_token.json()["status"] == "draft"
    client.force_login(editor)
    assert client.get(url).status_code == 200  # the same answer with the site's session
    wrong = Client(HTTP_AUTHORIZATION="Bearer not-a-token").get(url)
    assert wrong.status_code == 401 and wrong.json()["code"] == "not_authenticated"


def test_public_reads_need_no_token_and_refuse_a_wrong_one(client: Client, network) -> None:
    assert client.get("/api/v1/network/organisations").status_code == 200
    wrong = Client(HTTP_AUTHORIZATION="Bearer nope").get("/api/v1/network/organisations")
    assert wrong.status_code == 401


# --- The real client behind proxies --------------------------------------------------------

FORWARDED = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7"}


def _fail_login(client: Client, **meta: str) -> None:
    client.post("/ru/accounts/login/", {"username": "editor", "password": "wrong-password"}, **meta)


def test_lockouts_and_the_audit_use_the_client_behind_trusted_proxies(
    settings, editor, network
) -> None:
    from axes.models import AccessAttempt

    settings.KOPIR_TRUSTED_PROXIES = 1
    client = Client()
    for _ in range(2):
        _fail_login(client, **FORWARDED)
    attempt = AccessAttempt.objects.get(username="editor")
    # the nearest proxy's word, not the client's own first entry and not the proxy itself
    assert attempt.ip_address == "203.0.113.7" and attempt.failures_since_start == 2
    _fail_login(client, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert AccessAttempt.objects.get(username="editor", ip_address="198.51.100.9")

    client.force_login(editor)
    own = Organisation.objects.get(pk=editor.organisation_id)
    from kopir.network.tests.test_workspace import edit_data

    client.post(
        f"/ru/workspace/organisations/{own.slug}/edit/",
        edit_data(own, name_en="Behind the proxy"),
        **FORWARDED,
    )
    assert own.history.latest().ip_address == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, "", "10.0.0.2"),  # a proxy that sent nothing
        (2, "203.0.113.7", "10.0.0.2"),  # fewer entries than proxies: misconfigured
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_the_client_address_believes_only_trusted_proxies(
    settings, rf, proxies: int, forwarded: str, expected: str
) -> None:
    from kopir.core.clients import client_address

    settings.KOPIR_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


# --- Password reset letters ----------------------------------------------------------------


def test_password_reset_letters_are_bounded_per_address_and_per_client(settings, editor) -> None:
    cache.clear()
    settings.KOPIR_PASSWORD_RESET_PER_ADDRESS = 3
    settings.KOPIR_PASSWORD_RESET_PER_CLIENT = 5
    editor.email = "editor@example.org"
    editor.save()
    client = Client()
    answers = [
        client.post("/ru/accounts/password/reset/", {"email": "Editor@Example.org"}).status_code
        for _ in range(5)
    ]
    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    refused = client.post("/ru/accounts/password/reset/", {"email": "editor@example.org"})
    assert "Запрошено слишком много писем" in refused.content.decode()
    for n in range(2):  # other addresses from the same client, up to its own bound
        client.post("/ru/accounts/password/reset/", {"email": f"x{n}@example.org"})
    other = client.post("/ru/accounts/password/reset/", {"email": "y@example.org"})
    assert other.status_code == 429  # the client asked 8 times in the hour
    fresh = Client(REMOTE_ADDR="192.0.2.50")
    assert fresh.post("/ru/accounts/password/reset/", {"email": "y@example.org"}).status_code == 302
    cache.clear()


# --- The anonymous page cache and the host ---------------------------------------------------


def test_a_cached_feed_is_never_served_with_another_hosts_links(settings, network) -> None:
    cache.clear()
    settings.KOPIR_PAGE_CACHE_SECONDS = 60
    settings.ALLOWED_HOSTS = ["kopir.example.kz", "kopir.example.ru"]
    kz = Client(HTTP_HOST="kopir.example.kz").get("/ru/events/announcements.atom")
    ru = Client(HTTP_HOST="kopir.example.ru").get("/ru/events/announcements.atom")
    assert kz["X-Page-Cache"] == "miss" and ru["X-Page-Cache"] == "miss"
    assert b"kopir.example.ru" in ru.content and b"kopir.example.kz" not in ru.content
    again = Client(HTTP_HOST="kopir.example.kz").get("/ru/events/announcements.atom")
    assert again["X-Page-Cache"] == "hit" and b"kopir.example.kz" in again.content
    cache.clear()


# --- Every settings module starts --------------------------------------------------------

LEAKY = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "KOPIR_DATABASE_URL"}


@pytest.mark.parametrize(
    ("module", "extra"),
    [
        (None, {}),  # manage.py's own default, as a newcomer types the README's commands
        ("config.settings.dev", {}),
        ("config.settings.test", {}),
        ("config.settings.production", {"SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "example.org"}),
    ],
)
def test_every_settings_module_passes_check(module: str | None, extra: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    if module:
        env["DJANGO_SETTINGS_MODULE"] = module
    env.update(extra)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]


def test_what_django_refuses_before_the_api_still_answers_in_the_apis_shape(client) -> None:
    bad_host = client.post(
        "/api/v1/heritage/persons", "{}", content_type="application/json", HTTP_HOST="eX_"
    )
    assert bad_host.status_code == 400 and bad_host["Content-Type"] == "application/json"
    assert set(bad_host.json()) == {"code", "message", "fields"}
    missing = client.get("/api/v1/no-such-thing")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    page = client.get("/ru/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
    site_bad_host = client.get("/ru/", HTTP_HOST="eX_")
    assert site_bad_host.status_code == 400 and site_bad_host["Content-Type"].startswith("text/")


def test_a_fault_answers_an_api_client_in_json_and_a_reader_with_the_page() -> None:
    from django.test import RequestFactory

    from kopir.api import errors

    api = errors.server_error(RequestFactory().get("/api/v1/events"))
    assert api.status_code == 500 and b'"code": "server_error"' in api.content
    page = errors.server_error(RequestFactory().get("/ru/events/"))
    assert page.status_code == 500 and "Серверде қате болды" in page.content.decode()
