from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    """Every published article, and nothing else."""

    def items(self):
        return Article.objects.published().only("slug", "last_published_at").order_by("pk")

    def lastmod(self, article):
        return article.last_published_at
