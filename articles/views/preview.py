from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from articles.article_page import article_page_context
from articles.editing import unsaved_revision
from articles.models import WorkingCopy

from .access import article_for


@login_required
def preview(request, slug):
    """The article exactly as readers would see it, in the public article template: the
    editor's autosaved work when they have some (labelled as unsaved), else the current
    revision."""
    article = article_for(request, slug, "view_article")
    working_copy = (
        WorkingCopy.objects.unsaved().filter(article=article, editor=request.user).first()
    )
    if working_copy:
        revision, keywords = unsaved_revision(article, working_copy)
        context = article_page_context(article, revision, preview=True, keywords=keywords)
    else:
        context = article_page_context(article, article.current_revision, preview=True)
    return render(request, "public/article.html", context | {"working_copy": working_copy})
