"""The published JSON Schema names exactly what the formatter reads, describes every field,
and accepts the reference vectors the formatter is tested on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from kopir.bibliography.styles import record
from kopir.bibliography.styles.schema import EXTENSIONS, FIELDS, json_schema
from kopir.bibliography.tests.vectors import A

READ = Path(record.__file__).read_text(encoding="utf-8")


def test_the_schema_names_every_field_the_reader_reads_and_no_other() -> None:
    body = READ[READ.index("def _hosts(") :]  # the hosts, the reviewed work and the item
    read = set(re.findall(r'(?:_texts?|_names|_date|_day_range)\(item, "([^"]+)"\)', body))
    read |= set(re.findall(r'item\.get\("([^"]+)"\)', body))
    read |= set(re.findall(r'_titles\(item, "([^"]+)", "([^"]+)"\)', body)[0])
    read |= set(re.findall(r'_titles\(item, "([^"]+)", "([^"]+)"\)', body)[1])
    read |= set(record.CONTRIBUTOR_VARIABLES)  # read in the item's order by _contributors
    assert read == set(FIELDS)


def test_every_field_and_extension_is_described() -> None:
    assert EXTENSIONS == [
        "kopir-access", "kopir-container", "kopir-container-genre", "kopir-container-subtitle",
        "kopir-et-al", "kopir-institution", "kopir-notes", "kopir-parallel-title",
        "kopir-reviewed", "kopir-size", "kopir-specialty", "kopir-subtitle",
    ]  # fmt: skip
    assert all(len(spec["description"]) > 15 for spec in FIELDS.values())
    assert all("Köpir extension" in FIELDS[name]["description"] for name in EXTENSIONS)


def _fits(value: object, spec: dict, defs: dict) -> bool:
    """A small check of the schema's own types (the vectors use nothing more)."""
    if "$ref" in spec:
        spec = defs[spec["$ref"].rsplit("/", 1)[1]]
    kinds = spec.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds or []
    python = {"string": str, "number": (int, float), "integer": int, "boolean": bool,
              "object": dict, "array": list}  # fmt: skip
    if kinds and not any(isinstance(value, python[k]) for k in kinds):
        return False
    if isinstance(value, list) and "items" in spec:
        return all(_fits(v, spec["items"], defs) for v in value)
    if isinstance(value, dict) and "properties" in spec:
        return all(_fits(v, spec["properties"][k], defs)
                   for k, v in value.items() if k in spec["properties"])  # fmt: skip
    return True


@pytest.mark.parametrize("key", sorted(A))
def test_the_reference_vectors_fit_the_schema(key: str) -> None:
    schema = json_schema()
    item = A[key][0]
    assert set(schema["required"]) <= set(item)
    for name, value in item.items():
        if name in schema["properties"]:
            assert _fits(value, schema["properties"][name], schema["$defs"]), name


@pytest.mark.django_db
def test_the_schema_is_served_and_in_the_openapi_document(client: Client) -> None:
    served = client.get("/api/v1/references/schema")
    assert served.status_code == 200
    assert served.json()["properties"]["kopir-et-al"]["type"] == "boolean"
    openapi = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/references/schema" in openapi["paths"]


def test_the_documentation_names_every_extension() -> None:
    """docs/references.md documents each `kopir-…` field the schema publishes."""
    doc = (Path(__file__).parents[3] / "docs" / "references.md").read_text(encoding="utf-8")
    assert [name for name in EXTENSIONS if f"`{name}`" not in doc] == []
    assert "`kopir-role`" in doc
