"""An import that dies half-way (a crash, a killed process) leaves no "imported, 0 of 0" batch:
the batch's report is written in the same transaction as its records."""

from __future__ import annotations

import io

import pytest

from kopir.core.audit import SYSTEM
from kopir.exchange import imports
from kopir.exchange.models import BibRecord, ImportBatch
from kopir.exchange.selectors import records_with_words
from kopir.exchange.tests import fixtures
from kopir.exchange.tests.factories import BibRecordFactory

pytestmark = pytest.mark.django_db


class Crash(Exception):
    pass


def test_a_crash_in_the_middle_of_an_import_leaves_nothing_behind(network, monkeypatch) -> None:
    records = [fixtures.marc21_record(f"Книга {n}", "Иванов, И. И.", "2001") for n in range(7)]
    inserted: list[int] = []

    def insert_then_die(rows: list[list], **options: object) -> None:
        real_insert(rows, **options)
        inserted.append(len(rows))
        raise Crash  # the process dies after the first chunk is written

    real_insert = imports._insert
    monkeypatch.setattr(imports, "CHUNK", 3)
    monkeypatch.setattr(imports, "_insert", insert_then_die)
    batches, books = ImportBatch.objects.count(), BibRecord.objects.count()
    with pytest.raises(Crash):
        imports.marc_import(
            io.BytesIO(fixtures.utf8_file(*records)),
            organisation=network["central"],
            change=SYSTEM,
        )
    assert inserted == [3]
    assert ImportBatch.objects.count() == batches  # no batch saying "imported"
    assert BibRecord.objects.count() == books
    # the word index's insert trigger, off during the import, is back: a new record is found
    later = BibRecordFactory(organisation=network["central"], title="Летопись Убинского района")
    found = BibRecord.objects.filter(pk__in=records_with_words("убинский"))
    assert list(found) == [later]
