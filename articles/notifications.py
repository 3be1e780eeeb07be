"""Emails about the workflow: reviewers hear of submissions, contributors of the outcome.

An outbox: the change that calls for an email writes a Notification, and queues the task
that sends it, in its own transaction (`queue`), so that nothing is sent for a change that
was rolled back and nothing is lost for one that was committed. The worker
(`manage.py db_worker`, django-tasks-db) runs its task, deliver_notification, which sends it, one message per person, and
records the attempt: a mail server that is slow or down never holds up a click; a failed
send is tried again later, with growing pauses, and each attempt is on the review screen
and in the admin.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from .models import (
    AuditRecord,
    Notification,
    NotificationStatus,
    Revision,
    Segment,
    person_name,
)

logger = logging.getLogger(__name__)
# Pauses before each new attempt: then the notification is marked failed, for a person to see.
RETRY_AFTER = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30),
               timedelta(hours=2)]  # fmt: skip


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


def queue(record, audience):
    """Write the email `audience` ("reviewers" or "contributors") is to get about the audit
    `record`, and queue its sending, in the current transaction."""
    notification = Notification.objects.create(
        article=record.article, record=record, audience=audience
    )
    deliver_notification.enqueue(notification.pk)
    return notification


def deliver(notification_pk):
    """Send a queued notification (the worker's task) and record how it went. Returns its
    status."""
    notification = Notification.objects.select_related("record__article", "record__actor").get(
        pk=notification_pk
    )
    if notification.status == NotificationStatus.SENT:
        return notification.status
    record = notification.record
    people = reviewers() if notification.audience == "reviewers" else contributors(record.article)
    if record.actor_id:
        people = people.exclude(pk=record.actor_id)
    addresses = sorted({email for email in people.values_list("email", flat=True) if email})
    notification.attempts += 1
    try:
        if addresses:
            send_mass_mail(_messages(record, addresses), fail_silently=False)
    except Exception as error:  # the change stands; the attempt is recorded, and retried
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        if notification.attempts <= len(RETRY_AFTER):
            notification.status = NotificationStatus.RETRYING
            pause = RETRY_AFTER[notification.attempts - 1]
            deliver_notification.using(run_after=timezone.now() + pause).enqueue(notification_pk)
        else:
            notification.status = NotificationStatus.FAILED
            logger.error("Gave up sending %s for %s", notification, record.article.slug)
    else:
        notification.status, notification.sent_at = NotificationStatus.SENT, timezone.now()
        notification.recipients = addresses
    notification.save()
    return notification.status


@task()
def deliver_notification(notification_pk: int) -> str:
    """The worker's task (`manage.py db_worker`): send one queued notification."""
    return deliver(notification_pk)


def _messages(record, addresses):
    article = record.article
    actor = record.actor
    by = f" by {person_name(actor)}" if actor else ""
    subject = f"[Newsroom] {record.get_action_display().capitalize()}: {article.headline}"
    lines = [
        f"“{article.headline}”: {record.get_action_display()}{by}.",
        *([f"\n{record.comment}\n"] if record.comment else []),
        f"Review it: {settings.NEWSROOM_SITE_URL}{reverse('desk:review', args=[article.slug])}",
    ]
    body = "\n".join(lines)
    return [(subject, body, None, [address]) for address in addresses]
