"""Playwright on Debian's Chromium. Skips with a message when no browser is installed, except
when KOPIR_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("KOPIR_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# Chromium, as root and on a closed network, needs these to start quietly (see env docs).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}: `apt-get install -y chromium` to run browser tests"
        )
        if os.environ.get("KOPIR_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (KOPIR_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's guard would then refuse
    # the tests' own database calls, which are synchronous and safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo_server(live_server, transactional_db, load_demo):
    """The live server with the demo network (transactional tests start from an empty database)."""
    load_demo()
    return live_server


def _guarded_page(browser, server, **context_options):
    """A page in a fresh context that records every request to another host (none may go)."""
    context = browser.new_context(locale="kk-KZ", **context_options)
    page = context.new_page()
    page.foreign_requests = []
    own_host = urlsplit(server.url).netloc

    def guard(route):
        if urlsplit(route.request.url).netloc != own_host:
            page.foreign_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def page(browser, demo_server):
    context, page = _guarded_page(browser, demo_server)
    yield page
    context.close()


@pytest.fixture
def audit_page(browser, demo_server):
    """A page where the test may inject axe-core: only this context bypasses our CSP."""
    context, page = _guarded_page(browser, demo_server, bypass_csp=True)
    yield page
    context.close()


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
