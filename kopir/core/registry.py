"""One shape for every kind of plug-in: report definitions and file formats, video-bridge
providers, search sources, OAI-PMH metadata formats, citation styles and MARC flavours.

A registry maps each plug-in's key (the attribute named when the registry is made) to the
plug-in, in the order of their `order` attribute (100 when they have none), then of their
registration (or of their keys). The built-ins register exactly as an add-on would, from their
module or from their app's `ready()`:

    providers = Registry("video provider", key="key")
    providers.register(Provider("jitsi", "Jitsi Meet", jitsi_link))

    @reports.register            # a class is registered as its one instance
    class MyReport(Report): ...

A key registered twice is a mistake in the code, not in the data: ImproperlyConfigured.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar, overload

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")
DEFAULT_ORDER = 100


class Registry(Mapping[str, T], Generic[T]):
    """The plug-ins of one kind, by key; iterating gives the keys in order (`values()` the
    plug-ins, `items()` both)."""

    def __init__(self, kind: str, *, key: str = "key", by_key: bool = False) -> None:
        self.kind = kind
        self.key = key
        self.by_key = by_key  # plug-ins of the same order: by key, not by registration
        self._items: dict[str, T] = {}

    @overload
    def register(self, plugin: type[T]) -> type[T]: ...

    @overload
    def register(self, plugin: T) -> T: ...

    def register(self, plugin: Any) -> Any:
        """Add a plug-in (or a class, as its one instance); returns what it was given, so that
        it serves as a class decorator."""
        instance = plugin() if isinstance(plugin, type) else plugin
        key = getattr(instance, self.key)
        if key in self._items:
            raise ImproperlyConfigured(f"The {self.kind} {key!r} is registered twice.")
        self._items[key] = instance
        return plugin

    def unregister(self, key: str) -> None:
        """Take a plug-in out (an add-on switched off; a test's own plug-in)."""
        self._items.pop(key, None)

    def choices(self, label: str = "label") -> list[tuple[str, str]]:
        """(key, label) pairs for a form's choice field, in order."""
        return [(key, str(getattr(plugin, label))) for key, plugin in self.items()]

    def __getitem__(self, key: str) -> T:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        position = {key: n for n, key in enumerate(self._items)}

        def rank(key: str) -> tuple[int, Any]:
            order = getattr(self._items[key], "order", DEFAULT_ORDER)
            return (order, key if self.by_key else position[key])

        return iter(sorted(self._items, key=rank))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Registry of {self.kind}: {', '.join(self)}>"
