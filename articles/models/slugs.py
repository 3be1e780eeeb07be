"""An article's address: provisional while it is imported, readable once it is published,
never one of the desk's own."""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from .sources import Language

RESERVED_SLUGS = frozenset({"glossary", "intake", "memory"})
# The address an article gets when its source headline gives none (an Arabic report): the
# outlet and a hash, "enab-baladi-5a31ef0f", until its English headline gives it one.
PROVISIONAL_SLUG = re.compile(r"-[0-9a-f]{8}(-[0-9]+)?$")


def readable_slug(headline):
    return slugify(headline)[:100].strip("-")


def slug_for_import(headline, language, outlet, digest):
    """A new article's address: its headline's, or, for a report still to be translated (or a
    headline that gives none), a provisional one from the outlet and the content's hash."""
    return source_slug(headline, language) or f"{outlet.slug if outlet else 'story'}-{digest[:8]}"


def source_slug(headline, language):
    """The address a source headline gives, "" when it gives none worth keeping."""
    return readable_slug(headline) if language == Language.ENGLISH else ""


def validate_not_reserved(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(f"“{slug}” is the address of a desk page; choose another slug.")
