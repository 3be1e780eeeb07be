"""Cached public pages that are never stale, and a site that stays up when the cache is down.

Every cached page is stored with the public site's *generation*. Any change to
something a public page can show (an article, its disclaimer, an outlet, a
keyword, a correction, a Read Also link) raises the generation in the same
transaction, so every page is rendered afresh on its next request; nothing needs
to know which pages showed what. Changes are rare next to reads (a few
publications an hour), so the cost is a few re-renders per change.

The generation lives in the database (PublicGeneration), read with each cached
page: the cache is never the only record that content changed, so a cache
restarted from an old copy of itself serves nothing withdrawn. A copy of it in
the cache serves while the database is down (nothing can change then). When the
cache (Redis, REDIS_URL) is unreachable, pages are rendered from the database,
uncached; the failure is logged when it starts and when it ends, not per request,
and the cache is left alone for a few seconds before it is tried again.

The invalidation follows every write, whatever makes it (the workflow, the
admin, a shell), through post-save signals: it is bookkeeping for the cache,
not a rule of the newsroom, and must not depend on who wrote.
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from redis.exceptions import RedisError

from . import purging, surrogate_keys
from .models import Article, PublicGeneration

logger = logging.getLogger(__name__)
GENERATION_KEY = "public:generation"
CACHED_STATUSES = {200, 410}
CACHE_ERRORS = (RedisError, OSError)
RETRY_AFTER_SECONDS = 5  # how long an unreachable cache is left alone
GENERATION_SQL = f"SELECT number FROM {PublicGeneration._meta.db_table} WHERE id = 1"


class _CacheHealth:
    """Whether the page cache answered last time; per process."""

    down_since = None
    retry_at = 0.0


def _cache(operation, *args, default=None):
    """`operation(*args)` on the page cache, or `default` while the cache is unreachable."""
    health = _CacheHealth
    if health.down_since is not None and time.monotonic() < health.retry_at:
        return default
    try:
        result = operation(*args)
    except CACHE_ERRORS as error:
        if health.down_since is None:
            health.down_since = time.monotonic()
            logger.error(
                "The page cache is unreachable (%s): public pages are served uncached, "
                "from the database, until it is back.",
                error,
            )
        health.retry_at = time.monotonic() + RETRY_AFTER_SECONDS
        return default
    if health.down_since is not None:
        logger.warning("The page cache is back after %.0f s.", time.monotonic() - health.down_since)
        health.down_since = None
    return result


def generation():
    """The current generation: the database's, else (the database down, when nothing can
    change) the copy kept in the cache; None when neither answers."""
    try:  # read with every cached page: one plain statement, no model instance
        with connection.cursor() as cursor:
            cursor.execute(GENERATION_SQL)
            row = cursor.fetchone()
    except DatabaseError:
        row = None
    return row[0] if row else _cache(cache.get, GENERATION_KEY)


def start_new_generation():
    """Raise the generation, in the transaction that changes what pages show; once committed,
    keep its copy in the cache current too, for when the database is down."""
    if not PublicGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        PublicGeneration.objects.get_or_create(pk=1)
    transaction.on_commit(_copy_generation_to_cache)


def _copy_generation_to_cache():
    try:
        number = PublicGeneration.objects.values_list("number", flat=True).get(pk=1)
    except (DatabaseError, PublicGeneration.DoesNotExist):
        return
    _cache(cache.set, GENERATION_KEY, number, None)


def public_content_changed(sender, instance=None, **kwargs):
    """A signal receiver. An article that has never been published is on no public page:
    saving its drafts changes nothing."""
    if isinstance(instance, Article) and instance.published_revision_id is None:
        return
    start_new_generation()
    purging.purge_touched(instance, deleted=kwargs.get("signal") is post_delete)


def watched_models():
    """Every model whose rows a public page shows (a test holds this to what pages read)."""
    from .models import Correction, Disclaimer, Keyword, Outlet, ReadAlsoLink, SourceStory

    return [Article, Correction, Disclaimer, Keyword, Outlet, ReadAlsoLink, SourceStory]


def connect_signals():
    from .models import Revision

    for model in watched_models():
        post_save.connect(public_content_changed, sender=model, dispatch_uid=f"public-{model}")
        post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"public-d-{model}")
    m2m_changed.connect(
        public_content_changed, sender=Revision.keywords.through, dispatch_uid="public-keywords"
    )


def shows(request, keys):
    """Add `keys` (surrogate_keys) to what the page being rendered for `request` shows."""
    request.surrogate_keys = getattr(request, "surrogate_keys", set()) | set(keys)


def _name_what_it_shows(response, request):
    keys = surrogate_keys.for_address(request.resolver_match)
    for header, value in surrogate_keys.headers(
        keys | getattr(request, "surrogate_keys", set())
    ).items():
        response[header] = value


def public_page(view):
    """Serve the view's page from the cache while nothing on it has changed, and let browsers
    and proxies keep it for PUBLIC_MAX_AGE seconds (ETags and 304s come from
    ConditionalGetMiddleware), filed under the surrogate keys of what it shows."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if settings.PUBLIC_CACHE_SECONDS <= 0 or request.method not in {"GET", "HEAD"}:
            response = view(request, *args, **kwargs)
            _name_what_it_shows(response, request)
        else:
            address = request.build_absolute_uri()  # host and scheme too: pages name them
            key = "public:page:" + hashlib.sha256(address.encode()).hexdigest()
            current = generation()
            stored = _cache(cache.get, key) if current is not None else None
            if stored is not None and stored[0] == current:
                _, content, headers, status = stored
                response = HttpResponse(content, headers=headers, status=status)
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                _name_what_it_shows(response, request)
                if response.status_code in CACHED_STATUSES and current is not None:
                    # Stored under the generation read *before* rendering: if something
                    # changed meanwhile, the next request renders again.
                    headers = dict(response.headers)  # the view's own: Last-Modified…
                    entry = (current, response.content, headers, response.status_code)
                    timeout = settings.PUBLIC_CACHE_SECONDS
                    _cache(cache.set_many, {key: entry, GENERATION_KEY: current}, timeout)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_MAX_AGE)
        if settings.FRONT_CACHE_SECONDS > 0:  # a cache in front, purged on every change
            patch_cache_control(
                response,
                s_maxage=settings.FRONT_CACHE_SECONDS,
                stale_while_revalidate=settings.STALE_WHILE_REVALIDATE_SECONDS,
                stale_if_error=settings.STALE_IF_ERROR_SECONDS,
            )
        return response

    return cached_view
