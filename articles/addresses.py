"""Public addresses, reversed once: `address("public:keyword", slug)` is `reverse()` remembered
per process. An address depends only on the URL configuration, the script prefix, the name
and the arguments, which together are the memo's key (forgotten when ROOT_URLCONF changes); a
public page names a dozen (its outlet, keywords, Read Also targets, feeds), and reversing them
took a sixth of an uncached article page's time. No address here depends on the language."""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


def address(name, *args):
    return _reversed(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), name, args)


@lru_cache(maxsize=8192)
def _reversed(urlconf, prefix, name, args):
    return reverse(name, args=args, urlconf=urlconf)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()
