"""Sign-in, the workspace home, profile, API tokens, invitations and the audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.accounts import selectors, services
from kopir.accounts.agenda import agenda
from kopir.accounts.forms import AcceptInvitationForm, ApiTokenForm, InvitationForm, ProfileForm
from kopir.core import history, throttle
from kopir.core.audit import Change, Origin
from kopir.core.clients import client_address
from kopir.core.editing import attach_errors, require
from kopir.core.http import AuthenticatedHttpRequest

INVITATION_SENT = _("The invitation was sent to %(email)s.")
TOKEN_CREATED = _("Copy the token now: it is shown only once.")
VERSION_RESTORED = _("The earlier version is current again.")


ERROR_TOO_MANY_RESETS = _(
    "Too many password reset letters were asked for. Wait an hour and try again, or ask the "
    "coordinator."
)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with a bound on the letters: per address typed and per client, so the
    form can flood neither someone's mailbox nor the mail server (KOPIR_PASSWORD_RESET_*)."""

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"].strip().casefold()
        window = settings.KOPIR_PASSWORD_RESET_WINDOW
        per_address = throttle.allow(
            "reset-address", email, limit=settings.KOPIR_PASSWORD_RESET_PER_ADDRESS, window=window
        )
        per_client = throttle.allow(
            "reset-client",
            client_address(self.request) or "",
            limit=settings.KOPIR_PASSWORD_RESET_PER_CLIENT,
            window=window,
        )
        if not (per_address and per_client):
            form.add_error(None, ERROR_TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """Sign-in; without a `next`, it lands in the workspace in the user's preferred language."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        language = getattr(self.request.user, "preferred_language", None)
        with translation.override(language or translation.get_language()):
            return reverse("accounts:workspace")


@login_required
def workspace(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The workspace home, «my library today»: what waits for this user's library."""
    return render(request, "accounts/workspace.html", {"agenda": agenda(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update_profile(
            request.user, change=Change.from_request(request), **form.cleaned_data
        )
        with translation.override(user.preferred_language):
            return HttpResponseRedirect(reverse("accounts:profile"))
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/profile.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = services.api_token_create(
            change=Change.from_request(request), name=form.cleaned_data["name"]
        )
        messages.warning(request, TOKEN_CREATED)
        form = ApiTokenForm()
    context = {"form": form, "tokens": selectors.api_token_list(request.user), "issued": issued}
    status = 400 if request.method == "POST" and issued is None else 200
    return render(request, "accounts/tokens.html", context, status=status)


@login_required
@require_POST
def api_token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = selectors.api_token_get(request.user, pk)
    services.api_token_revoke(token, change=Change.from_request(request))
    return HttpResponseRedirect(reverse("accounts:tokens"))


@login_required
@require_http_methods(["GET", "POST"])
def invitations(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "accounts.add_invitation")
    form = InvitationForm(request.POST or None, initial={"language": translation.get_language()})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                issued = services.invitation_create(
                    change=Change.from_request(request),
                    site_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error("email", error.message_dict.get("email", error.messages))
            else:
                messages.success(request, INVITATION_SENT % {"email": issued.invitation.email})
                return HttpResponseRedirect(reverse("accounts:invitations"))
    context = {"form": form, "invitations": selectors.invitation_list()}
    return render(request, "accounts/invitations.html", context, status=status)


@login_required
@require_POST
def invitation_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(request, "accounts.add_invitation")
    services.invitation_revoke(selectors.invitation_get(pk), change=Change.from_request(request))
    return HttpResponseRedirect(reverse("accounts:invitations"))


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """An invited editor chooses a login and password; the link then stops working."""
    try:
        invitation = services.invitation_get_open(token)
    except ValidationError as error:
        return render(
            request, "accounts/invitation_invalid.html", {"error": error.messages[0]}, status=410
        )
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            with translation.override(user.preferred_language):
                return HttpResponseRedirect(reverse("accounts:workspace"))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "invitation": invitation}
    return render(request, "accounts/invitation_accept.html", context, status=status)


@login_required
def record_history(request: AuthenticatedHttpRequest, model: str, pk: int) -> HttpResponse:
    require(request, "accounts.view_history")
    model_class = history.audited_model(model)
    versions = history.record_versions(model_class, pk)
    current = selectors.current_version(model_class, pk)
    context = {
        "model_name": model,
        "verbose_name": model_class._meta.verbose_name,
        "versions": versions,
        "current": current,
    }
    return render(request, "accounts/history.html", context)


@login_required
@require_POST
def version_restore(
    request: AuthenticatedHttpRequest, model: str, pk: int, history_id: int
) -> HttpResponse:
    require(request, "accounts.restore_version")
    model_class = history.audited_model(model)
    history.version_restore(
        model_class, history_id, change=Change.from_request(request, Origin.RESTORE)
    )
    messages.success(request, VERSION_RESTORED)
    return HttpResponseRedirect(reverse("accounts:history", args=[model, pk]))


@login_required
def user_history(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(request, "accounts.view_history")
    subject = selectors.user_get(pk)
    context = {"subject": subject, "actions": history.user_actions(subject)}
    return render(request, "accounts/user_history.html", context)


@login_required
def users(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.is_coordinator:
        raise PermissionDenied
    return render(request, "accounts/users.html", {"users": selectors.user_list()})
