import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from articles import body as documents
from articles.diffing import compare_revisions
from articles.editing import (
    StaleEdit,
    autosave,
    discard_working_copy,
    disclaimer_for,
    mark_present,
    others_present,
    save_revision,
)
from articles.forms import ArticleEditForm
from articles.models import Keyword, WorkingCopy
from articles.read_also import body_with_targets, suggestions, targets_for_editor
from articles.sanitizer import clean_text
from articles.workflow import NOT_EDITABLE, WorkflowError, change_request

from .access import article_for


def initial_for(article):
    """The edit form's starting values: the current revision, and the outlet's disclaimer
    proposed when the outlet needs one and none is attached."""
    revision = article.current_revision
    return {
        "based_on": revision.pk,
        "headline": revision.headline,
        "standfirst": revision.standfirst,
        "keywords": ", ".join(k.name for k in revision.keywords.all()),
        "disclaimer": disclaimer_for(article, revision),
        "outlet": article.outlet,
        "assignee": article.assignee,
    }


def restored_form(article, working_copy):
    return ArticleEditForm(working_copy.as_form_data(), article=article)


def body_being_edited(form, article, working_copy):
    """The body the editor opens with: what was posted, once validated (a refused or
    conflicting save) or, when the body itself was refused, what could be salvaged of it;
    else the working copy's, else the current revision's."""
    if form.is_bound:
        form.is_valid()  # cleaned_data holds what could be read
        if "body" in form.cleaned_data:
            return form.cleaned_data["body"]
        if (salvaged := documents.salvage(form.data)) is not None:
            return salvaged
    if working_copy:
        return json.loads(working_copy.form_data["body"][0])
    return body_with_targets(article.current_revision)


@login_required
def edit(request, slug):
    article = article_for(request, slug, "change_article")
    working_copy = (
        WorkingCopy.objects.unsaved().filter(article=article, editor=request.user).first()
    )
    if request.method == "POST":
        form = ArticleEditForm(request.POST, article=article)
    elif working_copy:
        form = restored_form(article, working_copy)
    else:
        form = ArticleEditForm(initial=initial_for(article), article=article)
    conflict = conflict_diff = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        based_on = article.revisions.filter(pk=data["based_on"]).first()
        try:
            saved = save_revision(
                article,
                author=request.user,
                based_on=based_on or article.current_revision,
                headline=data["headline"],
                standfirst=data["standfirst"],
                body=data["body"],
                disclaimer=data["disclaimer"],
                keywords=data["keywords"],  # names: new ones are made with the revision
                outlet=data["outlet"],
                assignee=data["assignee"],
                note=data["note"],
            )
        except WorkflowError as refused:
            form.add_error(None, str(refused))
        except StaleEdit as stale:
            conflict, conflict_diff = stale, compare_revisions(based_on, stale.current)
            resubmit = request.POST.copy()
            resubmit["based_on"] = stale.current.pk
            resubmit["body"] = json.dumps(data["body"], ensure_ascii=False)  # as cleaned
            form = ArticleEditForm(resubmit, article=article)
        else:
            messages.success(request, f"Saved revision {saved.number}.")
            return redirect("desk:edit", slug=article.slug)
    mark_present(article, request.user)
    current = article.current_revision
    blocks = body_being_edited(form, article, None if request.method == "POST" else working_copy)
    context = {
        "article": article,
        "form": form,
        "working_copy": None if request.method == "POST" else working_copy,
        "conflict": conflict,
        "conflict_diff": conflict_diff,
        "revision": current,
        "body_document": blocks,
        "body_html": documents.fallback_html(blocks),
        "read_also_targets": targets_for_editor(blocks),
        "keyword_choices": Keyword.objects.values_list("name", flat=True),
        "others": others_present(article, request.user),
        "not_editable": NOT_EDITABLE.get(article.status, ""),
        "change_request": change_request(article),
    }
    return render(request, "desk/edit.html", context, status=409 if conflict else 200)


@login_required
@require_POST
def autosave_draft(request, slug):
    """Keep the editor's work every few seconds while they type; not a revision."""
    article = article_for(request, slug, "change_article")
    mark_present(article, request.user)
    try:
        working_copy = autosave(article, request.user, request.POST)
    except documents.BodyError as refused:
        # Said in the status line the editor watches; htmx swaps only a 200.
        return render(request, "desk/edit.html#autosave-status", {"refused": refused})
    context = {"working_copy": working_copy, "dropped": working_copy is None}
    return render(request, "desk/edit.html#autosave-status", context)


@login_required
@require_POST
def discard_draft(request, slug):
    article = article_for(request, slug, "change_article")
    discard_working_copy(article, request.user)
    messages.info(request, "Your unsaved draft was discarded; this is the current revision.")
    return redirect("desk:edit", slug=article.slug)


@login_required
def presence(request, slug):
    """Who else has this article open: the edit screen asks every few seconds."""
    article = article_for(request, slug, "change_article")
    mark_present(article, request.user)
    context = {"article": article, "others": others_present(article, request.user)}
    return render(request, "desk/edit.html#presence", context)


@login_required
def read_also_search(request, slug):
    """Suggestions for the Read Also picker, as the editor types."""
    article = article_for(request, slug, "change_article")
    terms = clean_text(request.GET.get("q", "")).strip()[:200]
    context = {"article": article, "suggestions": suggestions(article, terms), "terms": terms}
    return render(request, "desk/edit.html#read-also-suggestions", context)
