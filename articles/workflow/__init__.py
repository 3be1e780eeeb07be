"""The review workflow: the one place that says how an article travels to readers.

- `table`: every way an article's state changes, one row each, the system's too;
- `rules`: who may take which row now, and the publishing checks;
- `recorder`: `record()`, the only code that changes an article's state and writes
  the audit trail, and `apply()`, which takes a review screen's action through it;
- `overrides`: a reviewer's override of a translation flag, recorded through it.
"""

from .overrides import override_flag
from .recorder import Change, apply, publish_due, record
from .rules import (
    NOT_EDITABLE,
    actions_for,
    change_request,
    edit_note,
    edit_transition,
    four_eyes_notice,
    publishing_checks,
    refusal,
    writers_of_pending_version,
)
from .table import SAME, TRANSITIONS, Transition, WorkflowError

__all__ = [
    "NOT_EDITABLE",
    "SAME",
    "TRANSITIONS",
    "Change",
    "Transition",
    "WorkflowError",
    "actions_for",
    "apply",
    "change_request",
    "edit_note",
    "edit_transition",
    "four_eyes_notice",
    "override_flag",
    "publish_due",
    "publishing_checks",
    "record",
    "refusal",
    "writers_of_pending_version",
]
