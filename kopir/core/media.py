"""Uploaded files, served so that none of their bytes can run on the site.

Every request for `/media/<name>` comes here. A file is served only when a record claims it
(each app registers the file fields it stores, with who may see them: a draft's file is its
editors', never the public's), with the type its extension says — the extension we gave it
after verifying the content (kopir.core.uploads.ChosenName) — never a sniffed one
(`X-Content-Type-Options: nosniff`), inside a sandbox (`Content-Security-Policy: sandbox`)
and, unless it is a picture or a sound, as a download. Production lets the web server send the
bytes (`KOPIR_MEDIA_ACCEL_REDIRECT` for nginx's X-Accel-Redirect, `KOPIR_MEDIA_SENDFILE` for
Apache's X-Sendfile) after this view has decided; see the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from kopir.core.uploads import STORED_TYPES

SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; media-src 'self'; img-src 'self'"
INLINE_TYPES = ("image/", "audio/")
PUBLIC_MAX_AGE = 3600


@dataclass(frozen=True)
class MediaOwner:
    """A file field of a model whose files live under `prefix`, and the permission (a name of
    kopir/accounts/rules.py, checked on the record) it takes to read them; none: public."""

    prefix: str
    model: type[models.Model]
    field: str
    permission: str = ""

    def may_read(self, user: Any, record: models.Model) -> bool:
        return not self.permission or user.has_perm(self.permission, record)


owners: list[MediaOwner] = []
_NOBODY = AnonymousUser()


def register(prefix: str, model: type[models.Model], field: str, permission: str = "") -> None:
    """Let `/media/` serve the files of `model.field` (stored under `prefix`) to whom
    `permission` allows (everyone without one); an app calls this in its `ready()`."""
    owner = MediaOwner(prefix.strip("/") + "/", model, field, permission)
    if owner not in owners:
        owners.append(owner)


def url(field_file: FieldFile, *, public: bool) -> str:
    """Where a page links a stored file: MEDIA_URL (which may be a separate media origin) for
    a public one; this site's own /media/ for a private one, where the reader's session is."""
    if public or not field_file:
        return field_file.url if field_file else ""
    return reverse("media", args=[field_file.name])


def content_type(name: str) -> str:
    """The type a stored file is served as: the one its verified extension stands for."""
    return STORED_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


def _claim(name: str) -> tuple[MediaOwner, models.Model]:
    parts = PurePosixPath(name).parts
    if not parts or ".." in parts or name.startswith("/") or "\\" in name:
        raise Http404
    for owner in owners:
        if name.startswith(owner.prefix):
            record = owner.model._default_manager.filter(**{owner.field: name}).first()
            if record is not None:
                return owner, record
    raise Http404


def _sent(name: str) -> HttpResponse | FileResponse:
    accel = settings.KOPIR_MEDIA_ACCEL_REDIRECT
    if accel:
        response = HttpResponse()
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(name)
        return response
    if not default_storage.exists(name):
        raise Http404
    if settings.KOPIR_MEDIA_SENDFILE:
        response = HttpResponse()
        response["X-Sendfile"] = default_storage.path(name)
        return response
    return FileResponse(default_storage.open(name, "rb"))


@require_safe
def serve(request: HttpRequest, name: str) -> HttpResponse | FileResponse:
    """One uploaded file, to whom may read it (404 for anyone else: a draft's file is not
    even said to exist)."""
    owner, record = _claim(name)
    public = owner.may_read(_NOBODY, record)
    if not public and not owner.may_read(request.user, record):
        raise Http404
    kind = content_type(name)
    response = _sent(name)
    response["Content-Type"] = kind
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    response["Cross-Origin-Resource-Policy"] = "same-site"
    if not kind.startswith(INLINE_TYPES):
        response["Content-Disposition"] = f'attachment; filename="{PurePosixPath(name).name}"'
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
