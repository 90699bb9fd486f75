"""Holiday names in the page's language, for both countries.

The `holidays` package names Kazakhstan's holidays in Kazakh and Russia's in Russian (and both
in English), but not Kazakhstan's in Russian nor Russia's in Kazakh. Those two come from the
package's English names through our own catalogue (the names below, context "holiday"), so a
Kazakh month view names Russia Day «Ресей күні», not «День России»."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import pgettext_lazy

# What the package itself writes in each language (country → page language → its locale).
NATIVE = {("KZ", "kk"): "kk", ("RU", "ru"): "ru"}

NAMES = {
    # Kazakhstan
    "New Year's Day": pgettext_lazy("holiday", "New Year's Day"),
    "Orthodox Christmas": pgettext_lazy("holiday", "Orthodox Christmas"),
    "International Women's Day": pgettext_lazy("holiday", "International Women's Day"),
    "Nowruz Holiday": pgettext_lazy("holiday", "Nowruz Holiday"),
    "Kazakhstan's People Solidarity Holiday": pgettext_lazy(
        "holiday", "Kazakhstan's People Solidarity Holiday"
    ),
    "Defender of the Fatherland Day": pgettext_lazy("holiday", "Defender of the Fatherland Day"),
    "Victory Day": pgettext_lazy("holiday", "Victory Day"),
    "Capital Day": pgettext_lazy("holiday", "Capital Day"),
    "Eid al-Adha": pgettext_lazy("holiday", "Eid al-Adha"),
    "Constitution Day": pgettext_lazy("holiday", "Constitution Day"),
    "First President Day": pgettext_lazy("holiday", "First President Day"),
    "Republic Day": pgettext_lazy("holiday", "Republic Day"),
    "Independence Day": pgettext_lazy("holiday", "Independence Day"),
    # Russia
    "New Year Holidays": pgettext_lazy("holiday", "New Year Holidays"),
    "Christmas Day": pgettext_lazy("holiday", "Christmas Day"),
    "Holiday of Spring and Labor": pgettext_lazy("holiday", "Holiday of Spring and Labor"),
    "Russia Day": pgettext_lazy("holiday", "Russia Day"),
    "Unity Day": pgettext_lazy("holiday", "Unity Day"),
}
OBSERVED = pgettext_lazy("holiday", "%(name)s (observed)")
ESTIMATED = pgettext_lazy("holiday", "%(name)s (estimated)")
MOVED = pgettext_lazy("holiday", "Day off (moved from %(date)s)")

_MOVED = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")
_SUFFIX = re.compile(r"^(.*) \((observed|estimated)\)$")


def locale_for(country: str, language: str) -> str:
    """The package's locale to ask in: its own names where it has them, English otherwise."""
    return NATIVE.get((country, language), "en_US")


def translated(english: str, language: str) -> str:
    """The package's English name(s) of a day in `language` ("; " joins two holidays)."""
    if language == "en" or not english:
        return english
    return "; ".join(_one(part) for part in english.split("; "))


def _one(name: str) -> str:
    moved = _MOVED.match(name)
    if moved:
        month, day, year = (int(part) for part in moved.groups())
        return str(MOVED) % {"date": datetime.date(year, month, day).strftime("%d.%m.%Y")}
    suffixed = _SUFFIX.match(name)
    if suffixed:
        base, kind = suffixed.groups()
        pattern = OBSERVED if kind == "observed" else ESTIMATED
        return str(pattern) % {"name": _one(base)}
    return str(NAMES[name]) if name in NAMES else name
