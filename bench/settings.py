"""Settings for the benchmarks: production's, plus one bare view to measure against."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}
