"""Where stories come from: outlets, disclaimers, keywords, and the source stories as they
arrived."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify

from ..addresses import address
from .loading import RemembersLoaded


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
        return address("public:outlet", self.slug)


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
        return address("public:keyword", self.slug)


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
