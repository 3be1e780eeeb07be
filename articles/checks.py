from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_page_cache(app_configs, **kwargs):
    """Cached public pages are invalidated through the cache itself: app servers that do
    not share one would each keep their own, and some would serve stale pages."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PUBLIC_CACHE_SECONDS > 0 and backend.endswith("LocMemCache"):
        return [
            Warning(
                "Public pages are cached in each process's own memory, so a change seen by "
                "one app server or worker is not seen by the others.",
                hint="Set REDIS_URL to a Redis every app server shares, or "
                "PUBLIC_CACHE_SECONDS=0 to turn the page cache off.",
                id="newsroom.W001",
            )
        ]
    return []
