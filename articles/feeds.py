"""RSS and Atom feeds of published articles: everything, per keyword and per outlet.

Each item's GUID is derived from the article and its first publication, never from its
headline or text, so a correction updates the item instead of adding a new one. Arabic in
them is marked as Arabic (articles/language.py), as on the pages.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import resolve, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format

from . import surrogate_keys
from .arabic import has_arabic
from .language import in_arabic, lang_marked
from .models import Article, Correction, Keyword, Outlet
from .public_cache import shows

FEED_SIZE = 30


class _ArabicMarked:
    """A feed's XML writer that marks Arabic. A plain-text element (a title, a keyword, an
    outlet's name) that is all Arabic carries xml:lang="ar". Text that mixes Arabic with
    English is marked run by run where the format lets the element be HTML: descriptions
    always, and titles in Atom (type="html"). RSS titles are plain text only, so a mixed one
    stays unmarked."""

    def __init__(self, handler, *, html_titles):
        self._handler, self._html_titles = handler, html_titles

    def __getattr__(self, name):
        return getattr(self._handler, name)

    def addQuickElement(self, name, contents=None, attrs=None):
        attrs = dict(attrs or {})
        text = contents or attrs.get("term") or ""
        if in_arabic(text):
            attrs["xml:lang"] = "ar"
        elif self._html_titles and name in {"title", "subtitle"} and has_arabic(text):
            contents, attrs = lang_marked(text), attrs | {"type": "html"}
        self._handler.addQuickElement(name, contents, attrs)


class ArabicMarkedRss(Rss201rev2Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(_ArabicMarked(handler, html_titles=False))

    def add_item_elements(self, handler, item):
        super().add_item_elements(_ArabicMarked(handler, html_titles=False), item)


class ArabicMarkedAtom(Atom1Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(_ArabicMarked(handler, html_titles=True))

    def add_item_elements(self, handler, item):
        super().add_item_elements(_ArabicMarked(handler, html_titles=True), item)


def article_guid(article):
    name = f"article:{article.pk}:{article.published_at.isoformat()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


class LatestArticles(Feed):
    feed_type = ArabicMarkedRss
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
        """The summary and the attribution, then each correction or clarification, dated: as
        HTML, which a feed's description is, with its Arabic marked."""
        attribution = f" According to {item.outlet}." if item.outlet else ""
        notes = "".join(
            f" {note.get_kind_display()} ({date_format(note.published_at, 'j F Y')}): {note.note}"
            for note in item.noted
        )
        return lang_marked(f"{item.published_revision.summary}{attribution}{notes}".strip())

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
    feed_type = ArabicMarkedAtom
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
    feed_type = ArabicMarkedAtom
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
    feed_type = ArabicMarkedAtom
    subtitle = OutletArticles.description
