"""Following a re-imported source story: its paragraphs matched with the old ones, so that
translations stay with the text they translate, and changed ones become stale."""

from difflib import SequenceMatcher

from django.db import transaction

from ..arabic import normalize
from ..models import Segment, SegmentKind, SegmentState
from .memory import index_for_memory
from .segments import build_segment, take_source


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
        take_source(segment, text)
    return segment


def _absorb(segment, parts):
    """Make `segment` the translation of several old paragraphs merged into one: `parts` is
    [(old segment or None, old source text)] in reading order, `segment` among them. Every
    translation is kept, joined, beside the sources they were made from; the result is done
    only if every part was, machine-made if any part was."""
    translated = [s for s, _ in parts if s is not None and s.translation]
    if not translated or translated == [segment]:
        return
    take_source(
        segment,
        " ".join(s.source_text if s is not None and s.translation else text for s, text in parts),
    )
    segment.translation = " ".join(s.translation for s in translated)
    every_part_done = all(s is not None and s.state == SegmentState.DONE for s, _ in parts)
    segment.state = SegmentState.DONE if every_part_done else SegmentState.DRAFT
    segment.machine = any(s.machine for s in translated)
