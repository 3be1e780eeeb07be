"""The review workflow: the one place that says how an article travels to readers.

`TRANSITIONS` is the table: for each action, the states it leaves from, the
state it reaches, the permission it needs and what it asks of the person
taking it. `refusal()` holds every rule; `actions_for()` lists the actions a
user may take now by asking it, and `apply()` asks it again under a row lock
before it changes anything, so the buttons on screen and the actions allowed
cannot disagree. Views, the admin and management commands all go through
`apply()`; every transition it makes is written to the audit trail.

Four-eyes: nobody approves or publishes a version they wrote any part of
(any revision since the last publication). Publishing checks block.
"""

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from . import notifications, translation
from .diffing import say_the_same
from .models import (
    LIVE_STATUSES,
    Article,
    ArticleStatus,
    AuditAction,
    AuditRecord,
    ChangeKind,
    Correction,
    free_slugs,
    readable_slug,
)
from .read_also import match_links_waiting_for

S = ArticleStatus
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button; its name is the audit action's code (models.AuditAction)
    sources: frozenset
    target: str
    permission: str | None  # None: only the scheduler (no user) takes it
    comment: str = ""  # "required" or "optional"
    comment_label: str = "Comment"
    four_eyes: bool = False
    checked: bool = False  # the publishing checks must pass
    needs_time: bool = False
    notify: str = ""  # "reviewers" or "contributors"
    confirm: str = ""  # asked before a one-click action that cannot be taken back quietly

    @property
    def done(self):
        """ "submitted for review": what the audit trail and the message after it say."""
        return AuditAction(self.name).label


def _transition(name, label, sources, target, permission, **options):
    return Transition(name, label, frozenset(sources), target, permission, **options)


BEFORE_REVIEW = {S.NEW, S.IN_TRANSLATION, S.DRAFTING, S.CHANGES_REQUESTED}
NOT_LIVE = {*BEFORE_REVIEW, S.IN_REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}

TRANSITIONS = {
    t.name: t
    for t in [
        _transition(
            "submit", "Submit for review",
            BEFORE_REVIEW, S.IN_REVIEW, "translate_article",
            comment="optional", comment_label="Note for the reviewer", notify="reviewers",
        ),
        _transition(
            "request_changes", "Request changes",
            {S.IN_REVIEW, S.APPROVED}, S.CHANGES_REQUESTED, "review_article",
            comment="required", comment_label="What needs changing", notify="contributors",
        ),
        _transition(
            "approve", "Approve",
            {S.IN_REVIEW}, S.APPROVED, "review_article",
            comment="optional", four_eyes=True,
        ),
        _transition(
            "publish", "Publish now",
            {S.APPROVED}, S.PUBLISHED, "review_article",
            four_eyes=True, checked=True, notify="contributors",
            confirm="Publish this article now? Readers see it at once.",
        ),
        _transition(
            "schedule", "Schedule",
            {S.APPROVED}, S.SCHEDULED, "review_article",
            four_eyes=True, checked=True, needs_time=True,
        ),
        _transition(
            "unschedule", "Cancel the schedule",
            {S.SCHEDULED}, S.APPROVED, "review_article",
        ),
        _transition(
            "publish_scheduled", "Publish as scheduled",
            {S.SCHEDULED}, S.PUBLISHED, None,
            checked=True, notify="contributors",
        ),
        _transition(
            "unpublish", "Unpublish",
            LIVE_STATUSES, S.UNPUBLISHED, "review_article",
            comment="required", comment_label="Reason for unpublishing", notify="contributors",
        ),
        _transition(
            "spike", "Spike",
            NOT_LIVE, S.SPIKED, "change_article",
            comment="required", comment_label="Reason for spiking",
        ),
        _transition(
            "reopen", "Reopen",
            {S.SPIKED, S.UNPUBLISHED}, S.DRAFTING, "change_article",
        ),
        _transition(
            "start_correction", "Start a correction",
            {S.PUBLISHED}, S.CORRECTING, "change_article", notify="reviewers",
        ),
        _transition(
            "discard_correction", "Discard the correction",
            {S.CORRECTING}, S.PUBLISHED, "change_article",
            confirm="Discard the correction? Its draft stays in the history; "
                    "readers keep the published version.",
        ),
        _transition(
            "publish_correction", "Publish the correction",
            {S.CORRECTING}, S.PUBLISHED, "review_article",
            comment="required", comment_label="Note for readers",
            four_eyes=True, checked=True, notify="contributors",
        ),
    ]
}  # fmt: skip

PERMISSION_REFUSALS = {
    "translate_article": "Only translators, editors and reviewers can submit for review.",
    "change_article": "Only editors and reviewers can do this.",
    "review_article": "Only reviewers can do this.",
}


class WorkflowError(Exception):
    """A transition refused; the message says why. `forbidden`: the person may never do it."""

    def __init__(self, message, *, forbidden=False):
        super().__init__(message)
        self.forbidden = forbidden


# --- The rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


def publishing_checks(article):
    """Everything that must hold before the article's current revision reaches readers."""
    revision = article.current_revision
    outlet = article.outlet
    links = list(revision.read_also.select_related("target"))
    not_live = [link.target_headline for link in links if not _is_live(link.target)]
    unfinished = translation.unfinished_parts(article)
    in_arabic = translation.untranslated_script(revision)
    needs_disclaimer = outlet is not None and outlet.requires_disclaimer
    checks = [
        Check("Headline", bool(revision.headline.strip()), "The article needs a headline."),
        Check("Body", bool(revision.paragraph_texts), "The article has no body text."),
        Check(
            "Disclaimer",
            revision.disclaimer_id is not None or not needs_disclaimer,
            f"{outlet}’s stories must carry the disclaimer; none is attached.",
        ),
        Check(
            "Read Also",
            not not_live,
            "Read Also links must point to published articles; these do not: "
            + "; ".join(f"“{headline}”" for headline in not_live),
        ),
        Check(
            "Translation",
            not unfinished and not in_arabic,
            _translation_problem(unfinished, in_arabic),
        ),
        Check("Keywords", revision.keywords.exists(), "Add at least one keyword."),
    ]
    if article.status == S.CORRECTING:
        unchanged = say_the_same(revision, article.published_revision)
        checks.append(
            Check("Correction", not unchanged, "Nothing has changed since the published version.")
        )
    return checks


def _translation_problem(unfinished, in_arabic):
    problems = []
    if unfinished:
        problems.append(f"Not yet done on the translation screen: {', '.join(unfinished)}.")
    if in_arabic:
        where = ", ".join(f"{label} {number}" if number else label for label, number in in_arabic)
        problems.append(f"Untranslated source text remains in: {where}.")
    return " ".join(problems)


def _is_live(article):
    return article is not None and article.is_live


def writers_of_pending_version(article):
    """Everyone who wrote a revision since the last publication (all, if never published)."""
    revisions = article.revisions.exclude(author=None)
    if article.published_revision_id:
        revisions = revisions.filter(number__gt=article.published_revision.number)
    return set(revisions.values_list("author", flat=True))


def refusal(article, user, transition, *, comment="", when=None, checks=None, kind=None):
    """Why `user` may not take `transition` on `article` now, or None if they may.

    `user` None is the scheduler. `checks`, when given, saves computing them again."""
    return (
        _who_and_when(article, user, transition)
        or _missing_input(transition, comment, when, kind)
        or _failed_checks(article, transition, checks)
    )


def _who_and_when(article, user, transition):
    """The role, the state and the four-eyes rule."""
    if user is None:
        if transition.permission is not None:
            return WorkflowError(f"“{transition.label}” needs a person to take it.")
    elif transition.permission is None:
        return WorkflowError(
            "Only the scheduler publishes scheduled articles; cancel the schedule to publish now.",
            forbidden=True,
        )
    elif not user.has_perm(f"articles.{transition.permission}"):
        return WorkflowError(PERMISSION_REFUSALS[transition.permission], forbidden=True)
    if article.status not in transition.sources:
        return WorkflowError(
            f"“{transition.label}” is not possible while the article is in the state "
            f"“{article.get_status_display()}”."
        )
    if transition.four_eyes and user.pk in writers_of_pending_version(article):
        return WorkflowError(
            "Four eyes: you wrote part of this version, so another reviewer must "
            f"{transition.label.lower()}.",
            forbidden=True,
        )
    return None


def _missing_input(transition, comment, when, kind=None):
    silent_update = transition.name == "publish_correction" and kind == ChangeKind.UPDATE
    if transition.comment == "required" and not comment.strip() and not silent_update:
        if transition.name == "publish_correction":
            return WorkflowError(
                f"A {ChangeKind(kind or ChangeKind.CORRECTION).label.lower()} is noted for "
                "readers: say what changed. (A silent fix of a typo or a keyword is an update.)"
            )
        return WorkflowError(f"{transition.comment_label} is required.")
    if transition.needs_time:
        if when is None:
            return WorkflowError("Give the date and time to publish at.")
        if when <= timezone.now():
            return WorkflowError(
                f"{date_format(timezone.localtime(when), 'DATETIME_FORMAT')} is in the past; "
                "choose a later time or publish now."
            )
    return None


def _failed_checks(article, transition, checks):
    if not transition.checked:
        return None
    failed = [check for check in checks or publishing_checks(article) if not check.passed]
    if failed:
        return WorkflowError("Not published: " + " ".join(check.detail for check in failed))
    return None


def actions_for(article, user, checks=None):
    """[(transition, blocked)]: what `user` may do to `article` now. `blocked` is the failing
    publishing checks' reason, or None. The review screen shows exactly these buttons."""
    return [
        (transition, str(_failed_checks(article, transition, checks) or "") or None)
        for transition in TRANSITIONS.values()
        if transition.permission is not None and not _who_and_when(article, user, transition)
    ]


def four_eyes_notice(article, user):
    """A sentence for a reviewer who may not approve or publish because they wrote it."""
    if user.has_perm("articles.review_article") and user.pk in writers_of_pending_version(article):
        return "You wrote part of this version, so another reviewer must approve and publish it."
    return ""


# --- Making the change ------------------------------------------------------------------------


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
    """Take the transition called `name` on `article` as `actor` (None: the scheduler).
    `kind` says what a change to a live article is (models.ChangeKind), when it is published.

    Locks the article's row, checks every rule again, changes the article,
    writes the audit record and, once committed, sends the notifications
    (unless `notify` is false, as when the demo newsroom is set up).
    `seen_revision` is the revision number the person had on screen: if the article
    has moved on since, nobody approves or publishes text they have not seen.
    Raises WorkflowError, changing nothing, when the transition is refused.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
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
        from_status, slug = locked.status, locked.slug
        _carry_out(locked, transition, now=now, comment=comment, when=when,
                   withdrawal_notice=withdrawal_notice, kind=kind)  # fmt: skip
        locked.status = transition.target
        _save(locked, renamed=locked.slug != slug)
        audit_comment = _audit_comment(transition, comment, when)
        if transition.name == "publish_correction":  # which kind of change it was, for staff
            label = ChangeKind(kind).label
            audit_comment = f"{label}: {audit_comment}" if audit_comment else f"{label}, silent."
        if locked.slug != slug:
            audit_comment = (
                f"{audit_comment} Its address is now {locked.get_absolute_url()}".strip()
            )
        record = AuditRecord.objects.create(
            actor=actor,
            action=transition.name,
            article=locked,
            revision=locked.current_revision,
            from_status=from_status,
            to_status=locked.status,
            comment=audit_comment,
        )
        if transition.notify and notify:
            notifications.queue(record, transition.notify)
    article.refresh_from_db()
    return record


def _save(article, *, renamed):
    """Save the article. One just renamed at its first publication may find its new slug
    taken by a story of the same headline published at the same moment: it takes the next."""
    for _ in range(3 if renamed else 0):
        try:
            with transaction.atomic():  # a savepoint: the clash must not spoil the transaction
                article.save()
            return
        except IntegrityError:
            article.slug = free_slugs([readable_slug(article.current_revision.headline)])[0]
    article.save()


def _carry_out(article, transition, *, now, comment, when, withdrawal_notice, kind):
    if transition.checked and transition.target == S.PUBLISHED:  # a publication
        readable = readable_slug(article.current_revision.headline)
        if article.published_at is None and article.has_provisional_slug and readable:
            article.former_slug, article.slug = article.slug, free_slugs([readable])[0]
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
    elif transition.name == "schedule":
        article.scheduled_for = when
    elif transition.name in {"unschedule", "spike"}:
        article.scheduled_for = None
    elif transition.name == "unpublish":
        article.withdrawal_notice = withdrawal_notice.strip()
    elif transition.name == "discard_correction":
        article.current_revision = article.published_revision  # the draft stays in the history


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
                    _return_to_approved(article, str(error))
                    refused.append(article)
                else:
                    published.append(article)
        except Exception:
            if article is None:
                raise
            logger.exception("Scheduled publication of %s failed; it stays scheduled", article.slug)
            broken.append(article.pk)


def _return_to_approved(article, reason):
    from_status = article.status
    article.status, article.scheduled_for = S.APPROVED, None
    article.save(update_fields=["status", "scheduled_for", "updated_at"])
    record = AuditRecord.objects.create(
        action=AuditAction.SCHEDULED_PUBLICATION_FAILED,
        article=article,
        revision=article.current_revision,
        from_status=from_status,
        to_status=article.status,
        comment=reason,
    )
    notifications.queue(record, "reviewers")


def change_request(article):
    """The audit record of the changes a reviewer asked for, while the article awaits them."""
    if article.status != S.CHANGES_REQUESTED:
        return None
    requested = article.audit_records.filter(action=AuditAction.REQUEST_CHANGES)
    return requested.select_related("actor").order_by("-at", "-pk").first()


# --- What an edit does to the article's state --------------------------------------------------

NOT_EDITABLE = {
    S.SPIKED: "This article is spiked: reopen it before editing.",
    S.UNPUBLISHED: "This article is unpublished: reopen it before editing.",
}


def state_after_edit(article, author=None):
    """(new state, audit note, who to tell) for a saved edit; raises WorkflowError where edits
    are refused.

    A first edit starts drafting (translating, for a non-English source); editing an
    approved or scheduled article sends it back to review, cancels any schedule and tells
    the reviewers; editing a published one starts a correction while the published version
    stays live, which only those who may start a correction can do."""
    status = article.status
    if status in NOT_EDITABLE:
        raise WorkflowError(NOT_EDITABLE[status])
    correction = TRANSITIONS["start_correction"]
    if status == S.PUBLISHED and author is not None and _who_and_when(article, author, correction):
        raise WorkflowError(
            "This article is published: only editors and reviewers can change it, "
            "by starting a correction.",
            forbidden=True,
        )
    if status == S.NEW:
        return (S.IN_TRANSLATION if article.needs_translation else S.DRAFTING), "", ""
    if status == S.APPROVED:
        return S.IN_REVIEW, "Edited after approval: back to review.", "reviewers"
    if status == S.SCHEDULED:
        when = date_format(timezone.localtime(article.scheduled_for), "j M Y, H:i")
        note = f"Edited while scheduled for {when}: the schedule is cancelled; back to review."
        return S.IN_REVIEW, note, "reviewers"
    if status == S.PUBLISHED:
        return S.CORRECTING, "Edited while published: a correction is under way.", ""
    return status, "", ""
