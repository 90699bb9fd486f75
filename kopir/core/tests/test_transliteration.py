"""Kazakh Cyrillic → Latin (2021 alphabet): the vectors of reference-standards §2.3."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kopir.core.transliteration import latin_lower, latin_upper, to_cyrillic, to_latin

VECTORS = [
    ("Қазақстан", "Qazaqstan"),
    ("Шемонаиха", "Şemonaiha"),
    ("Өскемен", "Öskemen"),
    ("кітапхана", "kıtaphana"),
    ("Шығыс Қазақстан облысы", "Şyğys Qazaqstan oblysy"),
    ("Ұлттық кітапхана", "Ūlttyq kıtaphana"),
    ("тәуелсіздік", "täuelsızdık"),
    ("Алтай өлкесі", "Altai ölkesı"),
    ("Іле / Ирбис / Әліпби", "Ile / İrbis / Älıpbi"),
    ("цех / чек / Юрий", "tseh / tşek / İurii"),
    ("ҚАЗАҚСТАН", "QAZAQSTAN"),
]

KAZAKH_CYRILLIC = (
    "АаӘәБбВвГгҒғДдЕеЁёЖжЗзИиЙйКкҚқЛлМмНнҢңОоӨөПпРрСсТтУуҰұҮүФфХхҺһЦцЧчШшЩщЪъЫыІіЬьЭэЮюЯя"
)


@pytest.mark.parametrize(("cyrillic", "latin"), VECTORS)
def test_reference_vectors(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_digraphs_follow_the_case_of_the_word() -> None:
    assert to_latin("ЮРИЙ") == "İURİİ"
    assert to_latin("Щука") == "Şşuka"
    assert to_latin("ЩУКА") == "ŞŞUKA"


def test_hard_and_soft_signs_are_dropped() -> None:
    assert to_latin("подъезд, соль") == "podezd, sol"


def test_kazakh_latin_case_pairs() -> None:
    assert latin_upper("ıi") == "Iİ"
    assert latin_lower("Iİ") == "ıi"


def test_other_text_is_kept() -> None:
    assert to_latin("Barnaul 2022, № 16 — ok") == "Barnaul 2022, № 16 — ok"


@given(st.text(alphabet=KAZAKH_CYRILLIC + " -.,0123456789abcXYZ"))
def test_no_cyrillic_letter_survives(text: str) -> None:
    result = to_latin(text)
    assert not any(ch in KAZAKH_CYRILLIC for ch in result)


@given(st.text(alphabet="аәбгғдежзкқлмнңоөпрстуұүфшыі "))
def test_latin_round_trip_for_unambiguous_letters(text: str) -> None:
    # Letters with one Latin spelling come back as they were, unless two of them spell a
    # digraph of a Russian letter (т+с reads as ц, т+ш as ч, ш+ш as щ).
    assume(not any(pair in text for pair in ("тс", "тш", "шш")))
    assert to_cyrillic(to_latin(text)) == text
