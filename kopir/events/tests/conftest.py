"""The events tests' shared records."""

from __future__ import annotations

import datetime

import pytest

from kopir.events.models import Event, EventStatus
from kopir.events.tests.factories import bridge


@pytest.fixture
def held(network) -> Event:
    """A video bridge held in February 2022 between Barnaul (the host) and Shemonaikha,
    organised by the district library in Shemonaikha."""
    starts = datetime.datetime(2022, 2, 15, 5, 0, tzinfo=datetime.UTC)
    return bridge("video-bridge-2022", starts, status=EventStatus.HELD)
