"""Planning events in the workspace: warnings across both calendars, suggested slots, no JS."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from kopir.core.editing import attach_errors, change_of, require
from kopir.core.text import strip_marks
from kopir.core.transliteration import to_latin
from kopir.events import services
from kopir.events.forms import EventPlanForm
from kopir.events.models import Event
from kopir.events.planning import check_plan


def _unique_slug(title: str, day: datetime.date) -> str:
    base = slugify(strip_marks(to_latin(title)))[:60].strip("-") or "event"
    slug = f"{base}-{day:%Y-%m-%d}"
    candidate, n = slug, 2
    while Event.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _apply_suggestion(request: HttpRequest) -> dict | None:  # type: ignore[type-arg]
    chosen = request.POST.get("use_suggestion", "")
    if not chosen or "T" not in chosen:
        return None
    data = request.POST.copy()
    data["day"], data["time"] = chosen.split("T", 1)
    data["action"] = "check"
    return data  # type: ignore[return-value]


@login_required
@require_http_methods(["GET", "POST"])
def event_plan(request: HttpRequest) -> HttpResponse:
    """New event: check the slot at every venue; save when it suits all (or warnings accepted)."""
    require(request, "events.add_event")
    own = getattr(request.user, "organisation", None)
    data = _apply_suggestion(request) or (request.POST if request.method == "POST" else None)
    form = EventPlanForm(data, initial={"host": own, "minutes": 60})
    check, status = None, 200
    if data is not None:
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            partners = list(d["partners"])
            duration = datetime.timedelta(minutes=d["minutes"])
            check = check_plan(d["host"], partners, d["day"], d["time"], duration)
            status = 200
            if data.get("action") == "save" and (not check.warnings or d["accept_warnings"]):
                title = d["title_en"] or d["title_ru"] or d["title_kk"]
                event = Event(
                    slug=_unique_slug(title, d["day"]), format=d["format"], audience=d["audience"],
                    starts_at=check.starts, ends_at=check.ends, provider=d["provider"],
                    registration_open=d["registration_open"], capacity=d["capacity"],
                    title_kk=d["title_kk"], title_ru=d["title_ru"], title_en=d["title_en"],
                )  # fmt: skip
                venues = [d["host"], *[p for p in partners if p.pk != d["host"].pk]]
                try:
                    services.event_save(
                        event,
                        organisers=venues,
                        venues=[services.VenueInput(o.settlement, o) for o in venues],
                        change=change_of(request),
                    )
                except ValidationError as error:
                    attach_errors(form, error)
                    status = 400
                else:
                    return HttpResponseRedirect(reverse("events:event-detail", args=[event.slug]))
    return render(
        request, "events/workspace/plan.html", {"form": form, "check": check}, status=status
    )
