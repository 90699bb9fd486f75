"""The network in the press (public), and the register in the workspace: add, paste a GOST
reference to be read back into fields, import RIS/BibTeX/CSL-JSON, edit, delete, export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.bibliography import documents, selectors, services
from kopir.bibliography.formats import bibtex, csljson, ris
from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.forms import PublicationForm, initial_from
from kopir.bibliography.models import Publication, PublicationKind
from kopir.bibliography.styles import DEFAULT, PROFILES
from kopir.core.audit import Change
from kopir.core.editing import DELETED, try_save
from kopir.core.text import printable_copy
from kopir.heritage import selectors as heritage_selectors
from kopir.network.models import Organisation

LIST_TITLE = _("The network in the press: publications")
IMPORTED = _("Imported: %(count)s records.")
NOTHING_IMPORTED = _(
    "Nothing was imported: fix the records listed below and upload the file again."
)
DATA_FORMATS = {
    "ris": ("application/x-research-info-systems", "ris", ris.dumps),
    "bibtex": ("application/x-bibtex", "bib", bibtex.dumps),
    "csljson": ("application/vnd.citationstyles.csl+json", "json", csljson.dumps),
}


def _filters(request: HttpRequest) -> selectors.PublicationFilter:
    year = request.GET.get("year", "")
    kind = request.GET.get("kind", "")
    language = request.GET.get("language", "")
    return selectors.PublicationFilter(
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        kind=kind if kind in PublicationKind.values else "",
        language=language if language.isalpha() and len(language) <= 3 else "",
        organisation=request.GET.get("organisation", "")[:50],
    )


def publication_list(request: HttpRequest) -> HttpResponse:
    """All publications, filtered by year, type, language and organisation; and the same list
    for download (?format=docx|html|txt|ris|bibtex|csljson, &profile=…)."""
    publications = selectors.publication_list(_filters(request))
    wanted = request.GET.get("format", "")
    if wanted:
        return _export(request, list(publications), wanted)
    profile = request.GET.get("profile", DEFAULT)
    profile = profile if profile in PROFILES else DEFAULT
    params = request.GET.copy()
    params.pop("format", None)
    return render(
        request,
        "bibliography/list.html",
        {
            "entries": selectors.formatted(publications, profile),
            "filters": _filters(request),
            "kinds": PublicationKind.choices,
            "years": selectors.publication_years(),
            "profiles": PROFILES.values(),
            "profile": profile,
            "query": params.urlencode(),
            "organisations": selectors.publishing_organisations(),
            "can_add": request.user.has_perm("bibliography.add_publication"),
        },
    )


def _export(request: HttpRequest, publications: list[Publication], wanted: str) -> HttpResponse:
    items = printable_copy([p.csl for p in publications])
    profile = request.GET.get("profile", DEFAULT)
    profile = profile if profile in PROFILES else DEFAULT
    title = str(LIST_TITLE)
    if wanted in DATA_FORMATS:
        content_type, extension, dump = DATA_FORMATS[wanted]
        body: bytes | str = dump(items)
    elif wanted == "docx":
        content_type, extension = (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        )
        body = documents.docx_document(items, profile=profile, title=title)
    elif wanted == "html":
        content_type, extension = "text/html; charset=utf-8", "html"
        body = documents.html_document(
            items, profile=profile, title=title, lang=get_language() or "ru"
        )
    elif wanted == "txt":
        content_type, extension = "text/plain; charset=utf-8", "txt"
        body = documents.plain_text(items, profile=profile, title=title)
    else:
        return HttpResponse(status=404)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="publications.{extension}"'
    return response


def _own_organisation(request: HttpRequest) -> Organisation | None:
    return getattr(request.user, "organisation", None)


def _links(form: PublicationForm) -> services.Links:
    data = form.cleaned_data
    return services.Links(
        organisations=list(data["organisations"]),
        events=list(data["events"]),
        projects=list(data["projects"]),
        items=list(data["items"]),
        people=list(data["people"]),
    )


def _items_for(request: HttpRequest) -> Any:
    return heritage_selectors.linkable_items()


def _save(request: HttpRequest, form: PublicationForm, publication: Publication) -> HttpResponse:
    status = 400
    if form.is_valid():
        saved, status = try_save(
            request,
            form,
            lambda: services.publication_save(
                publication,
                csl=form.record(publication.csl or {}),
                links=_links(form),
                change=Change.from_request(request),
                version=form.cleaned_data.get("version"),
            ),
            default_field="title",
        )
        if status == 200:
            return HttpResponseRedirect(reverse("bibliography:publication-edit", args=[saved.pk]))
    return render(
        request, "bibliography/form.html", {"form": form, "publication": publication}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("bibliography.add_publication"):
        raise PermissionDenied
    publication = Publication(organisation=_own_organisation(request), csl={})
    if request.method == "POST":
        return _save(request, PublicationForm(request.POST, items=_items_for(request)), publication)
    own = [publication.organisation] if publication.organisation else []  # about its library
    initial = {"kind": "book", "language": "ru", "organisations": own}
    form = PublicationForm(initial=initial, items=_items_for(request))
    return render(request, "bibliography/form.html", {"form": form, "publication": publication})


@login_required
@require_http_methods(["GET", "POST"])
def publication_paste(request: HttpRequest) -> HttpResponse:
    """Paste a GOST reference: it is read into the form's fields to confirm and correct."""
    if not request.user.has_perm("bibliography.add_publication"):
        raise PermissionDenied
    text = request.POST.get("reference", "")[:5000] if request.method == "POST" else ""
    if not text.strip():
        return render(
            request, "bibliography/paste.html", {}, status=400 if request.method == "POST" else 200
        )
    parsed = parse(text)
    form = PublicationForm(
        initial={**initial_from(parsed.item), "language": "ru"}, items=_items_for(request)
    )
    return render(
        request,
        "bibliography/form.html",
        {
            "form": form,
            "publication": Publication(csl={}),
            "pasted": text,
            "left_over": parsed.left_over,
            "notes": parsed.notes,
            "action": reverse("bibliography:publication-create"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_get(pk)
    if not request.user.has_perm("bibliography.change_publication", publication):
        raise PermissionDenied
    if request.method == "POST":
        return _save(request, PublicationForm(request.POST, items=_items_for(request)), publication)
    initial = {
        **initial_from(publication.csl),
        "version": publication.version,
        "organisations": publication.organisations.all(),
        "events": publication.events.all(),
        "projects": publication.projects.all(),
        "items": publication.items.all(),
        "people": publication.people.all(),
    }
    form = PublicationForm(initial=initial, items=_items_for(request))
    return render(request, "bibliography/form.html", {"form": form, "publication": publication})


@login_required
@require_POST
def publication_delete(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_get(pk)
    services.publication_delete(publication, change=Change.from_request(request))
    messages.success(request, DELETED)
    return HttpResponseRedirect(reverse("bibliography:list"))


@login_required
@require_http_methods(["GET", "POST"])
def publication_import(request: HttpRequest) -> HttpResponse:
    """A RIS, BibTeX or CSL-JSON file: all its records or none, with a report."""
    if not request.user.has_perm("bibliography.add_publication"):
        raise PermissionDenied
    report = None
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        file_format = request.POST.get("format", "")
        text = upload.read(5 * 1024 * 1024).decode("utf-8", errors="replace") if upload else ""
        report = services.publications_import(
            text,
            file_format=file_format,
            organisation=_own_organisation(request),
            change=Change.from_request(request),
        )
        if report.ok:
            messages.success(request, IMPORTED % {"count": len(report.created)})
            return HttpResponseRedirect(reverse("bibliography:list"))
        status = 400
    return render(request, "bibliography/import.html", {"report": report}, status=status)
