"""Exactness as a property (issue 18, item 5): for items of every kind hypothesis can build, in
each of the three profiles, parse(format(item)) gives back the item's fields and
format(parse(text)) gives back the text character for character.

«The item's fields» are those the profile prints (`expected` below). What print does not tell
apart is folded together by `sameness.fields` (a subtitle and a genre, «[сайт]» after a site's
name)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.names import initials
from kopir.bibliography.styles.record import read
from kopir.bibliography.styles.terms import ROLE_KEYS
from kopir.bibliography.tests.sameness import fields

WORDS = ["история", "библиотек", "края", "Шемонаиха", "сотрудничество", "детское", "чтение",
         "Алтай", "книга", "Уба", "память", "земляки", "әдебиет", "өлке", "тарихы"]  # fmt: skip
PEOPLE = [("Петров", "П. П."), ("Сидорова", "А. С."), ("Оспанова", "Г. Г."), ("Ким", "В."),
          ("Әбенов", "Қ. Т."), ("Кузнецов", "Б. Б."), ("Иванова", "Е. Е."),
          ("Пушкин", "А. С."), ("Жумабаев", "М.")]  # fmt: skip
PLACES = ["Барнаул", "Усть-Каменогорск", "Новосибирск", "Москва", "Шемонаиха", "Санкт-Петербург"]
PUBLISHERS = ["Алтайский дом печати", "Наука", "Өлке", "Изд-во АлтГУ", "Сибирь"]
PROFILE_KEYS = sorted(PROFILES)
# What a profile does not print: 7.0.5 gives no ISBN; only 7.1 (interstate) writes the
# supplementary words in Kazakh, so only there does a Kazakh item say its language.
NOT_PRINTED = {"gost-r-7.0.5-2008": {"ISBN", "language"}, "gost-r-7.0.100-2018": {"language"}}


def text(min_words: int = 1, max_words: int = 4) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(
        lambda words: " ".join(words)[0].upper() + " ".join(words)[1:]
    )


def lower(min_words: int = 1, max_words: int = 3) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(
        lambda words: " ".join(words).lower()
    )


PERSON = st.sampled_from(PEOPLE).map(lambda p: {"family": p[0], "given": p[1]})
PEOPLE_LIST = st.lists(PERSON, min_size=1, max_size=3, unique_by=lambda p: p["family"])
YEAR = st.integers(1950, 2030)
DAY = st.tuples(YEAR, st.integers(1, 12), st.integers(1, 27))
EDITOR_ROLES = ["editor", "general-editor", "executive-editor", "scientific-editor"]
VARIABLES = ["compiler", "translator", "illustrator", "editorial-director", "director"]


@st.composite
def contributors(draw: st.DrawFn, item: dict[str, Any], *, editors: bool = True) -> None:
    """Contributors in the item's order: editors all of one role, and other variables."""
    if editors and draw(st.booleans()):
        role = draw(st.sampled_from(EDITOR_ROLES))
        people = draw(PEOPLE_LIST)
        item["editor"] = [p | ({"kopir-role": role} if role != "editor" else {}) for p in people]
    for variable in draw(st.lists(st.sampled_from(VARIABLES), max_size=2, unique=True)):
        item[variable] = draw(PEOPLE_LIST)
    extra = draw(st.sampled_from([None, "introduction", "foreword", "commentary"]))
    if extra:
        item["contributor"] = [draw(PERSON) | {"kopir-role": extra}]
    assert set(EDITOR_ROLES) | {extra or "introduction"} <= set(ROLE_KEYS)


@st.composite
def authors(draw: st.DrawFn, item: dict[str, Any]) -> None:
    if draw(st.booleans()):
        item["author"] = draw(PEOPLE_LIST)
        if draw(st.integers(0, 4)) == 0:
            item["kopir-et-al"] = True


@st.composite
def publication(draw: st.DrawFn, item: dict[str, Any], *, publisher: bool = True) -> None:
    pairs = draw(st.integers(1, 2))
    places = draw(st.lists(st.sampled_from(PLACES), min_size=pairs, max_size=pairs, unique=True))
    item["publisher-place"] = " ; ".join(places)
    if publisher:
        names = draw(st.lists(st.sampled_from(PUBLISHERS), min_size=pairs, max_size=pairs))
        item["publisher"] = " ; ".join(names)
    first = draw(YEAR)
    if draw(st.integers(0, 5)) == 0:
        item["issued"] = {"date-parts": [[first], [first + draw(st.integers(1, 3))]]}
    else:
        item["issued"] = {"date-parts": [[first]]}


@st.composite
def online(draw: st.DrawFn, item: dict[str, Any], *, always: bool = False) -> None:
    if always or draw(st.booleans()):
        item["URL"] = draw(st.sampled_from(["https://example.kz/a", "http://example.org/b?c=1"]))
        item["accessed"] = {"date-parts": [list(draw(DAY))]}
        if draw(st.booleans()):
            item["kopir-access"] = draw(
                st.sampled_from(["для зарегистрир. пользователей", "по подписке"])
            )


@st.composite
def whole_extras(draw: st.DrawFn, item: dict[str, Any]) -> None:
    if draw(st.booleans()):
        item["edition"] = draw(st.sampled_from(["2-е изд.", "Изд. 3-е, испр.", "2-е изд., доп."]))
    if draw(st.booleans()):
        item["number-of-pages"] = draw(st.sampled_from(["210", "V, 44", "96", "[8], 120"]))
        if draw(st.booleans()):
            item["dimensions"] = draw(st.sampled_from(["ил.", "цв. ил.", "ил., карт."]))
        if draw(st.booleans()):
            item["kopir-size"] = draw(st.sampled_from(["21 см", "29 см"]))
    if draw(st.booleans()):
        item["collection-title"] = draw(text(1, 3))
        if draw(st.booleans()):
            item["collection-number"] = draw(st.sampled_from(["вып. 3", "т. 221", "5"]))
    if draw(st.booleans()):
        item["kopir-notes"] = draw(
            st.lists(
                st.sampled_from(["Библиогр.: с. 190–209", "500 экз.", "Загл. с экрана"]),
                min_size=1,
                max_size=2,
                unique=True,
            )
        )
    if draw(st.booleans()):
        item["ISBN"] = "978-5-00000-001-4"
    if draw(st.integers(0, 3)) == 0:
        item["DOI"] = "10.1000/182"


@st.composite
def books(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "book", "title": draw(text())}
    if draw(st.booleans()):
        item["genre"] = draw(st.sampled_from(["монография", "учебное пособие", "сборник статей"]))
    if draw(st.integers(0, 3)) == 0:
        item["number-of-volumes"] = str(draw(st.integers(2, 5)))
        item["volume"] = str(draw(st.integers(1, 2)))
        if draw(st.booleans()):
            item["volume-title"] = draw(text(1, 3))
    draw(authors(item))
    draw(contributors(item))
    if draw(st.integers(0, 3)) == 0:
        item["kopir-institution"] = draw(st.sampled_from(
            ["Алтайский государственный институт культуры", "Национальная библиотека"]
        ))  # fmt: skip
    draw(publication(item))
    draw(whole_extras(item))
    draw(online(item))
    return item


@st.composite
def theses(draw: st.DrawFn) -> dict[str, Any]:
    family, given = draw(st.sampled_from([("Оспанова", "Гульнара Гусмановна"),
                                          ("Петров", "Пётр Петрович")]))  # fmt: skip
    degree = draw(st.sampled_from(["кандидата исторических", "доктора педагогических"]))
    work = draw(st.sampled_from(["диссертация", "автореферат диссертации"]))
    item = {
        "type": "thesis", "title": draw(text(2, 5)),
        "kopir-specialty": draw(st.sampled_from(["5.6.1 «Отечественная история»",
                                                 "07.00.02 «Отечественная история»"])),
        "genre": f"{work} на соискание ученой степени {degree} наук",
        "author": [{"family": family, "given": given}],
        "publisher": draw(st.sampled_from(["Алтайский государственный институт культуры",
                                           "Новосибирский государственный университет"])),
        "publisher-place": draw(st.sampled_from(PLACES)), "issued": {"date-parts": [[draw(YEAR)]]},
        "number-of-pages": draw(st.sampled_from(["210", "32"])),
    }  # fmt: skip
    if draw(st.booleans()):
        item["kopir-notes"] = ["Библиогр.: с. 190–209"]
    return item


@st.composite
def standards(draw: st.DrawFn) -> dict[str, Any]:
    item = {
        "type": "standard", "number": f"ГОСТ Р {draw(st.integers(1, 60000))}–{draw(YEAR)}",
        "title": draw(text(2, 5)), "genre": "национальный стандарт Российской Федерации",
        "publisher-place": "Москва", "publisher": "Стандартинформ",
        "issued": {"date-parts": [[draw(YEAR)]]},
    }  # fmt: skip
    if draw(st.booleans()):
        item["kopir-parallel-title"] = draw(st.sampled_from(["Libraries", "Bibliographic record"]))
    draw(whole_extras(item))
    return item


@st.composite
def laws(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "legislation", "title": draw(text(2, 5)),
        "genre": draw(st.sampled_from(["федер. закон от 27 июля 2006 г. № 149-ФЗ",
                                       "Закон Республики Казахстан от 15 марта 1999 года"])),
    }  # fmt: skip
    if draw(st.booleans()):
        item["authority"] = draw(st.sampled_from(["Российская Федерация. Законы",
                                                  "Республика Казахстан. Законы"]))  # fmt: skip
    if draw(st.booleans()):
        item["container-title"] = draw(
            st.sampled_from(["Российская газета", "Казахстанская правда"])
        )
        item["issued"] = {"date-parts": [list(draw(DAY))]}
        item["page"] = str(draw(st.integers(1, 20)))
    else:
        draw(publication(item))
        draw(whole_extras(item))
    return item


@st.composite
def sites(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "webpage", "title": draw(text())}
    if draw(st.booleans()):
        item["genre"] = draw(st.sampled_from(["официальный сайт", "электронная библиотека"]))
    item["publisher-place"] = draw(st.sampled_from(PLACES))
    if draw(st.booleans()):
        item["issued"] = {"date-parts": [[draw(YEAR)], []]}  # open: «2000 – .»
    if draw(st.booleans()):
        item["kopir-notes"] = ["Обновляется в течение суток"]
    draw(online(item, always=True))
    return item


@st.composite
def conferences(draw: st.DrawFn) -> dict[str, Any]:
    first = draw(DAY)
    item = {
        "type": "book", "title": draw(text()),
        "event-title": draw(st.sampled_from(["материалы научно-практической конференции",
                                             "сборник докладов краеведческих чтений"])),
        "event-place": draw(st.sampled_from(PLACES)),
        "event-date": {"date-parts": [list(first), [first[0], first[1], first[2] + 1]]},
    }  # fmt: skip
    draw(contributors(item))
    draw(publication(item))
    draw(whole_extras(item))
    return item


@st.composite
def media(draw: st.DrawFn) -> dict[str, Any]:
    kind, extent = draw(st.sampled_from([
        ("motion_picture", "1 видеофайл (95 мин)"), ("song", "1 аудиофайл (45 мин)"),
        ("map", "1 карта"), ("musical_score", "48 с."), ("graphic", "1 плакат"),
    ]))  # fmt: skip
    item: dict[str, Any] = {"type": kind, "title": draw(text())}
    if kind == "map":
        item["scale"] = draw(st.sampled_from(["1:100 000", "1:2 500 000"]))
    if kind == "motion_picture" and draw(st.booleans()):
        item["director"] = draw(PEOPLE_LIST)
    draw(publication(item))
    item["number-of-pages"] = extent.removesuffix(" с.")
    draw(online(item))
    return item


@st.composite
def parts(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["article-journal", "article-newspaper", "chapter",
                                 "paper-conference", "webpage", "post"]))  # fmt: skip
    item: dict[str, Any] = {"type": kind, "title": draw(text())}
    draw(authors(item))
    draw(contributors(item, editors=False))
    item["container-title"] = draw(text(1, 3))
    if kind == "article-journal":
        item["issued"] = {"date-parts": [[draw(YEAR)]]}
        if draw(st.booleans()):
            item["volume"] = str(draw(st.integers(1, 90)))
        item["issue"] = str(draw(st.integers(1, 12)))
        item["page"] = f"{draw(st.integers(1, 100))}-{draw(st.integers(101, 200))}"
        if draw(st.booleans()):
            item["DOI"] = "10.1000/182"
    elif kind == "article-newspaper":
        item["issued"] = {"date-parts": [list(draw(DAY))]}
        if draw(st.booleans()):
            item["issue"] = str(draw(st.integers(1, 150)))
        item["page"] = str(draw(st.integers(1, 16)))
    elif kind in ("chapter", "paper-conference"):
        if draw(st.booleans()):
            item["container-author"] = draw(PEOPLE_LIST)
        elif draw(st.booleans()):
            item["editor"] = draw(PEOPLE_LIST)
        if kind == "paper-conference":
            first = draw(DAY)
            item["event-title"] = "материалы конференции"
            item["event-place"] = draw(st.sampled_from(PLACES))
            item["event-date"] = {"date-parts": [list(first), list(first)]}
        draw(publication(item))
        item["page"] = f"{draw(st.integers(1, 100))}-{draw(st.integers(101, 200))}"
    else:
        if kind == "post":
            item["issued"] = {"date-parts": [list(draw(DAY))]}
        elif draw(st.booleans()):
            item["issued"] = {"date-parts": [[draw(YEAR)]]}
        draw(online(item, always=True))
    if kind not in ("webpage", "post"):
        draw(online(item))
    return item


@st.composite
def hosts(draw: st.DrawFn, depth: int = 3) -> dict[str, Any]:
    """A container's own host (`kopir-container`), with hosts of its own."""
    level: dict[str, Any] = {"title": draw(text(1, 3))}
    if draw(st.booleans()):
        level["genre"] = draw(st.sampled_from(["журнал", "сборник статей", "газета"]))
    who = draw(st.integers(0, 3))
    if who == 1:
        level["author"] = draw(PEOPLE_LIST)
    elif who == 2:
        role = draw(st.sampled_from(EDITOR_ROLES))
        level["editor"] = [p | ({"kopir-role": role} if role != "editor" else {})
                           for p in draw(PEOPLE_LIST)]  # fmt: skip
    elif who == 3:
        level["compiler"] = draw(PEOPLE_LIST)
    if depth > 1 and draw(st.booleans()):
        level["kopir-container"] = draw(hosts(depth - 1))
    return level


@st.composite
def analytic(draw: st.DrawFn) -> dict[str, Any]:
    """Parts at any depth: «part // container // its host … . – 2019. – № 5. – С. 1–2»."""
    item = draw(parts().filter(lambda i: i["type"] not in ("webpage", "post")))
    item["kopir-container"] = draw(hosts())
    return item


@st.composite
def reviews(draw: st.DrawFn) -> dict[str, Any]:
    """A review (an article, or a book), and the work it reviews as its last note."""
    kind = draw(st.sampled_from(["article-journal", "article-newspaper", "book"]))
    item = draw(books() if kind == "book" else parts().filter(lambda i: i["type"] == kind))
    work = draw(st.one_of(books(), theses(), standards(), parts().filter(
        lambda i: i["type"] not in ("webpage", "post"))))  # fmt: skip
    if draw(st.integers(0, 2)) == 0 and work["type"] == "book" and work.get("author"):
        item["reviewed-title"], item["reviewed-author"] = work["title"], work["author"]
    else:
        item["kopir-reviewed"] = work
    return item


ITEMS = st.one_of(books(), theses(), standards(), laws(), sites(), conferences(), media(), parts(),
                  analytic(), reviews())  # fmt: skip


@st.composite
def in_a_language(draw: st.DrawFn) -> dict[str, Any]:
    item = draw(ITEMS)
    if draw(st.integers(0, 3)) == 0:
        item["language"] = "kk"  # Kazakh supplementary words where the profile allows them
    return item


def expected(item: dict[str, Any], profile: str) -> dict[str, Any]:
    """The item as far as the profile prints it."""
    out = {k: v for k, v in item.items() if k not in NOT_PRINTED.get(profile, set())}
    style, record = PROFILES[profile], read(item)
    if not style.content_form and record.electronic and record.content != "text":
        out["type"] = "book"  # 7.1 and 7.0.5 say «[Электронный ресурс]», not what it holds
    if not style.repeat_heading and record.type == "thesis":
        # 7.0.5 names the author once, in the heading: initials, not the title page's name.
        out["author"] = [a | {"given": initials(a["given"])} for a in item["author"]]
    if "kopir-reviewed" in out:  # the reviewed work, as far as the same profile prints it
        out["kopir-reviewed"] = expected(out["kopir-reviewed"], profile)
    return out


def _reads_back_exactly(item: dict[str, Any], profile: str) -> None:
    style = PROFILES[profile]
    written = describe(read(item), style)
    parsed = parse(written)
    assert parsed.left_over == [], written
    assert describe(read(parsed.item), style) == written
    assert fields(parsed.item) == fields(expected(item, profile)), written


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=in_a_language(), profile=st.sampled_from(PROFILE_KEYS))
def test_what_the_formatter_writes_reads_back_exactly(item: dict[str, Any], profile: str) -> None:
    _reads_back_exactly(item, profile)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=st.one_of(analytic(), reviews()), profile=st.sampled_from(PROFILE_KEYS))
def test_parts_at_any_depth_and_reviews_read_back_exactly(
    item: dict[str, Any], profile: str
) -> None:
    """The same property where the general strategy draws them seldom: hosts of hosts, and
    reviews with the work they review."""
    _reads_back_exactly(item, profile)


# Pieces of GOST descriptions, whole and broken, and characters that have broken readers before.
PIECES = ["А.", "И. И.", "Иванов", ",", ".", " – ", " : ", " / ", " ; ", " // ", "[и др.]",
          "[сайт]", "2020", "2020–2021", "2000 – ", "С. 1–2", "№ 3", "Т. 5", "URL: http://x.kz",
          "(дата обращения: 01.02.2020)", "(", ")", "«", "»", "М.", "Наука", "с.", "ил.", "экз.",
          "под редакцией", "составители", "в 2 томах", "Том 1", "специальность", "диссертация",
          "Текст : электронный", "[Электронный ресурс]", "[Мәтін]", "ISBN 1", "DOI 1",
          "Режим доступа: для", "материалы (Барнаул, 15–16 мая 2019 г.)", "ГОСТ Р 1–2000.",
          "Российская Федерация. Законы.", " ", "\u00a0", "\x00", "б.", "Б. 3",
          ". – Рецензия на книгу: ", ". Рец. на кн.: ", "Рецензия на фильм:",
          "\u202e"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=300))
def test_whatever_is_pasted_the_reader_answers_and_its_item_formats(pasted: str) -> None:
    """Hostile or broken input never raises: the reader gives an item, and an item with a title
    formats in every profile (one without a title has the whole text in `unparsed`)."""
    parsed = parse(pasted)
    if not parsed.item.get("title"):
        assert parsed.left_over in ([], [" ".join(pasted.replace("\u00a0", " ").split())])
        return
    record = read(parsed.item)
    for style in PROFILES.values():
        assert describe(record, style).endswith(".")
