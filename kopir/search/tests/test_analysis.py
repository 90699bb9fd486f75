"""The text analysis behind search: Kazakh stems, Russian Snowball, scripts and folding."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopir.search import kazakh
from kopir.search.analysis import analyse, fold, forms, key, query_forms

FAMILIES = [
    [
        "кітапхана",
        "кітапханалар",
        "кітапханаға",
        "кітапханасы",
        "кітапханасына",
        "кітапханаларымыздың",
        "кітапханада",
        "кітапханадан",
    ],
    ["мектеп", "мектебі", "мектептің", "мектептер", "мектепке", "мектепте"],
    ["қазақстан", "қазақстанның", "қазақстанда"],
    ["ауыл", "ауылы", "ауылдың", "ауылдар", "ауылға"],
    ["естелік", "естеліктер", "естеліктері"],
    ["Өскемен", "Өскеменде", "Өскеменнен", "Өскеменге"],
    ["тарих", "тарихы", "тарихын"],
    ["үй", "үйлер", "үйлердің", "үйдің"],
    ["ел", "елдер", "елдің"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f[0])
def test_every_form_of_a_kazakh_noun_has_one_stem(family: list[str]) -> None:
    stems = {kazakh.stem(fold(word.lower())) for word in family}
    assert len(stems) == 1, stems


def test_names_ending_in_m_or_n_keep_their_last_letter() -> None:
    # the bare possessive -м/-ң is not stripped: «Өскемен» is not «Өске» + «мен»
    assert kazakh.stem(fold("өскемен")) == "оскемен"
    assert kazakh.stem(fold("қазақ")) == "казак"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("библиотека", "библиотек"),
        ("библиотеки", "библиотек"),
        ("библиотекам", "библиотек"),
        ("сотрудничество", "сотрудничеств"),
        ("книгами", "книг"),
        ("ёлка", "елк"),
        ("елка", "елк"),
    ],
)
def test_russian_vectors_of_the_reference(word: str, stem: str) -> None:
    russian, _ = forms(word)
    assert stem in russian  # reference-standards §6.1, ё folded to е


def test_latin_queries_read_as_kazakh_latin_and_as_informal_transliteration() -> None:
    kk_latin = {f for alts in query_forms("kıtaphana") for f in alts}
    assert kazakh.stem(fold("кітапхана")) in kk_latin
    informal = {f for alts in query_forms("Shemonaikha") for f in alts}
    assert forms("шемонаиха")[0] & informal
    no_marks = {f for alts in query_forms("kitaphana") for f in alts}  # Latin without ı
    assert kazakh.stem(fold("кітапхана")) in no_marks


def test_latin_typed_without_marks_finds_hushing_letters() -> None:
    # «Шемонаиха» is «Şemonaiha» in Kazakh Latin; a reader without ş types «semonaiha»
    indexed = set(analyse("Шемонаиха Чапаев").split())
    assert {f for alts in query_forms("semonaiha") for f in alts} & indexed
    assert {f for alts in query_forms("Şemonaiha") for f in alts} & indexed
    assert not {f for alts in query_forms("semipalatinsk") for f in alts} & indexed
    # a Cyrillic query is not read as Latin: «семонаиха» is another word
    assert not {f for alts in query_forms("семонаиха") for f in alts} & indexed


def test_the_equality_key_folds_case_letters_and_punctuation() -> None:
    assert key("Рудный  АЛТАЙ.") == key("рудный алтай") == "рудныи алтаи"
    assert key("Қазақ ЕЛІ") == key("казак ели")
    assert key("IN THE WOODS") == key("In the woods") == "in the woods"
    assert key("Ёлка — 2") == "елка 2"


def test_kazakh_letters_typed_on_a_russian_keyboard_match() -> None:
    assert query_forms("оскемен") == query_forms("Өскемен")
    assert query_forms("казакстан") == query_forms("қазақстан")


def test_stop_words_and_punctuation_give_no_query() -> None:
    assert query_forms("и в на — және!") == []
    assert query_forms("«»?!") == []


def test_latin_capital_i_is_folded_the_kazakh_way() -> None:
    # İ → i and I → ı (reference-standards §6.2), so «İlim» and «ilim» are one word
    assert query_forms("İlim") == query_forms("ilim")


@given(st.text(max_size=200))
def test_any_text_analyses_into_index_safe_terms(text: str) -> None:
    for term in analyse(text).split():
        assert term.isalnum(), term  # FTS5 and tsquery syntax can never be injected
    for alternatives in query_forms(text):
        assert all(a.isalnum() for a in alternatives)
