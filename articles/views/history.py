from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.diffing import compare_revisions
from articles.editing import StaleEdit, save_revision
from articles.parameters import bounded_int
from articles.read_also import body_with_targets
from articles.workflow import WorkflowError

from .access import article_for


@login_required
def history(request, slug):
    """Every revision, and a word-level diff between any two (by default the last two)."""
    article = article_for(request, slug, "view_article")
    revisions = list(article.revisions.select_related("author", "disclaimer"))
    numbers = {revision.number: revision for revision in revisions}
    current = article.current_revision
    newer = numbers.get(bounded_int(request.GET.get("to")), current)
    older_default = next((r for r in revisions if r.number < newer.number), newer)
    if "published" in request.GET and article.published_revision:
        older_default = (
            article.published_revision
        )  # "?published": the draft against readers' version
    older = numbers.get(bounded_int(request.GET.get("from")), older_default)
    context = {
        "article": article,
        "revisions": revisions,
        "older": older,
        "newer": newer,
        "diff": compare_revisions(older, newer),
        "published": article.published_revision,
    }
    return render(request, "desk/history.html", context)


@login_required
@require_POST
def restore(request, slug, number):
    """An earlier revision's content becomes a new revision; nothing is overwritten."""
    article = article_for(request, slug, "change_article")
    old = get_object_or_404(article.revisions, number=number)
    based_on = article.revisions.filter(pk=bounded_int(request.POST.get("based_on"))).first()
    if not old.can_be_restored:
        messages.error(request, f"Not restored: revision {old.number} has no English headline "
                                "and body to go back to.")  # fmt: skip
        return redirect("desk:history", slug=article.slug)
    if based_on is None:
        messages.error(request, "Not restored: the form did not say which revision you had "
                                "open. Reload the history and restore again.")  # fmt: skip
        return redirect("desk:history", slug=article.slug)
    try:
        saved = save_revision(
            article,
            author=request.user,
            based_on=based_on,
            headline=old.headline,
            standfirst=old.standfirst,
            body=body_with_targets(old),
            disclaimer=old.disclaimer,
            keywords=list(old.keywords.all()),
            outlet=article.outlet,
            assignee=article.assignee,
            note=f"Restored revision {old.number}",
        )
    except StaleEdit as stale:
        messages.error(request, f"Not restored: {stale} Look at it first, then restore again.")
        return redirect("desk:history", slug=article.slug)
    except WorkflowError as refused:
        messages.error(request, f"Not restored: {refused}")
        return redirect("desk:history", slug=article.slug)
    messages.success(request, f"Revision {old.number} restored as revision {saved.number}.")
    return redirect("desk:history", slug=article.slug)
