"""docs/design.md names the stylesheet's tokens and components: each must exist there, so the
document cannot drift from the stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
CSS = (ROOT / "kopir" / "core" / "static" / "core" / "kopir.css").read_text(encoding="utf-8")


def test_every_documented_token_is_defined() -> None:
    tokens = set(re.findall(r"`(--[a-z0-9-]+)`", DOC))
    tokens |= {f"--space-{n}" for n in range(1, 7)}  # «--space-1 … --space-6»
    assert len(tokens) > 20
    undefined = sorted(t for t in tokens if not re.search(rf"{t}\s*:", CSS))
    assert undefined == []


def test_every_documented_class_is_styled() -> None:
    classes = set(re.findall(r"`\.([a-z][a-z0-9-]*)`", DOC))
    assert len(classes) > 25
    missing = sorted(c for c in classes if not re.search(rf"\.{c}\b", CSS))
    assert missing == []


def test_colours_are_tokens_not_repeated_values() -> None:
    """The danger, warning and success colours are written once, as tokens."""
    for value in ("#a4000f", "#8a4b00", "#0b6b2b"):
        assert CSS.count(value) == 1, value
