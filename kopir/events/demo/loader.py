"""Demo events: the three real ones the seed names (times not known, marked unverified) and a
fictional year of joint work (marked fictional), idempotent like the network's demo."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from kopir.core.audit import SYSTEM
from kopir.events.models import Attendance, Event, EventFormat, EventStatus
from kopir.events.services import VenueInput, event_save
from kopir.network.demo.helpers import ml
from kopir.network.models import Organisation, Settlement

SEED = "../shared/seed/network-facts.md"
UTC = datetime.UTC

REAL_EVENTS: list[dict[str, Any]] = [
    {"slug": "conference-2011-independence-20", "format": EventFormat.SEMINAR,
     "audience": "professionals", "status": EventStatus.REPORTED,
     "starts_at": datetime.datetime(2011, 1, 1, 4, 0, tzinfo=UTC), "hours": 8,
     "date_precision": "year", "time_known": False,
     **ml("title", "«Қазақстан Республикасы Тәуелсіздігінің 20 жылдығы» халықаралық ғылыми-тәжірибелік конференциясы",
          "Международная научно-практическая конференция «20 лет Независимости Республики Казахстан»",
          "International conference «20 Years of Independence of the Republic of Kazakhstan»"),
     **ml("description", "Конференция барысында ынтымақтастық туралы келісімге қол қойылды.",
          "В ходе конференции подписано соглашение о сотрудничестве.",
          "The cooperation agreement was signed during the conference."),
     "organisers": ["shemonaikha-central-library"],
     "venues": [("ust-kamenogorsk", None)],
     "confidence": "medium", "unverified_fields": ["starts_at", "venues", "organisers"],
     "source": f"{SEED} §0, §3 (2011)",
     **ml("provenance_note", "Жылы расталған; күні, орны және ұйымдастырушылары табылмады.",
          "Год подтверждён; дата, место и организаторы не найдены.",
          "The year is confirmed; date, venue and organisers were not found.")},
    {"slug": "telebridge-2019-barnaul-shemonaikha", "format": EventFormat.VIDEO_BRIDGE,
     "audience": "children", "status": EventStatus.REPORTED,
     "starts_at": datetime.datetime(2019, 4, 16, 5, 0, tzinfo=UTC), "hours": 1,
     "date_precision": "month", "time_known": False,
     **ml("title", "Барнаул мен Шемонаиха арасындағы телекөпір", "Телемост между Барнаулом и Шемонаихой",
          "Telebridge between Barnaul and Shemonaikha"),
     "organisers": ["shemonaikha-central-library"],
     "venues": [("barnaul", None), ("shemonaikha", "shemonaikha-central-library")],
     "confidence": "unverified", "unverified_fields": ["starts_at", "audience", "organisers"],
     "source": f"{SEED} §3 (Уба-Информ, 2019, № 16, 17 апр., p. 3)",
     **ml("provenance_note", "Тек газет мақаласынан белгілі (2019 жылғы 17 сәуір); нақты күні мен уақыты табылмады.",
          "Известен только по газетной заметке (17 апреля 2019 года); точные дата и время не найдены.",
          "Known only from a newspaper item (17 April 2019); the exact date and time were not found.")},
    {"slug": "video-bridge-2022-growing-up-with-a-book", "format": EventFormat.VIDEO_BRIDGE,
     "audience": "children", "status": EventStatus.REPORTED,
     "starts_at": datetime.datetime(2022, 2, 11, 5, 0, tzinfo=UTC), "hours": 1,
     "date_precision": "day", "time_known": False,
     **ml("title", "«Кітаппен өсеміз» бейнекөпірі", "Видеомост «Растём с книгой»",
          "Video bridge «Growing up with a book»"),
     **ml("description", "Ресей (Барнаул) – Қазақстан (Шемонаиха).", "Россия (Барнаул) – Казахстан (Шемонаиха).",
          "Russia (Barnaul) – Kazakhstan (Shemonaikha)."),
     "organisers": ["krupskaya-childrens-library", "shemonaikha-central-library"],
     "venues": [("barnaul", "krupskaya-childrens-library"), ("shemonaikha", "shemonaikha-central-library")],
     "confidence": "unverified", "unverified_fields": ["starts_at", "organisers"],
     "source": f"{SEED} §3 (seed: posted 11 February 2022)",
     **ml("provenance_note", "Жарияланған күні — 2022 жылғы 11 ақпан; өткізілген уақыты мен Барнаулдағы кітапхана болжам.",
          "Дата публикации — 11 февраля 2022 года; время проведения и библиотека в Барнауле — предположение.",
          "Posted on 11 February 2022; the time and the Barnaul library are a guess.")},
]  # fmt: skip

# (kk, ru, en, format, audience, Russian partner)
FICTIONAL_THEMES = [
    ("Өлкетану оқулары", "Краеведческие чтения", "Local-history readings", "seminar", "adults", "shishkov-library"),
    ("Балаларға арналған бейнекөпір: сүйікті кітабым", "Видеомост для детей: моя любимая книга", "Video bridge for children: my favourite book", "video_bridge", "children", "krupskaya-childrens-library"),
    ("Кітапханашыларға шеберлік сабағы: цифрлық каталог", "Мастер-класс для библиотекарей: цифровой каталог", "Master class for librarians: the digital catalogue", "master_class", "professionals", "novosibirsk-regional-library"),
    ("Үбі аңғары туралы бірлескен көрме", "Совместная выставка о долине Убы", "Joint exhibition on the Uba valley", "exhibition", "adults", "shishkov-library"),
    ("Жас оқырмандар байқауы", "Конкурс юных читателей", "Young readers' competition", "reading", "youth", "moshkovo-library-system"),
    ("«Алтай» журналының кітап таныстырылымы", "Презентация книги журнала «Алтай»", "Book presentation with the journal «Altai»", "book_presentation", "adults", "altai-journal"),
]  # fmt: skip
PARTNER_PLACE = {
    "novosibirsk-regional-library": "novosibirsk",
    "moshkovo-library-system": "moshkovo",
}
FICTIONAL_NOTE = ml(
    "provenance_note",
    "Демо үшін ойдан шығарылған іс-шара.",
    "Мероприятие придумано для демонстрации.",
    "An event invented for the demo.",
)


def _fictional_events(year: int) -> list[dict[str, Any]]:
    events = []
    for month in range(1, 13):
        kk, ru, en, fmt, audience, partner = FICTIONAL_THEMES[(month - 1) % len(FICTIONAL_THEMES)]
        day = 10 + (month % 3) * 5
        # 11:00 in Barnaul is 09:00 in Shemonaikha (UTC+7 and UTC+5).
        starts = datetime.datetime(year, month, day, 4, 0, tzinfo=UTC)
        while starts.weekday() >= 5:
            starts += datetime.timedelta(days=1)
        events.append({
            "slug": f"demo-{year}-{month:02d}-{fmt.replace('_', '-')}", "format": fmt,
            "audience": audience, "status": EventStatus.PLANNED, "starts_at": starts,
            "hours": 2, "date_precision": "day", "time_known": True,
            **ml("title", kk, ru, en), **ml("description", "", "", ""),
            "organisers": ["shemonaikha-central-library", partner],
            "venues": [(PARTNER_PLACE.get(partner, "barnaul"), partner),
                       ("shemonaikha", "shemonaikha-central-library")],
            "is_fictional": True, "confidence": "unverified", "source": "demo", **FICTIONAL_NOTE,
            "registration_open": True, "capacity": 60,
        })  # fmt: skip
    return events


def _attendance(event: Event, month: int) -> None:
    """What a held fictional event recorded: its audience at both venues (and the teachers or
    parents who came with the children), invented but steady from one load to the next."""
    for n, venue in enumerate(event.venues.all()):
        Attendance.objects.create(
            venue=venue, group=event.audience, count=14 + (month * 7 + n * 5) % 23
        )
        if event.audience == "children":
            Attendance.objects.create(venue=venue, group="adults", count=2 + (month + n) % 4)


def _load(record: dict[str, Any], today: datetime.date | None = None) -> bool:
    """Create the event if missing; True when it was created. A fictional event already past
    on `today` is marked reported, with the attendance its organisers recorded."""
    if Event.objects.filter(slug=record["slug"]).exists():
        return False
    if record.get("is_fictional") and today and record["starts_at"].date() < today:
        record = {**record, "status": EventStatus.REPORTED, "registration_open": False}
    values = {k: v for k, v in record.items() if k not in ("organisers", "venues", "hours")}
    event = Event(**values, ends_at=record["starts_at"] + datetime.timedelta(hours=record["hours"]))
    organisers = list(Organisation.objects.filter(slug__in=record["organisers"]))
    venues = [
        VenueInput(
            settlement=Settlement.objects.select_related("region").get(slug=place),
            organisation=Organisation.objects.filter(slug=organisation).first()
            if organisation
            else None,
        )
        for place, organisation in record["venues"]
    ]
    event_save(event, organisers=organisers, venues=venues, change=SYSTEM)
    if event.status == EventStatus.REPORTED and event.is_fictional:
        _attendance(event, event.starts_at.month)
    return True


@transaction.atomic
def load_demo_events(*, today: datetime.date | None = None) -> int:
    """The real events and two fictional years of joint work (last year's and this year's, so
    that the reports have a year to compare with); returns how many were created."""
    today = today or datetime.date.today()
    records = REAL_EVENTS + _fictional_events(today.year - 1) + _fictional_events(today.year)
    return sum(_load(record, today) for record in records)
