from django.urls import path

from kopir.network import views, workspace_views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("partners/", views.organisation_list, name="organisation-list"),
    path("partners/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("map/", views.network_map, name="map"),
]

urlpatterns += [
    path(
        "workspace/organisations/<slug:slug>/",
        workspace_views.organisation_manage,
        name="workspace-organisation",
    ),
    path(
        "workspace/organisations/<slug:slug>/edit/",
        workspace_views.organisation_edit,
        name="organisation-edit",
    ),
    path(
        "workspace/organisations/<slug:slug>/branches/new/",
        workspace_views.branch_create,
        name="branch-create",
    ),
    path(
        "workspace/organisations/<slug:slug>/people/new/",
        workspace_views.person_create,
        name="person-create",
    ),
    path("workspace/people/<int:pk>/edit/", workspace_views.person_edit, name="person-edit"),
    path("workspace/people/<int:pk>/delete/", workspace_views.person_delete, name="person-delete"),
    path("workspace/agreements/new/", workspace_views.agreement_create, name="agreement-create"),
    path(
        "workspace/agreements/<int:pk>/edit/", workspace_views.agreement_edit, name="agreement-edit"
    ),
    path(
        "workspace/agreements/<int:pk>/delete/",
        workspace_views.agreement_delete,
        name="agreement-delete",
    ),
]
