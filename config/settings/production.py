"""Production: refuses to start without SECRET_KEY (or SECRET_KEY_FILE) and ALLOWED_HOSTS."""

from __future__ import annotations

from config.env import env, required, secret_key
from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = secret_key()
ALLOWED_HOSTS = [h.strip() for h in required("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Behind TLS (the default). KOPIR_HTTPS=false only for the local demo served by `make run`.
KOPIR_HTTPS = env.bool("KOPIR_HTTPS", default=True)
SECURE_SSL_REDIRECT = KOPIR_HTTPS
SESSION_COOKIE_SECURE = KOPIR_HTTPS
CSRF_COOKIE_SECURE = KOPIR_HTTPS
LANGUAGE_COOKIE_SECURE = KOPIR_HTTPS
SECURE_HSTS_SECONDS = 31536000 if KOPIR_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = KOPIR_HTTPS
SECURE_HSTS_PRELOAD = KOPIR_HTTPS
if env.bool("KOPIR_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # How many proxies stand before the application (one nginx: 1); see kopir.core.admin.
    KOPIR_TRUSTED_PROXIES = env.int("KOPIR_TRUSTED_PROXIES", default=1)
