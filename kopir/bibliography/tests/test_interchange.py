"""RIS and CSL-JSON in and out: a round trip keeps every field (issue 7)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopir.bibliography.formats import csljson, ris
from kopir.bibliography.tests.vectors import A

VALUE = (
    st.text(alphabet="абвгдеёжӘәҚқІіabcXYZ0123456789 .«»()", min_size=1, max_size=30)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
NAME = st.one_of(
    st.fixed_dictionaries({"family": VALUE.filter(lambda v: "," not in v), "given": VALUE}),
    st.fixed_dictionaries({"literal": VALUE.filter(lambda v: "," not in v)}),
)
DATE = st.builds(
    lambda y, rest: {"date-parts": [[y, *rest]]},
    st.integers(1000, 2100),
    st.sampled_from([[], [3], [3, 15]]),
)


@st.composite
def items(draw: st.DrawFn) -> dict[str, object]:
    kind = draw(st.sampled_from(sorted(ris.TYPES.keys() - {"broadcast"})))
    item: dict[str, object] = {"type": kind, "title": draw(VALUE)}
    for field in ("container-title", "publisher", "publisher-place", "volume", "issue",
                  "edition", "ISBN", "genre", "collection-title", "language", "URL"):  # fmt: skip
        if draw(st.booleans()):
            item[field] = draw(VALUE)
    for field in ("author", "editor"):
        if draw(st.booleans()):
            item[field] = draw(st.lists(NAME, min_size=1, max_size=4))
    for field in ("issued", "accessed"):
        if draw(st.booleans()):
            item[field] = draw(DATE)
    if ris.TYPES[kind] in ris.WHOLE:
        if draw(st.booleans()):
            item["number-of-pages"] = str(draw(st.integers(1, 2000)))
    elif draw(st.booleans()):
        first, last = draw(st.integers(1, 500)), draw(st.integers(1, 500))
        item["page"] = draw(st.sampled_from([f"{first}", f"{first}-{last}"]))
    return item


@given(st.lists(items(), min_size=1, max_size=4))
def test_ris_round_trip_keeps_every_field(records: list[dict[str, object]]) -> None:
    assert ris.loads(ris.dumps(records)) == records


@given(st.lists(items(), min_size=1, max_size=4))
def test_csl_json_round_trip_keeps_every_field(records: list[dict[str, object]]) -> None:
    assert csljson.loads(csljson.dumps(records)) == records


def test_a_ris_file_from_elsewhere() -> None:
    text = (
        "TY  - JOUR\r\nAU  - Петров, П. П.\r\nAU  - Сидорова, А. С.\r\n"
        "TI  - Трансграничное сотрудничество библиотек\r\nJO  - Библиотековедение\r\n"
        "PY  - 2021\r\nVL  - 70\r\nIS  - 3\r\nSP  - 34\r\nEP  - 36\r\nER  - \r\n"
    )
    (item,) = ris.loads(text)
    assert item == {**A["A7"][0], "page": "34-36"}


@pytest.mark.parametrize(
    ("text", "line"),
    [("TI  - no type line before\r\n", "line 1"), ("TY  - BOOK\r\nTI  - x\r\n", "without ER"),
     ("TY  - BOOK\r\nAU  - X, Y\r\nER  - \r\n", "without a title"),
     ("garbage\r\n", "line 1")],
)  # fmt: skip
def test_broken_ris_is_refused_with_the_line(text: str, line: str) -> None:
    with pytest.raises(ris.RISError, match=line):
        ris.loads(text)


def test_broken_csl_json_names_the_item() -> None:
    with pytest.raises(csljson.CSLJSONError, match="item 2"):
        csljson.loads('[{"title": "x"}, {"type": "book"}]')
    with pytest.raises(csljson.CSLJSONError, match="not JSON"):
        csljson.loads("{")
