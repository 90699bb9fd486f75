"""SRU diagnostics (the SRU standard's list, info:srw/diagnostic/1/…): what a client did that
the server cannot do, with the detail the list asks for. Messages are the list's own English
wording: they are read by the client program, not shown to a reader."""

from __future__ import annotations

from dataclasses import dataclass

GENERAL = 1
UNSUPPORTED_OPERATION = 4
UNSUPPORTED_VERSION = 5
UNSUPPORTED_VALUE = 6
MANDATORY_MISSING = 7
UNSUPPORTED_PARAMETER = 8
QUERY_SYNTAX = 10
UNSUPPORTED_CONTEXT_SET = 15
UNSUPPORTED_INDEX = 16
UNSUPPORTED_RELATION = 19
UNSUPPORTED_RELATION_MODIFIER = 20
EMPTY_TERM = 27
MASKING_UNSUPPORTED = 28
INVALID_TERM_FORMAT = 36
UNSUPPORTED_BOOLEAN = 37
TOO_MANY_BOOLEANS = 38
UNSUPPORTED_BOOLEAN_MODIFIER = 46
FIRST_RECORD_OUT_OF_RANGE = 61
UNKNOWN_SCHEMA = 66
UNSUPPORTED_PACKING = 71
SORT_UNSUPPORTED = 80

MESSAGES = {
    GENERAL: "General system error",
    UNSUPPORTED_OPERATION: "Unsupported operation",
    UNSUPPORTED_VERSION: "Unsupported version",
    UNSUPPORTED_VALUE: "Unsupported parameter value",
    MANDATORY_MISSING: "Mandatory parameter not supplied",
    UNSUPPORTED_PARAMETER: "Unsupported parameter",
    QUERY_SYNTAX: "Query syntax error",
    UNSUPPORTED_CONTEXT_SET: "Unsupported context set",
    UNSUPPORTED_INDEX: "Unsupported index",
    UNSUPPORTED_RELATION: "Unsupported relation",
    UNSUPPORTED_RELATION_MODIFIER: "Unsupported relation modifier",
    EMPTY_TERM: "Empty term unsupported",
    MASKING_UNSUPPORTED: "Masking character not supported",
    INVALID_TERM_FORMAT: "Term in invalid format for index or relation",
    UNSUPPORTED_BOOLEAN: "Unsupported boolean operator",
    TOO_MANY_BOOLEANS: "Too many boolean operators in query",
    UNSUPPORTED_BOOLEAN_MODIFIER: "Unsupported boolean modifier",
    FIRST_RECORD_OUT_OF_RANGE: "First record position out of range",
    UNKNOWN_SCHEMA: "Unknown schema for retrieval",
    UNSUPPORTED_PACKING: "Unsupported record packing",
    SORT_UNSUPPORTED: "Sort not supported",
}


@dataclass(eq=False)
class Diagnostic(Exception):
    """One diagnostic: its number in the list and the detail (a parameter, index, term)."""

    code: int
    details: str = ""

    @property
    def uri(self) -> str:
        return f"info:srw/diagnostic/1/{self.code}"

    @property
    def message(self) -> str:
        return MESSAGES[self.code]
