"""The built-in reports; each registers itself in `kopir.reports.registry.reports`."""

from kopir.reports.definitions import annual, cis, organisation, year_on_year

__all__ = ["annual", "cis", "organisation", "year_on_year"]
