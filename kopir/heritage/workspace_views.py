"""Editing the collection in the workspace: an organisation's items (with their files,
publication and withdrawal) and the joint research projects."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.editing import SAVED, require, try_save
from kopir.heritage import selectors, services
from kopir.heritage.forms import ItemForm, ProjectForm, TaskForm, WithdrawForm
from kopir.heritage.models import Item, Project
from kopir.network import selectors as network_selectors
from kopir.network.models import Organisation

PUBLISHED = _("Published: readers, search and harvesters see the item now.")
WITHDRAWN = _("Withdrawn: the item's page and the OAI-PMH feed keep a note that it was withdrawn.")
ADDED_TO_PROJECT = _("The item is added to the project.")
REMOVED_FROM_PROJECT = _("The item is removed from the project.")


@login_required
def item_list(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's items, drafts included."""
    organisation = network_selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    return render(
        request,
        "heritage/workspace/items.html",
        {
            "organisation": organisation,
            "items": selectors.organisation_items(organisation),
        },
    )


def _save_item(
    request: HttpRequest, form: ItemForm, organisation: Organisation, item: Item | None
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data.get("upload")

            def save() -> Item:
                if item is None:
                    return services.item_create(
                        organisation=organisation,
                        data=form.item_data(),
                        change=Change.from_request(request),
                        upload=upload,
                    )
                return services.item_update(
                    item,
                    data=form.item_data(),
                    change=Change.from_request(request),
                    version=form.expected_version,
                    upload=upload,
                )

            saved, status = try_save(request, form, save, default_field="upload")
            if status == 200:
                return HttpResponseRedirect(reverse("heritage:item-edit", args=[saved.pk]))
    context = {
        "form": form,
        "organisation": organisation,
        "item": item,
        "projects": selectors.projects_open_to(item, request.user) if item else [],
    }
    return render(request, "heritage/workspace/item_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = network_selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    form = ItemForm(request.POST or None, request.FILES or None)
    return _save_item(request, form, organisation, None)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_change(pk)
    require(request, "heritage.change_item", item)
    form = ItemForm(request.POST or None, request.FILES or None, instance=item)
    return _save_item(request, form, item.organisation, item)


@login_required
@require_POST
def item_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish, or withdraw with a reason."""
    item = selectors.item_for_change(pk)
    require(request, "heritage.change_item", item)
    try:
        if request.POST.get("action") == "publish":
            services.item_publish(item, change=Change.from_request(request))
            messages.success(request, PUBLISHED)
        elif request.POST.get("action") == "withdraw":
            form = WithdrawForm(request.POST)
            note = form.cleaned_data["note"] if form.is_valid() else ""
            services.item_withdraw(item, note=note, change=Change.from_request(request))
            messages.success(request, WITHDRAWN)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("heritage:item-edit", args=[item.pk]))


def _move(request: HttpRequest, project: Project, item: Item) -> None:
    try:
        if request.POST.get("action") == "remove":
            services.project_remove_item(project, item, change=Change.from_request(request))
            messages.success(request, REMOVED_FROM_PROJECT)
        else:
            services.project_add_item(project, item, change=Change.from_request(request))
            messages.success(request, ADDED_TO_PROJECT)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def project_items(request: HttpRequest, slug: str) -> HttpResponse:
    """On the project's page: add an item to the project, or take it out."""
    project = selectors.project_for_change(slug)
    item_id = request.POST.get("item", "")
    item = selectors.item_for_change(int(item_id) if item_id.isdigit() else 0)
    _move(request, project, item)
    return HttpResponseRedirect(reverse("heritage:project", args=[project.slug]))


@login_required
@require_POST
def item_project(request: HttpRequest, pk: int) -> HttpResponse:
    """On the item's page: add it to one of the projects its organisation takes part in."""
    item = selectors.item_for_change(pk)
    project = selectors.project_for_change(request.POST.get("project", ""))
    _move(request, project, item)
    return HttpResponseRedirect(reverse("heritage:item-edit", args=[item.pk]))


def _save_project(request: HttpRequest, form: ProjectForm, project: Project) -> HttpResponse:
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            for name in ProjectForm.Meta.fields:
                if name not in ("organisations", "contributors"):  # many-to-many: below
                    setattr(project, name, data[name])
            saved, status = try_save(
                request,
                form,
                lambda: services.project_save(
                    project,
                    organisations=list(data["organisations"]),
                    contributors=list(data["contributors"]),
                    change=Change.from_request(request),
                    version=form.expected_version,
                ),
            )
            if status == 200:
                return HttpResponseRedirect(reverse("heritage:project", args=[saved.slug]))
    return render(
        request,
        "heritage/workspace/project_form.html",
        {"form": form, "project": project},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    require(request, "heritage.add_project")
    own = getattr(request.user, "organisation", None)
    form = ProjectForm(request.POST or None, initial={"lead": own})
    return _save_project(request, form, Project())


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_for_change(slug)
    require(request, "heritage.change_project", project)
    form = ProjectForm(request.POST or None, instance=project)
    return _save_project(request, form, project)


@login_required
@require_http_methods(["GET", "POST"])
def task_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_for_change(slug)
    require(request, "heritage.change_project", project)
    form = TaskForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        services.task_save(form.instance, change=Change.from_request(request))
        messages.success(request, SAVED)
        return HttpResponseRedirect(reverse("heritage:project", args=[project.slug]) + "#tasks")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "heritage/workspace/task_form.html",
        {"form": form, "project": project},
        status=status,
    )


@login_required
@require_POST
def task_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(pk)
    services.task_toggle(task, change=Change.from_request(request))
    return HttpResponseRedirect(reverse("heritage:project", args=[task.project.slug]) + "#tasks")
