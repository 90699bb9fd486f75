"""The API's schema errors in the reader's language.

pydantic (under django-ninja) writes its messages in English only; an API client that asked in
Kazakh or Russian would get «List should have at least 1 item after validation» in the middle of
a Kazakh answer. Each error's type (pydantic_core's stable error codes) is given our own
message, translated like the rest of the interface; an unknown type gets a general one, never
pydantic's English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

GENERAL = _("This value is not valid.")
MESSAGES = {
    "missing": _("This field is required."),
    "extra_forbidden": _("This field is not known."),
    "json_invalid": _("The body is not valid JSON."),
    "string_type": _("Text is expected."),
    "int_type": _("A whole number is expected."),
    "int_parsing": _("A whole number is expected."),
    "int_from_float": _("A whole number is expected."),
    "float_type": _("A number is expected."),
    "float_parsing": _("A number is expected."),
    "bool_type": _("true or false is expected."),
    "bool_parsing": _("true or false is expected."),
    "list_type": _("A list is expected."),
    "dict_type": _("An object is expected."),
    "model_type": _("An object is expected."),
    "model_attributes_type": _("An object is expected."),
    "date_type": _("A date is expected (YYYY-MM-DD)."),
    "date_parsing": _("A date is expected (YYYY-MM-DD)."),
    "date_from_datetime_parsing": _("A date is expected (YYYY-MM-DD)."),
    "datetime_type": _("A date and time are expected (ISO 8601)."),
    "datetime_parsing": _("A date and time are expected (ISO 8601)."),
    "datetime_from_date_parsing": _("A date and time are expected (ISO 8601)."),
    "url_type": _("A web address is expected."),
    "url_parsing": _("A web address is expected."),
    "url_scheme": _("A web address is expected."),
    "literal_error": _("Choose one of: %(expected)s."),
    "enum": _("Choose one of: %(expected)s."),
    "greater_than_equal": _("At least %(ge)s."),
    "greater_than": _("More than %(gt)s."),
    "less_than_equal": _("At most %(le)s."),
    "less_than": _("Less than %(lt)s."),
}


# Messages that count (items of a list, characters of a text), in the language's plural: the
# error type → (its context key, the message, lazy in the number "n").
COUNTED = {
    "too_short": (
        "min_length",
        ngettext_lazy("At least %(n)s item.", "At least %(n)s items.", "n"),
    ),
    "too_long": ("max_length", ngettext_lazy("At most %(n)s item.", "At most %(n)s items.", "n")),
    "string_too_short": (
        "min_length",
        ngettext_lazy("At least %(n)s character.", "At least %(n)s characters.", "n"),
    ),
    "string_too_long": (
        "max_length",
        ngettext_lazy("At most %(n)s character.", "At most %(n)s characters.", "n"),
    ),
}


def message(error: Mapping[str, Any]) -> str:
    """One pydantic error (its `type`, `ctx`, `msg`) as a sentence in the active language."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in COUNTED:
        key, counted = COUNTED[kind]
        return str(counted % {"n": int(context.get(key, 0))})
    if kind == "value_error":  # our own validators' messages, already translated
        text = str(error.get("msg", ""))
        return text.removeprefix("Value error, ") or str(GENERAL)
    template = MESSAGES.get(kind)
    if template is None:
        return str(GENERAL)
    values = {key: value for key, value in context.items()}
    if "expected" in values:  # pydantic lists the choices as "'a', 'b' or 'c'", in English
        values["expected"] = str(values["expected"]).replace("' or '", "', '")
    try:
        return str(template) % values
    except (KeyError, TypeError, ValueError):
        return str(GENERAL)
