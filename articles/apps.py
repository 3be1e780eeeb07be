from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy checks
        from .public_cache import connect_signals

        connect_signals()
