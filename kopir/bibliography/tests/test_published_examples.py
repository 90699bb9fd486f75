"""The published examples (published.py, with their sources) are formatted exactly, character
for character, and read back into the same fields (issue 18, «what must be shown»)."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read
from kopir.bibliography.tests.published import EXAMPLES, HOSTS, Example
from kopir.bibliography.tests.sameness import fields


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.kind[:40])
def test_the_example_is_formatted_exactly(example: Example) -> None:
    profile = PROFILES[example.profile]
    assert describe(read(example.item), profile) == example.text
    # The typeset form says the same, with no-break spaces and the address as a link.
    typeset = describe(read(example.item), profile, html=True)
    words = html.unescape(re.sub(r"<[^>]+>", "", typeset)).replace("\u00a0", " ")
    assert words == example.text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.kind[:40])
def test_the_example_reads_back_into_the_same_fields(example: Example) -> None:
    parsed = parse(example.text)
    assert parsed.left_over == []
    assert fields(parsed.item) == fields(example.item)
    assert describe(read(parsed.item), PROFILES[example.profile]) == example.text


def test_the_examples_cover_the_kinds_the_issue_names() -> None:
    kinds = Counter(e.kind.split(",")[0].split(":")[0] for e in EXAMPLES)
    assert len(EXAMPLES) >= 17
    assert {e.profile for e in EXAMPLES} >= {"gost-r-7.0.100-2018"}
    assert len(kinds) >= 12, kinds


@pytest.mark.parametrize(("host", "item"), HOSTS, ids=lambda h: str(h)[:30])
def test_hosts_are_described_as_the_standard_prints_them(host: str, item: dict) -> None:
    text = describe(read(item), PROFILES["gost-r-7.0.100-2018"])
    assert text.split(" // ", 1)[1].startswith(host)
    parsed = parse(text)
    assert parsed.left_over == [] and fields(parsed.item) == fields(item)
