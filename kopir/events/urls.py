from django.urls import path

from kopir.events import views, workspace_views
from kopir.events.feeds import AnnouncementFeed

app_name = "events"

urlpatterns = [
    path("plan/", workspace_views.event_plan, name="event-plan"),
    path("", views.event_list, name="event-list"),
    path("calendar.ics", views.network_feed, name="feed"),
    path("announcements.atom", AnnouncementFeed(), name="announcements"),
    path("organisation/<slug:slug>.ics", views.organisation_feed, name="organisation-feed"),
    path("format/<slug:format>.ics", views.format_feed, name="format-feed"),
    path("registration/<str:token>/", views.registration_page, name="registration"),
    path("registration/<str:token>/cancel/", views.registration_cancel, name="registration-cancel"),
    path("<slug:slug>/", views.event_detail, name="event-detail"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/attendance/", views.attendance, name="attendance"),
    path("<slug:slug>/edit/", workspace_views.event_edit, name="event-edit"),
    path("<slug:slug>/status/", workspace_views.event_status, name="event-status"),
    path("<slug:slug>/media/", workspace_views.event_media, name="event-media"),
    path(
        "<slug:slug>/photos/<int:pk>/delete/",
        workspace_views.photo_delete,
        name="photo-delete",
    ),
    path("<slug:slug>/links/<int:pk>/delete/", workspace_views.link_delete, name="link-delete"),
    path("<slug:slug>/registrations/", views.registration_list, name="registrations"),
    path("<slug:slug>/registrations/print/", views.registration_print, name="registrations-print"),
    path(
        "<slug:slug>/registrations.<str:extension>",
        views.registration_export,
        name="registrations-export",
    ),
    path(
        "<slug:slug>/registrations/<int:pk>/erase/",
        views.registration_erase,
        name="registration-erase",
    ),
    path("<slug:slug>.ics", views.event_ics, name="event-ics"),
]
