from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kopir.api"
    verbose_name = "API"
