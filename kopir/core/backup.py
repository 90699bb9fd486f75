"""Consistent snapshots of the database and every stored file, in one archive.

The archive (tar.gz) holds `manifest.json` (engine, time, row counts and a checksum of every
table of every installed app, and the SHA-256 of every file), the database
(`database.sqlite3`, or `database.pgdump` in pg_dump's custom format) and `files/<storage>/…`
(the uploads and the finished reports).

The database is copied first and fingerprinted from the copy, so the checksum describes exactly
what is in the archive however many people write meanwhile: SQLite through its online backup API
into a file, then read from that file; PostgreSQL in one REPEATABLE READ transaction whose
snapshot `pg_dump --snapshot` dumps while the same transaction counts the rows.

A restore goes into an empty database of the same engine. It checks the archive's files before
it touches anything, keeps the target's state aside, and puts it back if the restored content
does not give the manifest's checksum: it is reported done only once verified, and a failed
restore leaves the target as it found it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import connection, connections, models, transaction
from django.db.utils import load_backend
from django.utils import timezone, translation

FORMAT = 2
# The storages whose files are part of the site's content (uploads, finished reports).
STORAGES = ("default", "reports")
# What `migrate` itself writes into a new database: present in an "empty" one.
MIGRATE_WRITES = ("contenttypes.ContentType", "auth.Permission")
ERROR_NOT_EMPTY = "The database is not empty: restore only into an empty database."
ERROR_ENGINE = "The archive holds a {archive} database; this site runs on {current}."
ERROR_CHECKSUM = "The restored content does not match the archive's checksum."
ERROR_ARCHIVE = "The archive is damaged: {detail}."
CHUNK = 1 << 20


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Fingerprint:
    counts: dict[str, int]
    checksum: str


def _models() -> list[type[models.Model]]:
    """Every concrete model with a table, of every installed app (ours, Django's, the tasks
    queue, the login lockouts …), in a stable order."""
    return sorted(
        (m for m in apps.get_models() if m._meta.managed and not m._meta.proxy),
        key=lambda m: m._meta.label,
    )


def fingerprint(using: str = "default") -> Fingerprint:
    """Row counts and a checksum of every row of every table."""
    digest = hashlib.sha256()
    counts = {}
    tables = set(connections[using].introspection.table_names())
    with translation.override(settings.LANGUAGE_CODE):  # modeltranslation's plain fields
        for model in _models():
            if model._meta.db_table not in tables:
                continue
            rows = model._default_manager.using(using).order_by("pk")
            counts[model._meta.label] = rows.count()
            digest.update(model._meta.label.encode())
            for chunk in _chunks(rows):
                digest.update(serializers.serialize("json", chunk).encode())
    return Fingerprint(counts, digest.hexdigest())


def _chunks(rows: models.QuerySet[Any], size: int = 2000) -> Iterator[list[models.Model]]:
    batch: list[models.Model] = []
    for row in rows.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def _database(**changes: Any) -> Iterator[str]:
    """A second connection, to a copy of the database (a file) or to the same one; made by
    hand and not added to the configured databases, so nothing else ever routes to it."""
    alias = f"kopir_backup_{secrets.token_hex(4)}"
    backend = load_backend(connection.settings_dict["ENGINE"])
    connections[alias] = backend.DatabaseWrapper({**connection.settings_dict, **changes}, alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


def _pg_env_and_args(db: dict[str, Any] | None = None) -> tuple[dict[str, str], list[str]]:
    db = db or connection.settings_dict
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


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - our programs, arguments from settings
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()[-500:]}")


def _snapshot_sqlite(target: Path) -> Fingerprint:
    _copy_sqlite(target, to_file=True)
    with _database(NAME=str(target), OPTIONS={}) as alias:
        return fingerprint(alias)


def _snapshot_postgresql(target: Path) -> Fingerprint:
    with _database() as alias:
        reader = connections[alias]
        with transaction.atomic(using=alias):
            with reader.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            env, args = _pg_env_and_args()
            _run(
                [_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                 f"--snapshot={snapshot}", "--file", str(target), *args],
                env,
            )  # fmt: skip
            return fingerprint(alias)  # the same snapshot the dump saw


def _snapshot(target: Path) -> tuple[str, Fingerprint]:
    if connection.vendor == "sqlite":
        return "sqlite", _snapshot_sqlite(target)
    if connection.vendor == "postgresql":
        return "postgresql", _snapshot_postgresql(target)
    raise BackupError(f"Backups of {connection.vendor} are not supported.")


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(names):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _pack_files(tar: tarfile.TarFile) -> dict[str, str]:
    """Every file of the content storages into the archive; their SHA-256 by archive path."""
    hashes = {}
    for storage_name in STORAGES:
        if storage_name not in settings.STORAGES:
            continue
        storage = storages[storage_name]
        for name in _walk(storage):
            try:
                with storage.open(name, "rb") as source:
                    content = source.read()
            except FileNotFoundError:  # deleted since the listing: not in the snapshot either
                continue
            member = tarfile.TarInfo(f"files/{storage_name}/{name}")
            member.size, member.mtime = len(content), int(timezone.now().timestamp())
            tar.addfile(member, io.BytesIO(content))
            hashes[member.name] = hashlib.sha256(content).hexdigest()
    return hashes


def backup(archive: Path) -> dict[str, Any]:
    """Write the archive; returns its manifest."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        database = work / "database.bin"
        engine, content = _snapshot(database)
        archive.parent.mkdir(parents=True, exist_ok=True)
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            name = "database.sqlite3" if engine == "sqlite" else "database.pgdump"
            tar.add(database, arcname=name)
            files = _pack_files(tar)
            manifest = {
                "format": FORMAT,
                "engine": engine,
                "created_at": timezone.now().isoformat(),
                "counts": content.counts,
                "checksum": content.checksum,
                "database_sha256": _sha256(database),
                "files": files,
            }
            payload = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            member = tarfile.TarInfo("manifest.json")
            member.size, member.mtime = len(payload), int(timezone.now().timestamp())
            tar.addfile(member, io.BytesIO(payload))
        partial.replace(archive)  # a backup is there whole or not at all
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def database_is_empty(using: str = "default") -> bool:
    tables = set(connections[using].introspection.table_names())
    return not any(
        model._meta.db_table in tables and model._default_manager.using(using).exists()
        for model in _models()
        if model._meta.label not in MIGRATE_WRITES
    )


def _open_archive(archive: Path, work: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest: dict[str, Any] = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(ERROR_ARCHIVE.format(detail=error)) from error
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            ERROR_ENGINE.format(archive=manifest.get("engine"), current=connection.vendor)
        )
    name = "database.sqlite3" if manifest.get("engine") == "sqlite" else "database.pgdump"
    database = work / name
    expected = manifest.get("database_sha256")
    if not database.is_file() or (expected and _sha256(database) != expected):
        raise BackupError(ERROR_ARCHIVE.format(detail=f"{name} is missing or changed"))
    for path, digest in manifest.get("files", {}).items():
        stored = work / path
        if not stored.is_file() or _sha256(stored) != digest:
            raise BackupError(ERROR_ARCHIVE.format(detail=f"{path} is missing or changed"))
    return manifest


def _copy_sqlite(file: Path, *, to_file: bool) -> None:
    """SQLite's online backup API between the live database and a file, one way or the other:
    one step, so the copy is one consistent state however many people write meanwhile."""
    connection.ensure_connection()
    other = sqlite3.connect(file)
    try:
        if to_file:
            connection.connection.backup(other)
        else:
            other.backup(connection.connection)
    finally:
        other.close()


def _pg_restore(dump: Path) -> None:
    env, args = _pg_env_and_args()
    connection.close()  # pg_restore --clean drops tables this connection may hold
    _run(
        [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", *args, str(dump)],
        env,
    )  # fmt: skip


def _keep_aside(engine: str, work: Path) -> Path:
    """The target as it is now, to put back if the restore fails."""
    kept = work / "target-before"
    if engine == "sqlite":
        _copy_sqlite(kept, to_file=True)
    else:
        env, args = _pg_env_and_args()
        _run([_program("pg_dump"), "--format=custom", "--file", str(kept), *args], env)
    return kept


def _put_back(engine: str, kept: Path) -> None:
    if engine == "sqlite":
        _copy_sqlite(kept, to_file=False)
    else:
        _pg_restore(kept)


def _restore_files(work: Path, manifest: dict[str, Any]) -> list[tuple[Storage, str]]:
    written = []
    if manifest.get("format", 1) < 2 and (work / "media").is_dir():  # archives before files/
        shutil.copytree(work / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    for path in manifest.get("files", {}):
        _, storage_name, name = path.split("/", 2)
        if storage_name not in settings.STORAGES:
            continue
        storage = storages[storage_name]
        if storage.exists(name):
            storage.delete(name)
        with (work / path).open("rb") as source:
            saved = storage.save(name, File(source))
        written.append((storage, saved))
        if saved != name:
            raise BackupError(ERROR_ARCHIVE.format(detail=f"{name} could not be written"))
    return written


def restore(archive: Path) -> dict[str, Any]:
    """Bring an archive back into an empty database and the file storages; returns its
    manifest once the restored content gives the archive's checksum."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        manifest = _open_archive(archive, work)
        engine = manifest["engine"]
        if not database_is_empty():
            raise BackupError(ERROR_NOT_EMPTY)
        name = "database.sqlite3" if engine == "sqlite" else "database.pgdump"
        if engine == "sqlite":  # the copy is checked before the target is touched
            with _database(NAME=str(work / name), OPTIONS={}) as alias:
                if fingerprint(alias).checksum != manifest["checksum"]:
                    raise BackupError(ERROR_CHECKSUM)
        kept = _keep_aside(engine, work)
        written: list[tuple[Storage, str]] = []
        try:
            if engine == "sqlite":
                _copy_sqlite(work / name, to_file=False)
            else:
                _pg_restore(work / name)
            if fingerprint().checksum != manifest["checksum"]:
                raise BackupError(ERROR_CHECKSUM)
            written = _restore_files(work, manifest)
        except BaseException:
            for storage, saved in written:
                storage.delete(saved)
            _put_back(engine, kept)
            raise
    return manifest
