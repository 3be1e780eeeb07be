from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .feeds import (
    KeywordArticles,
    KeywordArticlesAtom,
    LatestArticles,
    LatestArticlesAtom,
    OutletArticles,
    OutletArticlesAtom,
)
from .public_cache import public_page
from .sitemaps import ArticleSitemap
from .views import public

app_name = "public"
urlpatterns = [
    path("", public.home, name="home"),
    path("news/<slug:slug>/", public.article, name="article"),
    path("outlets/<slug:slug>/", public.outlet, name="outlet"),
    path("keywords/<str:slug>/", public.keyword, name="keyword"),
    path("search/", public.search, name="search"),
    path("feed/", public_page(LatestArticles()), name="feed"),
    path("feed/atom/", public_page(LatestArticlesAtom()), name="feed_atom"),
    path("keywords/<str:slug>/feed/", public_page(KeywordArticles()), name="keyword_feed"),
    path("keywords/<str:slug>/feed/atom/", public_page(KeywordArticlesAtom()), name="keyword_atom"),
    path("outlets/<slug:slug>/feed/", public_page(OutletArticles()), name="outlet_feed"),
    path("outlets/<slug:slug>/feed/atom/", public_page(OutletArticlesAtom()), name="outlet_atom"),
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": {"articles": ArticleSitemap}},
        name="sitemap",
    ),
    path("news-sitemap.xml", public.news_sitemap, name="news_sitemap"),
]
