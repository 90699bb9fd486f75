"""Names of the languages books come in (MARC codes, ISO 639-2/B), in the interface language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

NAMES = {
    "kaz": _("Kazakh"), "rus": _("Russian"), "eng": _("English"), "ger": _("German"),
    "ukr": _("Ukrainian"), "bel": _("Belarusian"), "alt": _("Altai"), "tat": _("Tatar"),
    "kir": _("Kyrgyz"), "uzb": _("Uzbek"), "mul": _("several languages"),
}  # fmt: skip
# The ISO 639-1 code of those a reader or a protocol names in two letters (dc:language, SRU)
ISO_639_1 = {"rus": "ru", "kaz": "kk", "eng": "en", "ger": "de", "ukr": "uk", "bel": "be"}
FROM_ISO_639_1 = {two: three for three, two in ISO_639_1.items()}


def language_name(code: str) -> str:
    """ "kaz" → "Kazakh" (translated); an unknown code is shown as it is."""
    name = NAMES.get((code or "").lower())
    return str(name) if name is not None else (code or "—")
