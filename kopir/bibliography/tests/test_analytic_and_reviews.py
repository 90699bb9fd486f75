"""Analytic descriptions at any depth and reviews (issue 18, item 1): a part of a collection that
is itself inside a journal, and a review with the work it reviews as data — formatted in the three
profiles, read back into the same fields, entered through the publication form, and refused
with the field named when the data is wrong."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.forms import PublicationForm, initial_from
from kopir.bibliography.models import Publication
from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import MAX_HOSTS, InvalidItem, read
from kopir.bibliography.tests.test_publication_form import as_posted
from kopir.heritage.models import Item

R100, R705, R71 = (PROFILES[k] for k in ("gost-r-7.0.100-2018", "gost-r-7.0.5-2008",
                                          "gost-7.1-2003"))  # fmt: skip

# A paper in conference materials published as an issue of a university journal's series.
PAPER: dict[str, Any] = {
    "type": "paper-conference",
    "title": "Книгообмен библиотек Шемонаихи и Барнаула",
    "author": [{"family": "Оспанова", "given": "Г. Г."}],
    "container-title": "Растём с книгой",
    "kopir-container-genre": "материалы международного семинара",
    "editor": [{"family": "Петрова", "given": "Е. Е."}],
    "kopir-container": {
        "title": "Вестник Алтайского государственного института культуры",
        "genre": "научный журнал",
        "kopir-container": {
            "title": "Серия «Библиотековедение»",
            "editorial-director": [{"family": "Ким", "given": "В. А."}],
        },
    },
    "issued": {"date-parts": [[2019]]},
    "issue": "4",
    "page": "15-21",
}
PAPER_TEXT = {
    R100.key: "Оспанова, Г. Г. Книгообмен библиотек Шемонаихи и Барнаула / Г. Г. Оспанова. – "
    "Текст : непосредственный // Растём с книгой : материалы международного семинара / под "
    "редакцией Е. Е. Петровой // Вестник Алтайского государственного института культуры : "
    "научный журнал // Серия «Библиотековедение» / главный редактор В. А. Ким. – 2019. – № 4. "
    "– С. 15–21.",
    R705.key: "Оспанова Г. Г. Книгообмен библиотек Шемонаихи и Барнаула // Растём с книгой : "
    "материалы международного семинара / под ред. Е. Е. Петровой // Вестник Алтайского "
    "государственного института культуры : научный журнал // Серия «Библиотековедение» / гл. "
    "ред. В. А. Ким. 2019. № 4. С. 15–21.",
}
REVIEW: dict[str, Any] = {
    "type": "review",
    "title": "Летопись приграничного сотрудничества",
    "author": [{"family": "Сидорова", "given": "А. С."}],
    "container-title": "Библиотековедение",
    "issued": {"date-parts": [[2021]]},
    "volume": "70",
    "issue": "3",
    "page": "34-36",
    "kopir-reviewed": {
        "type": "book",
        "title": "Алтай и Восточный Казахстан",
        "genre": "очерки",
        "author": [{"family": "Петров", "given": "П. П."}],
        "publisher-place": "Барнаул",
        "publisher": "Алтайский дом печати",
        "issued": {"date-parts": [[2018]]},
        "number-of-pages": "250",
    },
}
REVIEW_TEXT = {
    R100.key: "Сидорова, А. С. Летопись приграничного сотрудничества / А. С. Сидорова. – Текст "
    ": непосредственный // Библиотековедение. – 2021. – Т. 70, № 3. – С. 34–36. – Рецензия на "
    "книгу: Петров, П. П. Алтай и Восточный Казахстан : очерки / П. П. Петров. – Барнаул : "
    "Алтайский дом печати, 2018. – 250 с.",
    R705.key: "Сидорова А. С. Летопись приграничного сотрудничества // Библиотековедение. 2021. "
    "Т. 70, № 3. С. 34–36. Рец. на кн.: Петров П. П. Алтай и Восточный Казахстан : очерки. "
    "Барнаул : Алтайский дом печати, 2018. 250 с.",
    R71.key: "Сидорова, А. С. Летопись приграничного сотрудничества [Текст] / А. С. Сидорова // "
    "Библиотековедение. – 2021. – Т. 70, № 3. – С. 34–36. – Рец. на кн.: Петров, П. П. Алтай и "
    "Восточный Казахстан [Текст] : очерки / П. П. Петров. – Барнаул : Алтайский дом печати, "
    "2018. – 250 с.",
}


@pytest.mark.parametrize(("item", "texts"), [(PAPER, PAPER_TEXT), (REVIEW, REVIEW_TEXT)],
                         ids=["three levels", "review"])  # fmt: skip
def test_formatted_as_documented_and_read_back_into_the_same_fields(
    item: dict[str, Any], texts: dict[str, str]
) -> None:
    for key, text in texts.items():
        assert describe(read(item), PROFILES[key]) == text
        parsed = parse(text)
        assert parsed.left_over == [], text
        assert describe(read(parsed.item), PROFILES[key]) == text
    back = parse(texts[R100.key]).item
    if "kopir-container" in item:
        outer = back["kopir-container"]
        assert outer["title"] == "Вестник Алтайского государственного института культуры"
        assert outer["kopir-container"]["editorial-director"] == [
            {"family": "Ким", "given": "В. А."}
        ]
        assert (back["issue"], back["page"]) == ("4", "15-21")  # of the last host
    else:
        assert back["kopir-reviewed"] == REVIEW["kopir-reviewed"]


def test_the_words_of_a_review_say_what_it_reviews() -> None:
    film = {**REVIEW, "kopir-reviewed": {"type": "motion_picture", "title": "Мост",
                                         "issued": {"date-parts": [[2020]]}}}  # fmt: skip
    text = describe(read(film), R100)
    assert text.endswith("– Рецензия на фильм: Мост. – 2020.")
    assert parse(text).item["kopir-reviewed"]["type"] == "motion_picture"
    article = {**REVIEW, "kopir-reviewed": {"type": "article-journal", "title": "О книгообмене",
                                            "container-title": "Вестник", "issue": "2",
                                            "issued": {"date-parts": [[2020]]}}}  # fmt: skip
    said = describe(read(article), R71)  # 7.1 keeps its material designation
    assert said.endswith("– Рец. на ст.: О книгообмене [Текст] // Вестник. – 2020. – № 2.")
    kazakh = {**REVIEW, "language": "kk"}
    assert "– Кітапқа рец.: Петров, П. П." in describe(read(kazakh), R71)
    # CSL's own reviewed-title and reviewed-author: the book by its title and authors.
    csl = {k: v for k, v in REVIEW.items() if k != "kopir-reviewed"}
    csl |= {"reviewed-title": "Алтай", "reviewed-author": [{"family": "Петров", "given": "П. П."}]}
    assert describe(read(csl), R100).endswith(
        "– Рецензия на книгу: Петров, П. П. Алтай / П. П. Петров."
    )


def test_a_level_between_hosts_is_a_title_area_and_anything_else_there_is_shown() -> None:
    parsed = parse(
        "Иванов, И. И. Статья. – Текст : непосредственный // Сборник. – Москва, 2019 // "
        "Вестник. – 2019. – № 5. – С. 1–2."
    )
    assert parsed.item["container-title"] == "Сборник"
    assert parsed.item["kopir-container"] == {"title": "Вестник"}
    assert parsed.left_over == ["Москва, 2019"]  # never folded silently into a field


def _deep(levels: int) -> dict[str, Any]:
    item = copy.deepcopy(PAPER)
    level = item["kopir-container"] = {"title": "1"}
    for n in range(2, levels + 1):
        level["kopir-container"] = {"title": str(n)}
        level = level["kopir-container"]
    return item


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({**PAPER, "kopir-container": "Вестник"}, "kopir-container"),
        ({**PAPER, "kopir-container": {"genre": "журнал"}}, "kopir-container.title"),
        ({**PAPER, "kopir-container": {"title": "В", "editor": "Ким"}}, "kopir-container.editor"),
        (_deep(MAX_HOSTS + 1), "kopir-container"),
        ({**REVIEW, "kopir-reviewed": ["книга"]}, "kopir-reviewed"),
        ({**REVIEW, "kopir-reviewed": {"type": "book"}}, "kopir-reviewed.title"),
        ({**REVIEW, "kopir-reviewed": {**REVIEW}}, "kopir-reviewed.kopir-reviewed"),
        ({"title": "Р", "reviewed-author": [{"family": "Петров"}]}, "reviewed-title"),
    ],
    ids=["not an object", "no title", "bad names", "too deep", "work not an object",
         "work without a title", "a review of a review", "authors without a title"],
)  # fmt: skip
def test_wrong_hosts_and_reviewed_works_are_refused_with_the_field_named(
    item: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidItem) as refused:
        read(item)
    assert str(refused.value).startswith(field), str(refused.value)
    assert read(_deep(MAX_HOSTS)).hosts[-1].title == str(MAX_HOSTS)  # the limit itself is fine


def test_the_api_refuses_them_in_the_reader_s_language(client: Client) -> None:
    response = client.post(
        "/api/v1/references/format",
        json.dumps({"items": [{**REVIEW, "kopir-reviewed": {"type": "book"}}]}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 422
    message = response.json()["fields"]["items.0"][0]
    assert message.startswith("kopir-reviewed.title:")
    with translation.override("ru"):
        assert "обязательно" in message or "требуется" in message, message
    parsed = client.post(
        "/api/v1/references/parse",
        json.dumps({"text": PAPER_TEXT[R705.key]}),
        content_type="application/json",
    ).json()
    assert parsed["unparsed"] == []
    assert parsed["item"]["kopir-container"]["kopir-container"]["title"] == (
        "Серия «Библиотековедение»"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("item", [PAPER, REVIEW], ids=["three levels", "review"])
def test_the_form_shows_them_and_saves_them_unchanged(item: dict[str, Any]) -> None:
    initial = initial_from(item)
    assert bool(initial.get("hosts")) == ("kopir-container" in item)
    if "kopir-reviewed" in item:
        assert initial["reviewed"].startswith("Петров, П. П. Алтай и Восточный Казахстан")
    form = PublicationForm(data=as_posted(initial), items=Item.objects.none())
    assert form.is_valid(), form.errors
    saved = form.record({})
    for profile in (R100, R705, R71):
        assert describe(read(saved), profile) == describe(read(item), profile)


@pytest.mark.django_db
def test_the_form_refuses_a_reviewed_work_it_cannot_read_whole() -> None:
    data = as_posted(initial_from(REVIEW))
    data["reviewed"] = "Петров, П. П. Алтай. – Текст : непосредственный. – 250 с."
    with translation.override("ru"):
        form = PublicationForm(data=data, items=Item.objects.none())
        assert not form.is_valid()
        assert "«250 с.»" in form.errors["reviewed"][0]
        assert "не удалось" in form.errors["reviewed"][0].lower()
    data["reviewed"] = REVIEW_TEXT[R100.key].split("книгу: ")[1]
    data["hosts"] = "\n".join(["Вестник"] * (MAX_HOSTS + 1))
    form = PublicationForm(data=data, items=Item.objects.none())
    assert not form.is_valid() and "hosts" in form.errors and "reviewed" not in form.errors


@pytest.mark.django_db
def test_a_pasted_review_is_saved_with_the_work_it_reviews(client: Client, editor) -> None:
    client.force_login(editor)
    page = client.post("/ru/publications/paste/", {"reference": REVIEW_TEXT[R100.key]})
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if not hasattr(v, "all")}
    response = client.post("/ru/publications/new/", as_posted(data))
    assert response.status_code == 302, response.content[:800]
    saved = Publication.objects.get(title=REVIEW["title"])
    assert saved.csl["kopir-reviewed"] == REVIEW["kopir-reviewed"]
    assert describe(read(saved.csl), R100) == REVIEW_TEXT[R100.key]


def test_a_review_titled_as_a_review_keeps_its_title() -> None:
    """Many reviews are titled «Рецензия на книгу: …»: only the note after the title area is
    read as the reviewed work."""
    titled = {**REVIEW, "title": "Рецензия на книгу: Алтай и Восточный Казахстан"}
    for profile in (R100, R705, R71):
        text = describe(read(titled), profile)
        parsed = parse(text)
        assert parsed.left_over == [] and describe(read(parsed.item), profile) == text
        assert parsed.item["title"].startswith("Рецензия на книгу")
        assert parsed.item["kopir-reviewed"]["title"] == "Алтай и Восточный Казахстан"
    alone = {k: v for k, v in titled.items() if k != "kopir-reviewed"}
    parsed = parse(describe(read(alone), R100))
    assert "kopir-reviewed" not in parsed.item and parsed.item["title"].startswith("Рецензия")
