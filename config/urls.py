"""URLs: pages under a language prefix (/kk/, /ru/, /en/); the API and feeds without one."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from kopir.api.api import api
from kopir.core import media
from kopir.core import views as core_views
from kopir.exchange.sru import views as sru_views
from kopir.heritage.oai import views as oai_views

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", core_views.health, name="health"),
    path("oai", oai_views.endpoint, name="oai"),
    path("sru", sru_views.endpoint, name="sru"),
    # Every uploaded file passes the check of who may read it and gets safe headers; in
    # production the web server then sends the bytes (kopir/core/media.py, the README).
    re_path(r"^media/(?P<name>.+)$", media.serve, name="media"),
]

# An API client gets JSON errors even from Django's own handlers (kopir/api/errors.py).
handler400 = "kopir.api.errors.bad_request"
handler403 = "kopir.api.errors.permission_denied"
handler404 = "kopir.api.errors.page_not_found"
handler500 = "kopir.api.errors.server_error"

urlpatterns += i18n_patterns(
    path("", include("kopir.network.urls")),
    path("events/", include("kopir.events.urls")),
    path("exchange/", include("kopir.exchange.urls")),
    path("collection/", include("kopir.heritage.urls")),
    path("publications/", include("kopir.bibliography.urls")),
    path("reports/", include("kopir.reports.urls")),
    path("script/", core_views.set_script, name="set-script"),
    path("accounts/", include("kopir.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
