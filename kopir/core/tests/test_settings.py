"""Production settings refuse to start half-configured and pass Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Variables a test run may carry that a production process must not inherit.
LEAKY = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
SETUP = "import django; django.setup(); print('started')"


def run_production(env: dict[str, str], code: str = SETUP) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in LEAKY}
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_refuses_to_start_without_a_secret_key() -> None:
    result = run_production({"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_to_start_without_allowed_hosts() -> None:
    result = run_production({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_reads_the_key_from_a_file(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key_file.write_text("k" * 60)
    result = run_production(
        {"SECRET_KEY_FILE": str(key_file), "ALLOWED_HOSTS": "example.org"},
        SETUP + "; from django.conf import settings; print(len(settings.SECRET_KEY))",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["started", "60"]


def test_check_deploy_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in LEAKY},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "a-long-random-production-key-" + "q7Zp3" * 10,
            "ALLOWED_HOSTS": "kopir.example.org",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
