"""The workflow's table: every way an article's state changes, one row each.

A row says which states it leaves from (none: the row creates the article), the
state it reaches (`SAME`: it stays),
who takes it and what it asks of them. Its name is the code of the audit record
it writes (models.AuditAction), unless `action` says otherwise.

Who takes a row (`taken_by`):
- PERSON: a button on the review screen (workflow.apply, with a person), or, for a row
  that is not a button, a form of its own there (a reviewer's override of a translation
  flag: workflow.overrides);
- SCHEDULER: the scheduled publication (workflow.apply, with no person);
- SYSTEM: the consequence of something else, recorded by the code that does it:
  saving an edit (editing.save_revision), importing a source story (the importer),
  a scheduled publication that failed its checks (workflow.publish_due).
"""

from dataclasses import dataclass

from ..models import LIVE_STATUSES, ArticleStatus, AuditAction

S = ArticleStatus
SAME = None  # the row leaves the state as it is

PERSON, SCHEDULER, SYSTEM = "person", "scheduler", "system"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button, or what happened, for people
    sources: frozenset
    target: str | None
    permission: str | None  # what a person needs to take it; None: nobody checks a role
    taken_by: str = PERSON
    action: str = ""  # the audit record's code, when it is not the name
    comment: str = ""  # "required" or "optional"
    comment_label: str = "Comment"
    note: str = ""  # what the audit record says of a system row
    four_eyes: bool = False
    checked: bool = False  # the publishing checks must pass
    needs_time: bool = False
    notify: str = ""  # "reviewers" or "contributors"
    confirm: str = ""  # asked before a one-click action that cannot be taken back quietly
    button: bool = True  # a PERSON row among the review screen's buttons

    @property
    def audit_action(self):
        return self.action or self.name

    @property
    def done(self):
        """ "submitted for review": what the audit trail and the message after it say."""
        return AuditAction(self.audit_action).label

    def reaches(self, status):
        return status if self.target is SAME else self.target


def _transition(name, label, sources, target, permission, **options):
    return Transition(name, label, frozenset(sources), target, permission, **options)


BEFORE_REVIEW = {S.NEW, S.IN_TRANSLATION, S.DRAFTING, S.CHANGES_REQUESTED}
NOT_LIVE = {*BEFORE_REVIEW, S.IN_REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}
EDITED_IN_PLACE = {S.IN_TRANSLATION, S.DRAFTING, S.CHANGES_REQUESTED, S.IN_REVIEW, S.CORRECTING}
EDITABLE = {*EDITED_IN_PLACE, S.NEW, S.APPROVED, S.SCHEDULED, S.PUBLISHED}
EVERY_STATE = set(S)

TRANSITIONS = {
    t.name: t
    for t in [
        # --- The review screen's buttons ---
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
        _transition(
            "override_check", "Override a translation flag",
            EDITABLE, SAME, "review_article",
            comment="required", comment_label="Why the English is right", four_eyes=True,
            button=False,
        ),
        # --- The scheduler ---
        _transition(
            "publish_scheduled", "Publish as scheduled",
            {S.SCHEDULED}, S.PUBLISHED, None,
            taken_by=SCHEDULER, checked=True, notify="contributors",
        ),
        _transition(
            "scheduled_publication_failed", "Scheduled publication failed",
            {S.SCHEDULED}, S.APPROVED, None,
            taken_by=SYSTEM, notify="reviewers",
        ),
        # --- Saving an edit (editing.save_revision; the edit screen checks the role) ---
        _transition(
            "edit", "Save", EDITED_IN_PLACE, SAME, None, taken_by=SYSTEM,
        ),
        _transition(
            "start_drafting", "Save the first edit", {S.NEW}, S.DRAFTING, None,
            taken_by=SYSTEM, action="edit",
        ),
        _transition(
            "start_translating", "Save the first edit of a story to translate",
            {S.NEW}, S.IN_TRANSLATION, None, taken_by=SYSTEM, action="edit",
        ),
        _transition(
            "edit_approved", "Save an approved article",
            {S.APPROVED}, S.IN_REVIEW, None, taken_by=SYSTEM, action="edit",
            note="Edited after approval: back to review.", notify="reviewers",
        ),
        _transition(
            "edit_scheduled", "Save a scheduled article",
            {S.SCHEDULED}, S.IN_REVIEW, None, taken_by=SYSTEM, action="edit",
            note="Edited while scheduled for {when}: the schedule is cancelled; back to review.",
            notify="reviewers",
        ),
        _transition(
            "edit_published", "Save a published article",
            {S.PUBLISHED}, S.CORRECTING, "change_article", taken_by=SYSTEM, action="edit",
            note="Edited while published: a correction is under way.",
        ),
        _transition(
            "edit_refused", "Save an edit of an older revision",
            EDITABLE, SAME, None, taken_by=SYSTEM,
        ),
        # --- The importer ---
        _transition(
            "import", "Import a source story", (), S.NEW, None, taken_by=SYSTEM,
        ),
        _transition(
            "source_update", "A new version of the source story",
            EVERY_STATE, SAME, None, taken_by=SYSTEM, notify="contributors",
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
