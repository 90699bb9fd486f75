from django.urls import path

from kopir.heritage import views, workspace_views

app_name = "heritage"

urlpatterns = [
    path("", views.collection_home, name="home"),
    path("search/", views.search, name="search"),
    path("timeline/", views.timeline, name="timeline"),
    path("places/", views.places, name="places"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/edit/", workspace_views.item_edit, name="item-edit"),
    path("items/<int:pk>/status/", workspace_views.item_status, name="item-status"),
    path("items/<int:pk>/project/", workspace_views.item_project, name="item-project"),
    path("projects/", views.project_list, name="projects"),
    path("projects/new/", workspace_views.project_create, name="project-create"),
    path("projects/<slug:slug>/", views.project_detail, name="project"),
    path("projects/<slug:slug>/edit/", workspace_views.project_edit, name="project-edit"),
    path("projects/<slug:slug>/items/", workspace_views.project_items, name="project-items"),
    path("projects/<slug:slug>/tasks/new/", workspace_views.task_add, name="task-add"),
    path("tasks/<int:pk>/toggle/", workspace_views.task_toggle, name="task-toggle"),
    path("workspace/<slug:slug>/", workspace_views.item_list, name="workspace-items"),
    path("workspace/<slug:slug>/new/", workspace_views.item_create, name="item-create"),
]
