"""Purging the cache in front (Varnish, or a CDN) of exactly the pages a change touched.

Every public page names what it shows (surrogate_keys). When something a page can show is
saved, `keys_touched` says which keys the change touched, and the purge is queued in the
change's own transaction, as a task of the outbox (django-tasks-db; `manage.py db_worker`
runs it, and tries again after a failure), so that a change is never committed without its
purge, nor purged before it is committed; it also goes out at once when the transaction
commits. Withdrawing an article purges hard: its page is never served again from grace.

After a purge the worker asks the front for the article's page and the lists that changed
(`warm`), so that the first reader after a publication does not wait for the page.

Backends (settings.PURGE_BACKEND): "varnish" (an HTTP PURGE with xkey-purge or
xkey-softpurge to each of PURGE_URLS; deploy/varnish/newsroom.vcl), "fastly" (purge by
surrogate key) and "cloudflare" (purge by cache tag) over their HTTP APIs (CDN_API_URL,
CDN_SERVICE, CDN_TOKEN). None, by default: the in-process page cache (public_cache) is
the only cache, and follows every change by its generation.
"""

import http.client
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from .models import (
    Article,
    ArticleStatus,
    Correction,
    Disclaimer,
    Keyword,
    Outlet,
    ReadAlsoLink,
    Revision,
    SourceStory,
)
from .surrogate_keys import named

logger = logging.getLogger(__name__)
RETRY_AFTER = [timedelta(seconds=5), timedelta(seconds=30), timedelta(minutes=5)]
TIMEOUT_SECONDS = 5
AT_ONCE_TIMEOUT_SECONDS = 1
EVERY_LIST = {"list-home", "list-feed", "list-search", "list-sitemap"}


def keys_touched(instance, *, deleted=False):
    """(keys, hard) for a saved or deleted row a public page can show: the pages that showed
    it, and the lists it joins; hard when an article was withdrawn or deleted."""
    if isinstance(instance, Article):
        hard = deleted or instance.status == ArticleStatus.UNPUBLISHED
        return _article_keys(instance), hard
    if isinstance(instance, Disclaimer):
        return {f"disclaimer-{instance.pk}"}, False
    if isinstance(instance, Outlet):  # its name is on its pages, articles and every list
        return {named("outlet", slug) for slug in _slugs(instance)} | {"lists"}, False
    if isinstance(instance, Keyword):  # its name is on its pages, articles and the feeds
        keys = {"lists"}
        for slug in _slugs(instance):
            keys |= {named("keyword", slug), named("list-keyword", slug)}
        return keys, False
    if isinstance(instance, Correction):  # shown under the article and in the feeds
        return {f"article-{instance.article_id}", "list-feed"}, False
    if isinstance(instance, SourceStory) and hasattr(instance, "article"):
        return {f"article-{instance.article.pk}"}, False
    if isinstance(instance, Revision | ReadAlsoLink):  # a revision's keywords, its links
        article = instance.article if isinstance(instance, Revision) else instance.revision.article
        if article.published_revision_id:
            return _article_keys(article), False
    return set(), False


def _slugs(instance):
    """The slugs a page may be filed under: the one being saved, and the one loaded before."""
    return {instance.slug, getattr(instance, "as_loaded", {}).get("slug")} - {None, ""}


def _article_keys(article):
    """The article's page and addresses (the former and the one it had when loaded too), the
    pages showing it as Read Also, and every list it is or was in, as saved and as loaded:
    by name, each list whole (an article joining or leaving shifts every page of it after);
    a list's pages also name their articles' addresses (surrogate_keys)."""
    before = getattr(article, "as_loaded", {})
    slugs = _slugs(article) | ({article.former_slug} - {""})
    keys = {f"article-{article.pk}", *EVERY_LIST} | {named("news", slug) for slug in slugs}
    outlets = {article.outlet_id, before.get("outlet_id")} - {None}
    if outlets:
        slugs = Outlet.objects.filter(pk__in=outlets).values_list("slug", flat=True)
        keys |= {named("list-outlet", slug) for slug in slugs}
    # By id: a revision may be gone with the article.
    revisions = {article.published_revision_id, before.get("published_revision_id")} - {None}
    if revisions:
        slugs = Keyword.objects.filter(revisions__in=revisions).values_list("slug", flat=True)
        keys |= {named("list-keyword", slug) for slug in slugs.distinct()}
    # Pages whose Read Also links to it: a link waiting for it appears when it is published.
    linking = ReadAlsoLink.objects.filter(target_id=article.pk)
    keys |= {f"article-{pk}" for pk in linking.values_list("revision__article_id", flat=True)}
    return keys


def purge_touched(instance, *, deleted=False):
    """Queue the purge of what a change to `instance` touched, if there is a front."""
    if settings.PURGE_BACKEND:
        keys, hard = keys_touched(instance, deleted=deleted)
        purge_later(keys, hard=hard)


def purge_later(keys, *, hard=False):
    """Queue the purge of `keys` in the current transaction, and send it at once when the
    transaction commits: readers see a change within a second, not at the worker's next
    look; the queued one makes sure of it (tried again until it goes through) and warms."""
    if not settings.PURGE_BACKEND or not keys:
        return
    listed = sorted(keys)
    purge_pages.enqueue(listed, hard)
    transaction.on_commit(lambda: _purge_now(listed, hard=hard), robust=True)


def _purge_now(keys, *, hard):
    """The purge at the commit, in the request: brief, and never an error for the editor,
    whose change stands; the worker's queued purge tries again."""
    try:
        backend().purge(keys, hard=hard, timeout=AT_ONCE_TIMEOUT_SECONDS)
    except PurgeError as error:
        logger.warning("Purge of %s failed (%s); the worker will try again.", keys, error)


@task()
def purge_pages(keys: list[str], hard: bool, attempt: int = 1) -> int:
    """The worker's task: purge `keys`, warm what they name, and try again after a failure
    (a withdrawal's for as long as it takes)."""
    try:
        backend().purge(keys, hard=hard)
    except PurgeError as error:
        if attempt > len(RETRY_AFTER) and not hard:
            logger.error("Gave up purging %s after %s attempts: %s", keys, attempt, error)
            raise
        if attempt > len(RETRY_AFTER):  # a withdrawal is never left to be served
            logger.error("Purging withdrawn pages %s still fails (%s): trying again", keys, error)
        later = timezone.now() + RETRY_AFTER[min(attempt, len(RETRY_AFTER)) - 1]
        purge_pages.using(run_after=later).enqueue(keys, hard, attempt + 1)
        return 0
    return warm(keys)


class PurgeError(Exception):
    pass


def backend():
    kind = settings.PURGE_BACKEND
    if kind == "varnish":
        return VarnishPurger(settings.PURGE_URLS)
    if kind == "fastly":
        return FastlyPurger(settings.CDN_API_URL, settings.CDN_SERVICE, settings.CDN_TOKEN)
    if kind == "cloudflare":
        return CloudflarePurger(settings.CDN_API_URL, settings.CDN_SERVICE, settings.CDN_TOKEN)
    raise PurgeError(f"PURGE_BACKEND is “{kind}”: give varnish, fastly or cloudflare.")


def _send(request, timeout=TIMEOUT_SECONDS):
    """Send one purge; any failure (refused, timed out, an answer that is no HTTP, a bad
    address) is a PurgeError."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        raise PurgeError(f"{request.get_method()} {request.full_url}: {error}") from error


class VarnishPurger:
    """xkey: PURGE with the keys in xkey-purge (hard) or xkey-softpurge (kept for grace), to
    each Varnish in front of the app servers."""

    def __init__(self, urls):
        self.urls = urls

    def purge(self, keys, *, hard, timeout=TIMEOUT_SECONDS):
        header = "xkey-purge" if hard else "xkey-softpurge"
        for url in self.urls:
            request = urllib.request.Request(url, method="PURGE", headers={header: " ".join(keys)})
            _send(request, timeout)


class FastlyPurger:
    """Fastly's purge by surrogate key: POST /service/<id>/purge, Surrogate-Key: k1 k2."""

    def __init__(self, api_url, service, token):
        self.url = f"{api_url.rstrip('/')}/service/{service}/purge"
        self.token = token

    def purge(self, keys, *, hard, timeout=TIMEOUT_SECONDS):
        headers = {"Fastly-Key": self.token, "Surrogate-Key": " ".join(keys)}
        if not hard:
            headers["Fastly-Soft-Purge"] = "1"
        _send(urllib.request.Request(self.url, method="POST", headers=headers), timeout)


class CloudflarePurger:
    """Cloudflare's purge by cache tag: POST /zones/<zone>/purge_cache {"tags": [...]}."""

    def __init__(self, api_url, zone, token):
        self.url = f"{api_url.rstrip('/')}/zones/{zone}/purge_cache"
        self.token = token

    def purge(self, keys, *, hard, timeout=TIMEOUT_SECONDS):
        body = json.dumps({"tags": list(keys)}).encode()
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        request = urllib.request.Request(self.url, data=body, method="POST", headers=headers)
        _send(request, timeout)


# --- Warming -----------------------------------------------------------------------------------

_PAGES = {"list-home": ("public:home", None), "list-feed": ("public:feed", None)}
_OWNED = {
    "list-outlet-": "public:outlet",
    "list-keyword-": "public:keyword",
    "news-": "public:article",
}


def addresses(keys):
    """The addresses of the pages `keys` name that are worth asking for again at once: the
    articles' pages, the home page, the main feed, the outlet and keyword pages."""
    found = []
    for key in sorted(keys):
        if key in _PAGES:
            found.append(reverse(_PAGES[key][0]))
        for prefix, name in _OWNED.items():
            if key.startswith(prefix):
                found.append(reverse(name, args=[unquote(key.removeprefix(prefix))]))
    return found


def warm(keys):
    """Ask the front for each page `keys` name, so that it holds them again (a withdrawal
    notice too); returns how many answered. A page that fails is left for its first reader."""
    site = urlsplit(settings.NEWSROOM_SITE_URL)
    warmed = 0
    for path in addresses(keys):
        try:
            with urllib.request.urlopen(f"{site.scheme}://{site.netloc}{path}",
                                        timeout=TIMEOUT_SECONDS):  # fmt: skip
                warmed += 1
        except urllib.error.HTTPError as error:
            warmed += error.code in {404, 410}
        except (urllib.error.URLError, OSError) as error:
            logger.info("Warming %s failed: %s", path, error)
    return warmed
