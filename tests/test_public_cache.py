"""Cached public pages never show readers a stale disclaimer, outlet, keyword or headline,
nor a Read Also link to an article that is no longer published."""

import pytest
from django.core.cache import cache

from articles import workflow
from articles.models import Disclaimer, Keyword, Outlet
from tests.conftest import add_read_also

pytestmark = pytest.mark.django_db


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run a change as if committed, so that the cache hears of it as in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def read(client, article):
    return client.get(article.get_absolute_url()).content.decode()


def test_pages_are_served_from_the_cache_until_something_changes(
    client, ready_article, django_assert_num_queries
):
    article = ready_article("published")
    read(client, article)
    with django_assert_num_queries(1):  # the generation, which the database keeps
        assert "Ready to publish" in read(client, article)


def test_a_changed_disclaimer_shows_at_once(client, ready_article, committing):
    article = ready_article("published")
    assert "has not verified the content" in read(client, article)
    with committing():
        standard = Disclaimer.objects.get(is_standard=True)
        standard.text = "We could not check this report independently."
        standard.save()
    page = read(client, article)
    assert "We could not check this report independently." in page
    assert "has not verified the content" not in page


def test_a_read_also_link_disappears_when_its_target_is_unpublished(
    client, users, ready_article, committing
):
    target = ready_article("published", "The linked story")
    article = ready_article("published", "The linking story")
    add_read_also(article.published_revision, after_paragraph=1, target=target,
                       target_headline="The linked story")  # fmt: skip
    assert "The linked story" in read(client, article)
    with committing():
        workflow.apply(target, "unpublish", actor=users["reviewer"], comment="Wrong town.")
    assert "The linked story" not in read(client, article)


def test_renamed_outlets_and_keywords_and_corrections_show_at_once(
    client, users, ready_article, committing
):
    article = ready_article("correcting", "Corrected headline")
    assert "According to <a" in read(client, article)
    with committing():
        outlet = Outlet.objects.get(name="SY-24")
        outlet.name = "SY 24 Network"
        outlet.save()
    assert "SY 24 Network" in read(client, article)
    with committing():
        keyword = Keyword.objects.get(name="Palmyra")
        keyword.name = "Tadmur (Palmyra)"
        keyword.save()
    assert "Tadmur (Palmyra)" in read(client, article)
    with committing():
        workflow.apply(article, "publish_correction", actor=users["reviewer"], comment="Fixed.")
    assert "Corrected headline" in read(client, article)


def test_a_change_not_yet_committed_is_not_cached_as_the_new_generation(
    client, ready_article, django_capture_on_commit_callbacks
):
    article = ready_article("published")
    read(client, article)
    generation = cache.get("public:generation")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Disclaimer.objects.filter(is_standard=True).first().save()
    assert cache.get("public:generation") == generation  # not before the commit
    for callback in callbacks:
        callback()
    assert cache.get("public:generation") != generation


def test_a_lost_generation_never_brings_back_old_pages(client, ready_article, committing):
    article = ready_article("published")
    read(client, article)
    cache.delete("public:generation")  # evicted, or the cache restarted
    with committing():
        Disclaimer.objects.filter(is_standard=True).update(text="New wording.")
        Disclaimer.objects.get(is_standard=True).save()
    assert "New wording." in read(client, article)


def test_pages_are_cached_per_host_and_keep_their_headers(client, ready_article):
    ready_article("published")
    other = client.get("/sitemap.xml", headers={"host": "localhost"}).content.decode()
    assert "http://localhost/news/" in other
    page = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/news/" in page
    first = client.get("/feed/")
    again = client.get("/feed/")
    assert again["Content-Type"] == first["Content-Type"]
    assert again.headers.get("Last-Modified") == first.headers.get("Last-Modified")


def test_saving_a_draft_that_readers_never_saw_keeps_the_cache(client, ready_article, committing):
    ready_article("published", "On the home page")
    draft = ready_article("drafting", "Not public")
    client.get("/")
    generation = cache.get("public:generation")
    with committing():
        draft.save()
    assert cache.get("public:generation") == generation


def test_every_model_a_public_page_reads_makes_its_pages_stale_when_it_changes(
    client, ready_article, users
):
    """Read the tables the public pages query, and check that each model behind them is
    watched by the page cache (or cannot change under a published page)."""
    import re

    from django.apps import apps
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import public_cache
    from articles.models import Correction, PublicGeneration, Revision

    target = ready_article("published", "The linked story")
    article = ready_article("published", "The linking story", keywords=["Palmyra"])
    add_read_also(article.published_revision, after_paragraph=1, target=target)
    Correction.objects.create(article=article, revision=article.published_revision,
                              note="Fixed.", published_at=article.published_at)  # fmt: skip
    pages = [
        article.get_absolute_url(), "/", article.outlet.get_absolute_url(),
        "/keywords/palmyra/", "/feed/", "/feed/atom/", "/sitemap.xml", "/news-sitemap.xml",
        "/search/?q=linking",
    ]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        for page in pages:
            assert client.get(page).status_code == 200, page
    sql = " ".join(query["sql"] for query in queries)
    tables = set(re.findall(r'(?:FROM|JOIN) "?(\w+)"?', sql))
    read = {m for m in apps.get_app_config("articles").get_models() if m._meta.db_table in tables}
    cannot_change = {
        Revision: "never changed once saved; a new one reaches readers through its Article",
        PublicGeneration: "the cache's own bookkeeping",
    }
    assert read - set(cannot_change) <= set(public_cache.watched_models())
    assert Revision.keywords.through._meta.db_table in tables  # watched by m2m_changed
