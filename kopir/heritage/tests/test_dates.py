import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopir.heritage.dates import UnreadableDate, parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1912", D(1912, 1, 1), D(1912, 12, 31), "year"),
        ("1912 г.", D(1912, 1, 1), D(1912, 12, 31), "year"),
        ("1912 жыл", D(1912, 1, 1), D(1912, 12, 31), "year"),
        ("09.05.1945", D(1945, 5, 9), D(1945, 5, 9), "day"),
        ("1945-05-09", D(1945, 5, 9), D(1945, 5, 9), "day"),
        ("05.1945", D(1945, 5, 1), D(1945, 5, 31), "month"),
        ("1950-е", D(1950, 1, 1), D(1959, 12, 31), "decade"),
        ("1950-х годов", D(1950, 1, 1), D(1959, 12, 31), "decade"),
        ("1950s", D(1950, 1, 1), D(1959, 12, 31), "decade"),
        ("1950 жылдар", D(1950, 1, 1), D(1959, 12, 31), "decade"),
        ("около 1912", D(1907, 1, 1), D(1917, 12, 31), "circa"),
        ("Около 1912 года", D(1907, 1, 1), D(1917, 12, 31), "circa"),
        ("шамамен 1912", D(1907, 1, 1), D(1917, 12, 31), "circa"),
        ("c. 1912", D(1907, 1, 1), D(1917, 12, 31), "circa"),
        ("1910–1915", D(1910, 1, 1), D(1915, 12, 31), "range"),
        ("1910-1915 гг.", D(1910, 1, 1), D(1915, 12, 31), "range"),
    ],
)
def test_typed_dates_become_ranges(text, start, end, precision) -> None:
    date = parse_date(text)
    assert (date.start, date.end, date.precision) == (start, end, precision)
    assert date.text == text


@pytest.mark.parametrize(
    "text", ["", "вчера", "31.02.1950", "1915–1910", "1955-е", "13.1950", "12345"]
)
def test_unreadable_dates_are_refused_not_guessed(text) -> None:
    with pytest.raises(UnreadableDate):
        parse_date(text)


def test_decades_of_a_range_feed_the_period_facet() -> None:
    assert parse_date("1948–1961").decades() == [1940, 1950, 1960]
    assert parse_date("около 1912").decades() == [1900, 1910]


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(2099, 12, 31)))
def test_every_exact_day_round_trips(day: datetime.date) -> None:
    parsed = parse_date(day.strftime("%d.%m.") + f"{day.year:04d}")
    assert parsed.start == parsed.end == day


@given(st.text(max_size=30))
def test_any_text_is_read_or_refused_cleanly(text: str) -> None:
    try:
        date = parse_date(text)
    except UnreadableDate:
        return
    assert date.start <= date.end
