"""Every page fits a 360 px phone: none is wider than the screen, as a reader and as an editor
find them, following links from the home page and from the workspace, one page per route and
view (an event's page stands for every event's; the month view of the calendar is a view of
its own). A page wider than the screen fails with the elements that stick out."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
# not pages: files, feeds, protocols, and links that change something or sign out
NOT_PAGES = re.compile(
    r"^/(static|media|oai|sru|api|admin)\b|/logout/|/download/|/export|\.(ics|xml|csv|xlsx|pdf|"
    r"docx|json|atom|rss|iso|mrc)$|/feed|/calendar\.ics"
)
LIMIT = 400  # pages, at most: one per route and view

# the widest element that sticks out, and where (for the failure message)
STICKING_OUT = r"""() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      let inside = el.parentElement, clipped = false;
      while (inside && inside !== document.body) {
        const style = getComputedStyle(inside);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) { clipped = true; break; }
        inside = inside.parentElement;
      }
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\s+/).join('.') : '');
      if (!clipped && !out.includes(name)) out.push(name);
    }
  }
  const scrolled = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  return [scrolled, out.slice(0, 6)];
}"""


# every link's address, made absolute (an SVG link's href is not a string)
LINKS = "els => els.map(e => new URL(e.getAttribute('href'), location.href).href)"


def _view(path: str) -> tuple[str, tuple[str, ...]] | None:
    """A page's route and the names of its query's parameters (`view=month` is a view of its
    own, so its value counts), or None when the path is not a page of ours."""
    parts = urlsplit(path)
    if NOT_PAGES.search(parts.path):
        return None
    try:
        with translation.override("kk"):
            route = resolve(parts.path).route
    except Resolver404:
        return None
    query = parse_qsl(parts.query)
    if any(name == "format" for name, _value in query):  # a file of the page (DOCX, XLSX …)
        return None
    names = tuple(sorted(f"{k}={v}" if k == "view" else k for k, v in query))
    return route, names


def _too_wide(page, server, start: list[str]) -> dict[str, tuple[int, list[str]]]:
    own = urlsplit(server.url).netloc
    queue, seen, wide, visited = deque(start), set(), {}, 0
    while queue and visited < LIMIT:
        path = queue.popleft()
        view = _view(path)
        if view is None or view in seen:
            continue
        seen.add(view)
        response = page.goto(server.url + path)
        visited += 1
        if response is None or response.status != 200:
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        width, culprits = page.evaluate(STICKING_OUT)
        if width > PHONE["width"]:
            wide[path] = (width, culprits)
        for href in page.eval_on_selector_all("a[href]", LINKS):
            parts = urlsplit(href)
            if parts.netloc == own and parts.path.startswith("/kk/"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert visited > 20, f"only {visited} pages found"
    return wide


def _listed(wide: dict[str, tuple[int, list[str]]]) -> str:
    return "pages wider than 360 px:\n" + "\n".join(
        f"{path}: {width} px; sticking out: {', '.join(culprits)}"
        for path, (width, culprits) in sorted(wide.items())
    )


def test_no_public_page_is_wider_than_a_phone(browser, demo_server) -> None:
    context, page = _guarded_page(browser, demo_server, viewport=PHONE)
    try:
        wide = _too_wide(page, demo_server, ["/kk/"])
    finally:
        context.close()
    assert not wide, _listed(wide)


def test_no_workspace_page_is_wider_than_a_phone(browser, demo_server) -> None:
    library = Organisation.objects.get(slug="shemonaikha-central-library")
    EditorFactory(username="phone.editor", organisation=library)
    context, page = _guarded_page(browser, demo_server, viewport=PHONE)
    try:
        sign_in(page, demo_server, "phone.editor", PASSWORD)
        wide = _too_wide(page, demo_server, ["/kk/accounts/workspace/"])
    finally:
        context.close()
    assert not wide, _listed(wide)
