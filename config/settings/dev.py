"""Local development with the development server: debug on, a throwaway key."""

from __future__ import annotations

from config.env import env
from config.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    **STORAGES,  # noqa: F405 - the reports' storage too
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the apps directly; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
