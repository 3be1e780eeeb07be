"""Translating a story: its segments, the glossary, translation memory, overridden checks
and the archive of names."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import Truncator

from .articles import Article


class SegmentKind(models.TextChoices):
    HEADLINE = "headline", "Headline"
    STANDFIRST = "standfirst", "Standfirst"
    PARAGRAPH = "paragraph", "Paragraph"


class SegmentState(models.TextChoices):
    UNTRANSLATED = "untranslated", "Untranslated"
    DRAFT = "draft", "Draft"
    DONE = "done", "Done"


class Segment(models.Model):
    """One unit of a translation: a source paragraph (or the headline, or the standfirst)
    and its English, saved as the translator goes.

    `source_text` is the source this translation was made from. When the source story
    is re-imported with a changed paragraph, the segment keeps it, and so is *stale*
    until someone looks at the old and new source side by side and resolves it.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="segments")
    kind = models.CharField(max_length=10, choices=SegmentKind)
    position = models.PositiveSmallIntegerField(help_text="Paragraph number from 0.")
    source_text = models.TextField()
    source_normalized = models.TextField(editable=False)
    translation = models.TextField(blank=True)
    state = models.CharField(
        max_length=12, choices=SegmentState, default=SegmentState.UNTRANSLATED, db_index=True
    )
    machine = models.BooleanField(
        default=False, help_text="Machine translation that no person has edited yet."
    )
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translated_segments",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "kind", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "position"], name="one_segment_per_source_unit"
            )
        ]

    def __str__(self):
        return f"{self.article.slug} {self.kind} {self.position}"

    @property
    def label(self):
        """ "Headline", "Standfirst" or "Paragraph 3", as the desk numbers them (from 1)."""
        if self.kind == SegmentKind.PARAGRAPH:
            return f"Paragraph {self.position + 1}"
        return self.get_kind_display()


class GlossaryTerm(models.Model):
    """The newsroom's preferred English for a name or term found in source stories."""

    source_term = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, unique=True, editable=False)
    rendering = models.CharField(max_length=200, help_text="The preferred English rendering.")
    note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("rendering")]  # al-Muzayrib beside the Badia, not after Liwa

    def __str__(self):
        return f"{self.source_term} → {self.rendering}"


class MemoryFingerprint(models.Model):
    """One of the few hashes that stand for a finished segment's source text in the
    translation memory: nearly identical texts share most of them (see translation.py)."""

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="fingerprints")
    value = models.BigIntegerField(db_index=True)

    def __str__(self):
        return f"{self.segment_id}: {self.value}"


class MemoryEntry(models.Model):
    """A translation unit imported from another tool's memory (a TMX file): an Arabic source
    text and its English, with no article of this newsroom behind it. The memory offers it,
    and the concordance finds it, beside the finished segments (translation/memory.py)."""

    source_text = models.TextField()
    source_normalized = models.TextField(editable=False)
    translation = models.TextField()
    key = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the source and its English: the same unit imported again is "
        "recognised by it.",
    )
    article_slug = models.CharField(
        max_length=200, blank=True, help_text="The article it was translated for, if the file said."
    )
    translator = models.CharField(
        max_length=200, blank=True, help_text="Who translated it, as the file names them."
    )
    translated_at = models.DateTimeField(null=True, blank=True)
    imported_from = models.CharField(max_length=255, help_text="The file's name.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "memory entries"
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return Truncator(self.translation).chars(80)


class MemoryEntryFingerprint(models.Model):
    """A fingerprint of an imported entry's source text, as MemoryFingerprint is a segment's."""

    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="fingerprints")
    value = models.BigIntegerField(db_index=True)

    def __str__(self):
        return f"{self.entry_id}: {self.value}"


class FlagKind(models.TextChoices):
    """What a translation check found (translation.checks): numbers and attribution block
    publication until fixed or overridden; names and omissions warn."""

    NUMBERS = "numbers", "Numbers"
    ATTRIBUTION = "attribution", "Attribution"
    NAMES = "names", "Names"
    OMISSION = "omission", "Possible omission"


class FlagOverride(models.Model):
    """A reviewer's word that a translation flag is wrong about this segment's English: the
    publishing check then passes for that flag, while the English stays as it was."""

    segment = models.ForeignKey(Segment, on_delete=models.CASCADE, related_name="overrides")
    kind = models.CharField(max_length=12, choices=FlagKind)
    subject = models.CharField(max_length=200, help_text="What the flag is about: “١١”, “بحسب”.")
    translation = models.TextField(
        help_text="The English the reviewer accepted; once it changes, the flag counts again."
    )
    reason = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["segment", "kind", "subject"], name="one_override_per_flag"
            )
        ]

    def __str__(self):
        return f"{self.segment}: {self.kind} {self.subject}"


class NameUse(models.Model):
    """How a published article renders a name from its source: the archive that says how the
    newsroom usually writes it (translation.archive). Kept for published articles only."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="name_uses")
    arabic = models.CharField(max_length=200, help_text="The name as the source wrote it.")
    key = models.CharField(max_length=200, db_index=True, help_text="The Arabic, normalised.")
    rendering = models.CharField(max_length=200)
    rendering_key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "key", "rendering_key"], name="one_use_of_a_rendering"
            )
        ]

    def __str__(self):
        return f"{self.arabic} → {self.rendering}"
