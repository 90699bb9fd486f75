from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search: analysis (folding, Kazakh and Russian stems, transliterated queries),
    the engine (SQLite FTS5, PostgreSQL GIN) and the registry of sources. Each domain app
    registers its own source, and keeps it current, in its `ready()`."""

    name = "kopir.search"
    verbose_name = _("Search")
