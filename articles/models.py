"""The newsroom's data model.

A *source story* is what arrived from an *outlet*, kept verbatim. An *article*
is the site's own edited version of one source story. Everything an editor
writes lives in the article's *revisions*: headline, standfirst, body, the
attached *disclaimer*, the *keywords* and the *Read Also links*. Revisions are
never changed once saved; the article points at its newest revision and, once
it has been published, at the revision readers see. A later draft therefore
never changes the public page until it is published itself.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.functions import Lower
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify

from . import body as documents
from .text import headline_key


class RemembersLoaded:
    """A model whose pages are filed under names it can change (its slug, its outlet, the
    revision readers see): each instance keeps those values as they were loaded from the
    database (`as_loaded`), so that a change purges the pages filed under the old ones too
    (purging.keys_touched)."""

    remembered = ()

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance.as_loaded = {name: instance.__dict__.get(name) for name in cls.remembered}
        return instance


def person_name(user):
    """How the desk names someone: their full name, else their username; "system" for none."""
    if user is None:
        return "system"
    return user.get_full_name() or user.get_username()


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    ARABIC = "ar", "Arabic"


class OutletQuerySet(models.QuerySet):
    def alias_map(self):
        """Every spelling an outlet goes by (name and aliases) -> the outlet's name; a rejected
        outlet's spellings are no outlet's."""
        spellings = {}
        for name, aliases in self.exclude(status=OutletStatus.REJECTED).values_list(
            "name", "aliases"
        ):
            for spelling in [name, *aliases]:
                spellings[spelling] = name
        return spellings


class OutletStatus(models.TextChoices):
    CONFIRMED = "confirmed", "confirmed"
    UNCONFIRMED = "unconfirmed", "unconfirmed: learned from an attribution, not yet checked"
    REJECTED = "rejected", "rejected: not an outlet we republish"


class Outlet(RemembersLoaded, models.Model):
    """A news organisation whose reports the site republishes. One the importer met in an
    attribution, not in this table, is added unconfirmed, for an admin to confirm, merge
    into a known outlet (as an alias) or reject."""

    name = models.CharField(max_length=120, unique=True)
    status = models.CharField(
        max_length=12, choices=OutletStatus, default=OutletStatus.CONFIRMED, db_index=True
    )
    slug = models.SlugField(max_length=120, unique=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text='Other spellings used in attributions, e.g. ["SY24", "SY 24"].',
    )
    language = models.CharField(max_length=2, choices=Language, default=Language.ARABIC)
    website = models.URLField(blank=True)
    requires_disclaimer = models.BooleanField(
        default=True,
        help_text='Stories from this outlet must carry the "not verified" disclaimer.',
    )

    objects = OutletQuerySet.as_manager()
    remembered = ("slug",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:outlet", args=[self.slug])


class Disclaimer(models.Model):
    """A managed notice attached to articles, such as the site's "not verified" text."""

    name = models.CharField(max_length=120, unique=True)
    text = models.TextField()
    is_standard = models.BooleanField(
        default=False,
        help_text="The notice the importer attaches when a seed carries a disclaimer.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_standard", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_standard"],
                condition=models.Q(is_standard=True),
                name="one_standard_disclaimer",
                violation_error_message="Only one disclaimer can be the standard one.",
            )
        ]

    def __str__(self):
        return self.name


def keyword_slug(name):
    """A keyword's address, and what makes two names one keyword: "Al-Quds" and "al quds"."""
    return slugify(name, allow_unicode=True)[:100]


class KeywordQuerySet(models.QuerySet):
    def named(self, name):
        """The keyword called `name`, created when new."""
        return self.get_or_create(slug=keyword_slug(name), defaults={"name": name})[0]

    def existing(self, names):
        """The keywords `names` stand for that exist already, creating none."""
        return self.filter(slug__in=[keyword_slug(name) for name in names])


class Keyword(RemembersLoaded, models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)

    objects = KeywordQuerySet.as_manager()
    remembered = ("slug",)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="keyword_name_unique_ignoring_case",
                violation_error_message="A keyword with this name already exists.",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:keyword", args=[self.slug])


class SourceFlag(models.TextChoices):
    """What the importer was unsure of in a source story, for an editor to check."""

    CUT_OFF = "cut_off", "cut off"
    NO_HEADLINE = "no_headline", "no headline"
    OUTLET_UNKNOWN = "outlet_unknown", "outlet unknown"
    OUTLET_UNCONFIRMED = "outlet_unconfirmed", "outlet unconfirmed"
    POSSIBLE_DUPLICATE = "possible_duplicate", "possible duplicate"
    DISCLAIMER_CUT_OFF = "disclaimer_cut_off", "disclaimer cut off"


class SourceStory(models.Model):
    """A report as it arrived: parsed fields for the desk, the raw file for provenance."""

    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="source_stories"
    )
    language = models.CharField(max_length=2, choices=Language)
    headline = models.CharField(max_length=500)
    headline_key = models.CharField(max_length=500, db_index=True, editable=False)
    standfirst = models.TextField(blank=True)
    paragraphs = models.JSONField(default=list, help_text="Body paragraphs, plain text.")
    keywords = models.JSONField(default=list, blank=True)
    arrived_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255, db_index=True)
    raw = models.BinaryField(help_text="The file exactly as it arrived.")
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the raw file.")
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        help_text="SHA-256 of the text after decoding and line-ending clean-up; "
        "the same report under another name or encoding is recognised by it.",
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text="The earlier version of this report, when it arrived again updated.",
    )
    encoding = models.CharField(
        max_length=20, default="utf-8", help_text="How the raw file's bytes were read."
    )
    opening_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="The body's first words, folded: where a second capture of it is looked for.",
    )
    flags = models.JSONField(
        default=list,
        blank=True,
        help_text='What the importer was unsure of: [{"code": …, "detail": …}] (SourceFlag).',
    )

    class Meta:
        verbose_name_plural = "source stories"
        ordering = ["-arrived_at"]

    def __str__(self):
        return self.headline

    @property
    def is_right_to_left(self):
        return self.language == Language.ARABIC

    def raw_text(self):
        return bytes(self.raw).decode(self.encoding, errors="replace").removeprefix("\ufeff")

    @property
    def flag_labels(self):
        """[(label, detail)] of the flags, for people."""
        return [(SourceFlag(f["code"]).label, f.get("detail", "")) for f in self.flags]


class ArticleStatus(models.TextChoices):
    NEW = "new", "New from import"
    IN_TRANSLATION = "in_translation", "In translation"
    DRAFTING = "drafting", "Drafting"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    CORRECTING = "correcting", "Correction in progress"
    UNPUBLISHED = "unpublished", "Unpublished"
    SPIKED = "spiked", "Spiked"


# States in which readers see the article's published revision.
LIVE_STATUSES = (ArticleStatus.PUBLISHED, ArticleStatus.CORRECTING)


class ArticleQuerySet(models.QuerySet):
    def for_desk(self):
        """What a desk list shows of each article, in one query, without the heavy columns."""
        return (
            self.select_related("current_revision", "outlet", "source_story", "assignee")
            .defer(
                "source_story__raw",
                "source_story__paragraphs",
                "source_story__standfirst",
                "current_revision__body",
                "current_revision__rendered_body",
                "current_revision__search_text",
                "current_revision__standfirst",
            )
            .fetch_mode(models.FETCH_PEERS)  # a lazy load on one row loads it for the page
        )

    def search(self, terms, *, revision="current_revision"):
        """Articles whose `revision` (current, or "published_revision") matches `terms`:
        PostgreSQL full-text search (web-search syntax, English stemming) there, a plain
        substring match elsewhere."""
        if connection.vendor == "postgresql":
            # A subquery on revisions, so that the GIN index on this exact expression
            # (migration 0004) is used; a filter across the join would scan every row.
            query = SearchQuery(terms, config="english", search_type="websearch")
            document = SearchVector("search_text", config="english")
            matching = Revision.objects.alias(document=document).filter(document=query)
            return self.filter(**{f"{revision}__in": matching.values("pk")})
        return self.filter(**{f"{revision}__search_text__icontains": terms})

    def published(self):
        """Articles readers can see: published, or live while a correction is drafted."""
        return self.filter(status__in=LIVE_STATUSES, published_revision__isnull=False)

    def for_readers(self):
        """Published articles for a public list, newest first, with their stored summaries and
        without the heavy columns (bodies, search text)."""
        return (
            self.published()
            .select_related("published_revision", "outlet")
            .defer(
                "published_revision__body",
                "published_revision__rendered_body",
                "published_revision__search_text",
            )
            .order_by("-published_at", "-pk")
        )

    def for_article_page(self):
        """Published articles with what their page shows, and only that, in one query."""
        return (
            self.published()
            .select_related("published_revision__disclaimer", "outlet", "source_story")
            .only(
                *["slug", "status", "published_at", "last_published_at"],
                *["published_revision__headline", "published_revision__standfirst"],
                *["published_revision__summary", "published_revision__rendered_body"],
                "published_revision__disclaimer__text",
                *["outlet__name", "outlet__slug", "outlet__website"],
                *["source_story__headline", "source_story__language"],
            )
            .order_by()
        )

    def locked(self, pk):
        """The article, its row locked for the rest of the transaction, read with what a change
        needs in a query made after the lock is granted. A join taken with the lock would show
        the revision rows as they were before the wait: on PostgreSQL, a colleague's revision
        saved meanwhile is the article's current one, but its joined row is not there."""
        self.select_for_update().filter(pk=pk).values_list("pk", flat=True).get()
        return self.select_related(
            "current_revision", "published_revision", "source_story", "outlet"
        ).get(pk=pk)

    def due_for_publication(self, now):
        return self.filter(status=ArticleStatus.SCHEDULED, scheduled_for__lte=now)

    def matching_headlines(self, keys):
        """Articles whose source headline or current headline normalises to one of `keys`."""
        return self.filter(
            models.Q(source_story__headline_key__in=keys)
            | models.Q(current_revision__headline_key__in=keys)
        )


SUMMARY_WORDS = 40


def summarize(standfirst, paragraphs):
    """A revision's summary: its standfirst, else the opening words of its first paragraph."""
    if standfirst or not paragraphs:
        return standfirst
    return Truncator(paragraphs[0]).words(SUMMARY_WORDS)


# Words the desk's own pages use where an article's slug would go (/desk/glossary/).
RESERVED_SLUGS = frozenset({"glossary", "intake", "memory"})
# The address an article gets when its source headline gives none (an Arabic report): the
# outlet and a hash, "enab-baladi-5a31ef0f", until its English headline gives it one.
PROVISIONAL_SLUG = re.compile(r"-[0-9a-f]{8}(-[0-9]+)?$")


def readable_slug(headline):
    return slugify(headline)[:100].strip("-")


def slug_for_import(headline, language, outlet, digest):
    """A new article's address: its headline's, or, for a report still to be translated (or a
    headline that gives none), a provisional one from the outlet and the content's hash."""
    return _source_slug(headline, language) or f"{outlet.slug if outlet else 'story'}-{digest[:8]}"


def _source_slug(headline, language):
    """The address a source headline gives, "" when it gives none worth keeping."""
    return readable_slug(headline) if language == Language.ENGLISH else ""


def free_slugs(bases):
    """A free slug for each base, in order: the base itself, else base-2, base-3… An address
    an article had before (see Article.former_slug) is not free either."""
    known = Article.objects.filter(models.Q(slug__in=bases) | models.Q(former_slug__in=bases))
    taken = {slug for pair in known.values_list("slug", "former_slug") for slug in pair}
    taken |= RESERVED_SLUGS
    colliding = {base for base in bases if base in taken}
    if colliding:  # one query for every base's numbered slugs (base-2, base-3…)
        numbered = models.Q()
        for base in colliding:
            numbered |= models.Q(slug__startswith=f"{base}-")
        taken |= set(Article.objects.filter(numbered).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def validate_not_reserved(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(f"“{slug}” is the address of a desk page; choose another slug.")


class Article(RemembersLoaded, models.Model):
    """The site's edited version of a source story."""

    slug = models.SlugField(max_length=120, unique=True, validators=[validate_not_reserved])
    former_slug = models.SlugField(
        max_length=120,
        blank=True,
        db_index=True,
        editable=False,
        help_text="The provisional address it had on the desk before its first publication.",
    )
    status = models.CharField(
        max_length=20, choices=ArticleStatus, default=ArticleStatus.NEW, db_index=True
    )
    source_story = models.OneToOneField(
        SourceStory, on_delete=models.PROTECT, related_name="article"
    )
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="The outlet the article is attributed to.",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_articles",
    )
    current_revision = models.OneToOneField(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_revision = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When readers first saw the article."
    )
    last_published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the revision readers see was published."
    )
    scheduled_for = models.DateTimeField(
        null=True, blank=True, help_text="When a scheduled article is to be published (UTC)."
    )
    withdrawal_notice = models.TextField(
        blank=True,
        help_text="Shown to readers at an unpublished article's address; "
        "empty means the address is simply not found.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)  # the desk's order

    objects = ArticleQuerySet.as_manager()
    remembered = ("slug", "outlet_id", "published_revision_id")

    class Meta:
        ordering = ["-updated_at"]
        permissions = [
            ("translate_article", "Can translate articles"),
            ("review_article", "Can review, approve and publish articles"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("public:article", args=[self.slug])

    @property
    def headline(self):
        """The working headline; the source's until someone has written one."""
        if self.current_revision and self.current_revision.headline:
            return self.current_revision.headline
        return self.source_story.headline

    @property
    def public_headline(self):
        """The headline readers see, or last saw before it was withdrawn; else the working one."""
        shown = self.status in {ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED}
        if shown and self.published_revision:
            return self.published_revision.headline
        return self.headline

    @property
    def has_provisional_slug(self):
        """Whether the address is still the one made up at import for want of a readable
        headline; the first publication replaces it from the English headline."""
        story = self.source_story
        return bool(PROVISIONAL_SLUG.search(self.slug)) and not _source_slug(
            story.headline, story.language
        )

    @property
    def needs_translation(self):
        """Whether the source story must be translated into English first."""
        return self.source_story.language != Language.ENGLISH

    @property
    def is_live(self):
        return self.status in LIVE_STATUSES and self.published_revision_id is not None

    def get_admin_url(self):
        return reverse("admin:articles_article_change", args=[self.pk])


class Revision(models.Model):
    """One saved state of an article. Never changed after it is saved."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    headline = models.CharField(max_length=500, blank=True)
    headline_key = models.CharField(max_length=500, db_index=True, editable=False)
    standfirst = models.TextField(blank=True)
    body = models.JSONField(
        default=list,
        blank=True,
        help_text="The body as a structured document: a list of blocks, each with an id "
        "(paragraphs, subheadings, lists, quotes, Read Also links; see docs/body.md).",
    )
    disclaimer = models.ForeignKey(
        Disclaimer, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    keywords = models.ManyToManyField(Keyword, blank=True, related_name="revisions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        help_text="Empty for revisions made by the importer.",
    )
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(
        blank=True,
        editable=False,
        help_text="What lists, feeds, search engines and link previews show of the article: "
        "the standfirst, else the opening words of the first paragraph. Made with the revision, "
        "which never changes after.",
    )
    search_text = models.TextField(
        blank=True, editable=False, help_text="Headline, standfirst and body as plain text."
    )
    rendered_body = models.JSONField(
        default=list,
        editable=False,
        help_text="The body as readers get it, made with the revision: its text as HTML, run "
        "by run, and each Read Also block in its place by id (the link itself is drawn on "
        "each read, since its target's headline and status change).",
    )

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_number_per_revision")
        ]

    def __str__(self):
        return f"{self.article.slug} r{self.number}"

    @classmethod
    def build(cls, *, article, headline="", standfirst="", body=(), **fields):
        """A new, unsaved revision with its derived fields (match key, search text) filled in.

        The search text also holds the source headline, so an untranslated story
        is found by its Arabic headline."""
        body = list(body)
        source_headline = article.source_story.headline
        paragraphs = documents.paragraph_texts(body)
        text = "\n".join([headline, standfirst, *paragraphs, source_headline])
        return cls(
            article=article,
            headline=headline,
            headline_key=headline_key(headline),
            standfirst=standfirst,
            body=body,
            search_text=text.strip(),
            summary=summarize(standfirst, paragraphs),
            rendered_body=documents.readers_html(body),
            **fields,
        )

    @property
    def can_be_restored(self):
        """Whether the revision is an article at all: the importer's draft of a story still to
        be translated has no headline or body, and restoring it would empty the article."""
        return bool(self.headline and self.paragraph_texts)

    @cached_property
    def paragraph_texts(self):
        """The body as plain-text paragraphs, one per text block (Read Also links left out)."""
        return documents.paragraph_texts(self.body)

    @property
    def author_name(self):
        return person_name(self.author) if self.author else "importer"


class ReadAlsoLink(models.Model):
    """The index of a revision's Read Also blocks: one row per block of its body, written with
    the revision. The body says where a link sits; the index finds links by target (the
    publishing checks, "linked from") and by headline (an article that arrives later)."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="read_also")
    block_id = models.CharField(max_length=32, help_text="The Read Also block's id in the body.")
    position = models.PositiveSmallIntegerField(default=0)
    after_paragraph = models.PositiveSmallIntegerField(
        help_text="How many text blocks come before it in the body (0: before the first)."
    )
    target = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="read_also_backlinks",
        help_text="Empty until an article with the given headline exists.",
    )
    target_headline = models.CharField(
        max_length=500, help_text="The headline as it was given; used to match the target later."
    )
    target_key = models.CharField(max_length=500, db_index=True, editable=False)

    class Meta:
        ordering = ["revision", "position"]

    def __str__(self):
        return f"Read Also: {self.target_headline}"


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


class PublicGeneration(models.Model):
    """The public site's generation: one row, its number raised in the same transaction as any
    change to what a public page shows (articles/public_cache.py). Cached pages carry the
    number they were rendered under; the database, not the cache, says which is current, so
    that a cache restarted from an old copy of itself cannot bring a withdrawn page back."""

    number = models.BigIntegerField(default=1)

    def __str__(self):
        return f"generation {self.number}"


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
