from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles import translation, workflow
from articles.article_page import article_page_context
from articles.diffing import compare_revisions
from articles.forms import FlagOverrideForm, TransitionForm
from articles.models import Article, AuditAction

from .access import article_for


def review_context(
    request, article, form=None, refused=None, acted="", override_form=None, overridden=None
):
    """The review screen: the article as readers will see it, what changed, the checks,
    the conversation so far and the actions this user may take."""
    revision = article.current_revision
    baselines = review_baselines(article)
    against = request.GET.get("against")
    against = against if against in baselines else next(iter(baselines), None)
    baseline = baselines.get(against)
    segments = translation.segments_for(article)
    started = translation.started(segments)
    rows = translation.side_by_side(article.source_story, revision, segments) if started else []
    flags = translation.flags_for(article, segments) if started else {}
    checks = workflow.publishing_checks(  # the same flags: the checks take a while
        article, flagged=translation.in_reading_order(segments, flags)
    )
    return article_page_context(article, revision, preview=True) | {
        "side_by_side": rows,
        "flagged": [(s, flags[s.pk]) for s in segments if flags.get(s.pk)],
        "override_form": override_form,
        "overridden": overridden,
        "baseline": baseline,
        "baselines": baselines,
        "against": against,
        "diff": compare_revisions(baseline, revision) if baseline else None,
        "checks": checks,
        "checks_pass": all(check.passed for check in checks),
        "actions": workflow.actions_for(article, request.user, checks),
        "four_eyes": workflow.four_eyes_notice(article, request.user),
        "conversation": article.audit_records.select_related("actor", "revision"),
        "corrections": article.corrections.all(),
        "notifications": article.notifications.select_related("record")[:20],
        "linked_from": Article.objects.published()
        .filter(published_revision__read_also__target=article)
        .exclude(pk=article.pk)
        .distinct(),
        "form": form or TransitionForm(),
        "refused": refused,
        "acted": acted,  # the action refused, whose fields keep what was typed
        "time_zone": timezone.get_current_timezone_name(),
    }


# What a reviewer acts on: the version they asked changes of, or approved.
REVIEWED = {AuditAction.REQUEST_CHANGES, AuditAction.APPROVE}


def review_baselines(article):
    """{"reviewed" | "published" | "source": revision} the review screen can compare the
    current revision with, in the order it offers them: first the version a reviewer last
    acted on (after changes were requested and the article resubmitted, what changed since),
    then the version readers see, then the source as imported (an English story's)."""
    current = article.current_revision
    baselines = {}
    acted = (
        article.audit_records.filter(action__in=REVIEWED, revision__isnull=False)
        .exclude(revision=current)
        .select_related("revision")
        .first()
    )
    if acted:
        baselines["reviewed"] = acted.revision
    if article.published_revision and article.published_revision != current:
        baselines["published"] = article.published_revision
    if not article.needs_translation:
        imported = article.revisions.filter(author=None).order_by("number").first()
        if imported:
            baselines["source"] = imported
    return baselines


@login_required
def review(request, slug):
    article = article_for(request, slug, "view_article")
    return render(request, "desk/review.html", review_context(request, article))


@login_required
@require_POST
def take_action(request, slug, name):
    """Apply one workflow action; the workflow decides whether this user may."""
    article = article_for(request, slug, "view_article")
    transition = workflow.TRANSITIONS.get(name)
    if transition is None:
        raise Http404(f"There is no workflow action called “{name}”.")
    form = TransitionForm(request.POST)
    try:
        if not form.is_valid():
            raise workflow.WorkflowError(" ".join(e for errs in form.errors.values() for e in errs))
        workflow.apply(article, name, actor=request.user, **form.cleaned_data)
    except workflow.WorkflowError as refused:
        context = review_context(request, article, form, refused, acted=name)
        return render(
            request, "desk/review.html", context, status=403 if refused.forbidden else 409
        )
    messages.success(request, f"“{article.public_headline}”: {transition.done}.")
    return redirect("desk:review", slug=article.slug)


@login_required
@require_POST
def override_flag(request, slug):
    """A reviewer overrides one translation flag, with a reason for the audit trail."""
    article = article_for(request, slug, "view_article")
    form = FlagOverrideForm(request.POST)
    try:
        if not form.is_valid():
            raise workflow.WorkflowError(" ".join(e for errs in form.errors.values() for e in errs))
        data = form.cleaned_data
        workflow.override_flag(article, segment_id=data["segment"], kind=data["kind"],
                               subject=data["subject"], reason=data["reason"],
                               actor=request.user)  # fmt: skip
    except workflow.WorkflowError as refused:
        overridden = (form.data.get("segment"), form.data.get("kind"), form.data.get("subject"))
        context = review_context(request, article, refused=refused, override_form=form,
                                 overridden=overridden)  # fmt: skip
        return render(
            request, "desk/review.html", context, status=403 if refused.forbidden else 409
        )
    messages.success(request, "Flag overridden; the reason is in the audit trail.")
    return redirect(reverse("desk:review", args=[article.slug]) + "#translation-checks")
