"""Every public page names what it shows (Surrogate-Key, xkey, Cache-Tag), so that a cache in
front can purge exactly the pages a change touched."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from articles.models import Keyword
from tests.conftest import add_read_also

pytestmark = pytest.mark.django_db


def keys(response):
    found = set(response["Surrogate-Key"].split())
    assert set(response["xkey"].split()) == found
    assert set(response["Cache-Tag"].split(",")) == found
    return found


@pytest.fixture
def pair(ready_article):
    target = ready_article("published", "Bread prices rise again in Idlib", keywords=["Idlib"])
    article = ready_article("published", "Raid near Palmyra", keywords=["Palmyra", "درعا"])
    add_read_also(article.published_revision, after_paragraph=1, target=target)
    return article, target


def test_an_article_page_names_the_article_its_outlet_keywords_disclaimer_and_read_also(
    client, pair
):
    article, target = pair
    revision = article.published_revision
    assert keys(client.get(article.get_absolute_url())) == {
        "public",
        f"article-{article.pk}",
        f"news-{article.slug}",
        f"outlet-{article.outlet.slug}",
        f"disclaimer-{revision.disclaimer_id}",
        "keyword-palmyra",
        "keyword-" + quote(Keyword.objects.named("درعا").slug),  # headers are ASCII
        f"article-{target.pk}",  # shown as Read Also: its headline changes, this page does
    }


@pytest.mark.parametrize(
    ("url", "expected", "listing"),
    [
        (reverse("public:home"), {"list-home"}, "both"),
        (reverse("public:search") + "?q=raid", {"list-search"}, "raid"),
        (reverse("public:feed"), {"list-feed"}, "both"),
        (reverse("public:feed_atom"), {"list-feed"}, "both"),
        (reverse("public:sitemap"), {"list-sitemap"}, "none"),  # purged by every publication
        (reverse("public:news_sitemap"), {"list-sitemap"}, "none"),
        (reverse("public:keyword", args=["palmyra"]), {"list-keyword-palmyra", "keyword-palmyra"},
         "raid"),
        (reverse("public:keyword_feed", args=["palmyra"]),
         {"list-keyword-palmyra", "keyword-palmyra"}, "raid"),
        (reverse("public:outlet", args=["sy-24"]), {"list-outlet-sy-24", "outlet-sy-24"}, "both"),
        (reverse("public:outlet_atom", args=["sy-24"]), {"list-outlet-sy-24", "outlet-sy-24"},
         "both"),
    ],
)  # fmt: skip
def test_a_list_names_itself_and_its_articles(client, pair, url, expected, listing):
    response = client.get(url)
    assert response.status_code == 200
    article, target = pair
    articles = {"both": [article, target], "raid": [article], "none": []}[listing]
    assert keys(response) == {
        "public", "lists", *expected, *(f"news-{listed.slug}" for listed in articles)
    }  # fmt: skip


def test_the_keys_are_kept_with_a_cached_page_and_on_a_withdrawal_notice(
    client, pair, settings, users
):
    from articles import workflow

    article, _ = pair
    settings.PUBLIC_CACHE_SECONDS = 60
    first = keys(client.get(article.get_absolute_url()))
    assert keys(client.get(article.get_absolute_url())) == first  # from the page cache
    workflow.apply(article, "unpublish", actor=users["reviewer"], comment="Wrong town",
                   withdrawal_notice="Withdrawn: it named the wrong town.")  # fmt: skip
    withdrawn = client.get(article.get_absolute_url())
    assert withdrawn.status_code == 410
    assert f"news-{article.slug}" in keys(withdrawn)
