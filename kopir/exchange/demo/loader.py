"""Demo book exchange: a shelf of invented local-history books on both sides of the border
(every record marked fictional), some on offer, a wish list, and one gift that arrived.
Idempotent: a second load changes nothing."""

from __future__ import annotations

import datetime
import io

from django.db import transaction

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.writer import export
from kopir.exchange.models import BibRecord, ShipmentStatus
from kopir.exchange.offers import offer_create, wish_create
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.network.models import Organisation

# (holder, title, author, place, publisher, year, language, subject)
SHELF = [
    ("shemonaikha-central-library", "Үбі аңғарының тарихы", "Серікбаев, А. Б.", "Өскемен", "Шығыс", 2015, "kaz", "Өлкетану"),
    ("shemonaikha-central-library", "Шемонаиха ауданы: жылнама", "Оспанова, Г. Т.", "Шемонаиха", "Аудандық баспа", 2018, "kaz", "Өлкетану"),
    ("shemonaikha-central-library", "Рудный Алтай: очерки истории", "Иванов, И. И.", "Усть-Каменогорск", "Медиа-Альянс", 2011, "rus", "Краеведение"),
    ("shemonaikha-central-library", "Переселенцы в долине Убы", "Коваленко, П. С.", "Шемонаиха", "Районная типография", 2009, "rus", "Краеведение"),
    ("shemonaikha-central-library", "Абай және Алтай", "Жұмабаев, Қ. М.", "Алматы", "Өнер", 2020, "kaz", "Әдебиет"),
    ("shishkov-library", "Алтайский край: энциклопедия сёл", "Петров, В. А.", "Барнаул", "Алтайский дом печати", 2016, "rus", "Краеведение"),
    ("shishkov-library", "Барнаул — Шемонаиха: дорога через границу", "Сидорова, Е. Н.", "Барнаул", "Алтайский дом печати", 2019, "rus", "Краеведение"),
    ("shishkov-library", "Старообрядцы Алтая", "Кузнецов, Д. Г.", "Барнаул", "Пять плюс", 2013, "rus", "История"),
    ("krupskaya-childrens-library", "Сказки Алтая для детей", "Орлова, М. К.", "Барнаул", "Алтайская книга", 2021, "rus", "Детская литература"),
    ("krupskaya-childrens-library", "Растём с книгой: сборник детских рассказов", "Смирнова, Л. П.", "Барнаул", "Алтайская книга", 2022, "rus", "Детская литература"),
]  # fmt: skip
DEMO_FILE = "demo-shelf.iso"


def _shelf(holder: str) -> bytes:
    books = [
        BibData(
            title=title,
            authors=[author],
            place=place,
            publisher=publisher,
            year=year,
            language=language,
            subjects=[subject],
            extent="120 с.",
            control_number=f"demo-{holder}-{n}",
        )
        for n, (owner, title, author, place, publisher, year, language, subject) in enumerate(SHELF)
        if owner == holder
    ]
    return b"".join(export(books, flavour="rusmarc", encoding="utf-8"))


@transaction.atomic
def load_demo_exchange(*, today: datetime.date | None = None) -> int:
    """Load the demo shelf once; returns how many records were created."""
    if BibRecord.objects.filter(is_fictional=True).exists():
        return 0
    created = 0
    for holder in dict.fromkeys(owner for owner, *_ in SHELF):
        library = Organisation.objects.filter(slug=holder).first()
        if library is None:
            continue
        batch = marc_import(io.BytesIO(_shelf(holder)), organisation=library, change=SYSTEM,
                            file_name=DEMO_FILE)  # fmt: skip
        created += batch.imported
    BibRecord.objects.filter(batch__file_name=DEMO_FILE).update(is_fictional=True)
    records = list(BibRecord.objects.filter(is_fictional=True).order_by("pk"))
    for n, record in enumerate(records):
        if n % 3 != 2:
            offer_create(record, kind=("gift", "swap", "loan")[n % 3], copies=1 + n % 2,
                         note="", change=SYSTEM)  # fmt: skip
    shemonaikha = Organisation.objects.get(slug="shemonaikha-central-library")
    shishkov = Organisation.objects.get(slug="shishkov-library")
    wish_create(shishkov, title="Үбі аңғарының тарихы", author="", isbn="", note="", change=SYSTEM)
    gift = shipment_create(
        sender=shemonaikha, recipient=shishkov, kind="gift", change=SYSTEM,
        items=[ItemInput(r, 2) for r in records if r.organisation_id == shemonaikha.pk][:2],
        note="Демо",
    )  # fmt: skip
    for status in (ShipmentStatus.AGREED, ShipmentStatus.SENT, ShipmentStatus.RECEIVED):
        shipment_move(gift, status, change=SYSTEM, carrier="Казпочта")
    return created
