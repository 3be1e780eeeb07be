"""Translating a source story segment by segment: one segment per source paragraph (and one
each for the headline and standfirst), the glossary, the translation memory, and segments
left stale when the source story changes.

A segment remembers the source text it was translated from. When a re-imported
report changes a paragraph, `follow_new_source` realigns the segments with the
new paragraphs; a translated segment whose source changed keeps its old source
text and is *stale* until a translator resolves it.
"""

import hashlib
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from django.db import transaction
from django.db.models import Count

from .arabic import NormalizedText, has_arabic, normalize
from .body import paragraph, reanchored, with_read_also_after
from .diffing import word_diff
from .models import (
    GlossaryTerm,
    MemoryFingerprint,
    Segment,
    SegmentKind,
    SegmentState,
    SourceStory,
)

KIND_ORDER = {SegmentKind.HEADLINE: 0, SegmentKind.STANDFIRST: 1, SegmentKind.PARAGRAPH: 2}
MEMORY_THRESHOLD = 75  # per cent: below this a stored translation is not offered
MEMORY_LIMIT = 3


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
        **fields,
    )


def create_segments(articles):
    """The segments of each article still to be translated, made when its source story
    arrives (the importer), so that reading the translation screen writes nothing."""
    Segment.objects.bulk_create(
        [
            build_segment(article, *unit)
            for article in articles
            if article.needs_translation
            for unit in source_units(article.source_story)
        ],
        ignore_conflicts=True,
    )


def segments_for(article):
    """The article's segments in reading order, each with `current_source` (the story's text
    for it now) and `stale`."""
    return with_staleness(list(article.segments.all()), article.source_story)


def started(segments):
    """Whether any part has a translation yet."""
    return any(segment.state != SegmentState.UNTRANSLATED for segment in segments)


def with_staleness(segments, story):
    """`segments` in reading order, each told its current source text and whether it is stale."""
    current = {(kind, position): text for kind, position, text in source_units(story)}
    for segment in segments:
        segment.current_source = current.get((segment.kind, segment.position), "")
        _mark_staleness(segment)
    return sorted(segments, key=lambda s: (KIND_ORDER[s.kind], s.position))


def _mark_staleness(segment):
    """A translation is stale when the source it was made from is not the source now."""
    segment.stale = (
        segment.state != SegmentState.UNTRANSLATED and segment.source_text != segment.current_source
    )


def _take_source(segment, text):
    segment.source_text = text
    segment.source_normalized = normalize(text)


def progress_for(articles):
    """{article pk: Progress} for the listed articles being translated: two queries."""
    translated = [article for article in articles if article.needs_translation]
    if not translated:
        return {}
    stories = SourceStory.objects.only("headline", "standfirst", "paragraphs").in_bulk(
        [article.source_story_id for article in translated]
    )
    story_of = {article.pk: stories[article.source_story_id] for article in translated}
    grouped = {}
    for segment in Segment.objects.filter(article__in=translated).defer("source_normalized"):
        grouped.setdefault(segment.article_id, []).append(segment)
    return {
        pk: progress(with_staleness(segments, story_of[pk])) for pk, segments in grouped.items()
    }


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


def unfinished_parts(article):
    """What the translation screen must still finish before publication, in words:
    ["Headline (untranslated)", "Paragraph 3 (stale)"]; [] for an English story."""
    if not article.needs_translation:
        return []
    segments = segments_for(article)
    if not started(segments):
        return ["every part (the translation has not started)"]
    return [
        f"{segment.label} ({'stale' if segment.stale else segment.get_state_display().lower()})"
        for segment in segments
        if segment.stale or segment.state != SegmentState.DONE
    ]


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
        _take_source(segment, segment.current_source)
    segment.save()
    index_for_memory([segment])
    _mark_staleness(segment)
    return segment


@transaction.atomic
def follow_new_source(article, old_story, new_story):
    """Realign the article's segments with a re-imported story: paragraphs that did not change
    keep their translation wherever they moved; a changed paragraph keeps its translation and
    old source, and so becomes stale; new paragraphs start untranslated. Segments keep their
    ids, so a translation screen left open goes on saving to the right place. Where several
    old paragraphs became one, that one keeps all their translations (see _absorb)."""
    segments = {(s.kind, s.position): s for s in article.segments.all()}
    if not segments:
        return
    old = [segments.get((SegmentKind.PARAGRAPH, n)) for n in range(len(old_story.paragraphs))]
    placed, new = [], []
    origins = paragraph_origins(old_story.paragraphs, new_story.paragraphs)
    for position, (text, came_from) in enumerate(zip(new_story.paragraphs, origins, strict=True)):
        reused = next((old[k] for k in came_from if old[k] is not None), None)
        (placed if reused else new).append(
            _follow(article, reused, SegmentKind.PARAGRAPH, position, text)
        )
        if reused is not None and len(came_from) > 1:
            _absorb(reused, [(old[k], old_story.paragraphs[k]) for k in came_from])
    for kind, text in [(SegmentKind.HEADLINE, new_story.headline),
                       (SegmentKind.STANDFIRST, new_story.standfirst)]:  # fmt: skip
        reused = segments.get((kind, 0))
        if text:
            (placed if reused else new).append(_follow(article, reused, kind, 0, text))
    kept = {segment.pk for segment in placed}
    article.segments.exclude(pk__in=kept).delete()
    for segment in placed:  # out of the way first: positions are unique per article
        segment.position += 10_000
    Segment.objects.bulk_update(placed, ["position"])
    for segment in placed:
        segment.position -= 10_000
    Segment.objects.bulk_update(
        placed, ["position", "source_text", "source_normalized", "translation", "state", "machine"]
    )
    index_for_memory([*placed, *Segment.objects.bulk_create(new)])


def paragraph_origins(old, new):
    """For each paragraph of a re-imported source, the old paragraphs it came from, in order:
    the same text; where the outlet edited, each old paragraph most of whose words it carries
    (several, where paragraphs were merged), else the old paragraph left over in its place.
    An old paragraph no new one came from was deleted. Pure: lists of strings in and out."""
    origins = [[] for _ in new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                origins[j1 + offset] = [i1 + offset]
        elif tag == "replace":
            left = []
            for k in range(i1, i2):
                carried = {j: _share_carried(old[k], new[j]) for j in range(j1, j2)}
                best = max(carried, key=carried.get)
                (origins[best] if carried[best] >= 0.5 else left).append(k)
            for j, k in zip([j for j in range(j1, j2) if not origins[j]], left, strict=False):
                origins[j] = [k]
    return origins


def _share_carried(old, new):
    """The share of `old`'s words that `new` still has."""
    words = normalize(old).split()
    kept = set(normalize(new).split())
    return sum(word in kept for word in words) / len(words) if words else 0


def _follow(article, segment, kind, position, text):
    """The segment for a unit of the new story: `segment` moved there (an untranslated one
    takes the new text; a translated one keeps the source it was translated from), or new."""
    if segment is None:
        return build_segment(article, kind, position, text)
    segment.position = position
    if segment.state == SegmentState.UNTRANSLATED:
        _take_source(segment, text)
    return segment


def _absorb(segment, parts):
    """Make `segment` the translation of several old paragraphs merged into one: `parts` is
    [(old segment or None, old source text)] in reading order, `segment` among them. Every
    translation is kept, joined, beside the sources they were made from; the result is done
    only if every part was, machine-made if any part was."""
    translated = [s for s, _ in parts if s is not None and s.translation]
    if not translated or translated == [segment]:
        return
    _take_source(
        segment,
        " ".join(s.source_text if s is not None and s.translation else text for s, text in parts),
    )
    segment.translation = " ".join(s.translation for s in translated)
    every_part_done = all(s is not None and s.state == SegmentState.DONE for s, _ in parts)
    segment.state = SegmentState.DONE if every_part_done else SegmentState.DRAFT
    segment.machine = any(s.machine for s in translated)


def read_also_places(segments, revision):
    """{segment id: [Read Also headline]}: each of the revision's links under the segment it
    follows (its paragraph; the headline or standfirst for a link before the first one)."""
    opening = sum(1 for segment in segments if segment.kind != SegmentKind.PARAGRAPH)
    placed = _place_read_also(revision, opening, len(segments))
    return {segments[index].pk: headlines for index, headlines in placed.items()}


def _place_read_also(revision, opening, total):
    """{index in reading order: [headline]} for the revision's Read Also links, where the
    first `opening` of `total` parts are the headline and standfirst: a link after paragraph n
    goes under the nth paragraph (the last, if there are fewer), one before the first paragraph
    under the standfirst or headline."""
    placed = {}
    links = revision.read_also.select_related("target__current_revision", "target__source_story")
    for link in links:
        index = min(opening + link.after_paragraph, total) - 1
        if index >= 0:
            placed.setdefault(index, []).append(
                link.target.headline if link.target else link.target_headline
            )
    return placed


def english_body(segments, current):
    """The body the segments make: a paragraph per source paragraph, each with an id of its
    segment's (so it is the same block however the source is re-imported and realigned),
    and the Read Also blocks of the current revision after the paragraph they followed. Before
    there is any English, a link follows the source paragraph the importer found it after."""
    text = [
        paragraph(s.translation or s.current_source, block_id=f"segment-{s.pk}")
        for s in segments
        if s.kind == SegmentKind.PARAGRAPH
    ]
    if any(block["type"] != "read_also" for block in current.body):
        return reanchored(text, current.body)
    blocks = {block["attrs"]["id"]: block for block in current.body}
    placed = [
        (link.after_paragraph, blocks[link.block_id])
        for link in current.read_also.order_by("position")
        if link.block_id in blocks
    ]
    return with_read_also_after(text, placed)


# --- Source and English side by side, as the reviewer sees them ------------------------------


@dataclass(frozen=True)
class SideBySide:
    label: str  # "Headline", "Paragraph 3"
    source: str  # the source story's text now ("" for a paragraph the English added)
    english: str  # what the revision says there ("" while untranslated)
    segment: Segment | None  # the translator's segment, for its state
    read_also: tuple = ()  # headlines of the Read Also links placed after this part


def side_by_side(story, revision, segments):
    """Each unit of the source story beside what `revision` (the English under review, however
    it was written) says at the same place: its headline, its standfirst, its paragraph of the
    same number. A paragraph still carrying the source text counts as untranslated. Rows pair
    by number: where an editor added or merged paragraphs, the later rows pair off."""
    by_unit = {(segment.kind, segment.position): segment for segment in segments}
    paragraphs = revision.paragraph_texts
    english = {SegmentKind.HEADLINE: revision.headline, SegmentKind.STANDFIRST: revision.standfirst}
    rows = []
    for kind, position, text in source_units(story):
        if kind == SegmentKind.PARAGRAPH:
            english[kind] = paragraphs[position] if position < len(paragraphs) else ""
        unit = Segment(kind=kind, position=position)
        said = "" if english[kind] == text else english[kind]
        rows.append(SideBySide(unit.label, text, said, by_unit.get((kind, position))))
    for number, text in enumerate(paragraphs[len(story.paragraphs) :], len(story.paragraphs) + 1):
        rows.append(SideBySide(f"Paragraph {number}", "", text, None))
    opening = len(rows) - max(len(paragraphs), len(story.paragraphs))  # headline, standfirst
    placed = _place_read_also(revision, opening, len(rows))
    return [replace(row, read_also=tuple(placed.get(n, ()))) for n, row in enumerate(rows)]


# --- The glossary ------------------------------------------------------------------------------


def glossary():
    """Every term, longest first: where terms overlap, the longest is the match."""
    terms = GlossaryTerm.objects.all()
    return sorted(terms, key=lambda term: len(term.normalized), reverse=True)


def glossary_matches(text, terms):
    """[(start, end, term)] for each glossary term in `text`, in order. `terms` come longest
    first (as glossary() gives them): where terms overlap, the first wins, so that in
    "لواء القدس" it is the militia's name, not the city's."""
    source, spans = NormalizedText(text), []
    for term in terms:
        for start, end in source.find(term.normalized):
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, term))
    return sorted(spans, key=lambda span: span[0])


def highlighted(text, terms):
    """`text` as [(piece, term or None)], each glossary term found marked with its entry."""
    pieces, at = [], 0
    for start, end, term in glossary_matches(text, terms):
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], term))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def terms_in(text, terms):
    """The glossary terms found in `text`, in the order they first appear there."""
    return list({term.pk: term for _, _, term in glossary_matches(text, terms)}.values())


def inconsistencies(rows, terms):
    """[(row, term)] for the side_by_side() rows whose source has a glossary term but whose
    English does not use its preferred rendering."""
    found = []
    for row in rows:
        if not row.english:
            continue
        for term in terms_in(row.source, terms):
            if normalize(term.rendering) not in normalize(row.english):
                found.append((row, term))
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
    differences: list  # how its source differs from this one: word_diff() pieces, or []


# The memory finds candidates by fingerprint: the FINGERPRINTS smallest hashes of the
# text's three-word sequences (a bottom-k sketch). Texts that differ by a few words share
# most of them; unrelated texts almost never share two. Candidates sharing at least
# SHARED_FINGERPRINTS are then compared in full. Indexed lookups only, on any database.
FINGERPRINTS = 6
SHARED_FINGERPRINTS = 2


def fingerprints(normalized):
    words = normalized.split()
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = {
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big", signed=True)
        for s in shingles
    }
    return sorted(hashes)[:FINGERPRINTS]


def index_for_memory(segments):
    """Write the fingerprints of the finished ones among `segments` (saved), replacing any."""
    MemoryFingerprint.objects.filter(segment__in=[s.pk for s in segments]).delete()
    MemoryFingerprint.objects.bulk_create(
        MemoryFingerprint(segment_id=segment.pk, value=value)
        for segment in segments
        if segment.state == SegmentState.DONE and segment.translation
        for value in fingerprints(segment.source_normalized)
    )


def memory_suggestions(segment):
    """Finished translations of the same or a nearly identical source, best first."""
    wanted = segment.source_normalized
    prints = fingerprints(wanted)
    needed = min(SHARED_FINGERPRINTS, len(prints))
    matching = (
        MemoryFingerprint.objects.filter(value__in=prints)
        .exclude(segment=segment.pk)
        .values("segment")
        .annotate(shared=Count("pk"))
        .filter(shared__gte=needed)
        .order_by("-shared")
        .values("segment")[:10]
    )
    candidates = (
        Segment.objects.filter(pk__in=matching, state=SegmentState.DONE)
        .select_related("article__current_revision", "article__source_story")
        .only(
            "translation",
            "source_text",
            "source_normalized",
            "kind",
            "position",
            "article__slug",
            "article__current_revision__headline",
            "article__source_story__headline",
        )
    )
    suggestions, seen = [], set()
    for candidate in candidates:
        if candidate.translation in seen:
            continue
        matcher = SequenceMatcher(None, wanted, candidate.source_normalized, autojunk=False)
        if matcher.quick_ratio() * 100 < MEMORY_THRESHOLD:  # an upper bound, and cheap
            continue
        percent = round(matcher.ratio() * 100)
        if percent >= MEMORY_THRESHOLD:
            seen.add(candidate.translation)
            differences = []
            if candidate.source_normalized != wanted:  # what the translator must check
                differences = word_diff(candidate.source_text, segment.source_text)
            suggestions.append(Suggestion(candidate.translation, percent, candidate, differences))
    suggestions.sort(key=lambda s: -s.percent)
    return suggestions[:MEMORY_LIMIT]
