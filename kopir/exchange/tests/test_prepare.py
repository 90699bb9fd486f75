"""A large file prepared by worker processes (exchange.marc.prepare) gives what one process
gives: the same values in the same order, the same problems at the same positions, and stored
records alike; an import that stops early leaves no worker behind."""

from __future__ import annotations

import gc
import io
import multiprocessing
from pathlib import Path

import pytest

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.prepare import TASK, prepared
from kopir.exchange.models import BibRecord, ImportStatus
from kopir.exchange.tests import fixtures

DATA = Path(__file__).parent / "data" / "marc"
# what two imports of one file share: every stored column but the keys, the batch and the time
ALIKE = [
    f.attname for f in BibRecord._meta.concrete_fields
    if f.attname not in {"id", "organisation_id", "batch_id", "duplicate_of_id", "created_at",
                         "updated_at"}
]  # fmt: skip


def _real_file() -> bytes:
    """Real records of an ИРБИС64 installation (Windows-1251 RUSMARC) and of pymarc's tests
    (MARC 21, UTF-8 and MARC-8), several times over: more records than one worker's task."""
    parts = [
        (DATA / "managedirbis-TEST1.ISO").read_bytes(),
        (DATA / "pymarc-utf8_with_leader_flag.dat").read_bytes(),
        (DATA / "pymarc-multi_isbn.dat").read_bytes(),
        fixtures.mixed_file(),
    ]
    return b"".join(parts) * 7


def _damaged_file() -> bytes:
    """Real records with broken ones among them, in the second and the last task: a length
    that is not a number, a record with a control character, one cut short at the end."""
    good = _real_file()
    control = fixtures.utf8_file(fixtures.marc21_record("Книга\x07", "Иванов, И. И.", "2001"))
    return good + b"12a45 not a record\x1d" + control + good[:4000] + b"00999nam"


def _prepared(body: bytes, workers: int) -> list:
    return list(prepared(io.BytesIO(body), workers=workers, parallel_from=0))


@pytest.mark.parametrize("make", [_real_file, _damaged_file])
def test_workers_prepare_what_one_process_prepares(make) -> None:
    body = make()
    alone, shared = _prepared(body, 1), _prepared(body, 2)
    assert len(alone) > 2 * TASK  # the work was cut into several tasks
    assert shared == alone
    assert [p.position for p in shared] == list(range(1, len(alone) + 1))


def test_the_problems_are_found_by_the_workers_as_alone() -> None:
    found = [p.problem for p in _prepared(_damaged_file(), 2) if p.problem]
    assert [problem["code"] for problem in found] == ["length", "control", "truncated"]
    assert found[1]["params"] == {"characters": "U+0007"}


def test_an_import_stopped_early_leaves_no_worker_and_no_frozen_memory() -> None:
    before = set(multiprocessing.active_children())
    records = prepared(io.BytesIO(_real_file()), workers=2, parallel_from=0)
    first = next(records)
    assert first.position == 1 and first.values is not None
    assert set(multiprocessing.active_children()) - before  # the workers are running
    records.close()  # the import ends here (an error, a refusal)
    assert set(multiprocessing.active_children()) == before
    assert gc.get_freeze_count() == 0


@pytest.mark.django_db
def test_a_large_file_imports_through_workers_as_through_one_process(network, settings) -> None:
    shemonaikha, barnaul, body = network["central"], network["regional"], _real_file()
    settings.KOPIR_IMPORT_WORKERS = 1
    alone = marc_import(io.BytesIO(body), organisation=shemonaikha, change=SYSTEM)
    settings.KOPIR_IMPORT_WORKERS, settings.KOPIR_IMPORT_PARALLEL_FROM = 2, len(body)
    shared = marc_import(io.BytesIO(body), organisation=barnaul, change=SYSTEM)
    assert (shared.status, shared.imported, shared.duplicates, shared.problems) == (
        alone.status, alone.imported, alone.duplicates, alone.problems)  # fmt: skip
    assert shared.imported > 2 * TASK

    def stored(batch) -> list[tuple]:
        rows = BibRecord.objects.filter(batch=batch).order_by("pk")
        return [(*values, dup is None) for *values, dup in rows.values_list(*ALIKE, "duplicate_of")]

    assert stored(shared) == stored(alone)


@pytest.mark.django_db
def test_a_damaged_large_file_is_refused_by_the_workers_as_by_one_process(
    network, settings
) -> None:
    shemonaikha, body = network["central"], _damaged_file()
    settings.KOPIR_IMPORT_WORKERS = 1
    alone = marc_import(io.BytesIO(body), organisation=shemonaikha, change=SYSTEM)
    settings.KOPIR_IMPORT_WORKERS, settings.KOPIR_IMPORT_PARALLEL_FROM = 2, 0
    shared = marc_import(io.BytesIO(body), organisation=shemonaikha, change=SYSTEM)
    assert alone.status == shared.status == ImportStatus.REFUSED
    assert shared.problems == alone.problems and len(shared.problems) == 3
    assert not BibRecord.objects.filter(organisation=shemonaikha, batch__in=[alone, shared])
