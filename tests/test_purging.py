"""A change purges exactly the pages it touched from the cache in front, through the outbox,
and the worker asks for them again; a withdrawal purges at once and hard. Against a local
fake of Varnish's, Fastly's and Cloudflare's purge interfaces."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import Disclaimer, Outlet
from tests.conftest import deliver_queued

pytestmark = pytest.mark.django_db


class Front(ThreadingHTTPServer):
    """A cache in front, as far as purging and warming go: it records what it is asked."""

    def __init__(self, status=200):
        self.requests, self.status = [], status
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                server.requests.append(
                    (self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                self.send_response(server.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PURGE = _answer

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def purged(self, header):
        """The keys of each PURGE with `header`, all of them in one set."""
        return set().union(*(h[header].split() for method, _, h, _ in self.requests
                             if method == "PURGE" and header in h))  # fmt: skip

    def asked_for(self):
        return {path for method, path, _, _ in self.requests if method == "GET"}


@pytest.fixture
def front(settings):
    server = Front()
    settings.PURGE_BACKEND = "varnish"
    settings.PURGE_URLS = [server.url + "/"]
    settings.NEWSROOM_SITE_URL = server.url
    yield server
    server.shutdown()


def test_publishing_purges_the_article_and_the_lists_it_joins_then_warms_them(
    front, ready_article, users
):
    article = ready_article("approved", "Raid near Palmyra", keywords=["Palmyra"])
    workflow.apply(article, "publish", actor=users["reviewer"])
    assert front.requests == []  # queued in the transaction, for the worker
    assert deliver_queued() >= 1
    assert front.purged("xkey-softpurge") >= {
        f"article-{article.pk}", f"news-{article.slug}", "list-home", "list-feed",
        "list-search", "list-sitemap", "list-outlet-sy-24", "list-keyword-palmyra",
    }  # fmt: skip
    assert not front.purged("xkey-purge")  # soft: kept for grace while it is refreshed
    assert {article.get_absolute_url(), "/", "/feed/", "/outlets/sy-24/",
            "/keywords/palmyra/"} <= front.asked_for()  # fmt: skip


def test_a_purge_goes_out_when_the_change_commits_before_any_worker_runs(
    front, ready_article, users, django_capture_on_commit_callbacks
):
    article = ready_article("approved", "Raid near Palmyra")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "publish", actor=users["reviewer"])
    assert {f"article-{article.pk}", "list-home"} <= front.purged("xkey-softpurge")


def test_withdrawing_purges_at_once_and_hard(
    front, ready_article, users, django_capture_on_commit_callbacks
):
    article = ready_article("published", "Raid near Palmyra")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "unpublish", actor=users["reviewer"], comment="Wrong town")
    hard = front.purged("xkey-purge")  # before any worker ran
    assert {f"article-{article.pk}", f"news-{article.slug}", "list-home"} <= hard


def test_editing_a_disclaimer_purges_every_page_showing_it(front, db):
    disclaimer = Disclaimer.objects.get(is_standard=True)
    disclaimer.text = "This report could not be verified independently."
    disclaimer.save()
    deliver_queued()
    assert front.purged("xkey-softpurge") == {f"disclaimer-{disclaimer.pk}"}


def test_renaming_an_outlet_purges_its_pages_and_every_list(front, db):
    outlet = Outlet.objects.get(slug="sy-24")
    outlet.name = "Syria 24"
    outlet.save()
    deliver_queued()
    assert front.purged("xkey-softpurge") == {"outlet-sy-24", "lists"}


def test_a_front_that_is_down_is_tried_again_later_and_the_change_stands(
    settings, ready_article, users
):
    settings.PURGE_BACKEND, settings.PURGE_URLS = "varnish", ["http://127.0.0.1:9/"]
    article = ready_article("approved", "Raid near Palmyra")
    workflow.apply(article, "publish", actor=users["reviewer"])
    deliver_queued()
    article.refresh_from_db()
    assert article.status == "published"
    retries = DBTaskResult.objects.filter(status="READY", task_path__endswith="purge_pages")
    assert retries.exists()
    for retry in retries:
        assert retry.args_kwargs["args"][2] == 2  # the second attempt, later
        assert retry.run_after is not None


def test_without_a_front_nothing_is_queued(settings, ready_article, users):
    settings.PURGE_BACKEND = ""
    article = ready_article("approved", "Raid near Palmyra")
    workflow.apply(article, "publish", actor=users["reviewer"])
    assert not DBTaskResult.objects.filter(task_path__endswith="purge_pages").exists()


@pytest.mark.parametrize("kind", ["fastly", "cloudflare"])
def test_a_cdn_is_purged_by_tag_through_its_api(settings, db, kind):
    server = Front()
    settings.PURGE_BACKEND, settings.CDN_API_URL = kind, server.url
    settings.CDN_SERVICE, settings.CDN_TOKEN = "service-1", "secret"
    settings.NEWSROOM_SITE_URL = server.url
    disclaimer = Disclaimer.objects.get(is_standard=True)
    disclaimer.save()
    deliver_queued()
    server.shutdown()
    [(_, path, headers, body)] = [r for r in server.requests if r[0] == "POST"]
    if kind == "fastly":
        assert path == "/service/service-1/purge"
        assert headers["fastly-key"] == "secret"
        assert headers["surrogate-key"] == f"disclaimer-{disclaimer.pk}"
        assert headers["fastly-soft-purge"] == "1"
    else:
        assert path == "/zones/service-1/purge_cache"
        assert headers["authorization"] == "Bearer secret"
        assert json.loads(body) == {"tags": [f"disclaimer-{disclaimer.pk}"]}


def test_deleting_a_published_article_purges_it_hard(front, ready_article, users):
    article = ready_article("published", "Raid near Palmyra", keywords=["Palmyra"])
    pk, slug = article.pk, article.slug
    article.delete()
    deliver_queued()
    assert {f"article-{pk}", f"news-{slug}", "list-home"} <= front.purged("xkey-purge")


def test_a_front_answering_nonsense_leaves_the_change_standing(
    settings, ready_article, users, django_capture_on_commit_callbacks
):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def talk_nonsense():
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.sendall(b"this is no HTTP\r\n\r\n")
        connection.close()

    threading.Thread(target=talk_nonsense, daemon=True).start()
    settings.PURGE_BACKEND = "varnish"
    settings.PURGE_URLS = [f"http://127.0.0.1:{listener.getsockname()[1]}/"]
    article = ready_article("approved", "Raid near Palmyra")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "publish", actor=users["reviewer"])
    listener.close()
    article.refresh_from_db()
    assert article.status == "published"


def test_a_page_whose_read_also_waited_for_an_article_is_purged_when_it_is_published(
    front, ready_article, users
):
    from tests.conftest import add_read_also

    linking = ready_article("published", "Raid near Palmyra")
    waiting = ready_article("approved", "Bread prices rise again in Idlib")
    add_read_also(linking.published_revision, after_paragraph=1,
                  target_headline="Bread prices rise again in Idlib")  # fmt: skip
    workflow.apply(waiting, "publish", actor=users["reviewer"])  # matches the waiting link
    deliver_queued()
    assert f"article-{linking.pk}" in front.purged("xkey-softpurge")


def test_a_new_address_purges_what_was_filed_under_the_old_one(front, ready_article):
    """Slugs change in the admin (loaded, changed, saved): the pages filed under the old
    slug are purged, not only those under the new one."""
    from articles.models import Article, Keyword

    article = ready_article("published", "Raid near Palmyra", keywords=["Palmyra"])
    deliver_queued()
    front.requests.clear()
    keyword = Keyword.objects.get(slug="palmyra")
    keyword.slug = "tadmur"
    keyword.save()
    deliver_queued()
    # Article pages showing the keyword were filed under its old slug.
    assert {"keyword-palmyra", "list-keyword-palmyra", "keyword-tadmur"} <= front.purged(
        "xkey-softpurge"
    )
    front.requests.clear()
    outlet = Outlet.objects.get(slug="sy-24")
    outlet.slug = "syria-24"
    outlet.save()
    deliver_queued()
    assert {"outlet-sy-24", "outlet-syria-24"} <= front.purged("xkey-softpurge")
    front.requests.clear()
    moved = Article.objects.get(pk=article.pk)
    moved.slug = "raid-near-tadmur"
    moved.save()
    deliver_queued()
    assert {f"news-{article.slug}", "news-raid-near-tadmur"} <= front.purged("xkey-softpurge")


def test_an_article_leaving_a_list_purges_every_page_of_it(front, ready_article, users):
    """Moved to another outlet, or republished without a keyword, an article leaves those
    lists: all their pages shift, not only the one that showed it."""
    from articles.editing import save_revision
    from articles.models import Article

    article = ready_article("correcting", "Raid near Palmyra", keywords=["Palmyra"])
    deliver_queued()
    front.requests.clear()
    other = Outlet.objects.exclude(slug="sy-24").first()
    draft = article.current_revision
    save_revision(article, author=users["editor"], based_on=draft, headline=draft.headline,
                  standfirst="", body=draft.body, disclaimer=draft.disclaimer,
                  keywords=["Tadmur"], outlet=other, assignee=None)  # fmt: skip
    deliver_queued()
    assert {"list-outlet-sy-24", f"list-outlet-{other.slug}"} <= front.purged("xkey-softpurge")
    front.requests.clear()
    workflow.apply(Article.objects.get(pk=article.pk), "publish_correction",
                   actor=users["reviewer"], comment="The town was Tadmur.")  # fmt: skip
    deliver_queued()
    assert {"list-keyword-palmyra", "list-keyword-tadmur"} <= front.purged("xkey-softpurge")


def test_each_save_purges_the_name_it_replaced_however_the_row_was_loaded(front, ready_article):
    """Saved twice, the second purge names the slug of the first save; a slug not loaded
    (deferred) is read before the save that changes it."""
    from articles.models import Keyword

    ready_article("published", "Raid near Palmyra", keywords=["Palmyra"])
    deliver_queued()
    keyword = Keyword.objects.get(slug="palmyra")
    for slug in ["tadmur", "tudmur"]:
        front.requests.clear()
        keyword.slug = slug
        keyword.save()
        deliver_queued()
    assert {"keyword-tadmur", "keyword-tudmur"} <= front.purged("xkey-softpurge")
    front.requests.clear()
    deferred = Keyword.objects.only("name").get(pk=keyword.pk)
    deferred.slug = "palmyra"
    deferred.save()
    deliver_queued()
    assert {"keyword-tudmur", "keyword-palmyra"} <= front.purged("xkey-softpurge")
