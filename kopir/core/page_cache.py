"""A cache of whole public pages for anonymous readers, emptied by any change of content.

Rural connections are slow and most readers are anonymous: a calendar or partner page is the
same for all of them until somebody edits something. So a GET by a reader without a session is
answered from the cache, keyed by the path (language prefix included), the query parameters the
view reads, the script (Cyrillic or Latin) and whether htmx asked for a fragment.

The parameters a view reads — not the raw query string: `?_=1`, `?_=2` … would each be a page of
their own, and anyone could flush the cache or fill the disk with them. The view gets a
`request.GET` that notes each name it asks for (`get`, `getlist`, `in`, `[…]`, a form bound to
it, a template's `request.GET.q`); asking whether there are any parameters at all notes their
number; walking all of them (`items()`, `lists()` …) notes them all. The path remembers the
names its view read, and a page is stored and found under those names' values — sound because a
view reads the same names whenever those values are the same. Copying the parameters to write
links (`GET.copy()` … `urlencode()`) is not a read: a link may keep a parameter no view reads.
At most MAX_VARIANTS pages are stored per path and content version.

A response is stored only if it is a 200 page that sets no cookie and carries no CSRF token
(forms stay personal). Every save or delete of our models bumps a content version that is part
of every key, so a change shows at once, in every process sharing the cache (the file cache of
a single host, or any shared one); KOPIR_PAGE_CACHE_SECONDS bounds what time alone changes
("upcoming", "today").
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict

from kopir.core.script import SCRIPT_COOKIE

VERSION_KEY = "kopir:content-version"
MAX_VARIANTS = 200  # pages stored per path and content version
_COUNT = "\x00count"  # the pseudo-name noted when a view asks how many parameters there are
_ALL = "\x00all"  # noted when a view walks every parameter
CACHED_TYPES = ("text/html", "text/calendar", "application/atom+xml")
# What the view and the middleware inside this one set; the outer middleware set theirs again.
HEADERS_KEPT = (
    "Content-Type", "Content-Language", "Content-Disposition", "Vary",
    "Content-Security-Policy", "X-Frame-Options",
)  # fmt: skip


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return str(version)


def content_changed(**_: Any) -> None:
    """Forget every cached page (a new version makes the old keys unreachable; they expire)."""
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def _on_our_model(handler: Callable[..., None]) -> Callable[..., None]:
    def receiver(sender: Any, **kwargs: Any) -> None:
        meta = getattr(sender, "_meta", None)
        # Every app of ours, so a new app's records empty the cache without being listed; a
        # model that no public page shows (a report job) says so with affects_public_pages.
        if (
            meta is not None
            and sender.__module__.startswith("kopir.")
            and getattr(sender, "affects_public_pages", True)
        ):
            handler(sender=sender, **kwargs)

    return receiver


_receiver = _on_our_model(content_changed)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_receiver, dispatch_uid=f"kopir-page-cache-{id(signal)}")


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.KOPIR_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(("/api/", "/admin/", "/static/", "/media/"))
    )


class ReadQueryDict(QueryDict):
    """`request.GET` that notes which names are read (see the module's docstring)."""

    def __init__(self, *args: Any, reads: set[str] | None = None, **kwargs: Any) -> None:
        self.reads: set[str] = set() if reads is None else reads  # before parsing fills it
        super().__init__(*args, **kwargs)

    def _note(self, name: str) -> None:
        self.reads.add(name)

    def __getitem__(self, key: str) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def getlist(self, key: str, default: Any = None) -> list[Any]:
        self._note(key)
        return super().getlist(key, default)

    def __contains__(self, key: object) -> bool:
        self._note(str(key))
        return super().__contains__(key)

    def __len__(self) -> int:  # also bool(): «request.GET or None»
        self._note(_COUNT)
        return super().__len__()

    def _all(self) -> None:
        self._note(_ALL)

    def __iter__(self) -> Any:
        self._all()
        return super().__iter__()

    def keys(self) -> Any:
        self._all()
        return super().keys()

    def items(self) -> Any:
        self._all()
        return super().items()

    def lists(self) -> Any:
        self._all()
        return super().lists()

    def values(self) -> Any:
        self._all()
        return super().values()

    def dict(self) -> dict[str, Any]:
        self._all()
        return super().dict()

    def copy(self) -> ReadQueryDict:
        """A mutable copy whose reads are noted too (a form may be bound to it)."""
        return _filled(ReadQueryDict(mutable=True, encoding=self.encoding, reads=self.reads), self)

    def urlencode(self, safe: str | None = None) -> str:
        """Writing the parameters into a link is not reading them."""
        return _filled(QueryDict(mutable=True, encoding=self.encoding), self).urlencode(safe)


_Filled = TypeVar("_Filled", bound=QueryDict)


def _filled(target: _Filled, source: QueryDict) -> _Filled:
    """`target` given every parameter of `source`, without noting a read of them."""
    for key, values in dict.items(source):
        target.setlist(key, list(values))
    return target


def _tracked(request: HttpRequest) -> ReadQueryDict:
    """The request's parameters as a ReadQueryDict (immutable, like request.GET)."""
    tracked = _filled(ReadQueryDict(mutable=True, encoding=request.GET.encoding), request.GET)
    tracked.reads.clear()  # copying them in is not the view reading them
    tracked._mutable = False
    return tracked


def _page_key(request: HttpRequest) -> str:
    """The page's address without its query, in this content version."""
    parts = (
        content_version(),
        # Pages hold absolute links (feeds, canonical addresses): one host's never go to another.
        request.scheme or "",
        request.get_host(),
        request.path,
        request.COOKIES.get(SCRIPT_COOKIE, ""),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _key(page: str, names: tuple[str, ...], query: dict[str, tuple[str, ...]]) -> str:
    """The key of one page: its address, the names read and their values in the query."""
    values: list[tuple[str, object]]
    if _ALL in names:
        values = sorted(query.items())
    else:
        values = [(n, len(query) if n == _COUNT else query.get(n, ())) for n in names]
    digest = hashlib.sha256(repr((page, names, values)).encode()).hexdigest()
    return f"kopir:page:{digest}"


def _names_key(page: str) -> str:
    return f"kopir:page-reads:{page}"


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Answer anonymous readers from the page cache; see the module's docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        page = _page_key(request)
        query = {name: tuple(request.GET.getlist(name)) for name in request.GET}
        names = cache.get(_names_key(page))
        if names is not None:
            stored = cache.get(_key(page, names, query))
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers.items():
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return response
        tracked = _tracked(request)
        request.GET = tracked  # type: ignore[assignment]  # the view's reads are noted
        response = self.get_response(request)
        if _cacheable_response(request, response) and self._room(page):
            read = tuple(sorted(tracked.reads))
            headers = {name: response[name] for name in HEADERS_KEPT if response.has_header(name)}
            seconds = settings.KOPIR_PAGE_CACHE_SECONDS
            cache.set(_key(page, read, query), (response.content, headers), seconds)
            if read != names:
                cache.set(_names_key(page), read, seconds)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _room(page: str) -> bool:
        """Another page may be stored for this path (MAX_VARIANTS per content version)."""
        key = f"kopir:page-variants:{page}"
        if cache.add(key, 1, settings.KOPIR_PAGE_CACHE_SECONDS):
            return True
        try:
            return cache.incr(key) <= MAX_VARIANTS
        except ValueError:  # expired between the two calls
            return cache.add(key, 1, settings.KOPIR_PAGE_CACHE_SECONDS)
