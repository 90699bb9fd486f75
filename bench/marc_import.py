"""MARC import of 100,000 generated records (MARC 21 and RUSMARC, UTF-8 and Windows-1251, mixed)
against pymarc's bare parse of the same file, and the import's peak memory.

Targets (issue 5): records per second of the import / of pymarc's parse ≥ 0.3; peak memory
< 300 MB. Run with `make bench` (or `.venv/bin/python bench/marc_import.py [--records N]
[--workers N]`).

The import prepares a file this large in KOPIR_IMPORT_WORKERS processes (exchange.marc.prepare;
at most 4, at most the cores); pymarc's parse is one process, as a library is used. The memory
reported is the whole import's: the importing process and, sampled as it runs, its workers and
their fork server, their proportional set sizes added up (a page they share counted once).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import resource
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="kopir-bench-marc-"))
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1", "KOPIR_HTTPS": "false", "PYTHONTZPATH": "",
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}", "KOPIR_CACHE_DIR": str(WORK / "cache"),
})  # fmt: skip
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from pymarc import Record  # noqa: E402

from kopir.core.audit import SYSTEM  # noqa: E402
from kopir.exchange.imports import marc_import  # noqa: E402
from kopir.exchange.marc.model import BibData  # noqa: E402
from kopir.exchange.marc.writer import build_record, iso2709_bytes  # noqa: E402
from kopir.exchange.models import BibRecord  # noqa: E402
from kopir.network.models import Organisation  # noqa: E402

WORDS = ["история", "края", "алтай", "рудный", "шемонаиха", "барнаул", "библиотека", "книга",
         "летопись", "село", "уба", "река", "культура", "школа", "народ", "память"]  # fmt: skip
KAZAKH = ["шығыс", "қазақстан", "өлкетану", "кітапхана", "тарих", "мәдениет"]


def generate(path: Path, count: int) -> list[str]:
    """The file, and each record's encoding (what the generator chose, not what we detect)."""
    rng = random.Random(11)
    encodings = []
    with path.open("wb") as out:
        for n in range(count):
            kazakh = n % 5 == 0
            words = KAZAKH if kazakh else WORDS
            data = BibData(
                title=" ".join(rng.choice(words) for _ in range(4)).capitalize(),
                authors=[f"{'Әуезов' if kazakh else rng.choice(['Иванов', 'Петров'])}, А. Б."],
                publisher="Издательство", place="Барнаул", year=rng.randint(1950, 2025),
                isbn=f"978{rng.randrange(10**9, 10**10)}", language="kaz" if kazakh else "rus",
                subjects=[rng.choice(words)], extent=f"{rng.randint(20, 600)} с.",
                control_number=f"bench-{n}",
            )  # fmt: skip
            flavour = "rusmarc" if n % 2 else "marc21"
            encoding = "utf-8" if kazakh or n % 3 else "cp1251"
            out.write(iso2709_bytes(build_record(data, flavour, encoding), encoding))
            encodings.append(encoding)
    return encodings


def bare_parse(path: Path, encodings: list[str]) -> tuple[int, float]:
    """pymarc alone: every record parsed, each in its own encoding (UTF-8 forced where it is
    UTF-8, as the import does). Told the encodings rather than reading the file with one
    (cp1251): RUSMARC records in UTF-8 fail that way part-way through, and counting only the
    records that come through made pymarc look slower than it is (the rate once reported
    here was that of 63 % of the records, timed over all of them)."""
    started, count = time.perf_counter(), 0
    for chunk, encoding in zip(_records(path), encodings, strict=True):
        Record(chunk, force_utf8=encoding == "utf-8", file_encoding=encoding,
               hide_utf8_warnings=True)  # fmt: skip
        count += 1
    return count, time.perf_counter() - started


def _records(path: Path) -> Iterator[bytes]:
    """The file's records, a block at a time (the generated records hold no 0x1D inside)."""
    rest = b""
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            *whole, rest = (rest + block).split(b"\x1d")
            yield from (chunk + b"\x1d" for chunk in whole)


def _tree_rss(root: int) -> float:
    """MB resident in `root` and every process under it (/proc), each page shared between
    them counted once (proportional set size)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total / 1024


class _Sampler(threading.Thread):
    """The largest _tree_rss of this process while it runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.done = 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, _tree_rss(os.getpid()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=settings.KOPIR_IMPORT_WORKERS)
    args = parser.parse_args()
    settings.KOPIR_IMPORT_WORKERS = args.workers
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    path = WORK / "mixed.iso"
    encodings = generate(path, args.records)
    size = path.stat().st_size / 1048576
    parsed, bare_seconds = bare_parse(path, encodings)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    organisation = Organisation.objects.get(slug="shemonaikha-central-library")
    sampler = _Sampler()
    sampler.start()
    started = time.perf_counter()
    with path.open("rb") as stream:
        batch = marc_import(stream, organisation=organisation, change=SYSTEM, file_name=path.name)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    whole = max(sampler.peak, peak)
    stored = BibRecord.objects.filter(batch=batch).count()
    assert batch.imported == args.records == stored, batch.problems[:3]
    bare_rate, rate = parsed / bare_seconds, batch.imported / seconds
    ratio = rate / bare_rate
    print(f"file: {args.records} records, {size:.1f} MB (MARC 21 and RUSMARC; UTF-8 and cp1251)")
    print(f"pymarc bare parse: {bare_rate:8.0f} records/s ({bare_seconds:.1f} s)")
    print(f"Köpir import:      {rate:8.0f} records/s ({seconds:.1f} s; parse, map, duplicate "
          f"check, original kept, stored in SQLite; workers: {args.workers})")  # fmt: skip
    print(f"ratio {ratio:.2f} (target ≥ 0.3: {'ok' if ratio >= 0.3 else 'MISSED'})")
    print(
        f"peak memory: {whole:.0f} MB, the importing process and its workers together (the "
        f"importing process alone {peak:.0f} MB, {before:.0f} MB before the import; target "
        f"< 300 MB: {'ok' if whole < 300 else 'MISSED'})"
    )
    print(f"likely duplicates flagged: {batch.duplicates}")


if __name__ == "__main__":
    main()
