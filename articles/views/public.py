"""The public site: no sign-in, only published articles, every page cached until something
on it changes (articles/public_cache.py)."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from articles import surrogate_keys
from articles.article_page import article_page_context, news_article_json_ld, published_page
from articles.models import Article, ArticleStatus, ChangeKind, Keyword, Outlet
from articles.public_cache import public_page, shows
from articles.sanitizer import clean_text

PAGE_SIZE = 20
NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000


def article_list(request, articles, template, **context):
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    shows(request, surrogate_keys.for_listed(article.slug for article in page))
    return render(request, template, {"page": page, **context})


@public_page
def home(request):
    return article_list(request, Article.objects.for_readers(), "public/home.html")


@public_page
def article(request, slug):
    page = published_page(slug)
    if page is None:
        return withdrawn(request, slug)
    context = article_page_context(
        page.article, page.revision, links=page.links, keywords=page.keywords
    )
    shows(request, surrogate_keys.for_article_page(context))
    notes = page.corrections  # corrections first, prominently; updates last
    corrections = [note for note in notes if note.kind in ChangeKind.noted_publicly()]
    context["corrections"] = corrections
    context["updates"] = [note for note in notes if note not in corrections]
    context["json_ld"] = news_article_json_ld(
        request, page.article, context["keywords"], corrections
    )
    return render(request, "public/article.html", context)


def withdrawn(request, slug):
    """410 with the newsroom's notice for an article it withdrew and chose to say so; else 404."""
    article = (
        Article.objects.filter(slug=slug, status=ArticleStatus.UNPUBLISHED)
        .exclude(withdrawal_notice="")
        .select_related("published_revision")
        .first()
    )
    if article is None:
        raise Http404("No published article at this address.")
    return render(request, "public/withdrawn.html", {"article": article}, status=410)


@public_page
def outlet(request, slug):
    found = get_object_or_404(Outlet, slug=slug)
    articles = Article.objects.for_readers().filter(outlet=found)
    return article_list(request, articles, "public/outlet.html", outlet=found)


@public_page
def keyword(request, slug):
    found = get_object_or_404(Keyword, slug=slug)
    articles = Article.objects.for_readers().filter(published_revision__keywords=found)
    return article_list(request, articles, "public/keyword.html", keyword=found)


@public_page
def search(request):
    terms = clean_text(request.GET.get("q", "")).strip()[:200]
    articles = (
        Article.objects.for_readers().search(terms, revision="published_revision")
        if terms
        else Article.objects.none()
    )
    return article_list(request, articles, "public/search.html", terms=terms)


@public_page
def news_sitemap(request):
    """Google News: what was first published in the last two days, at most 1,000 entries."""
    since = timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS)
    articles = Article.objects.for_readers().filter(published_at__gte=since)[:NEWS_SITEMAP_LIMIT]
    return render(
        request, "public/news_sitemap.xml", {"articles": articles}, content_type="application/xml"
    )
