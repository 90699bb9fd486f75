"""Demo events: the three real ones the seed names (times not known, marked unverified) and a
fictional year of joint work (marked fictional), idempotent like the network's demo."""

from __future__ import annotations

import datetime
import zlib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from kopir.core import multilingual
from kopir.core.audit import SYSTEM
from kopir.events.calendars import day_status
from kopir.events.models import (
    Attendance,
    Event,
    EventFormat,
    EventLink,
    EventStatus,
    LinkKind,
    Registration,
    RegistrationStatus,
)
from kopir.events.services import VenueInput, event_save, link_save, photo_add
from kopir.network.demo.helpers import ml, picture
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
     **ml("description",
          "Бірлескен «Кітаппен өсеміз» бағдарламасы аясында екі елдің балалар аудиториялары арасындағы бейнекөпір: Ресей (Барнаул) – Қазақстан (Шемонаиха). Желіде 2022 жылғы 11 ақпанда жарияланды.",
          "Видеомост между детскими аудиториями двух стран в рамках совместной программы «Растём с книгой»: Россия (Барнаул) – Казахстан (Шемонаиха). Опубликован в сети 11 февраля 2022 года.",
          "A video bridge between children's audiences of the two countries, part of the joint programme «Growing up with a book»: Russia (Barnaul) – Kazakhstan (Shemonaikha). Posted online on 11 February 2022."),
     "organisers": ["krupskaya-childrens-library", "shemonaikha-central-library"],
     "venues": [("barnaul", "krupskaya-childrens-library"), ("shemonaikha", "shemonaikha-central-library")],
     "confidence": "unverified", "unverified_fields": ["starts_at", "organisers"],
     "source": f"{SEED} §3 (seed: posted 11 February 2022)",
     **ml("provenance_note", "Жарияланған күні — 2022 жылғы 11 ақпан; өткізілген уақыты мен Барнаулдағы кітапхана болжам.",
          "Дата публикации — 11 февраля 2022 года; время проведения и библиотека в Барнауле — предположение.",
          "Posted on 11 February 2022; the time and the Barnaul library are a guess.")},
]  # fmt: skip

SHEM = "shemonaikha-central-library"
KRUP = "krupskaya-childrens-library"
AKUNB = "shishkov-library"
NOVO = "novosibirsk-regional-library"

# A year of joint work through the seasons (fictional, marked so): (month, day, titles kk/ru/en,
# format, audience, organisers, venues as (place, organisation), held last year too). Some are
# bridges across the border, some are held on one side only, in the district's rural branches
# or in a Russian partner's library; last year had fewer, so the dashboard compares something.
PROGRAMME: list[tuple[Any, ...]] = [
    (1, 20, ("Ауыл кітапханаларындағы қысқы оқулар", "Зимние чтения в сельских библиотеках", "Winter readings in the village libraries"),
     "reading", "youth", [SHEM], [("vydrikha", "vydrikha-rural-library"), ("verkh-uba", "verkh-uba-rural-library")], True),
    (2, 11, ("«Кітаппен өсеміз»: қысқы ертегілер бейнекөпірі", "«Растём с книгой»: видеомост «Зимние сказки»", "«Growing up with a book»: winter tales video bridge"),
     "video_bridge", "children", [KRUP, SHEM], [("barnaul", KRUP), ("shemonaikha", SHEM)], True),
    (2, 26, ("Кітапханашыларға шеберлік сабағы: цифрлық каталог", "Мастер-класс для библиотекарей: цифровой каталог", "Master class for librarians: the digital catalogue"),
     "master_class", "professionals", [NOVO, SHEM], [("novosibirsk", NOVO), ("shemonaikha", SHEM)], False),
    (3, 19, ("Кітапханадағы Наурыз: балалар бейнекөпірі", "Наурыз в библиотеке: видеомост для детей", "Nauryz at the library: a video bridge for children"),
     "video_bridge", "children", [SHEM, KRUP], [("shemonaikha", SHEM), ("barnaul", KRUP)], True),
    (3, 30, ("Балалар кітабы апталығы", "Неделя детской книги", "Children's book week"),
     "reading", "children", [SHEM], [("ust-talovka", "ust-talovka-rural-library")], True),
    (4, 15, ("Өлкетану оқулары: Үбі аңғары", "Краеведческие чтения: долина Убы", "Local-history readings: the Uba valley"),
     "seminar", "adults", [AKUNB, SHEM, "shemonaikha-museum"], [("barnaul", AKUNB), ("shemonaikha", "shemonaikha-museum")], True),
    (4, 23, ("«Алтай» журналының кітап таныстырылымы", "Презентация книги журнала «Алтай»", "Book presentation with the journal «Altai»"),
     "book_presentation", "adults", ["altai-journal", SHEM], [("barnaul", "altai-journal"), ("shemonaikha", SHEM)], False),
    (5, 6, ("«Жеңіс жолдары» бірлескен көрмесі", "Совместная выставка «Дороги Победы»", "Joint exhibition «The roads of Victory»"),
     "exhibition", "adults", ["shemonaikha-museum", "zarinsky-rural-libraries"], [("shemonaikha", "shemonaikha-museum"), ("zarinsk", "zarinsky-rural-libraries")], True),
    (5, 22, ("Славян жазуы күні: онлайн кездесу", "День славянской письменности: онлайн-встреча", "Day of Slavic writing: an online meeting"),
     "online_meeting", "adults", ["ubinsky-central-library", SHEM], [("ubinskoye", "ubinsky-central-library"), ("shemonaikha", SHEM)], True),
    (6, 1, ("Балаларды қорғау күніне бейнекөпір", "Видеомост ко Дню защиты детей", "Video bridge for Children's Day"),
     "video_bridge", "children", [KRUP, SHEM], [("barnaul", KRUP), ("shemonaikha", SHEM)], True),
    (6, 18, ("Жазғы оқу: кітапхана ауласында", "Летнее чтение во дворе библиотеки", "Summer reading in the library yard"),
     "reading", "children", [SHEM], [("vydrikha", "vydrikha-rural-library")], False),
    (7, 9, ("Үбі аңғарына өлкетану экспедициясы", "Краеведческая экспедиция в долину Убы", "Local-history expedition to the Uba valley"),
     "expedition", "adults", [SHEM, AKUNB], [("verkh-uba", "verkh-uba-rural-library")], True),
    (8, 13, ("Балаларға шеберлік сабағы: кітап суреті", "Мастер-класс для детей: книжная иллюстрация", "Master class for children: book illustration"),
     "master_class", "children", ["novosibirsk-book-history-centre", SHEM], [("novosibirsk", "novosibirsk-book-history-centre"), ("shemonaikha", SHEM)], False),
    (9, 16, ("Кітапхана және цифрлық орта", "Библиотека и цифровая среда", "The library and the digital world"),
     "seminar", "professionals", [NOVO, SHEM], [("novosibirsk", NOVO), ("shemonaikha", SHEM)], True),
    (9, 29, ("Жас оқырмандар байқауы", "Конкурс юных читателей", "Young readers' competition"),
     "reading", "youth", ["moshkovo-library-system", SHEM], [("moshkovo", "moshkovo-library-system"), ("shemonaikha", SHEM)], False),
    (10, 14, ("Екі елдің авторлары: альманах таныстырылымы", "Авторы двух стран: презентация альманаха", "Writers of two countries: the almanac presented"),
     "book_presentation", "adults", ["altai-journal", SHEM], [("barnaul", "altai-journal"), ("shemonaikha", SHEM)], True),
    (10, 28, ("«Күзгі хикаялар» балалар бейнекөпірі", "Видеомост для детей «Осенние истории»", "«Autumn stories», a video bridge for children"),
     "video_bridge", "children", [KRUP, SHEM], [("barnaul", KRUP), ("shemonaikha", SHEM)], True),
    (11, 11, ("«Мерейтойлы кітаптар» көрмесі", "Выставка «Книги-юбиляры»", "Exhibition «Books with anniversaries»"),
     "exhibition", "adults", [AKUNB, SHEM], [("barnaul", AKUNB), ("shemonaikha", SHEM)], False),
    (11, 25, ("Кітап алмасудың жыл қорытындысы: дөңгелек үстел", "Итоги года книгообмена: круглый стол", "The year of book exchange: a round table"),
     "round_table", "professionals", [AKUNB, NOVO, SHEM], [("barnaul", AKUNB), ("novosibirsk", NOVO), ("shemonaikha", SHEM)], True),
    (12, 9, ("Жаңа жылдық кітаптар: балалар бейнекөпірі", "Новогодние книги: видеомост для детей", "New Year books: a video bridge for children"),
     "video_bridge", "children", [KRUP, SHEM], [("barnaul", KRUP), ("shemonaikha", SHEM)], True),
    (12, 22, ("Кітаппен қысқы демалыс", "Зимние каникулы с книгой", "Winter holidays with a book"),
     "video_bridge", "children", ["zarinsky-rural-libraries", SHEM], [("zarinsk", "zarinsky-rural-libraries"), ("shemonaikha", SHEM)], False),
]  # fmt: skip
FICTIONAL_NOTE = ml(
    "provenance_note",
    "Демо үшін ойдан шығарылған іс-шара.",
    "Мероприятие придумано для демонстрации.",
    "An event invented for the demo.",
)
# Attendance per venue, from … to (invented, steady from one load to the next).
CROWD = {"children": (18, 46), "youth": (12, 30), "adults": (15, 42), "professionals": (8, 24)}
EXHIBITION_CROWD = (60, 220)


KAZAKH_PLACES = {"shemonaikha", "vydrikha", "verkh-uba", "ust-talovka", "ust-kamenogorsk"}


def _working_day(day: datetime.date) -> datetime.date:
    """The first day from `day` that is a working day on both sides of the border."""
    while not all(day_status(country, day).working for country in ("KZ", "RU")):
        day += datetime.timedelta(days=1)
    return day


def _fictional_events(year: int, *, previous: bool = False) -> list[dict[str, Any]]:
    events = []
    for month, day, titles, fmt, audience, organisers, venues, last_year in PROGRAMME:
        if previous and not last_year:
            continue
        on = _working_day(datetime.date(year, month, day))
        # 04:00 UTC: 09:00 in Shemonaikha (UTC+5), 11:00 in Barnaul and Novosibirsk (UTC+7);
        # an event on one side only starts at 10:00 there.
        one_side = all(place in KAZAKH_PLACES for place, _org in venues)
        starts = datetime.datetime.combine(on, datetime.time(5 if one_side else 4), tzinfo=UTC)
        events.append({
            "slug": f"demo-{year}-{month:02d}-{day:02d}-{fmt.replace('_', '-')}", "format": fmt,
            "audience": audience, "status": EventStatus.PLANNED, "starts_at": starts,
            "hours": 2, "date_precision": "day", "time_known": True,
            **ml("title", *titles), **ml("description", "", "", ""),
            "organisers": organisers, "venues": venues,
            "is_fictional": True, "confidence": "unverified", "source": "demo", **FICTIONAL_NOTE,
            "registration_open": audience == "children", "capacity": 60 if fmt == "video_bridge" else None,
        })  # fmt: skip
    return events


def _attendance(event: Event) -> None:
    """What a held fictional event recorded: its audience at every venue (and the teachers or
    parents who came with the children), invented but steady from one load to the next."""
    seed = zlib.crc32(event.slug.encode())
    low, high = EXHIBITION_CROWD if event.format == "exhibition" else CROWD[event.audience]
    for n, venue in enumerate(event.venues.all()):
        count = low + (seed >> (n * 5)) % (high - low + 1)
        Attendance.objects.create(venue=venue, group=event.audience, count=count)
        if event.audience == "children":
            Attendance.objects.create(venue=venue, group="adults", count=2 + (seed >> n) % 4)


def _load(record: dict[str, Any], today: datetime.date | None = None) -> bool:
    """Create the event if missing; True when it was created. A fictional event already past
    on `today` is marked reported, with the attendance its organisers recorded."""
    if Event.objects.filter(slug=record["slug"]).exists():
        return False
    if record.get("is_fictional") and today and record["starts_at"].date() < today:
        record = {**record, "status": EventStatus.REPORTED, "registration_open": False}
        if record["format"] == EventFormat.VIDEO_BRIDGE:  # its recording (a fictional address)
            record["recording_link"] = f"https://video.example.org/kopir-demo/{record['slug']}"
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
    if event.is_fictional and event.registration_open:
        _registrations(event)
    if event.status == EventStatus.REPORTED and event.is_fictional:
        _attendance(event)
        if event.format == EventFormat.VIDEO_BRIDGE:
            _photos(event)
    return True


# Classes that registered for a coming bridge (invented: the teachers' addresses are example.org).
CLASSES = [
    ("Айгүл Серікқызы", "№ 3 мектеп-гимназия", "3 «А»", "kk"),
    ("Ольга Петровна", "Школа № 2", "4 «Б»", "ru"),
    ("Гүлнар Асқарқызы", "Выдриха ауылдық мектебі", "2 сынып", "kk"),
    ("Марина Игоревна", "Гимназия № 27", "3 «В»", "ru"),
]


def _registrations(event: Event) -> None:
    """A few classes on each side already registered (two to four, steady across loads)."""
    seed = zlib.crc32(event.slug.encode())
    venues = list(event.venues.all())
    for n, (name, school, group, language) in enumerate(CLASSES[: 2 + seed % 3]):
        Registration.objects.create(
            event=event, venue=venues[n % len(venues)], kind="group",
            status=RegistrationStatus.CONFIRMED, contact_name=name,
            contact_email=f"class{n + 1}.{event.pk}@example.org", institution=school,
            group_name=group, children=12 + (seed >> n) % 14, adults=1 + n % 2, language=language,
        )  # fmt: skip


CAPTION = {"kk": "балалар экран алдында", "ru": "дети у экрана", "en": "the children at the screen"}


def _photos(event: Event) -> None:
    """A held bridge keeps a photo of each side (a drawn picture, as the collection's)."""
    for n, venue in enumerate(event.venues.select_related("settlement")):
        name = f"{event.slug}-{n}"
        place = {lang: multilingual.text(venue.settlement, "name", lang) for lang in CAPTION}
        caption = {lang: f"{place[lang]}: {words}" for lang, words in CAPTION.items()}
        photo_add(event, picture(name), caption=caption, credit="Köpir demo", change=SYSTEM)


@transaction.atomic
def load_demo_events(*, today: datetime.date | None = None) -> int:
    """The real events and two fictional years of joint work (last year's, shorter, and this
    year's, so that the reports compare two years); returns how many were created."""
    today = today or datetime.date.today()
    records = (
        REAL_EVENTS
        + _fictional_events(today.year - 1, previous=True)
        + _fictional_events(today.year)
    )
    return sum(_load(record, today) for record in records)


# The 2022 bridge's programme and a photograph of it are in the demo collection (invented
# items, marked so there): the event links them, as its organisers would.
FLAGSHIP = "video-bridge-2022-growing-up-with-a-book"
FLAGSHIP_ITEMS = ["DEMO-HC-21", "DEMO-HC-22"]


@transaction.atomic
def link_demo_collection() -> int:
    """Links from the flagship event to its items in the collection (once the collection is
    loaded); returns how many were added."""
    from kopir.heritage.models import Item

    event = Event.objects.filter(slug=FLAGSHIP).first()
    if event is None:
        return 0
    added = 0
    for item in Item.objects.filter(identifier__in=FLAGSHIP_ITEMS).order_by("identifier"):
        url = settings.KOPIR_SITE_URL.rstrip("/") + reverse("heritage:item", args=[item.pk])
        if event.links.filter(url=url).exists():
            continue
        link = EventLink(event=event, kind=LinkKind.OTHER, url=url, source="Köpir",
                         **{f"title_{lang}": getattr(item, f"title_{lang}") for lang in ("kk", "ru", "en")})  # fmt: skip
        link_save(link, change=SYSTEM)
        added += 1
    return added
