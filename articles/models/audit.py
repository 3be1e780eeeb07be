"""What happened to an article and who did it: the audit trail, the corrections readers
see, the notifications sent."""

from django.conf import settings
from django.db import models

from .articles import Article, Revision


class AuditAction(models.TextChoices):
    """What an audit record says happened, under a stable code; the label is for people. The
    workflow's transitions are named by their codes (workflow.TRANSITIONS)."""

    SUBMIT = "submit", "submitted for review"
    REQUEST_CHANGES = "request_changes", "changes requested"
    APPROVE = "approve", "approved"
    PUBLISH = "publish", "published"
    SCHEDULE = "schedule", "scheduled"
    UNSCHEDULE = "unschedule", "schedule cancelled"
    PUBLISH_SCHEDULED = "publish_scheduled", "published as scheduled"
    SCHEDULED_PUBLICATION_FAILED = "scheduled_publication_failed", "scheduled publication failed"
    UNPUBLISH = "unpublish", "unpublished"
    SPIKE = "spike", "spiked"
    REOPEN = "reopen", "reopened"
    START_CORRECTION = "start_correction", "correction started"
    DISCARD_CORRECTION = "discard_correction", "correction discarded"
    PUBLISH_CORRECTION = "publish_correction", "correction published"
    EDIT = "edit", "revision saved"
    EDIT_REFUSED = "edit_refused", "edit refused"
    IMPORT = "import", "imported"
    SOURCE_UPDATE = "source_update", "source updated"
    OVERRIDE_CHECK = "override_check", "translation flag overridden"


class AuditRecord(models.Model):
    """Who changed what, and when. Written by the code that makes the change; never edited."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_records",
        help_text="Empty for changes made by a management command.",
    )
    action = models.CharField(max_length=40, choices=AuditAction)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="audit_records"
    )
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        who = self.actor.get_username() if self.actor else "system"
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.get_action_display()}"


class ChangeKind(models.TextChoices):
    """What a change to a live article is, as newsrooms tell them apart. Each is reviewed and
    audited; corrections and clarifications are noted publicly, an update only when it
    says something (new information), not for a silent fix of a typo or a keyword."""

    CORRECTION = "correction", "Correction"
    CLARIFICATION = "clarification", "Clarification"
    UPDATE = "update", "Update"

    @classmethod
    def noted_publicly(cls):
        return [cls.CORRECTION, cls.CLARIFICATION]


class CorrectionQuerySet(models.QuerySet):
    def noted(self):
        """Corrections and clarifications: what readers are told prominently, and what
        NewsArticle.correction and the feeds carry."""
        return self.filter(kind__in=ChangeKind.noted_publicly())


class Correction(models.Model):
    """A public, dated note on a change to a live article: a correction, a clarification, or an
    update that adds information; shown on the article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=15, choices=ChangeKind, default=ChangeKind.CORRECTION)
    note = models.TextField()
    published_at = models.DateTimeField()

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "published_at"]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.article.slug}, {self.published_at:%Y-%m-%d}"


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    RETRYING = "retrying", "Failed, to be tried again"
    FAILED = "failed", "Failed"


class Notification(models.Model):
    """An email that follows a change to an article, written in the change's transaction and
    sent by the worker (articles/notifications.py), which records each attempt here."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notifications")
    record = models.ForeignKey(AuditRecord, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=20, help_text="reviewers, or contributors")
    status = models.CharField(
        max_length=10, choices=NotificationStatus, default=NotificationStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    recipients = models.JSONField(default=list, blank=True, help_text="The addresses mailed.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.record.get_action_display()} → {self.audience}: {self.get_status_display()}"
