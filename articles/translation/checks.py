"""The translation checks: what a reviewer must see before readers do, flagged on each
segment as the translator types.

- numbers (articles.numbers): every number of the source, in the English, the same;
- attribution (attribution.py): the source's "according to" kept;
- names (names.py, archive.py): a name written as the glossary and the published archive
  write it, and not as the archive writes a different name;
- omission (omissions.py): nothing clearly left out.

Numbers and attribution flags block publication (workflow.rules) until the English is
fixed or a reviewer overrides the flag with a reason (workflow.overrides); an override
holds for the English it was given for. Names and omissions warn.
"""

from dataclasses import dataclass

from ..arabic import isolated
from ..models import Article, FlagKind, FlagOverride
from ..numbers import number_mismatches
from .archive import NameArchive
from .attribution import lost_attributions
from .glossary import glossary, terms_in, uses_rendering
from .names import aligned_names
from .omissions import possible_omission
from .segments import segments_for

BLOCKING = {FlagKind.NUMBERS, FlagKind.ATTRIBUTION}


@dataclass(frozen=True)
class Flag:
    kind: str  # FlagKind
    subject: str  # what it is about, the same each time it is found: "١١", "reported"
    message: str
    glossary_entry: tuple = ()  # (Arabic, English) one click adds to the glossary
    example: Article | None = None  # where the archive writes it so
    override: FlagOverride | None = None

    @property
    def label(self):
        return FlagKind(self.kind).label

    @property
    def can_block(self):
        return self.kind in BLOCKING

    @property
    def blocks(self):
        return self.can_block and self.override is None


def flags_for(article, segments):
    """{segment pk: [Flag]} for those of `segments` (of `article`) with English."""
    checked = [segment for segment in segments if segment.translation.strip()]
    if not checked:
        return {}
    names = {s.pk: aligned_names(s.source_text, s.translation) for s in checked}
    archive = NameArchive([name for found in names.values() for name in found], article)
    terms = glossary()
    overrides = {
        (o.segment_id, o.kind, o.subject): o
        for o in FlagOverride.objects.filter(segment__in=checked).select_related("by")
    }
    flags = {}
    for segment in checked:
        found = _flags(segment, names[segment.pk], archive, terms)
        flags[segment.pk] = [
            _with_override(flag, overrides.get((segment.pk, flag.kind, flag.subject)), segment)
            for flag in found
        ]
    return flags


def _with_override(flag, override, segment):
    if override is None or not flag.can_block or override.translation != segment.translation:
        return flag
    return Flag(flag.kind, flag.subject, flag.message, override=override)


def _flags(segment, names, archive, terms):
    source, english = segment.source_text, segment.translation
    flags = [
        Flag(FlagKind.NUMBERS, _number_subject(m), m.message())
        for m in number_mismatches(source, english)
    ]
    flags += [
        Flag(FlagKind.ATTRIBUTION, lost.kind, lost.message())
        for lost in lost_attributions(source, english)
    ]
    flags += _name_flags(source, english, names, archive, terms)
    if omission := possible_omission(source, english):
        flags.append(Flag(FlagKind.OMISSION, "", omission.message()))
    return flags


def _number_subject(mismatch):
    if mismatch.source is not None:
        return mismatch.source.text[:200]
    return f"+{mismatch.english.text}"[:200]


def _name_flags(source, english, names, archive, terms):
    flags, in_glossary = [], set()
    for term in terms_in(source, terms):
        in_glossary.add(term.normalized)
        if not uses_rendering(term, english):
            flags.append(
                Flag(
                    FlagKind.NAMES,
                    term.normalized,
                    f"The glossary writes {isolated(term.source_term)} as “{term.rendering}”.",
                )
            )
    for name in names:
        if name.key in in_glossary:
            continue
        usual = archive.usual(name.key)
        if usual and usual[0] != name.rendering_key:
            rendering = usual[1]
            flags.append(
                Flag(
                    FlagKind.NAMES,
                    name.key,
                    f"“{name.english}” for {isolated(name.arabic)}: the archive writes "
                    f"“{rendering.english}”"
                    f" ({_where(rendering)}).",
                    glossary_entry=(name.arabic, rendering.english),
                    example=rendering.example,
                )
            )
        for other in archive.others_rendered(name.rendering_key, name.key):
            flags.append(
                Flag(
                    FlagKind.NAMES,
                    f"{name.key}={name.rendering_key}",
                    f"“{name.english}” renders {isolated(name.arabic)} here, but the archive "
                    f"writes a different name, {isolated(other.arabic)}, so ({_where(other)}): "
                    "check they are not "
                    "confused.",
                    example=other.example,
                )
            )
    return flags


def _where(rendering):
    count = rendering.articles
    many = f"{count} published articles, the latest" if count > 1 else "in"
    return f"{many} “{isolated(rendering.example.public_headline)}”"


def article_flags(article):
    """[(segment, Flag)] for the whole article, in reading order."""
    segments = segments_for(article)
    return in_reading_order(segments, flags_for(article, segments))


def in_reading_order(segments, found):
    """[(segment, Flag)] from flags_for's {segment pk: [Flag]}, in the segments' order."""
    return [(segment, flag) for segment in segments for flag in found.get(segment.pk, [])]


def blocking_flags(article, flagged=None):
    """[(segment, Flag)] that stop publication: numbers and attribution, not overridden; of
    `flagged` where the caller has the article's flags already (article_flags)."""
    if not article.needs_translation:
        return []
    flagged = article_flags(article) if flagged is None else flagged
    return [(segment, flag) for segment, flag in flagged if flag.blocks]
