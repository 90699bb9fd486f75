"""The publication form offers the fields of every kind of document (issue 18, item 3): each
published example, put into the form and saved, describes itself exactly as before — the form
drops nothing, with roles, theses, sets, conferences and notes; its sections open for the kind."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from kopir.bibliography.forms import PublicationForm, initial_from
from kopir.bibliography.models import Publication
from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import read
from kopir.bibliography.tests.published import EXAMPLES, Example
from kopir.heritage.models import Item


def as_posted(initial: dict[str, Any]) -> dict[str, str]:
    """What a browser sends back for a form filled with `initial`."""
    out = {}
    for key, value in initial.items():
        if value in (None, "", False):
            continue
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        elif value is True:
            value = "on"
        out[key] = str(value)
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.kind[:40])
def test_every_published_example_goes_through_the_form_unchanged(example: Example) -> None:
    form = PublicationForm(data=as_posted(initial_from(example.item)), items=Item.objects.none())
    assert form.is_valid(), form.errors
    saved = form.record({})
    assert describe(read(saved), PROFILES[example.profile]) == example.text


@pytest.mark.django_db
def test_the_sections_of_the_kind_are_open_and_the_others_closed() -> None:
    from django.utils import translation

    def sections(kind: str) -> dict[str, bool]:
        form = PublicationForm(initial={"kind": kind}, items=Item.objects.none())
        with translation.override("en"):
            return {str(s["legend"]): s["open"] for s in form.sections()}

    thesis = sections("thesis")
    assert thesis["Thesis"] is True and thesis["Conference"] is False
    assert thesis["More people and bodies"] is True  # a thesis's university
    article = sections("article-journal")
    assert article["Volume, issue, set of volumes"] is True and article["Thesis"] is False


@pytest.mark.django_db
def test_a_role_the_form_does_not_know_is_refused_in_the_reader_s_language() -> None:
    from django.utils import translation

    with translation.override("ru"):
        form = PublicationForm(
            data={"kind": "book", "title": "Т", "other_contributors": "повар: Иванов, И. И."},
            items=Item.objects.none(),
        )
        assert not form.is_valid()
        assert "Начинайте каждую строку с роли" in form.errors["other_contributors"][0]
    form = PublicationForm(
        data={"kind": "book", "title": "Т", "other_contributors": "худож.: Иванов, И. И.\n"
              "вступительная статья: Петров, П. П."},
        items=Item.objects.none(),
    )  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.csl()["illustrator"] == [{"family": "Иванов", "given": "И. И."}]
    assert form.csl()["contributor"] == [
        {"family": "Петров", "given": "П. П.", "kopir-role": "introduction"}
    ]


@pytest.mark.django_db
def test_a_pasted_thesis_is_saved_with_everything_read(client: Client, editor) -> None:
    thesis = next(e for e in EXAMPLES if e.item["type"] == "thesis")
    client.force_login(editor)
    page = client.post("/ru/publications/paste/", {"reference": thesis.text})
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if not hasattr(v, "all")}
    response = client.post("/ru/publications/new/", as_posted(data))
    assert response.status_code == 302, response.content[:800]
    saved = Publication.objects.get(title=thesis.item["title"])
    assert describe(read(saved.csl), PROFILES[thesis.profile]) == thesis.text
    assert saved.csl["kopir-specialty"] == thesis.item["kopir-specialty"]
