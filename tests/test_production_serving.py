"""The way `make run` and production serve: production settings, collectstatic with the manifest
storage, migrations, the demo, and gunicorn answering on a local port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("var")
    (var / "secret_key").write_text("s" * 64)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "KOPIR_DATABASE_URL", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY_FILE=str(var / "secret_key"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        KOPIR_HTTPS="false",
        DATABASE_URL=f"sqlite:///{var / 'kopir.sqlite3'}",
        KOPIR_STATIC_ROOT=str(var / "static"),
        PYTHONTZPATH="",
    )
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
            text=True,
        )  # fmt: skip
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return env


def test_collectstatic_writes_a_manifest_with_hashed_vendor_files(production_env) -> None:
    static = Path(production_env["KOPIR_STATIC_ROOT"])
    assert (static / "staticfiles.json").exists()
    assert list((static / "core" / "vendor" / "leaflet").glob("leaflet.*.js"))


@pytest.fixture(scope="module")
def gunicorn(production_env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=production_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/kk/", "Шемонаиха ауданының кітапханалары"),
        ("/ru/", "Библиотеки Шемонаихинского района"),
        ("/en/", "Libraries of Shemonaikha district"),
        ("/en/partners/", "Shishkov"),
    ],
)
def test_gunicorn_serves_the_demo_in_each_language(gunicorn: str, path: str, expected: str) -> None:
    with urllib.request.urlopen(gunicorn + path, timeout=5) as response:
        assert response.status == 200
        assert expected in response.read().decode()


def test_static_files_are_served_compressed_and_cached(gunicorn: str) -> None:
    with urllib.request.urlopen(gunicorn + "/en/", timeout=5) as response:
        html = response.read().decode()
    css = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert css.startswith("/static/core/kopir.") and css.endswith(".css")  # hashed name
    request = urllib.request.Request(gunicorn + css, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
