"""Site-wide error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views import defaults


def server_error(request):
    """A 500, except when the database cannot be reached: then a 503 that says so and when to
    try again (cached public pages are still served meanwhile: articles/public_cache.py)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return HttpResponse(
            "The newsroom's database is not answering just now. Please try again in a minute.",
            status=503,
            content_type="text/plain; charset=utf-8",
            headers={"Retry-After": "60"},
        )
    return defaults.server_error(request)
