"""Template helpers of the book exchange."""

from __future__ import annotations

from django import template

from kopir.exchange.languages import language_name

register = template.Library()
register.filter("language_name", language_name)
