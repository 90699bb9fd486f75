"""The API's JSON bodies, refused whole when any string in them holds control characters: one
check at the door for every operation, with the path of each bad value (kopir.core.text)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja.parser import Parser
from ninja.types import DictStrAny

from kopir.core.text import NoControlCharacters, strings_in


class CheckedParser(Parser):
    """ninja's JSON parser, then NoControlCharacters over every string (multi-line: a single
    line field is held to one line by its model's own check)."""

    check = NoControlCharacters(multiline=True)

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        data = super().parse_body(request)
        problems: dict[str, list[ValidationError]] = {}
        for path, text in strings_in(data):
            try:
                self.check(text)
            except ValidationError as error:
                problems.setdefault(path, []).append(error)
        if problems:
            raise ValidationError(problems)  # ninja wraps it in a 400; errors.py answers 422
        return data
