"""Articles, their revisions and the Read Also links indexed from them."""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator

from .. import body as documents
from ..addresses import address
from ..text import headline_key
from .loading import RemembersLoaded
from .slugs import PROVISIONAL_SLUG, RESERVED_SLUGS, source_slug, validate_not_reserved
from .sources import Disclaimer, Keyword, Language, Outlet, SourceStory


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
        indexes = [  # the public lists: what readers see, newest first (for_readers)
            models.Index(
                models.F("published_at").desc(),
                models.F("id").desc(),
                name="article_reader_order",
                condition=models.Q(status__in=LIVE_STATUSES, published_revision__isnull=False),
            )
        ]
        permissions = [
            ("translate_article", "Can translate articles"),
            ("review_article", "Can review, approve and publish articles"),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return address("public:article", self.slug)

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
        return bool(PROVISIONAL_SLUG.search(self.slug)) and not source_slug(
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


def person_name(user):
    """How the desk names someone: their full name, else their username; "system" for none."""
    if user is None:
        return "system"
    return user.get_full_name() or user.get_username()


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
        db_default="",  # as rendered_body's
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
        db_default=[],  # an app server still running the code before it saves revisions too
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
