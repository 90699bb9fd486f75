"""Consistent snapshots of the database and the uploaded files, in one archive.

The archive (tar.gz) holds `manifest.json` (engine, time, row counts and a content checksum),
the database (`database.sqlite3` through SQLite's online backup API, or `database.pgdump` from
pg_dump in its custom format) and `media/`. A restore goes into an empty database of the same
engine and proves itself: the restored content must give the manifest's checksum.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import connection
from django.utils import timezone, translation

FORMAT = 1
OUR_APPS = ("accounts", "network", "events")
ERROR_NOT_EMPTY = "The database is not empty: restore only into an empty database."
ERROR_ENGINE = "The archive holds a {archive} database; this site runs on {current}."
ERROR_CHECKSUM = "The restored content does not match the archive's checksum."


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Fingerprint:
    counts: dict[str, int]
    checksum: str


def _models() -> list:
    return sorted(
        (m for name in OUR_APPS for m in apps.get_app_config(name).get_models()),
        key=lambda m: m._meta.label,
    )


def fingerprint() -> Fingerprint:
    """Row counts and a checksum of every row of our apps (history included)."""
    digest = hashlib.sha256()
    counts = {}
    with translation.override(settings.LANGUAGE_CODE):  # modeltranslation's plain fields
        for model in _models():
            rows = model._default_manager.order_by("pk")
            counts[model._meta.label] = rows.count()
            digest.update(model._meta.label.encode())
            digest.update(serializers.serialize("json", rows).encode())
    return Fingerprint(counts, digest.hexdigest())


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", str(db["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, args


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def _dump_database(target: Path) -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return "sqlite"
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args()
        subprocess.run(  # noqa: S603 - our program, arguments from settings
            [_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(target), *args],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        return "postgresql"
    raise BackupError(f"Backups of {connection.vendor} are not supported.")


def backup(archive: Path) -> dict:
    """Write the archive; returns its manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        database = work / "database.bin"
        engine = _dump_database(database)
        content = fingerprint()
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created_at": timezone.now().isoformat(),
            "counts": content.counts,
            "checksum": content.checksum,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            name = "database.sqlite3" if engine == "sqlite" else "database.pgdump"
            tar.add(database, arcname=name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
    return manifest


def database_is_empty() -> bool:
    tables = set(connection.introspection.table_names())
    return not any(
        model._meta.db_table in tables and model._default_manager.exists() for model in _models()
    )


def _restore_database(engine: str, source: Path) -> None:
    if engine == "sqlite":
        origin = sqlite3.connect(source)
        connection.ensure_connection()
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    env, args = _pg_env_and_args()
    connection.close()  # pg_restore --clean drops tables this connection may hold
    subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", *args, str(source)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip


def restore(archive: Path) -> dict:
    """Bring an archive back into an empty database and MEDIA_ROOT; returns its manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                ERROR_ENGINE.format(archive=manifest["engine"], current=connection.vendor)
            )
        if not database_is_empty():
            raise BackupError(ERROR_NOT_EMPTY)
        name = "database.sqlite3" if manifest["engine"] == "sqlite" else "database.pgdump"
        _restore_database(manifest["engine"], work / name)
        if (work / "media").is_dir():
            shutil.copytree(work / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    if fingerprint().checksum != manifest["checksum"]:
        raise BackupError(ERROR_CHECKSUM)
    return manifest
