from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from articles.diffing import compare_revisions
from articles.editing import StaleEdit, save_revision
from articles.forms import ArticleEditForm
from articles.models import Article, Disclaimer, Keyword
from articles.read_also import suggestions
from articles.sanitizer import block_text

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
                read_also=data["read_also"],
                note=data["note"],
            )
        except StaleEdit as stale:
            conflict = stale
            conflict_diff = compare_revisions(based_on, stale.current)
            resubmit = request.POST.copy()
            resubmit["based_on"] = stale.current.pk
            form = ArticleEditForm(resubmit)
            form.is_valid()
        else:
            messages.success(request, f"Saved revision {saved.number}.")
            return redirect("desk:edit", slug=article.slug)
    current = article.current_revision
    context = {
        "article": article,
        "form": form,
        "conflict": conflict,
        "conflict_diff": conflict_diff,
        "revision": current,
        "read_also_rows": read_also_rows(form, current),
        "paragraphs": [block_text(block)[:60] for block in current.body],
        "keyword_choices": Keyword.objects.values_list("name", flat=True),
    }
    return render(request, "desk/edit.html", context, status=409 if conflict else 200)


def read_also_rows(form, revision):
    """The Read Also rows to show: as posted when the form came back, else the revision's."""
    if form.is_bound and form.is_valid() is not None:  # cleaned_data holds what could be read
        rows = form.cleaned_data.get("read_also")
        if rows is not None:
            return rows
    links = revision.read_also.select_related("target__current_revision", "target__source_story")
    return [(link.target, link.target_headline, link.after_paragraph) for link in links]


@login_required
def read_also_search(request, slug):
    """Suggestions for the Read Also picker, as the editor types."""
    article = article_for(request, slug, "change_article")
    terms = request.GET.get("q", "").strip()
    context = {"article": article, "suggestions": suggestions(article, terms), "terms": terms}
    return render(request, "desk/edit.html#read-also-suggestions", context)


@login_required
def read_also_row(request, slug):
    """One new Read Also row for the edit form, placed after the last paragraph."""
    article = article_for(request, slug, "change_article")
    target = get_object_or_404(Article.objects.published(), pk=request.GET.get("target"))
    body = article.current_revision.body
    context = {
        "row": (target, target.headline, len(body)),
        "paragraphs": [block_text(block)[:60] for block in body],
    }
    return render(request, "desk/edit.html#read-also-row", context)
