"""Properties of the formatter over any item hypothesis can build (issue 7)."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read

TEXT = st.text(alphabet=string.ascii_letters + "АБВабвӘәҚқІі ёЁ-:.,«»", min_size=1, max_size=40)
NAME = st.fixed_dictionaries(
    {
        "family": TEXT.filter(str.strip),
        "given": st.sampled_from(["И. И.", "Анна", "Асқар Маратұлы", "", "Jean-Paul"]),
    }
)
TYPES = st.sampled_from(
    [
        "book",
        "article-journal",
        "article-newspaper",
        "chapter",
        "webpage",
        "paper-conference",
        "thesis",
        "report",
        "legislation",
        "motion_picture",
    ]
)
PAGES = st.builds(
    lambda a, b, sep: f"{a}{sep}{b}",
    st.integers(1, 999),
    st.integers(1, 999),
    st.sampled_from(["-", "–", "—", "--", " - "]),
)


@st.composite
def items(draw: st.DrawFn) -> dict[str, object]:
    item: dict[str, object] = {"type": draw(TYPES), "title": draw(TEXT.filter(str.strip))}
    optional = {
        "author": st.lists(NAME, max_size=7),
        "editor": st.lists(NAME, max_size=3),
        "container-title": TEXT,
        "publisher": TEXT,
        "publisher-place": TEXT,
        "issued": st.builds(
            lambda y, m, d: {"date-parts": [[y, m, d]]},
            st.integers(1500, 2100),
            st.integers(1, 12),
            st.integers(1, 28),
        ),
        "volume": st.integers(1, 200),
        "issue": st.integers(1, 50),
        "page": PAGES,
        "number-of-pages": st.integers(1, 2000),
        "edition": st.sampled_from(["2", "3-е изд."]),
        "URL": st.sampled_from(["https://example.kz/a", "http://example.org/?q=1&b=2"]),
        "accessed": st.just({"date-parts": [[2024, 3, 1]]}),
        "genre": TEXT,
        "language": st.sampled_from(["ru", "kk", "en"]),
        "ISBN": st.just("978-5-00000-001-4"),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            item[key] = draw(strategy)
    return item


@settings(max_examples=300)
@given(items())
def test_any_valid_item_formats_in_every_profile(item: dict[str, object]) -> None:
    record = read(item)
    for profile in PROFILES.values():
        plain = describe(record, profile)
        html = describe(record, profile, html=True)
        assert plain.endswith(".") and html.endswith(".")
        assert "<script" not in html
        if record.is_component and record.pages:
            assert (
                record.pages.replace(" ", "")
                .replace("--", "-")
                .replace("-", "\u2013")
                .replace("\u2014", "\u2013")
                in plain
            )


@given(items())
def test_7_0_100_never_writes_the_old_material_designation(item: dict[str, object]) -> None:
    plain = describe(read(item), PROFILES["gost-r-7.0.100-2018"])
    assert "[Электронный ресурс]" not in plain and "[Текст]" not in plain
    area_9 = plain.split(" // ")[0] if " // " in plain else plain
    assert (": электрон" in area_9) == bool(item.get("URL"))  # «Текст : электронный», video


@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(["-", "—", "--", " - ", "‒"]))
def test_page_ranges_always_take_an_en_dash(first: int, last: int, dash: str) -> None:
    item = {
        "type": "article-journal",
        "title": "Статья",
        "container-title": "Журнал",
        "issued": {"date-parts": [[2021]]},
        "page": f"{first}{dash}{last}",
    }
    for profile in PROFILES.values():
        plain = describe(read(item), profile)
        assert f"{first}\u2013{last}" in plain
        assert f"{first}{dash}{last}" not in plain
