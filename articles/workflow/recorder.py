"""The recorder: the one place an article's state changes and is written to the audit trail.

`record()` takes a row of the table (workflow.table) for articles whose rows are
locked, moves each to the row's state, saves it with whatever else the caller
changed on it, writes its audit record and, in the same transaction, queues what
must follow (notifications, in the outbox: articles.notifications). Everything that
changes an article's state calls it: `apply()` (the review screen's buttons, the
admin and the scheduler), saving an edit, importing, and the scheduler's failure path.
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from .. import notifications
from ..models import (
    Article,
    AuditRecord,
    ChangeKind,
    Correction,
    Revision,
    free_slugs,
    readable_slug,
)
from ..read_also import match_links_waiting_for
from ..translation import archive as name_archive
from .rules import refusal
from .table import PERSON, SCHEDULER, TRANSITIONS, S, WorkflowError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """One article's part in a recorded change: the revision the audit record names, and
    what it says."""

    article: Article
    revision: Revision
    comment: str = ""


def record(name, *changes, actor=None, notify=True):
    """Take the table's row `name` for each Change's article, as `actor` (None: the system),
    and return the audit records. The articles' rows are locked by the caller (or were just
    created, for a row with no sources), who has checked the rules and made the other
    changes; this saves each article in its new state (not one just created, which
    nothing has changed since), writes the audit trail and queues the notifications
    (unless `notify` is false). A state the row does not leave from is refused: it
    means a caller skipped the rules."""
    transition = TRANSITIONS[name]
    records = []
    for change in changes:
        article = change.article
        creates = not transition.sources
        if article.status not in (transition.sources or {transition.target}):
            raise WorkflowError(
                f"“{transition.label}” cannot be recorded for an article in the state "
                f"“{article.get_status_display()}”."
            )
        from_status = "" if creates else article.status
        article.status = transition.reaches(article.status)
        if not creates:
            article.save()
        records.append(
            AuditRecord(
                actor=actor,
                action=transition.audit_action,
                article=article,
                revision=change.revision,
                from_status=from_status,
                to_status=article.status,
                comment=change.comment,
            )
        )
    records = AuditRecord.objects.bulk_create(records)
    if transition.notify and notify:
        for audit_record in records:
            notifications.queue(audit_record, transition.notify)
    return records


def apply(
    article,
    name,
    *,
    actor,
    comment="",
    when=None,
    withdrawal_notice="",
    seen_revision=None,
    notify=True,
    kind=ChangeKind.CORRECTION,
):
    """Take the review screen's action `name` on `article` as `actor` (None: the scheduler).
    `kind` says what a change to a live article is (models.ChangeKind), when it is published.

    Locks the article's row, checks every rule again, changes the article and records it
    (unless `notify` is false, as when the demo newsroom is set up, nobody is told).
    `seen_revision` is the revision number the person had on screen: if the article
    has moved on since, nobody approves or publishes text they have not seen.
    Raises WorkflowError, changing nothing, when the transition is refused.
    """
    transition = TRANSITIONS.get(name)
    if (
        transition is None
        or transition.taken_by not in {PERSON, SCHEDULER}
        or not transition.button
    ):
        raise WorkflowError(f"There is no workflow action called “{name}”.")
    now = timezone.now()
    with transaction.atomic():
        locked = Article.objects.locked(article.pk)
        refused = refusal(locked, actor, transition, comment=comment, when=when, kind=kind)
        if refused:
            raise refused
        if seen_revision is not None and seen_revision != locked.current_revision.number:
            raise WorkflowError(
                f"Revision {locked.current_revision.number} was saved after you opened this "
                f"page (you saw revision {seen_revision}). Look at it before you "
                f"{transition.label.lower()}."
            )
        slug = locked.slug
        _carry_out(locked, transition, now=now, comment=comment, when=when,
                   withdrawal_notice=withdrawal_notice, kind=kind)  # fmt: skip
        audit_comment = _audit_comment(transition, comment, when)
        if transition.name == "publish_correction":  # which kind of change it was, for staff
            label = ChangeKind(kind).label
            audit_comment = f"{label}: {audit_comment}" if audit_comment else f"{label}, silent."
        if locked.slug != slug:
            audit_comment = (
                f"{audit_comment} Its address is now {locked.get_absolute_url()}".strip()
            )
        change = Change(locked, locked.current_revision, audit_comment)
        [audit_record] = record(name, change, actor=actor, notify=notify)
    article.refresh_from_db()
    return audit_record


def _carry_out(article, transition, *, now, comment, when, withdrawal_notice, kind):
    if transition.checked and transition.target == S.PUBLISHED:  # a publication
        readable = readable_slug(article.current_revision.headline)
        if article.published_at is None and article.has_provisional_slug and readable:
            _take_readable_slug(article, readable)
        article.published_revision = article.current_revision
        article.published_at = article.published_at or now
        article.last_published_at = now
        article.scheduled_for = None
        article.withdrawal_notice = ""
        if transition.name == "publish_correction" and comment.strip():
            Correction.objects.create(
                article=article,
                revision=article.current_revision,
                kind=kind,
                note=comment.strip(),
                published_at=now,
            )
        match_links_waiting_for([article])
        name_archive.record_published(article)
    elif transition.name == "schedule":
        article.scheduled_for = when
    elif transition.name in {"unschedule", "spike"}:
        article.scheduled_for = None
    elif transition.name == "unpublish":
        article.withdrawal_notice = withdrawal_notice.strip()
        name_archive.forget(article)
    elif transition.name == "discard_correction":
        article.current_revision = article.published_revision  # the draft stays in the history


def _take_readable_slug(article, readable):
    """At its first publication, the article leaves its provisional address for one made of
    its headline. A story of the same headline published at the same moment may take it
    first: then it takes the next one free."""
    article.former_slug = article.slug
    for _ in range(3):
        article.slug = free_slugs([readable])[0]
        try:
            with transaction.atomic():  # a savepoint: the clash must not spoil the transaction
                Article.objects.filter(pk=article.pk).update(
                    slug=article.slug, former_slug=article.former_slug
                )
            return
        except IntegrityError:
            continue
    raise WorkflowError(f"No free address for “{readable}”; try again.")


def _audit_comment(transition, comment, when):
    if transition.needs_time:
        at = date_format(timezone.localtime(when), "j M Y, H:i")
        return f"For {at} ({timezone.get_current_timezone_name()}). {comment}".strip()
    return comment.strip()


def publish_due(now=None):
    """Publish every scheduled article whose time has come; returns (published, refused).

    Safe to run at once on several servers: each article is taken under its row
    lock (rows another run holds are skipped) and its state checked again, so each
    is published exactly once. An article failing its checks goes back to approved,
    with the reason in the audit trail, and the reviewers are told. An unexpected
    error on one article is logged and the others are still published."""
    now = now or timezone.now()
    published, refused, broken = [], [], []
    while True:
        article = None
        try:
            with transaction.atomic():
                article = (
                    Article.objects.due_for_publication(now)
                    .exclude(pk__in=broken)
                    .select_for_update(skip_locked=True, of=("self",))
                    .order_by("scheduled_for", "pk")
                    .first()
                )
                if article is None:
                    return published, refused
                try:
                    apply(article, "publish_scheduled", actor=None)
                except WorkflowError as error:
                    article.scheduled_for = None
                    change = Change(article, article.current_revision, str(error))
                    record("scheduled_publication_failed", change)
                    refused.append(article)
                else:
                    published.append(article)
        except Exception:
            if article is None:
                raise
            logger.exception("Scheduled publication of %s failed; it stays scheduled", article.slug)
            broken.append(article.pk)
