from django.urls import path

from kopir.network import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("partners/", views.organisation_list, name="organisation-list"),
    path("partners/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("map/", views.network_map, name="map"),
]
