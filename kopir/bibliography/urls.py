from django.urls import path

from kopir.bibliography import views

app_name = "bibliography"

urlpatterns = [
    path("", views.publication_list, name="list"),
    path("new/", views.publication_create, name="publication-create"),
    path("paste/", views.publication_paste, name="publication-paste"),
    path("import/", views.publication_import, name="publication-import"),
    path("<int:pk>/edit/", views.publication_edit, name="publication-edit"),
    path("<int:pk>/delete/", views.publication_delete, name="publication-delete"),
]
