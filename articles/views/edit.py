from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from articles.diffing import compare_revisions
from articles.editing import StaleEdit, save_revision
from articles.forms import ArticleEditForm
from articles.models import Disclaimer, Keyword

from .access import article_for


def initial_for(article):
    """The edit form's starting values: the current revision, and the outlet's disclaimer
    proposed when the outlet needs one and none is attached."""
    revision = article.current_revision
    disclaimer = revision.disclaimer
    if disclaimer is None and article.outlet and article.outlet.requires_disclaimer:
        disclaimer = Disclaimer.objects.filter(is_standard=True).first()
    return {
        "based_on": revision.pk,
        "headline": revision.headline,
        "standfirst": revision.standfirst,
        "body": "\n".join(revision.body),
        "keywords": ", ".join(k.name for k in revision.keywords.all()),
        "disclaimer": disclaimer,
        "outlet": article.outlet,
        "assignee": article.assignee,
    }


@login_required
def edit(request, slug):
    article = article_for(request, slug, "change_article")
    revision = article.current_revision
    form = ArticleEditForm(request.POST or None, initial=initial_for(article))
    conflict = conflict_diff = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        based_on = article.revisions.filter(pk=data["based_on"]).first() or revision
        try:
            saved = save_revision(
                article,
                author=request.user,
                based_on=based_on,
                headline=data["headline"],
                standfirst=data["standfirst"],
                body=data["body"],
                disclaimer=data["disclaimer"],
                keywords=[Keyword.objects.named(name) for name in data["keywords"]],
                outlet=data["outlet"],
                assignee=data["assignee"],
                note=data["note"],
            )
        except StaleEdit as stale:
            conflict = stale
            conflict_diff = compare_revisions(based_on, stale.current)
            form = ArticleEditForm({**request.POST.dict(), "based_on": stale.current.pk})
            form.is_valid()
        else:
            messages.success(request, f"Saved revision {saved.number}.")
            return redirect("desk:edit", slug=article.slug)
    context = {
        "article": article,
        "form": form,
        "conflict": conflict,
        "conflict_diff": conflict_diff,
        "revision": article.current_revision,
        "read_also": article.current_revision.read_also.select_related("target__current_revision"),
        "keyword_choices": Keyword.objects.values_list("name", flat=True),
    }
    return render(request, "desk/edit.html", context, status=409 if conflict else 200)
