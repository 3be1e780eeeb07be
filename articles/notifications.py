"""Emails about the workflow: reviewers hear of submissions, contributors of the outcome.

Sent after the transition is committed, one message per person. A mail server
that is down is logged; it never undoes or blocks a transition.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse

from .models import AuditRecord, Revision, Segment, person_name

logger = logging.getLogger(__name__)


def reviewers():
    """Active users who may review, directly, through a role, or as superusers."""
    review = Q(codename="review_article", content_type__app_label="articles")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=_permissions(review))
            | Q(user_permissions__in=_permissions(review))
        )
        .distinct()
    )


def _permissions(condition):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(condition)


def contributors(article):
    """Everyone who worked on the article: revision authors, translators of its segments, its
    assignee, and whoever took it through the workflow. One query, whose subqueries start
    from the article's own rows (each by an indexed article column), so that its cost follows
    the article's history, not the history of the people on it: joining people to all their
    revisions, segments and audit records took 31 s for an editor with 400 of each."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(pk__in=Revision.objects.filter(article=article).values("author"))
            | Q(pk__in=Segment.objects.filter(article=article).values("translated_by"))
            | Q(pk__in=AuditRecord.objects.filter(article=article).values("actor"))
            | Q(pk=article.assignee_id)
        )
    )


def send(record, audience):
    """Email `audience` ("reviewers" or "contributors") about the audit `record`."""
    article = record.article
    people = reviewers() if audience == "reviewers" else contributors(article)
    if record.actor_id:
        people = people.exclude(pk=record.actor_id)
    addresses = [email for email in people.values_list("email", flat=True) if email]
    if not addresses:
        return
    actor = record.actor
    by = f" by {person_name(actor)}" if actor else ""
    subject = f"[Newsroom] {record.action.capitalize()}: {article.headline}"
    lines = [
        f"“{article.headline}”: {record.action}{by}.",
        *([f"\n{record.comment}\n"] if record.comment else []),
        f"Review it: {settings.NEWSROOM_SITE_URL}{reverse('desk:review', args=[article.slug])}",
    ]
    body = "\n".join(lines)
    messages = [(subject, body, None, [address]) for address in addresses]
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:  # the transition stands; the operator sees why the mail did not go
        logger.exception("Could not send the %r notification for %s", record.action, article.slug)
