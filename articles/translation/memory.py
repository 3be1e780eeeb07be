"""The translation memory: finished segments offered again for the same or a nearly
identical source text."""

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Count

from ..diffing import word_diff
from ..models import MemoryFingerprint, Segment, SegmentState

MEMORY_THRESHOLD = 75  # per cent: below this a stored translation is not offered
MEMORY_LIMIT = 3


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
