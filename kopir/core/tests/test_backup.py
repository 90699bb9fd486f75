"""Backup → wipe → restore gives the same records, on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kopir.core.backup import BackupError, backup, fingerprint, restore
from kopir.network.demo.loader import load_demo_network
from kopir.network.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network_with_media(settings, tmp_path: Path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    (tmp_path / "media" / "logos").mkdir(parents=True)
    (tmp_path / "media" / "logos" / "shishkov.png").write_bytes(b"\x89PNG fake logo bytes")
    load_demo_network()
    Organisation.objects.filter(slug="shishkov-library").update(logo="logos/shishkov.png")
    return tmp_path


def test_round_trip_gives_the_same_records(network_with_media: Path) -> None:
    archive = network_with_media / "kopir.tar.gz"
    before = fingerprint()
    manifest = backup(archive)
    assert manifest["engine"] == connection.vendor
    assert manifest["counts"]["network.Organisation"] == 19
    assert manifest["checksum"] == before.checksum

    call_command("flush", interactive=False, verbosity=0)  # wipe
    (network_with_media / "media" / "logos" / "shishkov.png").unlink()
    assert fingerprint().counts["network.Organisation"] == 0

    restored = restore(archive)
    after = fingerprint()
    assert after.counts == before.counts
    assert after.checksum == before.checksum == restored["checksum"]
    assert (
        (network_with_media / "media" / "logos" / "shishkov.png")
        .read_bytes()
        .startswith(b"\x89PNG")
    )
    assert Organisation.objects.get(slug="shishkov-library").logo.name == "logos/shishkov.png"


def test_restore_refuses_a_database_that_is_not_empty(network_with_media: Path) -> None:
    archive = network_with_media / "kopir.tar.gz"
    backup(archive)
    Organisation.objects.filter(slug="shishkov-library").update(name_en="Changed after backup")
    with pytest.raises(BackupError, match="not empty"):
        restore(archive)
    assert Organisation.objects.get(slug="shishkov-library").name_en == "Changed after backup"


def test_restore_refuses_an_archive_of_another_engine(network_with_media: Path) -> None:
    archive = network_with_media / "kopir.tar.gz"
    backup(archive)
    other = network_with_media / "other.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(other, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member)
            if member.name == "manifest.json":
                manifest = json.loads(data.read())
                manifest["engine"] = "oracle"
                payload = json.dumps(manifest).encode()
                member.size = len(payload)
                target.addfile(member, io.BytesIO(payload))
            else:
                target.addfile(member, data)
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(BackupError, match="oracle"):
        restore(other)


def test_commands(network_with_media: Path, capsys) -> None:
    archive = network_with_media / "cmd.tar.gz"
    call_command("backup", str(archive))
    assert archive.exists() and "rows" in capsys.readouterr().out
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError, match="No such archive"):
        call_command("restore", str(network_with_media / "missing.tar.gz"))
