"""Source and English side by side, as the reviewer sees them."""

from dataclasses import dataclass, replace

from ..arabic import has_arabic
from ..models import Segment, SegmentKind
from .segments import place_read_also, source_units


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
    placed = place_read_also(revision, opening, len(rows))
    return [replace(row, read_also=tuple(placed.get(n, ()))) for n, row in enumerate(rows)]


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
