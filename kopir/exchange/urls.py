from django.urls import path

from kopir.exchange import offer_views, shipment_views, views

app_name = "exchange"

urlpatterns = [
    path("books/<slug:slug>/", views.record_list, name="records"),
    path("books/<slug:slug>/import/", views.marc_import, name="import"),
    path("books/<slug:slug>/export/", views.marc_export, name="export"),
    path("books/<slug:slug>/duplicates/", views.duplicate_list, name="duplicates"),
    path("imports/<int:pk>/", views.batch_detail, name="batch"),
    path("imports/<int:pk>/decide/", views.batch_decide, name="batch-decide"),
    path("records/<int:pk>/decide/", views.record_decide, name="record-decide"),
    path("records/<int:pk>/offer/", offer_views.offer_create, name="offer-create"),
    path("offers/<int:pk>/withdraw/", offer_views.offer_withdraw, name="offer-withdraw"),
    path("wishes/<slug:slug>/", offer_views.wish_list, name="wishes"),
    path("wish/<int:pk>/delete/", offer_views.wish_delete, name="wish-delete"),
    path("wishes/<slug:slug>/ask/<int:pk>/", offer_views.book_request, name="book-request"),
    path("catalogue/", offer_views.catalogue, name="catalogue"),
    path("catalogue/<int:pk>/", offer_views.book_detail, name="book"),
    path("shipments/<slug:slug>/", shipment_views.shipment_list, name="shipments"),
    path("shipments/<slug:slug>/new/", shipment_views.shipment_create, name="shipment-create"),
    path("shipment/<int:pk>/", shipment_views.shipment_detail, name="shipment"),
    path("shipment/<int:pk>/move/", shipment_views.shipment_move, name="shipment-move"),
    path(
        "shipment/<int:pk>/<str:name>",
        shipment_views.shipment_document,
        name="shipment-document",
    ),
    path("balance/", shipment_views.balance, name="balance"),
]
