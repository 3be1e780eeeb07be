from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from articles import translation
from articles.forms import DeskFilterForm
from articles.models import Article, ArticleStatus

from .access import require

PAGE_SIZE = 25


@login_required
def desk(request):
    """The queues: every article by state, with filters, search and counts per queue."""
    require(request, "view_article")
    form = DeskFilterForm(request.GET)
    articles = (
        form.filter(Article.objects.all(), request.user)
        if form.is_valid()
        else Article.objects.none()
    )
    queue = form.cleaned_data.get("queue", "") if form.is_valid() else ""
    # COUNT(*), not COUNT(id): PostgreSQL can then count from the status index alone.
    counts = dict(articles.order_by().values_list("status").annotate(n=Count("*")))
    listed = articles.filter(status=queue) if queue else articles
    paginator = Paginator(listed.for_desk().order_by("-updated_at", "-pk"), PAGE_SIZE)
    paginator.count = counts.get(queue, 0) if queue else sum(counts.values())  # known already
    page = paginator.get_page(request.GET.get("page"))
    attach_translation_progress(page.object_list)
    context = {
        "form": form,
        "page": page,
        "queue": queue,
        "queues": [(value, label, counts.get(value, 0)) for value, label in ArticleStatus.choices],
        "total": sum(counts.values()),
    }
    template = "desk/desk.html#desk-results" if request.htmx else "desk/desk.html"
    return render(request, template, context)


def attach_translation_progress(articles):
    """Translation progress for the listed articles that are being translated."""
    found = translation.progress_for(articles)
    for article in articles:
        article.translation_progress = found.get(article.pk)
