"""Items made through the service, as editors make them."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kopir.core.audit import SYSTEM
from kopir.heritage import services
from kopir.heritage.models import Item, Project
from kopir.network.models import Organisation


def jpeg_with_gps() -> SimpleUploadedFile:
    """A JPEG carrying EXIF with a GPS block, named .png to show the name is not trusted."""
    image = Image.new("RGB", (1200, 800), "peru")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (50.0, 37.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("scan.png", buffer.getvalue(), "image/png")


def item(organisation: Organisation, *, publish: bool = True, **fields: object) -> Item:
    data = services.ItemData(
        kind=str(fields.pop("kind", "document")),
        title=fields.pop("title", {"ru": "Тестовый документ"}),
        **fields,
    )
    created = services.item_create(organisation=organisation, data=data, change=SYSTEM)
    if publish:
        services.item_publish(created, change=SYSTEM)
    return created


def project(lead: Organisation, *others: Organisation, title: str = "Растём с книгой") -> Project:
    """A joint project led by `lead` with `others`."""
    return services.project_save(
        Project(title_ru=title, lead=lead), organisations=[lead, *others], change=SYSTEM
    )
