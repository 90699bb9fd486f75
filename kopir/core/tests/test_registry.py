"""One registry shape for every kind of plug-in, and the six kinds that use it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import ImproperlyConfigured

from kopir.bibliography.styles import PROFILES
from kopir.core.registry import Registry
from kopir.events.bridges import providers
from kopir.exchange.marc.flavours import FLAVOURS
from kopir.heritage.oai.formats import REGISTRY as OAI_FORMATS
from kopir.reports.registry import renderers, reports
from kopir.search.sources import REGISTRY as SEARCH_SOURCES


@dataclass(frozen=True)
class Plugin:
    key: str
    label: str
    order: int = 100


def test_plugins_come_in_their_order_then_as_registered_and_a_key_only_once() -> None:
    registry: Registry[Plugin] = Registry("test plug-in")
    registry.register(Plugin("zeta", "Zeta"))
    registry.register(Plugin("alpha", "Alpha"))
    registry.register(Plugin("first", "First", order=1))
    assert list(registry) == ["first", "zeta", "alpha"]
    assert registry.choices() == [("first", "First"), ("zeta", "Zeta"), ("alpha", "Alpha")]
    with pytest.raises(ImproperlyConfigured, match="'zeta' is registered twice"):
        registry.register(Plugin("zeta", "Again"))
    registry.unregister("zeta")
    assert "zeta" not in registry and registry.get("zeta") is None and len(registry) == 2


def test_a_class_registers_as_its_one_instance() -> None:
    registry: Registry[object] = Registry("report", key="slug", by_key=True)

    @registry.register
    class Later:
        slug = "b"

    @registry.register
    class Earlier:
        slug = "a"

    assert isinstance(Later, type)  # the decorator gives the class back
    assert list(registry) == ["a", "b"] and isinstance(registry["b"], Later)


def test_the_six_kinds_of_plug_in_share_the_shape() -> None:
    registries = (reports, renderers, providers, SEARCH_SOURCES, OAI_FORMATS, PROFILES, FLAVOURS)
    assert all(isinstance(registry, Registry) for registry in registries)
    assert {"cis", "annual", "organisation"} <= set(reports)
    assert {"docx", "xlsx", "pdf", "html"} <= set(renderers)
    assert next(iter(providers)) == "jitsi"
    assert {"item", "organisation", "event", "publication"} <= set(SEARCH_SOURCES)
    assert "oai_dc" in OAI_FORMATS
    assert "gost-r-7.0.100-2018" in PROFILES
    assert list(FLAVOURS) == ["marc21", "rusmarc"]
