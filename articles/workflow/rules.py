"""The workflow's rules: who may take which row of the table (workflow.table) now, and
what must hold before an article reaches readers.

`refusal()` holds every rule; `actions_for()` lists the buttons a person may press
by asking it, and `workflow.apply()` asks it again under the row lock, so the
buttons on screen and the actions allowed cannot disagree.

Four-eyes: nobody approves or publishes a version they wrote any part of
(any revision since the last publication). Publishing checks block.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from .. import translation
from ..diffing import say_the_same
from ..models import AuditAction, ChangeKind, OutletStatus
from .table import PERMISSION_REFUSALS, PERSON, TRANSITIONS, S, WorkflowError


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


def publishing_checks(article, *, flagged=None):
    """Everything that must hold before the article's current revision reaches readers.
    `flagged`: the translation checks' flags, where the caller has them already."""
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
        Check("Outlet", _attributed(outlet), _attribution_problem(outlet)),
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
    if article.needs_translation:
        blocking = translation.blocking_flags(article, flagged)
        checks.append(Check("Translation checks", not blocking, _flags_problem(blocking)))
    if article.status == S.CORRECTING:
        unchanged = say_the_same(revision, article.published_revision)
        checks.append(
            Check("Correction", not unchanged, "Nothing has changed since the published version.")
        )
    return checks


def _attributed(outlet):
    return outlet is not None and outlet.status == OutletStatus.CONFIRMED


def _attribution_problem(outlet):
    """Readers are told whose report this is: a confirmed outlet's."""
    if outlet is None:
        return "The article is attributed to no outlet: choose the outlet whose report it is."
    if outlet.status == OutletStatus.REJECTED:
        return f"{outlet} was rejected as an outlet: choose the outlet whose report it is."
    return (
        f"{outlet} is not a confirmed outlet yet: an admin confirms it, merges it into a "
        "known outlet or rejects it."
    )


def _translation_problem(unfinished, in_arabic):
    problems = []
    if unfinished:
        problems.append(f"Not yet done on the translation screen: {', '.join(unfinished)}.")
    if in_arabic:
        where = ", ".join(f"{label} {number}" if number else label for label, number in in_arabic)
        problems.append(f"Untranslated source text remains in: {where}.")
    return " ".join(problems)


def _flags_problem(flagged):
    found = " ".join(f"{segment.label}: {flag.message}" for segment, flag in flagged)
    return (
        f"The translation checks found: {found} Fix the English on the translation screen, "
        "or a reviewer overrides the flag on the review screen with a reason."
    )


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
        if transition.taken_by == PERSON:
            return WorkflowError(f"“{transition.label}” needs a person to take it.")
    elif transition.taken_by != PERSON:
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
        if transition.taken_by == PERSON
        and transition.button
        and not _who_and_when(article, user, transition)
    ]


def four_eyes_notice(article, user):
    """A sentence for a reviewer who may not approve or publish because they wrote it."""
    if user.has_perm("articles.review_article") and user.pk in writers_of_pending_version(article):
        return "You wrote part of this version, so another reviewer must approve and publish it."
    return ""


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


EDIT_ROWS = ["edit", "start_translating", "start_drafting", "edit_approved", "edit_scheduled",
             "edit_published"]  # fmt: skip


def edit_transition(article, author=None):
    """The row of the table a saved edit takes (raises WorkflowError where edits are refused).

    A first edit starts drafting (translating, for a non-English source); editing an
    approved or scheduled article sends it back to review, cancels any schedule and tells
    the reviewers; editing a published one starts a correction while the published version
    stays live, which only those who may start a correction can do."""
    status = article.status
    if status in NOT_EDITABLE:
        raise WorkflowError(NOT_EDITABLE[status])
    if status == S.NEW:
        return TRANSITIONS["start_translating" if article.needs_translation else "start_drafting"]
    transition = next(TRANSITIONS[n] for n in EDIT_ROWS if status in TRANSITIONS[n].sources)
    if (
        transition.permission
        and author
        and not author.has_perm(f"articles.{transition.permission}")
    ):
        raise WorkflowError(
            "This article is published: only editors and reviewers can change it, "
            "by starting a correction.",
            forbidden=True,
        )
    return transition


def edit_note(article, transition):
    """What the audit record of an edit says of the change of state it made."""
    if transition.name == "edit_scheduled":
        when = date_format(timezone.localtime(article.scheduled_for), "j M Y, H:i")
        return transition.note.format(when=when)
    return transition.note
