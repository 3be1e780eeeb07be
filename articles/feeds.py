"""RSS and Atom feeds of published articles: everything, per keyword and per outlet.

Each item's GUID is derived from the article and its first publication, never from its
headline or text, so a correction updates the item instead of adding a new one.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import resolve, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format

from . import surrogate_keys
from .models import Article, Correction, Keyword, Outlet
from .public_cache import shows

FEED_SIZE = 30


def article_guid(article):
    name = f"article:{article.pk}:{article.published_at.isoformat()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


class LatestArticles(Feed):
    description_template = None

    def title(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def link(self, obj=None):
        return reverse("public:home")

    def description(self, obj=None):
        return f"The latest from {settings.NEWSROOM_SITE_NAME}."

    def get_queryset(self, obj):
        articles = Article.objects.for_readers()
        noted = Prefetch("corrections", queryset=Correction.objects.noted(), to_attr="noted")
        return articles.prefetch_related("published_revision__keywords", noted)

    def items(self, obj=None):
        return self.get_queryset(obj)[:FEED_SIZE]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        slugs = [resolve(urlsplit(item["link"]).path).kwargs["slug"] for item in feed.items]
        shows(request, surrogate_keys.for_listed(slugs))
        return feed

    def item_title(self, item):
        return item.published_revision.headline

    def item_description(self, item):
        """The summary and the attribution, then each correction or clarification, dated."""
        attribution = f" According to {item.outlet}." if item.outlet else ""
        notes = "".join(
            f" {note.get_kind_display()} ({date_format(note.published_at, 'j F Y')}): {note.note}"
            for note in item.noted
        )
        return f"{item.published_revision.summary}{attribution}{notes}".strip()

    def item_guid(self, item):
        return article_guid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [keyword.name for keyword in item.published_revision.keywords.all()]

    def item_author_name(self, item):
        return item.outlet.name if item.outlet else settings.NEWSROOM_SITE_NAME


class LatestArticlesAtom(LatestArticles):
    feed_type = Atom1Feed
    subtitle = LatestArticles.description


class KeywordArticles(LatestArticles):
    def get_object(self, request, slug):
        return get_object_or_404(Keyword, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"Articles about {obj.name} from {settings.NEWSROOM_SITE_NAME}."

    def get_queryset(self, obj):
        return super().get_queryset(obj).filter(published_revision__keywords=obj)


class KeywordArticlesAtom(KeywordArticles):
    feed_type = Atom1Feed
    subtitle = KeywordArticles.description


class OutletArticles(LatestArticles):
    def get_object(self, request, slug):
        return get_object_or_404(Outlet, slug=slug)

    def title(self, obj=None):
        return f"According to {obj.name} · {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"Reports from {obj.name}, edited by {settings.NEWSROOM_SITE_NAME}."

    def get_queryset(self, obj):
        return super().get_queryset(obj).filter(outlet=obj)


class OutletArticlesAtom(OutletArticles):
    feed_type = Atom1Feed
    subtitle = OutletArticles.description
