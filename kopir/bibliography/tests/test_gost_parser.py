"""Pasted references back into fields: every test vector goes through describe(parse(x)) == x."""

import pytest

from kopir.bibliography.demo.seed import SEED
from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.styles import GOST_7_0_100
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read
from kopir.bibliography.tests.vectors import A

ROUND_TRIP = [A[key][1] for key in sorted(A)] + [SEED[1][1], SEED[2][1], SEED[7][1]]


@pytest.mark.parametrize("text", ROUND_TRIP, ids=lambda t: t[:30])
def test_a_pasted_reference_formats_back_to_itself(text: str) -> None:
    parsed = parse(text)
    assert parsed.left_over == []
    assert describe(read(parsed.item), GOST_7_0_100) == text


def test_what_it_cannot_place_is_shown_not_lost() -> None:
    parsed = parse(
        "Иванов, И. И. Летопись Убы. – 1 поправка на полях. – Шемонаиха : Уба, 2019. – "
        "Текст : непосредственный. – Дописано от руки."
    )
    assert parsed.item["author"] == [{"family": "Иванов", "given": "И. И."}]
    assert parsed.item["publisher"] == "Уба" and parsed.item["issued"] == {"date-parts": [[2019]]}
    # Before the place of publication only an edition or a scale may stand, and nothing
    # after area 9: both are given back, not folded into a field.
    assert parsed.left_over == ["1 поправка на полях", "Дописано от руки"]


def test_free_text_where_notes_stand_is_a_note_and_said_so() -> None:
    parsed = parse("Иванов, И. И. Летопись Убы. – Шемонаиха : Уба, 2019. – Тираж 500 экз.")
    assert parsed.item["kopir-notes"] == ["Тираж 500 экз."]
    assert parsed.notes == ["Тираж 500 экз."] and parsed.left_over == []


def test_anything_pasted_gives_an_item_or_a_clear_left_over() -> None:
    def read(text: str) -> tuple[dict, list[str]]:
        parsed = parse(text)
        return parsed.item, parsed.left_over

    assert read("") == ({"type": "book", "title": ""}, [])
    assert read("просто текст") == ({"type": "book", "title": "просто текст"}, [])
    for text in ["—", "// // //", ". – . – ."]:  # nothing with a letter in it to place
        assert read(text) == ({"type": "book", "title": ""}, [text])
