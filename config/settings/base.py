"""Settings shared by every environment. Values that vary per machine come from config.env."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from config.env import BASE_DIR, VAR_DIR, env

DEBUG = False
SECRET_KEY = ""  # set by each environment's module
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "simple_history",
    "ninja",  # serves the API docs page from its own static files, not a CDN
    "django_htmx",
    "csp",
    "kopir.core",
    "kopir.accounts",
    "kopir.network",
    "kopir.events",
    "kopir.exchange",
    "kopir.heritage",
    "kopir.bibliography",
    "kopir.search",
    "kopir.reports",
    "kopir.api",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "kopir.core.middleware.LanguagePreferenceMiddleware",
    # Anonymous readers' pages, after the language cookie and before the Latin transliteration.
    "kopir.core.page_cache.AnonymousPageCacheMiddleware",
    "kopir.core.middleware.KazakhLatinScriptMiddleware",
    # Inside the two above: what they cache or transliterate holds no control characters.
    "kopir.core.middleware.PrintablePageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kopir.core.context_processors.site",
            ],
        },
    },
]


def _database(url: str) -> dict:
    config = env.db_url_config(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while a writer commits; IMMEDIATE avoids upgrade deadlocks.
        # A 32 MB page cache per connection (SQLite's default is 2 MB): the catalogue's
        # searches read records by id all over a table of a million rows.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-32768;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        config.setdefault("CONN_MAX_AGE", 60)
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASE_URL = env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kopir.sqlite3'}")
DATABASES = {"default": _database(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "rules.permissions.ObjectPermissionBackend",  # kopir/accounts/rules.py
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:workspace"
LOGOUT_REDIRECT_URL = "network:home"

# Repeated failed logins lock the account for this address (django-axes).
AXES_FAILURE_LIMIT = env.int("KOPIR_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("KOPIR_LOGIN_COOLOFF_HOURS", default=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address behind reverse proxies (production: KOPIR_BEHIND_PROXY): lockouts and the
# audit trail read it from the one place that knows how many proxies to trust.
AXES_CLIENT_IP_CALLABLE = "kopir.core.clients.client_address"
KOPIR_TRUSTED_PROXIES = env.int("KOPIR_TRUSTED_PROXIES", default=0)

# Password reset letters: at most this many per address typed and per client in the window.
KOPIR_PASSWORD_RESET_PER_ADDRESS = env.int("KOPIR_PASSWORD_RESET_PER_ADDRESS", default=3)
KOPIR_PASSWORD_RESET_PER_CLIENT = env.int("KOPIR_PASSWORD_RESET_PER_CLIENT", default=10)
KOPIR_PASSWORD_RESET_WINDOW = env.int("KOPIR_PASSWORD_RESET_WINDOW", default=3600)
KOPIR_INVITATION_DAYS = env.int("KOPIR_INVITATION_DAYS", default=14)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Köpir <noreply@localhost>")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
LOCALE_PATHS = [env.path("KOPIR_LOCALE_DIR", default=str(BASE_DIR / "locale"))]
USE_I18N = True
FORMAT_MODULE_PATH = ["kopir.core.formats"]
LANGUAGE_COOKIE_NAME = "kopir_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

# One fallback order for content fields, documented in DEVELOPERS.md ("Content languages").
# Kazakh readers read Russian; Russian readers rarely read Kazakh, so English comes before it.
KOPIR_CONTENT_FALLBACK = {
    "kk": ("kk", "ru", "en"),
    "ru": ("ru", "en", "kk"),
    "en": ("en", "ru", "kk"),
}
MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = ("kk", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ru", "kk", "en"),
    "kk": ("ru", "en"),
    "ru": ("en", "kk"),
    "en": ("ru", "kk"),
}

# --- Time: instants in UTC; each place carries its own IANA zone -----------------------------
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("KOPIR_STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS: list = []
# Uploaded files are served by kopir.core.media (who may read them, safe headers). Their
# address can be another origin (KOPIR_MEDIA_URL=https://media.example.org/media/) whose web
# server hands /media/ to this application too; after the check, the web server sends the bytes
# when KOPIR_MEDIA_ACCEL_REDIRECT (nginx: the internal location) or KOPIR_MEDIA_SENDFILE
# (Apache mod_xsendfile) is set. See the README.
MEDIA_URL = env.str("KOPIR_MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("KOPIR_MEDIA_ROOT", default=str(VAR_DIR / "media"))
KOPIR_MEDIA_ACCEL_REDIRECT = env.str("KOPIR_MEDIA_ACCEL_REDIRECT", default="")
KOPIR_MEDIA_SENDFILE = env.bool("KOPIR_MEDIA_SENDFILE", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Finished reports: not under MEDIA_ROOT, so only the download view (which checks who
    # asks) can hand them out.
    "reports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.path("KOPIR_REPORTS_ROOT", default=str(VAR_DIR / "reports")),
        },
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Map -------------------------------------------------------------------------------------
# Empty: the map draws only the vendored borders layer and needs no tile server.
KOPIR_MAP_TILE_URL = env.str("KOPIR_MAP_TILE_URL", default="")
KOPIR_MAP_TILE_ATTRIBUTION = env.str("KOPIR_MAP_TILE_ATTRIBUTION", default="")

# --- Security headers ------------------------------------------------------------------------
_tile_hosts = []
if KOPIR_MAP_TILE_URL:
    _parts = urlsplit(KOPIR_MAP_TILE_URL.replace("{s}", "a"))
    _tile_hosts = [f"{_parts.scheme}://{_parts.netloc.replace('a.', '*.', 1)}"]
_media = urlsplit(MEDIA_URL)
_media_hosts = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_tile_hosts, *_media_hosts],
        "media-src": [SELF, *_media_hosts],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("KOPIR_LOG_LEVEL", default="INFO")},
    # cql-parser logs every malformed query an SRU client sends as an error; the client gets
    # diagnostic 10 with the reason (kopir/exchange/sru/query.py), the log need not.
    "loggers": {"cql": {"level": "CRITICAL"}},
}

NINJA_PAGINATION_PER_PAGE = 50
# Whole public pages for anonymous readers (kopir/core/page_cache.py); 0 turns the cache off.
KOPIR_PAGE_CACHE_SECONDS = env.int("KOPIR_PAGE_CACHE_SECONDS", default=60)
# A file cache is shared by every process of one host (gunicorn workers, the task worker,
# commands), so a change seen by one empties the pages of all.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.str("KOPIR_CACHE_DIR", default=str(VAR_DIR / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}

KOPIR_SITE_URL = env.str("KOPIR_SITE_URL", default="http://127.0.0.1:8000")
NINJA_PAGINATION_CLASS = "kopir.api.pagination.BoundedLimitOffsetPagination"
NINJA_PAGINATION_MAX_LIMIT = 500
KOPIR_JITSI_URL = env.str("KOPIR_JITSI_URL", default="https://meet.jit.si")

# Background tasks (letters, reminders): stored in the database, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How long registrants' personal data are kept after an event (`manage.py purge_registrations`).
KOPIR_REGISTRATION_RETENTION_DAYS = env.int("KOPIR_REGISTRATION_RETENTION_DAYS", default=365)

# OAI-PMH provider of the collection (/oai): oai-identifier namespace (a domain name you
# control), the name and contact shown by Identify, and the records per page.
KOPIR_OAI_NAMESPACE = env.str("KOPIR_OAI_NAMESPACE", default="kopir.example.org")
KOPIR_OAI_REPOSITORY_NAME = env.str(
    "KOPIR_OAI_REPOSITORY_NAME",
    default="Köpir: the local-history collection and union catalogue of the network",
)
KOPIR_OAI_ADMIN_EMAIL = env.str("KOPIR_OAI_ADMIN_EMAIL", default="coordinator@example.org")
KOPIR_OAI_PAGE_SIZE = env.int("KOPIR_OAI_PAGE_SIZE", default=100)
# A list is counted up to this many records; a longer one's size is left out of its tokens.
KOPIR_OAI_COUNT_CAP = env.int("KOPIR_OAI_COUNT_CAP", default=100_000)

# MARC imports: an ISO 2709 file of KOPIR_IMPORT_PARALLEL_FROM bytes or more is parsed and
# analysed by KOPIR_IMPORT_WORKERS processes (exchange.marc.prepare); 1 keeps every import in
# the importing process.
KOPIR_IMPORT_WORKERS = env.int("KOPIR_IMPORT_WORKERS", default=min(4, os.cpu_count() or 1))
KOPIR_IMPORT_PARALLEL_FROM = env.int("KOPIR_IMPORT_PARALLEL_FROM", default=4 * 1024 * 1024)

# References by GOST: from how many authors a description is shortened with «[и др.]», and how
# many names it keeps. Unset, each profile follows its standard (7.0.100: 5 and 3; 7.1 and
# 7.0.5: 4 and 1); set, the agency's choice applies to every profile.
KOPIR_GOST_ET_AL_MIN = env.int("KOPIR_GOST_ET_AL_MIN", default=None)
KOPIR_GOST_ET_AL_KEEP = env.int("KOPIR_GOST_ET_AL_KEEP", default=None)

# Reports: the days of a period are those of the coordinating library's time zone; finished
# files are kept outside the media folder (downloads check who asks) for as many days as the
# coordinator chooses, at most KOPIR_REPORT_KEEP_DAYS_MAX (`manage.py purge_reports` deletes
# them when they expire; `make run` runs it hourly).
KOPIR_REPORT_TIME_ZONE = env.str("KOPIR_REPORT_TIME_ZONE", default="Asia/Almaty")
KOPIR_REPORT_KEEP_DAYS = env.int("KOPIR_REPORT_KEEP_DAYS", default=7)
KOPIR_REPORT_KEEP_DAYS_MAX = env.int("KOPIR_REPORT_KEEP_DAYS_MAX", default=90)
