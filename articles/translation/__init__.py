"""Translating a source story segment by segment: one segment per source paragraph (and one
each for the headline and standfirst), the glossary, the translation memory, and segments
left stale when the source story changes.

A segment remembers the source text it was translated from. When a re-imported
report changes a paragraph, `follow_new_source` realigns the segments with the
new paragraphs; a translated segment whose source changed keeps its old source
text and is *stale* until a translator resolves it.

The package, by concern:
- `segments`: the segments, their staleness and progress, the English body they make;
- `realignment`: following a re-imported source story;
- `side_by_side`: source and English as the reviewer sees them;
- `glossary` and `memory`: the newsroom's terms and its finished translations;
- `checks`: the flags a translation raises (numbers, attribution, names, omissions),
  from `attribution`, `names` with `archive`, `omissions` and articles.numbers.
"""

from .checks import Flag, article_flags, blocking_flags, flags_for, in_reading_order
from .glossary import glossary, glossary_matches, highlighted, terms_in
from .memory import Suggestion, fingerprints, index_for_memory, memory_suggestions
from .realignment import follow_new_source, paragraph_origins
from .segments import (
    Progress,
    build_segment,
    create_segments,
    english_body,
    progress,
    progress_for,
    read_also_places,
    save_segment,
    segments_for,
    source_units,
    started,
    unfinished_parts,
    with_staleness,
)
from .side_by_side import SideBySide, side_by_side, untranslated_script

__all__ = [
    "Flag",
    "Progress",
    "SideBySide",
    "Suggestion",
    "article_flags",
    "blocking_flags",
    "build_segment",
    "create_segments",
    "english_body",
    "fingerprints",
    "flags_for",
    "follow_new_source",
    "glossary",
    "glossary_matches",
    "highlighted",
    "in_reading_order",
    "index_for_memory",
    "memory_suggestions",
    "paragraph_origins",
    "progress",
    "progress_for",
    "read_also_places",
    "save_segment",
    "segments_for",
    "side_by_side",
    "source_units",
    "started",
    "terms_in",
    "unfinished_parts",
    "untranslated_script",
    "with_staleness",
]
