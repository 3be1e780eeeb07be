"""Feeds, sitemaps and the page's description for machines carry exactly what is published."""

import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, Keyword

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture
def published(ready_article):
    return [
        ready_article("published", "Bread in Idlib", keywords=["Idlib"], outlet="Enab Baladi"),
        ready_article("published", "Fighting in the Badia", keywords=["Syrian Badia"]),
    ]


@pytest.mark.parametrize(
    "url",
    ["/feed/", "/feed/atom/", "/keywords/idlib/feed/", "/keywords/idlib/feed/atom/",
     "/outlets/enab-baladi/feed/", "/outlets/enab-baladi/feed/atom/"],
)  # fmt: skip
def test_feeds_parse_cleanly(client, published, ready_article, url):
    ready_article("approved", "Not yet out", keywords=["Idlib"], outlet="Enab Baladi")
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert "Bread in Idlib" in titles
    assert "Not yet out" not in titles
    if url != "/feed/" and url != "/feed/atom/":
        assert titles == ["Bread in Idlib"]  # only this keyword's or outlet's


def test_a_correction_keeps_the_feed_guid(
    client, users, ready_article, django_capture_on_commit_callbacks
):
    article = ready_article("correcting", "Corrected version")
    article.published_revision.__class__.objects.filter(pk=article.published_revision_id).update(
        headline="First version"
    )
    before = feedparser.parse(client.get("/feed/").content).entries[0]
    assert before.title == "First version"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "publish_correction", actor=users["reviewer"], comment="Fixed.")
    after = feedparser.parse(client.get("/feed/").content).entries[0]
    assert after.title == "Corrected version"
    assert after.id == before.id
    assert after.id.startswith("urn:uuid:")


def test_the_sitemap_lists_every_published_article_and_nothing_else(
    client, published, ready_article
):
    for state in ["drafting", "approved", "scheduled", "spiked", "unpublished", "correcting"]:
        ready_article(state, f"A {state} story")
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    listed = sorted(loc.text for loc in root.iter(f"{SITEMAP}loc"))
    expected = sorted(
        f"http://testserver{a.get_absolute_url()}" for a in Article.objects.published()
    )
    assert listed == expected
    assert len(listed) == 3  # the two published, and the one live while being corrected


def test_the_news_sitemap_has_the_last_two_days_with_publication_and_language(client, published):
    old = published[0]
    Article.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=3))
    root = ElementTree.fromstring(client.get("/news-sitemap.xml").content)
    urls = root.findall(f"{SITEMAP}url")
    assert [u.find(f"{SITEMAP}loc").text for u in urls] == [
        f"http://testserver{published[1].get_absolute_url()}"
    ]
    news = urls[0].find(f"{NEWS}news")
    assert news.find(f"{NEWS}publication/{NEWS}name").text == "The Syrian Observer"
    assert news.find(f"{NEWS}publication/{NEWS}language").text == "en"
    assert news.find(f"{NEWS}title").text == "Fighting in the Badia"
    assert news.find(f"{NEWS}publication_date").text


def test_the_news_sitemap_stops_at_its_limit(client, published, monkeypatch):
    from articles.views import public

    monkeypatch.setattr(public, "NEWS_SITEMAP_LIMIT", 1)
    root = ElementTree.fromstring(client.get("/news-sitemap.xml").content)
    assert len(root.findall(f"{SITEMAP}url")) == 1


def json_ld(page):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_the_article_page_describes_itself_for_search_engines_and_social_sites(
    client, users, ready_article
):
    article = ready_article("correcting", "The story")
    workflow.apply(article, "publish_correction", actor=users["reviewer"],
                   comment="An earlier version misnamed the town </script>.")  # fmt: skip
    article.refresh_from_db()
    page = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "The story"
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] == article.last_published_at.isoformat()
    assert data["publisher"]["name"] == "The Syrian Observer"
    assert data["isBasedOn"]["publisher"]["name"] == "SY-24"
    assert data["keywords"] == ["Palmyra"]
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "An earlier version misnamed the town </script>."
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert '<meta property="og:title" content="The story">' in page
    assert '<meta name="twitter:card" content="summary">' in page


def test_keyword_pages_and_feeds_use_the_keywords_own_slug(client, ready_article):
    ready_article("published", "Story", keywords=["Liwa al-Quds"])
    keyword = Keyword.objects.get()
    assert client.get(f"/keywords/{keyword.slug}/feed/").status_code == 200
    assert client.get("/keywords/no-such-keyword/feed/").status_code == 404


def test_a_story_without_a_standfirst_is_summed_up_by_its_opening_words(
    client, ready_article, django_assert_max_num_queries
):
    opening = "Regime forces raided the town of al-Muzayrib on Sunday morning. " * 8
    for n in range(3):
        ready_article("published", f"Raid {n}", paragraphs=[opening, "More."])
    # The bodies come with the articles, their corrections in one query: no query each.
    with django_assert_max_num_queries(4):
        feed = feedparser.parse(client.get("/feed/").content)
    summary = feed.entries[0].summary
    assert summary.startswith("Regime forces raided the town of al-Muzayrib on Sunday morning.")
    assert summary.endswith("… According to SY-24.")
    article = Article.objects.get(published_revision__headline="Raid 0")
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:description" content="Regime forces raided' in page
