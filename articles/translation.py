"""Translating a source story segment by segment: one segment per source paragraph (and one
each for the headline and standfirst), the glossary, the translation memory, and segments
left stale when the source story changes.

A segment remembers the source text it was translated from. When a re-imported
report changes a paragraph, `follow_new_source` realigns the segments with the
new paragraphs; a translated segment whose source changed keeps its old source
text and is *stale* until a translator resolves it.
"""

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import connection, transaction
from django.db.models.functions import Length

from .arabic import find_all, has_arabic, normalize
from .models import GlossaryTerm, Language, Segment, SegmentKind, SegmentState

KIND_ORDER = {SegmentKind.HEADLINE: 0, SegmentKind.STANDFIRST: 1, SegmentKind.PARAGRAPH: 2}
MEMORY_THRESHOLD = 75  # per cent: below this a stored translation is not offered
MEMORY_LIMIT = 3


def needs_translation(article):
    return article.source_story.language != Language.ENGLISH


def source_units(story):
    """[(kind, position, text)]: what there is to translate in `story`, in reading order."""
    units = [(SegmentKind.HEADLINE, 0, story.headline)]
    if story.standfirst:
        units.append((SegmentKind.STANDFIRST, 0, story.standfirst))
    units += [(SegmentKind.PARAGRAPH, n, text) for n, text in enumerate(story.paragraphs)]
    return units


def build_segment(article, kind, position, text, **fields):
    normalized = normalize(text)
    return Segment(
        article=article,
        kind=kind,
        position=position,
        source_text=text,
        source_normalized=normalized,
        source_key=hashlib.sha256(normalized.encode()).hexdigest(),
        **fields,
    )


def segments_for(article, *, create=True):
    """The article's segments in reading order, created the first time they are asked for
    (unless `create` is false). Each carries `current_source` (the story's text for it now)
    and `stale`."""
    segments = list(article.segments.all())
    units = source_units(article.source_story)
    if not segments and create:
        Segment.objects.bulk_create(
            [build_segment(article, *unit) for unit in units], ignore_conflicts=True
        )
        segments = list(article.segments.all())
    current = {(kind, position): text for kind, position, text in units}
    for segment in segments:
        segment.current_source = current.get((segment.kind, segment.position), "")
        segment.stale = (
            segment.state != SegmentState.UNTRANSLATED
            and segment.source_text != segment.current_source
        )
    return sorted(segments, key=lambda s: (KIND_ORDER[s.kind], s.position))


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    stale: int

    @property
    def complete(self):
        return self.total > 0 and self.done == self.total


def progress(segments):
    done = sum(1 for s in segments if s.state == SegmentState.DONE and not s.stale)
    return Progress(done, len(segments), sum(1 for s in segments if s.stale))


def unfinished_units(article):
    """How many source units still lack a finished, current translation (0 for English)."""
    if not needs_translation(article):
        return 0
    if not article.segments.exists():
        return len(source_units(article.source_story))
    found = progress(segments_for(article))
    return found.total - found.done


def save_segment(segment, *, translation, state, user, machine=False, resolve=False):
    """Keep a segment as the translator left it. An empty translation is untranslated; a
    person's edit clears the machine mark; `resolve` accepts the new source text."""
    translation = translation.strip()
    segment.translation = translation
    segment.machine = machine
    segment.translated_by = None if machine else user
    if not translation:
        segment.state = SegmentState.UNTRANSLATED
    else:
        segment.state = state if state in {SegmentState.DRAFT, SegmentState.DONE} else "draft"
    if resolve or segment.state == SegmentState.UNTRANSLATED:
        rebuilt = build_segment(segment.article, segment.kind, segment.position,
                                segment.current_source)  # fmt: skip
        segment.source_text = rebuilt.source_text
        segment.source_normalized = rebuilt.source_normalized
        segment.source_key = rebuilt.source_key
    segment.save()
    segment.stale = segment.state != SegmentState.UNTRANSLATED and (
        segment.source_text != segment.current_source
    )
    return segment


@transaction.atomic
def follow_new_source(article, old_story, new_story):
    """Realign the article's segments with a re-imported story: paragraphs that did not change
    keep their translation wherever they moved; a changed paragraph keeps its translation and
    old source, and so becomes stale; new paragraphs start untranslated."""
    segments = {(s.kind, s.position): s for s in article.segments.all()}
    if not segments:
        return
    paragraphs = [
        segments.get((SegmentKind.PARAGRAPH, n)) for n in range(len(old_story.paragraphs))
    ]
    kept = []
    matcher = SequenceMatcher(None, old_story.paragraphs, new_story.paragraphs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset in range(j2 - j1):
            old = (
                paragraphs[i1 + offset]
                if tag in {"equal", "replace"} and i1 + offset < i2
                else None
            )
            kept.append(_moved(article, old, SegmentKind.PARAGRAPH, j1 + offset,
                               new_story.paragraphs[j1 + offset]))  # fmt: skip
    for kind, text in [(SegmentKind.HEADLINE, new_story.headline),
                       (SegmentKind.STANDFIRST, new_story.standfirst)]:  # fmt: skip
        if text:
            kept.append(_moved(article, segments.get((kind, 0)), kind, 0, text))
    article.segments.all().delete()
    Segment.objects.bulk_create(kept)


def _moved(article, old, kind, position, text):
    """The segment for a unit of the new story, carrying over `old`'s translation if any."""
    if old is None or old.state == SegmentState.UNTRANSLATED:
        return build_segment(article, kind, position, text)
    return build_segment(
        article, kind, position, old.source_text,  # the source it was translated from
        translation=old.translation, state=old.state, machine=old.machine,
        translated_by_id=old.translated_by_id,
    )  # fmt: skip


# --- The glossary ------------------------------------------------------------------------------


def glossary():
    return list(GlossaryTerm.objects.all())


def highlighted(text, terms):
    """`text` as [(piece, term or None)], each glossary term found marked with its entry."""
    spans = []
    for term in terms:
        for start, end in find_all(term.source_term, text):
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, term))
    pieces, at = [], 0
    for start, end, term in sorted(spans, key=lambda span: span[0]):
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], term))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def terms_in(text, terms):
    return [term for term in terms if find_all(term.source_term, text)]


def inconsistencies(segments, terms):
    """[(segment, term)] where a glossary term is in the source but its preferred rendering is
    not in the translation."""
    found = []
    for segment in segments:
        if not segment.translation:
            continue
        for term in terms_in(segment.source_text, terms):
            if normalize(term.rendering) not in normalize(segment.translation):
                found.append((segment, term))
    return found


def untranslated_script(revision):
    """Parts of an English revision still in Arabic script: [(label, number or None)]."""
    parts = [("headline", None)] if has_arabic(revision.headline) else []
    if has_arabic(revision.standfirst):
        parts.append(("standfirst", None))
    parts += [
        ("paragraph", number)
        for number, text in enumerate(revision.paragraph_texts, start=1)
        if has_arabic(text)
    ]
    return parts


# --- The translation memory --------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    translation: str
    percent: int
    segment: Segment  # where it came from


def memory_suggestions(segment):
    """Finished translations of the same or a nearly identical source, best first."""
    done = (
        Segment.objects.filter(state=SegmentState.DONE)
        .exclude(translation="")
        .exclude(pk=segment.pk)
        .select_related("article__current_revision", "article__source_story")
        .only(
            "translation",
            "source_normalized",
            "kind",
            "position",
            "article__slug",
            "article__current_revision__headline",
            "article__source_story__headline",
        )
    )
    wanted = segment.source_normalized
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        candidates = (
            done.filter(source_normalized__trigram_similar=wanted)
            .annotate(similarity=TrigramSimilarity("source_normalized", wanted))
            .order_by("-similarity")[:10]
        )
    else:  # no trigram index: compare with what is long enough to reach the threshold
        size = len(wanted)
        candidates = done.alias(size=Length("source_normalized")).filter(
            size__gte=size * 0.6, size__lte=size / 0.6 + 1
        )[:2000]
    suggestions, seen = [], set()
    for candidate in candidates:
        percent = round(
            SequenceMatcher(None, wanted, candidate.source_normalized, autojunk=False).ratio() * 100
        )
        if percent >= MEMORY_THRESHOLD and candidate.translation not in seen:
            seen.add(candidate.translation)
            suggestions.append(Suggestion(candidate.translation, percent, candidate))
    suggestions.sort(key=lambda s: -s.percent)
    return suggestions[:MEMORY_LIMIT]
