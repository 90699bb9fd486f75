"""Typed access to the environment: every setting that varies between machines comes from here."""

from __future__ import annotations

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()


class ImproperlyConfiguredEnv(RuntimeError):
    """Raised when a required environment variable is missing in production."""


def required(name: str) -> str:
    """Return the variable or refuse to start: production never falls back to a default."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfiguredEnv(f"{name} must be set in the environment for production.")
    return value


def secret_key() -> str:
    """The secret key from SECRET_KEY, or from the file SECRET_KEY_FILE names."""
    key_file = env.str("SECRET_KEY_FILE", default="")
    if key_file:
        key = Path(key_file).read_text(encoding="utf-8").strip()
        if key:
            return key
    return required("SECRET_KEY")
