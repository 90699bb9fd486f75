"""The other profiles, names, HTML, Kazakh terms, list order and the API."""

import json

import pytest
from django.test import Client

from kopir.bibliography.styles import GOST_7_0_5, GOST_7_0_100, GOST_7_1
from kopir.bibliography.styles.gost import describe, sort_key
from kopir.bibliography.styles.names import genitive, initials
from kopir.bibliography.styles.record import InvalidItem, read
from kopir.bibliography.tests.vectors import A


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Егорова", "Егоровой"),
        ("Иванов", "Иванова"),
        ("Ахметов", "Ахметова"),
        ("Путина", "Путиной"),
        ("Достоевский", "Достоевского"),
        ("Толстой", "Толстого"),
        ("Коваленко", "Коваленко"),
        ("Черных", "Черных"),
        ("Smith", "Smith"),
    ],
)
def test_surnames_in_the_genitive(family: str, expected: str) -> None:
    assert genitive(family) == expected


def test_initials_from_full_names() -> None:
    assert initials("Иван Иванович") == "И. И."
    assert initials("И. И.") == "И. И."
    assert initials("Анна-Мария") == "А.-М."
    assert initials("Асқар Маратұлы") == "А. М."


def test_gost_r_7_0_5_references_keep_up_to_three_names_in_the_heading() -> None:
    item, _ = A["A7"]
    assert describe(read(item), GOST_7_0_5) == (
        "Петров П. П., Сидорова А. С. Трансграничное сотрудничество библиотек // "
        "Библиотековедение. 2021. Т. 70, № 3. С. 34–36."
    )
    book, _ = A["A2"]
    assert describe(read(book), GOST_7_0_5) == (
        "Петров П. П., Сидорова А. С. Краеведение в сельской библиотеке : учебное пособие. "
        "2-е изд., перераб. и доп. М. : Наука, 2020. 180 с."
    )


def test_electronic_resources_by_profile() -> None:
    page = {
        "type": "webpage",
        "title": "Наш общий дом – Алтай",
        "URL": "https://akunb.altlib.ru/x",
        "accessed": {"date-parts": [[2024, 3, 1]]},
    }
    modern = describe(read(page), GOST_7_0_100)
    assert modern == (
        "Наш общий дом – Алтай : [сайт]. – URL: https://akunb.altlib.ru/x "
        "(дата обращения: 01.03.2024). – Текст : электронный."
    )
    assert "[Электронный ресурс]" in describe(read(page), GOST_7_0_5)
    assert "Режим доступа: https://akunb.altlib.ru/x" in describe(read(page), GOST_7_1)


def test_html_keeps_initials_with_the_surname_and_links_the_address() -> None:
    item, _ = A["A7"]
    html = describe(read({**item, "URL": "https://example.org/a?b=1&c=2"}), GOST_7_0_100, html=True)
    assert "П.&nbsp;П.&nbsp;Петров" in html and "С.&nbsp;34–36" in html
    assert '<a href="https://example.org/a?b=1&amp;c=2" lang="zxx">' in html
    assert "<script>" not in describe(
        read({"title": "<script>x</script>"}), GOST_7_0_100, html=True
    )


def test_kazakh_items_take_kazakh_words_in_the_interstate_profile() -> None:
    item = {
        "type": "article-journal",
        "title": "Өлкетану жұмысы",
        "language": "kk",
        "author": [{"family": "Серікбаев", "given": "А."}],
        "container-title": "Кітапхана",
        "issued": {"date-parts": [[2020]]},
        "issue": "2",
        "page": "5-7",
    }
    legacy = describe(read(item), GOST_7_1)
    assert "[Мәтін]" in legacy and "Б. 5–7" in legacy
    assert "С. 5–7" in describe(read(item), GOST_7_0_100)  # the Russian national standards


def test_lists_sort_cyrillic_first_then_latin() -> None:
    entries = [
        "Smith, J. Libraries.",
        "Әлиев, А. Кітап.",
        "Абаев, Б. Книга.",
        "Ёлкин, В. Ель.",
        "Adams, K. Books.",
    ]
    assert sorted(entries, key=sort_key) == [
        "Абаев, Б. Книга.",
        "Ёлкин, В. Ель.",
        "Әлиев, А. Кітап.",
        "Adams, K. Books.",
        "Smith, J. Libraries.",
    ]


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({}, "title"),
        ({"title": "x", "author": "Иванов"}, "author"),
        ({"title": "x", "issued": {"date-parts": [[2021, 2, 30]]}}, "issued"),
        ({"title": "x", "author": [{"given": "И."}]}, "author"),
    ],
)
def test_bad_items_are_refused_with_the_field_named(item: dict, field: str) -> None:
    with pytest.raises(InvalidItem, match=field):
        read(item)


def test_the_format_endpoint(client: Client) -> None:
    items = [A["A7"][0], {**A["A1"][0], "id": "book"}]
    response = client.post(
        "/api/v1/references/format",
        json.dumps({"items": items, "sort": True}),
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["profile"] == "gost-r-7.0.100-2018"
    assert [r["plain"] for r in body["references"]] == [A["A1"][1], A["A7"][1]]  # sorted
    assert body["references"][0]["id"] == "book"
    legacy = client.post(
        "/api/v1/references/format",
        json.dumps({"profile": "gost-7.1-2003", "items": [A["A7"][0]]}),
        content_type="application/json",
    )
    assert "[Текст]" in legacy.json()["references"][0]["plain"]


def test_the_format_endpoint_refuses_a_bad_list_whole(client: Client) -> None:
    response = client.post(
        "/api/v1/references/format",
        json.dumps({"items": [A["A7"][0], {"type": "book"}]}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "items.1" in response.json()["fields"]
    unknown = client.post(
        "/api/v1/references/format",
        json.dumps({"profile": "apa", "items": [A["A7"][0]]}),
        content_type="application/json",
    )
    assert unknown.status_code == 422


def _format(client: Client, body: object, **headers: str):
    return client.post("/api/v1/references/format", json.dumps(body),
                       content_type="application/json", **headers)  # fmt: skip


def test_schema_errors_speak_the_reader_s_language(client: Client) -> None:
    kazakh = _format(client, {"items": []}, HTTP_ACCEPT_LANGUAGE="kk").json()
    assert kazakh["fields"]["body.items"] == ["Кемінде 1 элемент."]
    russian = _format(client, {"profile": "apa", "items": [A["A7"][0]]},
                      HTTP_ACCEPT_LANGUAGE="ru").json()  # fmt: skip
    message = russian["fields"]["body.profile"][0]
    assert message.startswith("Выберите одно из: 'gost-r-7.0.100-2018'")
    assert " or " not in message  # nothing left of pydantic's English
    missing = _format(client, {"profile": "gost-7.1-2003"}, HTTP_ACCEPT_LANGUAGE="ru").json()
    assert missing["fields"]["body.items"] == ["Это поле обязательно."]


def test_a_body_over_the_limit_answers_the_api_s_error(client: Client, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    big = {"items": [{"id": "a", "type": "book", "title": "т" * 20_000}]}
    response = _format(client, big, HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "too_large"
    assert "10 МБ" in response.json()["message"]


def test_an_answer_too_large_is_refused_not_multiplied(client: Client, monkeypatch) -> None:
    from kopir.bibliography import apis

    long_title = {"id": "a", "type": "book", "title": "Өлке " * 2_000}  # 10,000 characters
    assert _format(client, {"items": [long_title]}).status_code == 200
    monkeypatch.setattr(apis, "MAX_RESPONSE_CHARACTERS", 50_000)
    refused = _format(client, {"items": [long_title] * 5}, HTTP_ACCEPT_LANGUAGE="ru")
    assert refused.status_code == 422
    assert "меньше записей" in refused.json()["fields"]["items"][0]
    assert len(refused.content) < 1_000


def test_an_unknown_schema_error_is_never_pydantic_s_english() -> None:
    from django.utils import translation

    from kopir.api.schema_messages import message

    with translation.override("kk"):
        assert message({"type": "uuid_parsing", "msg": "Input should be a valid UUID"}) == (
            "Бұл мән жарамсыз."
        )
        assert message({"type": "string_too_long", "ctx": {"max_length": 300}}) == (
            "Көп дегенде 300 таңба."
        )


def test_the_et_al_threshold_is_a_setting(settings) -> None:
    item, _ = A["A4"]  # four authors: all listed by default
    assert "[и др.]" not in describe(read(item), GOST_7_0_100)
    settings.KOPIR_GOST_ET_AL_MIN, settings.KOPIR_GOST_ET_AL_KEEP = 4, 1
    assert "/ А. А. Смирнов [и др.]." in describe(read(item), GOST_7_0_100)


def test_bibtex_in_and_out_keeps_the_fields() -> None:
    from kopir.bibliography.formats import bibtex

    items = [A[key][0] for key in sorted(A)]
    back = bibtex.loads(bibtex.dumps(items))
    for original, read_back in zip(items, back, strict=True):
        assert describe(read(read_back), GOST_7_0_100) == describe(read(original), GOST_7_0_100)


def test_compilers_and_translators_follow_the_authors() -> None:
    """Each further statement of responsibility after « ; » — a space on both sides (reference-
    standards §1.2; ГОСТ Р 7.0.100-2018's «/ В. Н. Дорман ; под редакцией …»)."""
    item = {
        "type": "book", "title": "Сказки Алтая", "genre": "сборник",
        "compiler": [{"family": "Орлова", "given": "М. К."}],
        "translator": [{"family": "Сидорова", "given": "А. С."}],
        "publisher-place": "Барнаул", "publisher": "Алтайская книга",
        "issued": {"date-parts": [[2021]]},
    }  # fmt: skip
    assert describe(read(item), GOST_7_0_100) == (
        "Сказки Алтая : сборник / составитель М. К. Орлова ; перевод А. С. Сидоровой. – "
        "Барнаул : Алтайская книга, 2021. – Текст : непосредственный."
    )
    assert "/ сост. М. К. Орлова ; пер. А. С. Сидоровой" in describe(read(item), GOST_7_1)


def test_a_page_of_a_site_says_what_the_site_is_and_reads_back() -> None:
    from kopir.bibliography.formats.gost_parser import parse

    page = {
        "type": "webpage", "title": "Наш общий дом – Алтай",
        "container-title": "Алтайская краевая универсальная научная библиотека им. В. Я. Шишкова",
        "URL": "https://akunb.altlib.ru/nash-obshhij-dom-altaj",
        "accessed": {"date-parts": [[2024, 3, 1]]},
    }  # fmt: skip
    text = describe(read(page), GOST_7_0_100)
    assert text == (
        "Наш общий дом – Алтай. – Текст : электронный // Алтайская краевая универсальная "
        "научная библиотека им. В. Я. Шишкова : [сайт]. – URL: "
        "https://akunb.altlib.ru/nash-obshhij-dom-altaj (дата обращения: 01.03.2024)."
    )
    assert ": [сайт]" not in describe(read(page), GOST_7_1)  # a 7.0.100 convention
    parsed = parse(text)
    assert parsed.item["kopir-container-genre"] == "[сайт]"
    assert parsed.item["container-title"] == page["container-title"]
    assert describe(read(parsed.item), GOST_7_0_100) == text
