"""What readers see: only published articles, each page complete, fast and cacheable."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Correction, Keyword, Revision
from tests.conftest import add_read_also

pytestmark = pytest.mark.django_db


def page_of(client, article):
    return client.get(article.get_absolute_url())


def test_the_home_page_lists_published_articles_newest_first(client, ready_article):
    older = ready_article("published", "Older story")
    newer = ready_article("published", "Newer story")
    ready_article("approved", "Not yet out")
    page = client.get("/").content.decode()
    assert page.index("Newer story") < page.index("Older story")
    assert "Not yet out" not in page
    assert newer.get_absolute_url() in page
    assert older.get_absolute_url() in page


def test_the_home_page_is_paginated(client, ready_article):
    for n in range(21):
        ready_article("published", f"Story number {n}")
    first = client.get("/").content.decode()
    assert first.count('<li>\n    <h2 dir="auto">') == 20
    assert 'href="?page=2" rel="next"' in first
    assert "Page 1 of 2" in first


@pytest.mark.parametrize("state", ["drafting", "in_review", "approved", "scheduled", "spiked"])
def test_articles_readers_may_not_see_are_not_found(client, ready_article, state):
    assert page_of(client, ready_article(state)).status_code == 404


def test_an_unpublished_article_says_withdrawn_only_when_the_newsroom_chose_to(
    client, users, ready_article
):
    quiet, told = ready_article("published", "Quiet"), ready_article("published", "Told")
    workflow.apply(quiet, "unpublish", actor=users["reviewer"], comment="Duplicate.")
    workflow.apply(told, "unpublish", actor=users["reviewer"], comment="Legal.",
                   withdrawal_notice="Withdrawn after a complaint from the subject.")  # fmt: skip
    assert page_of(client, quiet).status_code == 404
    response = page_of(client, told)
    assert response.status_code == 410
    assert "Withdrawn after a complaint from the subject." in response.content.decode()
    assert "Told" not in response.content.decode()  # the headline is gone with the story


def test_the_article_page_has_everything_in_its_place(client, ready_article, settings):
    settings.TIME_ZONE = "Asia/Damascus"
    target = ready_article("published", "The target story")
    article = ready_article(
        "published", "The main story", paragraphs=["One.", "Two.", "Three."],
        keywords=["Palmyra", "Liwa al-Quds"],
    )  # fmt: skip
    revision = article.published_revision
    Revision.objects.filter(pk=revision.pk).update(standfirst="The standfirst.")
    add_read_also(revision, after_paragraph=2, target=target,
                       target_headline="What it was called once")  # fmt: skip
    page = page_of(client, article).content.decode()
    assert '<h1 dir="auto">The main story</h1>' in page
    assert "The standfirst." in page
    assert 'According to <a href="/outlets/sy-24/">SY-24</a>' in page
    read_also = f'<strong>Read Also:</strong>\n          <a href="{target.get_absolute_url()}">The target story</a>'
    assert page.index("Two.") < page.index(read_also) < page.index("Three.")
    assert '<a href="/keywords/liwa-al-quds/">Liwa al-Quds</a>' in page
    assert page.index("Helpful keywords") < page.index("has not verified the content")
    assert "+03</time>" in page  # the newsroom's time zone


def test_read_also_shows_the_targets_published_headline_and_hides_unpublished_targets(
    client, users, ready_article, django_capture_on_commit_callbacks
):
    target = ready_article("published", "Old headline")
    article = ready_article("published", "Main", paragraphs=["One."])
    add_read_also(article.published_revision, after_paragraph=1, target=target,
                       target_headline="Old headline")  # fmt: skip
    Revision.objects.filter(pk=target.published_revision_id).update(headline="New headline")
    assert "New headline" in page_of(client, article).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(target, "unpublish", actor=users["reviewer"], comment="Wrong.")
    page = page_of(client, article).content.decode()
    assert "Read Also" not in page
    assert target.get_absolute_url() not in page


def test_corrections_are_shown_dated_under_the_article(client, users, ready_article):
    article = ready_article("correcting")
    workflow.apply(article, "publish_correction", actor=users["reviewer"],
                   comment="An earlier version gave the wrong date.")  # fmt: skip
    page = page_of(client, article).content.decode()
    assert "Corrections" in page
    correction = Correction.objects.get()
    published_at = timezone.localtime(correction.published_at)
    stamp = f"{published_at:%Y-%m-%dT%H:%M:%S%z}"
    assert f'<time datetime="{stamp}">{published_at:%-d %B %Y}</time>' in page
    assert "An earlier version gave the wrong date." in page
    assert "Updated <time" in page


def test_an_uncached_article_page_runs_a_fixed_small_number_of_queries(
    client, ready_article, settings
):
    settings.PUBLIC_CACHE_SECONDS = 0
    article = ready_article("published", paragraphs=[f"Paragraph {n}." for n in range(12)],
                            keywords=[f"Keyword {n}" for n in range(15)])  # fmt: skip
    Correction.objects.create(article=article, revision=article.published_revision,
                              note="Fixed.", published_at=article.published_at)  # fmt: skip
    for n in range(12):
        target = ready_article("published", f"Target {n}")
        add_read_also(article.published_revision, after_paragraph=n,
                           target=target, target_headline=f"Target {n}")  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        response = page_of(client, article)
    assert response.status_code == 200
    assert response.content.decode().count("Read Also:") == 12
    sql = [q["sql"] for q in queries]
    assert len(sql) <= 4, sql
    # The body as readers get it is stored with the revision: its document is not even read.
    assert not any('"articles_revision"."body"' in statement for statement in sql), sql


def test_public_pages_can_be_cached_by_a_proxy_and_answer_conditional_requests(
    client, ready_article
):
    article = ready_article("published")
    for url in ["/", article.get_absolute_url(), "/feed/", "/sitemap.xml"]:
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=0"
        etag = response["ETag"]
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def test_outlet_keyword_and_search_pages_list_what_is_published(client, ready_article):
    ready_article("published", "Bread in Idlib", keywords=["Idlib"], outlet="Enab Baladi")
    ready_article("drafting", "Draft about Idlib", keywords=["Idlib"], outlet="Enab Baladi")
    for url in ["/outlets/enab-baladi/", f"/keywords/{Keyword.objects.get(name='Idlib').slug}/",
                "/search/?q=Idlib"]:  # fmt: skip
        page = client.get(url).content.decode()
        assert "Bread in Idlib" in page, url
        assert "Draft about Idlib" not in page, url
    assert "No published article matches" in client.get("/search/?q=zzzz").content.decode()
    assert client.get("/outlets/nobody/").status_code == 404


def test_an_arabic_keyword_has_its_own_page(client, ready_article):
    ready_article("published", "Story", keywords=["لواء القدس"])
    keyword = Keyword.objects.get()
    response = client.get(reverse("public:keyword", args=[keyword.slug]))
    assert response.status_code == 200
    assert (
        '<h1 class="list-title" dir="auto"><span lang="ar" dir="rtl">لواء القدس</span></h1>'
        in response.content.decode()
    )


@pytest.mark.parametrize("url", ["/", "/outlets/sy-24/", "/keywords/palmyra/", "/search/?q=Raid"])
def test_lists_sum_up_a_story_without_a_standfirst_by_its_opening_words(client, ready_article, url):
    for n in range(3):
        ready_article("published", f"Raid {n}", paragraphs=[f"Forces raided the town, story {n}."])
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert len(queries) <= 4
    assert '<p dir="auto">Forces raided the town, story 0.</p>' in page
    read = " ".join(query["sql"] for query in queries)
    assert '"articles_revision"."summary"' in read
    assert '"articles_revision"."body"' not in read  # the stored summary, not the bodies
