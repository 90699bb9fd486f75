"""Tests: SQLite by default; KOPIR_DATABASE_URL (set by `make test` from KOPIR_TEST_POSTGRES_URL)
switches the whole suite to PostgreSQL."""

from __future__ import annotations

from config.env import env
from config.settings.base import *  # noqa: F403
from config.settings.base import _database

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - never used outside the test run
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEBUG = False

DATABASES = {
    "default": _database(env.str("KOPIR_DATABASE_URL", default="sqlite:///:memory:")),
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "reports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run at once in tests, so their effects (letters) can be checked.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The page cache is tested on its own (kopir/core/tests/test_page_cache.py); elsewhere it is
# off, so that tests which change rows directly see their change.
KOPIR_PAGE_CACHE_SECONDS = 0
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
