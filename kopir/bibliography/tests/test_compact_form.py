"""ГОСТ Р 7.0.5-2008's compact form read back: the published shape of an article and a book,
the parse API, and the round trip — what the formatter writes in that form, the reader gives
back field for field, and formatting what it read gives the text back character for character."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.styles import GOST_7_0_5
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read

ARTICLE = (
    "Петров П. П., Сидорова А. С. Трансграничное сотрудничество библиотек // "
    "Библиотековедение. 2021. Т. 70, № 3. С. 34–36."
)


def test_the_issue_s_article_is_read_into_its_fields() -> None:
    parsed = parse(ARTICLE)
    assert parsed.left_over == []
    assert parsed.item == {
        "type": "article-journal",
        "author": [
            {"family": "Петров", "given": "П. П."}, {"family": "Сидорова", "given": "А. С."},
        ],
        "title": "Трансграничное сотрудничество библиотек",
        "container-title": "Библиотековедение",
        "issued": {"date-parts": [[2021]]},
        "volume": "70", "issue": "3", "page": "34-36",
    }  # fmt: skip
    assert describe(read(parsed.item), GOST_7_0_5) == ARTICLE


@pytest.mark.django_db
def test_the_parse_api(client: Client) -> None:
    def call(body: dict) -> dict:
        response = client.post(
            "/api/v1/references/parse", json.dumps(body), content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="ru",
        )  # fmt: skip
        assert response.status_code == 200
        return response.json()

    article = call({"profile": "gost-r-7.0.5-2008", "text": ARTICLE})
    assert article["item"]["volume"] == "70" and article["unparsed"] == []
    assert article["warnings"] == []
    # A full 7.0.100 description asked as compact: read all the same, and said so.
    full = call({"profile": "gost-r-7.0.5-2008", "text": "Петров, П. П. История края / "
                 "П. П. Петров. – Барнаул : Алтайский дом печати, 2020. – 210 с. – Текст : "
                 "непосредственный."})  # fmt: skip
    assert full["item"]["publisher"] == "Алтайский дом печати"
    assert full["warnings"] == ["Это не краткая форма ГОСТ Р 7.0.5-2008: она прочитана как полная."]
    nothing = call({"text": "…"})
    assert nothing["unparsed"] == ["…"] and nothing["warnings"]


NAMES = st.sampled_from([("Петров", "П. П."), ("Сидорова", "А. С."), ("Оспанова", "Г. Г."),
                         ("Ким", "В."), ("Әбенов", "Қ. Т.")])  # fmt: skip
WORDS = st.lists(st.sampled_from(["история", "библиотек", "края", "Шемонаиха", "сотрудничество",
                                  "детское", "чтение", "Алтай", "книга"]),
                 min_size=1, max_size=5)  # fmt: skip


def there_and_back(item: dict) -> None:
    """format → parse gives the item back; parse → format gives the text back."""
    text = describe(read(item), GOST_7_0_5)
    parsed = parse(text)
    assert parsed.left_over == []
    assert parsed.item == item
    assert describe(read(parsed.item), GOST_7_0_5) == text


def _title(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:]


@settings(max_examples=60, deadline=None)
@given(
    authors=st.lists(NAMES, min_size=1, max_size=3, unique=True),
    title=WORDS, container=WORDS, year=st.integers(1950, 2030),
    volume=st.one_of(st.none(), st.integers(1, 99)), issue=st.integers(1, 12),
    first=st.integers(1, 300), length=st.integers(0, 20),
)  # fmt: skip
def test_articles_go_there_and_back(authors, title, container, year, volume, issue, first,
                                    length) -> None:  # fmt: skip
    item = {
        "type": "article-journal", "title": _title(title), "container-title": _title(container),
        "author": [{"family": f, "given": g} for f, g in authors],
        "issued": {"date-parts": [[year]]}, "issue": str(issue),
        "page": f"{first}-{first + length}" if length else str(first),
    }  # fmt: skip
    if volume is not None:
        item["volume"] = str(volume)
    there_and_back(item)


@settings(max_examples=40, deadline=None)
@given(
    authors=st.lists(NAMES, min_size=1, max_size=3, unique=True), title=WORDS,
    place=st.sampled_from(["Барнаул", "Усть-Каменогорск", "Новосибирск"]),
    publisher=st.sampled_from(["Алтайский дом печати", "Наука", "Өлке"]),
    year=st.integers(1950, 2030), pages=st.one_of(st.none(), st.integers(5, 900)),
)  # fmt: skip
def test_books_go_there_and_back(authors, title, place, publisher, year, pages) -> None:
    item = {
        "type": "book", "title": _title(title), "publisher-place": place,
        "publisher": publisher, "issued": {"date-parts": [[year]]},
        "author": [{"family": f, "given": g} for f, g in authors],
    }  # fmt: skip
    if pages is not None:
        item["number-of-pages"] = str(pages)
    there_and_back(item)
