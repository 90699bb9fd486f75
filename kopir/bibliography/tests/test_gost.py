"""The formatter against the test vectors of reference-standards §1.4, character for character."""

import pytest

from kopir.bibliography.styles import GOST_7_0_100, GOST_7_1
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read
from kopir.bibliography.tests.vectors import A, C


@pytest.mark.parametrize("key", sorted(A))
def test_gost_r_7_0_100_vectors(key: str) -> None:
    item, expected = A[key]
    assert describe(read(item), GOST_7_0_100) == expected


@pytest.mark.parametrize("key", sorted(C))
def test_gost_7_1_legacy_vectors(key: str) -> None:
    item, expected = C[key]
    assert describe(read(item), GOST_7_1) == expected


@pytest.mark.parametrize("number", range(1, 9))
def test_the_seed_references_come_out_as_network_facts_section_4_has_them(number: int) -> None:
    from kopir.bibliography.demo.seed import SEED

    item, expected = SEED[number - 1]
    assert describe(read(item), GOST_7_0_100) == expected
