"""A reviewer overrides a translation flag: the check was wrong about this English (a
number written another way, an attribution the sentence carries in other words). The
override is kept beside the segment for the English it was given for, and recorded in
the audit trail through the recorder, with the flag and the reason."""

from django.db import transaction

from ..models import Article, FlagOverride
from ..translation import flags_for
from .recorder import Change, record
from .rules import refusal
from .table import TRANSITIONS, WorkflowError


def override_flag(article, *, segment_id, kind, subject, reason, actor):
    """Override the flag (kind, subject) raised on the article's segment `segment_id`, as
    `actor`, for `reason`; returns the audit record. Raises WorkflowError, changing
    nothing, when the reviewer may not or the flag is no longer raised."""
    transition = TRANSITIONS["override_check"]
    with transaction.atomic():
        locked = Article.objects.locked(article.pk)
        refused = refusal(locked, actor, transition, comment=reason)
        if refused:
            raise refused
        segment = locked.segments.filter(pk=segment_id).first()
        flags = flags_for(locked, [segment]).get(segment_id, []) if segment else []
        flag = next((f for f in flags if (f.kind, f.subject) == (kind, subject)), None)
        if flag is None or not flag.can_block:
            raise WorkflowError(
                "That flag is no longer raised: the English has changed since the page was "
                "loaded. Look at the checks again."
            )
        FlagOverride.objects.update_or_create(
            segment=segment,
            kind=kind,
            subject=subject,
            defaults={"translation": segment.translation, "reason": reason.strip(), "by": actor},
        )
        comment = f"{segment.label}, {flag.label.lower()}: {flag.message} Reason: {reason.strip()}"
        [audit_record] = record("override_check", Change(locked, locked.current_revision, comment),
                                actor=actor)  # fmt: skip
    return audit_record
