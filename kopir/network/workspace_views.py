"""The workspace: editors keep their organisation's records; coordinators keep everyone's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from kopir.core.audit import Change
from kopir.core.editing import require, run_form
from kopir.network import selectors, services
from kopir.network.forms import (
    AgreementForm,
    BranchForm,
    CoordinatorOrganisationForm,
    OrganisationForm,
    PersonForm,
)
from kopir.network.models import Agreement, Organisation, Person

DELETED = _("Deleted.")


def _manage_url(organisation: Organisation | None) -> str:
    if organisation is None:
        return reverse("accounts:workspace")
    return reverse("network:workspace-organisation", args=[organisation.slug])


@login_required
def organisation_manage(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    context = vars(selectors.organisation_workspace(organisation))
    return render(request, "network/workspace/organisation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    coordinating = getattr(request.user, "is_coordinator", False)
    form_class = CoordinatorOrganisationForm if coordinating else OrganisationForm
    form = form_class(request.POST or None, request.FILES or None, instance=organisation)
    return run_form(
        request,
        form,
        lambda: services.organisation_save(
            form.instance,
            change=Change.from_request(request),
            expected_version=form.expected_version,
        ),
        template="network/workspace/form.html",
        context={"title": _("Edit the organisation"), "record": organisation},
        success_url=_manage_url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def branch_create(request: HttpRequest, slug: str) -> HttpResponse:
    parent = selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", parent)
    form = BranchForm(request.POST or None, instance=Organisation(parent=parent))
    return run_form(
        request,
        form,
        lambda: services.organisation_save(form.instance, change=Change.from_request(request)),
        template="network/workspace/form.html",
        context={"title": _("New branch"), "record": parent},
        success_url=lambda branch: _manage_url(parent),
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    form = PersonForm(request.POST or None, instance=Person(affiliation=organisation))
    return run_form(
        request,
        form,
        lambda: services.person_save(form.instance, change=Change.from_request(request)),
        template="network/workspace/form.html",
        context={"title": _("New person"), "record": organisation},
        success_url=lambda person: _manage_url(organisation),
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(pk)
    require(request, "network.change_person", person)
    form = PersonForm(request.POST or None, instance=person)
    return run_form(
        request,
        form,
        lambda: services.person_save(
            form.instance,
            change=Change.from_request(request),
            expected_version=form.expected_version,
        ),
        template="network/workspace/form.html",
        context={"title": _("Edit the person"), "record": person},
        success_url=lambda saved: _manage_url(saved.affiliation),
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(pk)
    require(request, "network.delete_person", person)
    if request.method == "POST":
        services.person_delete(person, change=Change.from_request(request))
        return HttpResponseRedirect(_manage_url(person.affiliation))
    return render(request, "network/workspace/confirm_delete.html", {"record": person})


def _agreement_home(request: HttpRequest, agreement: Agreement) -> str:
    own = getattr(request.user, "organisation", None)
    if own is not None:
        return _manage_url(own)
    return reverse("network:agreement-detail", args=[agreement.pk])


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    require(request, "network.add_agreement")
    own = getattr(request.user, "organisation", None)
    initial = {"parties": [own]} if own is not None else {}
    form = AgreementForm(request.POST or None, request.FILES or None, initial=initial)
    return run_form(
        request,
        form,
        lambda: services.agreement_save(
            form.instance, parties=form.cleaned_data["parties"], change=Change.from_request(request)
        ),
        template="network/workspace/form.html",
        context={"title": _("New agreement")},
        success_url=lambda agreement: _agreement_home(request, agreement),
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_change(pk)
    require(request, "network.change_agreement", agreement)
    form = AgreementForm(request.POST or None, request.FILES or None, instance=agreement)
    return run_form(
        request,
        form,
        lambda: services.agreement_save(
            form.instance,
            parties=form.cleaned_data["parties"],
            change=Change.from_request(request),
            expected_version=form.expected_version,
        ),
        template="network/workspace/form.html",
        context={"title": _("Edit the agreement"), "record": agreement},
        success_url=lambda saved: _agreement_home(request, saved),
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for_change(pk)
    require(request, "network.delete_agreement", agreement)
    if request.method == "POST":
        target = _agreement_home(request, agreement)
        services.agreement_delete(agreement, change=Change.from_request(request))
        if target.endswith(f"/{agreement.pk}/"):
            target = reverse("network:agreement-list")
        return HttpResponseRedirect(target)
    return render(request, "network/workspace/confirm_delete.html", {"record": agreement})
