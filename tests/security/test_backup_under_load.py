"""A backup taken while people work restores whole: the archive is one snapshot, its checksum
is the snapshot's, and a restore that cannot prove itself leaves the target as it was."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import threading
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import OperationalError, close_old_connections, connection, transaction

from kopir.core.backup import BackupError, backup, database_is_empty, fingerprint, restore
from kopir.heritage.models import Subject
from kopir.network.demo.loader import load_demo_network
from kopir.network.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)


class Writer(threading.Thread):
    """An editor who keeps saving: a new subject and a changed organisation each time."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.saved = 0
        self.errors: list[BaseException] = []

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                try:
                    with transaction.atomic():
                        n = self.saved
                        Subject.objects.create(slug=f"load-{n}", name_ru=f"Нагрузка {n}")
                        Organisation.objects.filter(slug="shishkov-library").update(
                            name_en=f"Shishkov library, edit {n}"
                        )
                    self.saved += 1
                    time.sleep(0.002)
                except OperationalError:  # SQLite: the backup holds the lock for a moment
                    time.sleep(0.01)
        except BaseException as error:
            self.errors.append(error)
        finally:
            close_old_connections()
            connection.close()


@pytest.fixture
def files(settings, tmp_path: Path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "reports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "reports")},
        },
    }
    load_demo_network()
    default_storage.save("logos/2026/abc.png", ContentFile(b"\x89PNG logo"))
    storages["reports"].save("2026/11/annual.pdf", ContentFile(b"%PDF-1.7 a report"))
    return tmp_path


def _wait_for(writer: Writer, count: int) -> None:
    deadline = time.monotonic() + 30
    while writer.saved < count and time.monotonic() < deadline and not writer.errors:
        time.sleep(0.01)
    assert writer.saved >= count, writer.errors


def test_a_backup_during_writes_restores_exactly_its_snapshot(files: Path) -> None:
    archive = files / "busy.tar.gz"
    writer = Writer()
    writer.start()
    try:
        _wait_for(writer, 5)
        manifest = backup(archive)
        at_backup = writer.saved
        _wait_for(writer, at_backup + 5)  # and people go on working after it
    finally:
        writer.stop.set()
        writer.join(30)
    assert not writer.errors
    assert manifest["counts"]["heritage.Subject"] < Subject.objects.count()

    call_command("flush", interactive=False, verbosity=0)
    storages["default"].delete("logos/2026/abc.png")
    storages["reports"].delete("2026/11/annual.pdf")
    assert database_is_empty()

    restored = restore(archive)
    after = fingerprint()
    # Every row of every table, as the snapshot had it:
    assert after.checksum == manifest["checksum"] == restored["checksum"]
    assert after.counts == manifest["counts"]
    saved = Subject.objects.filter(slug__startswith="load-").count()
    assert 5 <= saved <= at_backup + 1
    latest = Organisation.objects.get(slug="shishkov-library").name_en
    assert latest == f"Shishkov library, edit {saved - 1}"  # both tables at the same moment
    for path, digest in manifest["files"].items():
        _, storage_name, name = path.split("/", 2)
        with storages[storage_name].open(name, "rb") as stored:
            assert hashlib.sha256(stored.read()).hexdigest() == digest
    assert {"files/default/logos/2026/abc.png", "files/reports/2026/11/annual.pdf"} <= set(
        manifest["files"]
    )


def _with_manifest(archive: Path, target: Path, **changes: object) -> None:
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member)
            if member.name == "manifest.json":
                manifest = {**json.loads(data.read()), **changes}
                payload = json.dumps(manifest).encode()
                member.size = len(payload)
                out.addfile(member, io.BytesIO(payload))
            else:
                out.addfile(member, data)


def test_a_restore_that_does_not_prove_itself_leaves_the_target_untouched(files: Path) -> None:
    archive = files / "good.tar.gz"
    backup(archive)
    wrong = files / "wrong.tar.gz"
    _with_manifest(archive, wrong, checksum="0" * 64)
    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete("logos/2026/abc.png")
    before = fingerprint()
    with pytest.raises(BackupError, match="checksum"):
        restore(wrong)
    assert fingerprint() == before and database_is_empty()
    assert not default_storage.exists("logos/2026/abc.png")
    restore(archive)  # the good one still goes in afterwards
    assert Organisation.objects.filter(slug="shishkov-library").exists()


def test_a_damaged_archive_is_refused_before_anything_is_touched(files: Path) -> None:
    archive = files / "good.tar.gz"
    manifest = backup(archive)
    changed = files / "changed.tar.gz"
    path = "files/default/logos/2026/abc.png"
    _with_manifest(archive, changed, files={**manifest["files"], path: "f" * 64})
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(BackupError, match="damaged"):
        restore(changed)
    assert database_is_empty()
    truncated = files / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[:2000])
    with pytest.raises(BackupError, match="damaged"):
        restore(truncated)
