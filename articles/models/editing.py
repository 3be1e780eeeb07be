"""Editors at work: each one's autosaved working copy, and who has an article open."""

from django.conf import settings
from django.db import models
from django.http import QueryDict

from .articles import Article, Revision


class WorkingCopyQuerySet(models.QuerySet):
    def unsaved(self):
        """Drafts still waiting to be saved (not those already saved as a revision)."""
        return self.filter(saved_as__isnull=True)


class WorkingCopy(models.Model):
    """An editor's unsaved work on an article, autosaved every few seconds while they type.

    It is not a revision: it becomes one only when the editor saves. One per
    editor and article; reopening the edit screen brings it back.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="working_copies")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_copies"
    )
    based_on = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    form_data = models.JSONField(help_text="The edit form's fields as the editor left them.")
    saved_at = models.DateTimeField(auto_now=True)
    saved_as = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The revision the draft became when the editor saved: kept so that an "
        "autosave still on its way from an older revision is dropped, not taken as a draft.",
    )

    objects = WorkingCopyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "working copies"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "editor"], name="one_working_copy_per_editor"
            )
        ]

    def __str__(self):
        return f"{self.editor} on {self.article.slug}"

    def as_form_data(self):
        """The edit form's fields as the editor left them, as a form reads a request."""
        data = QueryDict(mutable=True)
        for name, values in self.form_data.items():
            data.setlist(name, values)
        return data


class EditorPresence(models.Model):
    """Who has an article's edit screen open: refreshed by the screen every few seconds."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "editor"], name="one_presence_per_editor")
        ]

    def __str__(self):
        return f"{self.editor} on {self.article.slug} at {self.seen_at:%H:%M:%S}"
