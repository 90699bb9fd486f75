"""Time at each venue (reference-standards §3.1) and the two holiday calendars (§3.2)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from kopir.core import zones
from kopir.events import calendars
from kopir.events.calendars import Side, day_status, slot_warnings, suggest_slots
from kopir.events.models import HolidayOverride

UTC = datetime.UTC
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
BARNAUL = zoneinfo.ZoneInfo("Asia/Barnaul")


@pytest.mark.parametrize(
    ("moment", "zone", "expected"),
    [
        (datetime.datetime(2024, 2, 29, 12, 0, tzinfo=ALMATY), "Asia/Almaty", "UTC+6"),
        (datetime.datetime(2024, 3, 1, 12, 0, tzinfo=ALMATY), "Asia/Almaty", "UTC+5"),
        (
            datetime.datetime(2024, 3, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Qostanay")),
            "",
            "UTC+5",
        ),
        (datetime.datetime(2024, 2, 29, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Oral")), "", "UTC+5"),
    ],
)
def test_offsets_around_the_2024_change(moment, zone, expected) -> None:
    assert zones.offset_label(moment) == expected


@pytest.mark.parametrize(
    ("utc", "local"),
    [
        (datetime.datetime(2024, 2, 29, 17, 59, tzinfo=UTC), "2024-02-29T23:59:00+06:00"),
        (datetime.datetime(2024, 2, 29, 18, 0, tzinfo=UTC), "2024-02-29T23:00:00+05:00"),
    ],
)
def test_utc_to_almaty_vectors(utc, local) -> None:
    assert utc.astimezone(ALMATY).isoformat() == local


def test_the_repeated_hour_resolves_with_fold() -> None:
    naive = datetime.datetime(2024, 2, 29, 23, 30)
    assert naive.replace(tzinfo=ALMATY, fold=0).astimezone(UTC).strftime("%H:%M") == "17:30"
    assert naive.replace(tzinfo=ALMATY, fold=1).astimezone(UTC).strftime("%H:%M") == "18:30"


@pytest.mark.parametrize(("year", "local"), [(2023, "09:00+06:00"), (2024, "08:00+05:00")])
def test_barnaul_ten_oclock_in_almaty(year, local) -> None:
    moment = datetime.datetime(year, 6, 1, 10, 0, tzinfo=BARNAUL).astimezone(ALMATY)
    assert moment.strftime("%H:%M%z")[:5] + moment.isoformat()[-6:] == local


SHEMONAIKHA = Side("Шемонаиха", "KZ", "Asia/Almaty", datetime.time(9), datetime.time(18), "12345")
BARNAUL_SIDE = Side("Барнаул", "RU", "Asia/Barnaul", datetime.time(9), datetime.time(18), "12345")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "day", "working"),
    [
        ("RU", datetime.date(2024, 4, 27), True),  # Saturday made a working day
        ("RU", datetime.date(2024, 4, 29), False),  # its day off
        ("RU", datetime.date(2024, 11, 2), True),
        ("RU", datetime.date(2024, 12, 28), True),
        ("RU", datetime.date(2025, 11, 1), True),
        ("KZ", datetime.date(2024, 5, 4), True),  # Saturday made a working day
        ("KZ", datetime.date(2024, 5, 8), False),
        ("KZ", datetime.date(2024, 3, 25), False),  # Nowruz (observed)
        ("KZ", datetime.date(2025, 1, 3), False),
        ("RU", datetime.date(2026, 1, 9), False),
    ],
)
def test_holiday_vectors(country, day, working) -> None:
    assert day_status(country, day).working is working


@pytest.mark.django_db
def test_holiday_names_in_the_calendars_language() -> None:
    assert day_status("RU", datetime.date(2024, 4, 29), "ru").name.startswith("Выходной")
    assert "Демалыс" in day_status("KZ", datetime.date(2024, 5, 8), "kk").name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("country", "day", "language", "name"),
    [
        # Each side's holidays in the other side's language: the package has no such names.
        ("RU", datetime.date(2026, 6, 12), "kk", "Ресей күні"),
        ("RU", datetime.date(2026, 11, 4), "kk", "Халық бірлігі күні"),
        ("RU", datetime.date(2026, 5, 11), "kk", "Жеңіс күні (ауыстырылған демалыс)"),
        ("RU", datetime.date(2026, 1, 9), "kk", "Демалыс (03.01.2026 күнінен ауыстырылған)"),
        ("KZ", datetime.date(2026, 7, 6), "ru", "День столицы"),
        ("KZ", datetime.date(2026, 3, 24), "ru", "Наурыз мейрамы (выходной)"),
        ("KZ", datetime.date(2026, 5, 27), "ru", "Курбан айт (ожидаемая дата)"),
        # Its own language and English come from the package as they are.
        ("RU", datetime.date(2026, 6, 12), "ru", "День России"),
        ("KZ", datetime.date(2026, 12, 16), "kk", "Тәуелсіздік күні"),
        ("RU", datetime.date(2026, 6, 12), "en", "Russia Day"),
    ],
)
def test_holidays_are_named_in_the_page_s_language(country, day, language, name) -> None:
    assert day_status(country, day, language).name == name


@pytest.mark.django_db
def test_the_coordinators_override_wins() -> None:
    day = datetime.date(2027, 7, 5)  # a Monday nobody has decreed anything about (yet)
    assert day_status("KZ", day).working
    HolidayOverride.objects.create(country="KZ", date=day, is_working_day=False, name_ru="Перенос")
    assert day_status("KZ", day) == calendars.DayStatus(False, "Перенос")


@pytest.mark.django_db
def test_a_holiday_on_one_side_is_warned_and_the_next_good_slots_suggested() -> None:
    # 8 May 2024 is a day off in Kazakhstan (moved from Saturday 4 May), a working day in Russia.
    starts = datetime.datetime(2024, 5, 8, 4, 0, tzinfo=UTC)  # 11:00 Barnaul, 09:00 Shemonaikha
    warnings = slot_warnings(
        starts, starts + datetime.timedelta(hours=1), [BARNAUL_SIDE, SHEMONAIKHA]
    )
    assert [(w.code, w.country) for w in warnings] == [("non_working_day", "KZ")]
    suggestions = suggest_slots(starts, datetime.timedelta(hours=1), [BARNAUL_SIDE, SHEMONAIKHA])
    # 9 May is Victory Day in both countries; 10 May a day off in Russia (moved from 6 January).
    assert suggestions[0] == datetime.datetime(2024, 5, 13, 4, 0, tzinfo=UTC)
    for suggestion in suggestions:
        assert not slot_warnings(
            suggestion, suggestion + datetime.timedelta(hours=1), [BARNAUL_SIDE, SHEMONAIKHA]
        )


@pytest.mark.django_db
def test_outside_working_hours_on_the_other_side() -> None:
    # 09:00 in Barnaul is 07:00 in Shemonaikha (UTC+7 and UTC+5 in 2025).
    starts = datetime.datetime(2025, 10, 14, 2, 0, tzinfo=UTC)
    warnings = slot_warnings(
        starts, starts + datetime.timedelta(hours=1), [BARNAUL_SIDE, SHEMONAIKHA]
    )
    assert [(w.code, w.place) for w in warnings] == [("outside_hours", "Шемонаиха")]
    assert "07:00" in warnings[0].message
