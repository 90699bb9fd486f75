"""Planning an event in the workspace: a holiday on one side is warned, a suggestion is taken."""

from __future__ import annotations

import pytest
from django.test import Client

from kopir.events.models import Event

pytestmark = pytest.mark.django_db


def plan(client: Client, network, **changes: object):
    data = {
        "title_ru": "Видеомост «Весна»", "title_kk": "«Көктем» бейнекөпірі", "format": "video_bridge",
        "audience": "children", "host": network["childrens"].pk,
        "partners": [network["central"].pk],
        "day": "2024-05-08", "time": "11:00", "minutes": 60, "action": "save",
    }  # fmt: skip
    data.update(changes)
    return client.post("/ru/events/plan/", data)


def test_a_holiday_in_kazakhstan_stops_the_save_and_suggestions_are_offered(
    editor, network
) -> None:
    client = Client()
    client.force_login(editor)
    response = plan(client, network)  # 8 May 2024: a day off in Kazakhstan
    assert response.status_code == 200
    page = response.content.decode()
    assert "8 мая 2024 г. — нерабочий день в пункте «Шемонаиха»" in page  # a date in words
    assert 'value="2024-05-13T11:00"' in page  # 13 May: working in both, 11:00 Barnaul = 09:00 KZ
    assert not Event.objects.filter(title_ru="Видеомост «Весна»").exists()

    checked = plan(client, network, use_suggestion="2024-05-13T11:00", action="")
    assert "Это время подходит всем площадкам." in checked.content.decode()
    saved = plan(client, network, day="2024-05-13", time="11:00")
    assert saved.status_code == 302
    event = Event.objects.get(title_ru="Видеомост «Весна»")
    assert event.starts_at.isoformat() == "2024-05-13T04:00:00+00:00"
    assert [v.time_zone for v in event.venues.all()] == ["Asia/Barnaul", "Asia/Almaty"]
    assert event.history.latest().history_user == editor


def test_warnings_can_be_accepted_knowingly(editor, network) -> None:
    client = Client()
    client.force_login(editor)
    response = plan(client, network, accept_warnings="on")  # on the Kazakh day off
    event = Event.objects.get(title_ru="Видеомост «Весна»")
    assert response.status_code == 302 and response.url == f"/ru/events/{event.slug}/"
    assert event.starts_at.isoformat() == "2024-05-08T04:00:00+00:00"  # 11:00 in Barnaul
    assert set(event.organisers.all()) == {network["childrens"], network["central"]}


def test_an_editor_plans_only_with_their_own_organisation(other_editor, network) -> None:
    client = Client()
    client.force_login(other_editor)  # the regional library is not among the venues
    response = plan(client, network, day="2024-05-13")
    assert response.status_code == 400
    assert "Ваша организация должна быть одним из организаторов." in response.content.decode()
    assert not Event.objects.filter(title_ru="Видеомост «Весна»").exists()
