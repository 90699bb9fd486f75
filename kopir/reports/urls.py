from django.urls import path

from kopir.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_index, name="index"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("view/", views.report_on_screen, name="on-screen"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/progress/", views.run_progress, name="run-progress"),
    path("runs/<int:pk>/download/", views.run_download, name="run-download"),
    path("runs/<int:pk>/delete/", views.run_delete, name="run-delete"),
]
