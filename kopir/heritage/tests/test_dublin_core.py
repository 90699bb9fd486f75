"""The Dublin Core description is declared once (kopir.heritage.dublin_core) and reaches the
service, the workspace form, the API's schemas and the OAI-PMH record."""

from __future__ import annotations

from dataclasses import fields

import pytest
from lxml import etree

from kopir.core.audit import SYSTEM
from kopir.heritage import services
from kopir.heritage.apis import CollectionItemOut, ItemIn
from kopir.heritage.dublin_core import FIELDS
from kopir.heritage.forms import ItemForm
from kopir.heritage.oai.formats import DC, write_oai_dc

pytestmark = pytest.mark.django_db


def test_every_field_of_the_declaration_reaches_every_door() -> None:
    assert set(FIELDS) <= {f.name for f in fields(services.ItemData)}
    assert set(FIELDS) <= set(ItemForm.base_fields)
    assert set(FIELDS) <= set(ItemIn.model_fields)
    assert set(FIELDS) <= set(CollectionItemOut.model_fields)


def test_what_an_editor_describes_is_in_the_oai_record(two_libraries) -> None:
    text = {
        "creator": "Иванов И. И.", "contributor": "Петрова А. А.",
        "publisher": "Газета «Рудный Алтай»",
        "identifier": "ШЦБ-2024-17", "source": "Фонд музея", "relation": "Альманах, вып. 3",
        "coverage": "Долина Убы", "rights": "CC BY 4.0", "format": "image/jpeg",
    }  # fmt: skip
    item = services.item_create(
        organisation=two_libraries["kz"],
        data=services.ItemData(
            kind="photograph", title={"ru": "Сенокос"}, date_text="1956", **text
        ),
        change=SYSTEM,
    )
    root = etree.Element("metadata")
    write_oai_dc(item, root)
    written = {(el.tag.removeprefix(f"{{{DC}}}"), el.text) for el in root.iter(f"{{{DC}}}*")}
    assert {(name, value) for name, value in text.items()} <= written
    assert ("date", "1956") in written and ("language", "ru") in written
