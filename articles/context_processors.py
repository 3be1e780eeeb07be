from django.conf import settings

from .addresses import address


def site(request):
    """What every page's frame shows: the site's name and the addresses of its feeds, home
    page and search."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "site_feed": address("public:feed"),
        "site_atom": address("public:feed_atom"),
        "site_home": address("public:home"),
        "site_search": address("public:search"),
    }
