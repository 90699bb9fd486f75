from django.urls import path

from kopir.exchange import views

app_name = "exchange"

urlpatterns = [
    path("books/<slug:slug>/", views.record_list, name="records"),
    path("books/<slug:slug>/import/", views.marc_import, name="import"),
    path("books/<slug:slug>/export/", views.marc_export, name="export"),
    path("books/<slug:slug>/duplicates/", views.duplicate_list, name="duplicates"),
    path("imports/<int:pk>/", views.batch_detail, name="batch"),
    path("imports/<int:pk>/decide/", views.batch_decide, name="batch-decide"),
    path("records/<int:pk>/decide/", views.record_decide, name="record-decide"),
]
