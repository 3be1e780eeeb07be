"""Segments: one per source paragraph (and one each for the headline and standfirst), as
the translator leaves them, whether each is stale, the progress they make, and the
English body they add up to, with the revision's Read Also links in their places."""

from dataclasses import dataclass

from ..arabic import normalize
from ..body import paragraph, reanchored, with_read_also_after
from ..models import Segment, SegmentKind, SegmentState, SourceStory
from .memory import index_for_memory

KIND_ORDER = {SegmentKind.HEADLINE: 0, SegmentKind.STANDFIRST: 1, SegmentKind.PARAGRAPH: 2}


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


def take_source(segment, text):
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
        take_source(segment, segment.current_source)
    segment.save()
    index_for_memory([segment])
    _mark_staleness(segment)
    return segment


def read_also_places(segments, revision):
    """{segment id: [Read Also headline]}: each of the revision's links under the segment it
    follows (its paragraph; the headline or standfirst for a link before the first one)."""
    opening = sum(1 for segment in segments if segment.kind != SegmentKind.PARAGRAPH)
    placed = place_read_also(revision, opening, len(segments))
    return {segments[index].pk: headlines for index, headlines in placed.items()}


def place_read_also(revision, opening, total):
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
