"""Cached public pages that are never stale.

Every cached page is stored with the public site's *generation*. Any change to
something a public page can show (an article, its disclaimer, an outlet, a
keyword, a correction) starts a new generation once it is committed, so every
page is rendered afresh on its next request; nothing needs to know which pages
showed what. Changes are rare next to reads (a few publications an hour), so
the cost is a few re-renders per change. The generation lives in the cache
itself: Redis (REDIS_URL) when several app servers share it.

The invalidation follows every write, whatever makes it (the workflow, the
admin, a shell), through post-save signals: it is bookkeeping for the cache,
not a rule of the newsroom, and must not depend on who wrote.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .models import Article

GENERATION_KEY = "public:generation"
CACHED_STATUSES = {200, 410}


def generation():
    return cache.get(GENERATION_KEY) or _fresh_generation()


def _fresh_generation():
    # A lost generation (evicted, a cache restart) must never come back as an old number.
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY)


def start_new_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there: any fresh value is a new generation
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def public_content_changed(sender, instance=None, **kwargs):
    """A signal receiver: the pages change once the write is committed (not before, or a
    request in between could cache the old content under the new generation). An article
    that has never been published is on no public page: saving its drafts changes nothing."""
    if isinstance(instance, Article) and instance.published_revision_id is None:
        return
    transaction.on_commit(start_new_generation)


def connect_signals():
    from .models import Correction, Disclaimer, Keyword, Outlet, Revision

    for model in [Article, Correction, Disclaimer, Keyword, Outlet]:
        post_save.connect(public_content_changed, sender=model, dispatch_uid=f"public-{model}")
        post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"public-d-{model}")
    m2m_changed.connect(
        public_content_changed, sender=Revision.keywords.through, dispatch_uid="public-keywords"
    )


def public_page(view):
    """Serve the view's page from the cache while nothing on it has changed, and let browsers
    and proxies keep it for PUBLIC_MAX_AGE seconds (ETags and 304s come from
    ConditionalGetMiddleware)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if settings.PUBLIC_CACHE_SECONDS <= 0 or request.method not in {"GET", "HEAD"}:
            response = view(request, *args, **kwargs)
        else:
            address = request.build_absolute_uri()  # host and scheme too: pages name them
            key = "public:page:" + hashlib.sha256(address.encode()).hexdigest()
            # One round trip: the page as stored, and the generation it must belong to.
            found = cache.get_many([key, GENERATION_KEY])
            current = found.get(GENERATION_KEY) or _fresh_generation()
            stored = found.get(key)
            if stored is not None and stored[0] == current:
                _, content, headers, status = stored
                response = HttpResponse(content, headers=headers, status=status)
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                if response.status_code in CACHED_STATUSES:
                    # Stored under the generation read *before* rendering: if something
                    # changed meanwhile, the next request renders again.
                    headers = dict(response.headers)  # the view's own: Last-Modified…
                    entry = (current, response.content, headers, response.status_code)
                    cache.set(key, entry, settings.PUBLIC_CACHE_SECONDS)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_MAX_AGE)
        return response

    return cached_view
