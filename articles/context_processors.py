from django.conf import settings
from django.utils.functional import lazy

from .addresses import address

_address = lazy(address, str)


def site(request):
    """What every page's frame shows: the site's name, and the addresses of its feeds, home
    page and search (reversed only where a page shows them)."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_feed": _address("public:feed"),
        "site_atom": _address("public:feed_atom"),
        "site_home": _address("public:home"),
        "site_search": _address("public:search"),
    }
