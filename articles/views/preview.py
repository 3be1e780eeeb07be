from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from articles.article_page import article_page_context

from .access import article_for


@login_required
def preview(request, slug):
    """The current draft exactly as readers will see it: the public article template."""
    article = article_for(request, slug, "view_article")
    context = article_page_context(article, article.current_revision, preview=True)
    return render(request, "public/article.html", context)
