"""The translation memory: finished segments, and units imported from other tools' memories
(MemoryEntry, see exchange.py), offered again for the same or a nearly identical source
text, and looked up word by word in the concordance."""

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from django.db.models import Count, Q

from ..arabic import ARTICLE, NormalizedText, normalize, without_prefixes
from ..diffing import word_diff
from ..models import (
    GlossaryTerm,
    MemoryEntry,
    MemoryEntryFingerprint,
    MemoryFingerprint,
    Segment,
    SegmentState,
)
from .glossary import highlighted

MEMORY_THRESHOLD = 75  # per cent: below this a stored translation is not offered
MEMORY_LIMIT = 3


@dataclass(frozen=True)
class Suggestion:
    translation: str
    percent: int
    segment: Segment | None  # where it came from: a finished segment of this newsroom's,
    differences: list  # how its source differs from this one: word_diff() pieces, or []
    entry: MemoryEntry | None = None  # or a unit imported from another tool's memory

    @property
    def origin(self):
        """Where the translation came from, in words: the article's headline, or the file."""
        if self.segment is not None:
            return self.segment.article.headline
        return f"{self.entry.imported_from} (imported)"


def finished_segments():
    """The segments the memory holds: done, with an English translation."""
    return Segment.objects.filter(state=SegmentState.DONE).exclude(translation="")


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


def index_entries(entries):
    """Write the fingerprints of newly imported `entries` (saved)."""
    MemoryEntryFingerprint.objects.bulk_create(
        MemoryEntryFingerprint(entry_id=entry.pk, value=value)
        for entry in entries
        for value in fingerprints(entry.source_normalized)
    )


def sharing_fingerprints(rows, owner, prints, needed):
    """The ids of the `owner`s ("segment" or "entry") of fingerprint `rows` that have at
    least `needed` of `prints`, those sharing the most first: ten at most."""
    return (
        rows.filter(value__in=prints)
        .values(owner)
        .annotate(shared=Count("pk"))
        .filter(shared__gte=needed)
        .order_by("-shared")
        .values(owner)[:10]
    )


def memory_suggestions(segment):
    """Finished translations of the same or a nearly identical source, best first; where a
    segment and an imported entry offer the same English, the segment."""
    wanted = segment.source_normalized
    prints = fingerprints(wanted)
    needed = min(SHARED_FINGERPRINTS, len(prints))
    own = MemoryFingerprint.objects.exclude(segment=segment.pk)
    matching = sharing_fingerprints(own, "segment", prints, needed)
    imported = sharing_fingerprints(MemoryEntryFingerprint.objects, "entry", prints, needed)
    entries = MemoryEntry.objects.filter(pk__in=imported).only(
        "translation", "source_text", "source_normalized", "imported_from"
    )
    segments = (
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
    origins = [(candidate, None) for candidate in segments]
    origins += [(None, entry) for entry in entries]
    for from_segment, from_entry in origins:
        candidate = from_segment or from_entry
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
            suggestions.append(
                Suggestion(candidate.translation, percent, from_segment, differences, from_entry)
            )
    suggestions.sort(key=lambda s: -s.percent)  # stable: the newsroom's own first on a tie
    return suggestions[:MEMORY_LIMIT]


# The concordance reads the newest CONCORDANCE_LIMIT units that hold the text at all, then
# keeps those with it as whole words. A word in more units than that is too common to learn
# from; the screen says so and asks for a longer phrase (as translation tools cap theirs).
CONCORDANCE_LIMIT = 500


@dataclass(frozen=True)
class Concordance:
    phrase: str
    hits: list  # [MemoryHit], newest first
    read: int  # how many units that hold the text were read for whole words
    capped: bool  # more units hold the text than were read


class MemoryHit:
    """A unit of the memory with the phrase in it: a finished segment (`segment`) or an
    imported entry (`entry`), its source and English as highlighted() pieces to mark."""

    def __init__(self, unit, probe):
        self.segment = unit if isinstance(unit, Segment) else None
        self.entry = unit if isinstance(unit, MemoryEntry) else None
        self.unit, self.probe = unit, probe

    @property
    def at(self):
        return self.segment.updated_at if self.segment else self.entry.imported_at

    @cached_property
    def source_pieces(self):
        return highlighted(self.unit.source_text, [self.probe])

    @cached_property
    def translation_pieces(self):
        return highlighted(self.unit.translation, [self.probe])


def concordance(phrase):
    """The units of the memory whose source or English has `phrase` in it as whole words,
    however it is spelled (arabic.find_all), newest first."""
    needle = without_prefixes(normalize(phrase))
    if not needle:
        return Concordance(phrase, [], read=0, capped=False)
    # What every unit with a match holds, as the database stores it: the normalised source
    # holds the needle, less the article a preposition may have eaten into (ل + القدس is
    # للقدس); the English, stored as typed, holds each of its words in some case.
    in_source, words = needle.removeprefix(ARTICLE), needle.split()
    in_english = Q(*(Q(translation__icontains=word) for word in words))
    holding = Q(source_normalized__contains=in_source) | in_english
    segments = (
        finished_segments()
        .filter(holding)
        .select_related("article__current_revision", "article__source_story")
        .only(
            *["source_text", "source_normalized", "translation", "kind", "position"],
            *["updated_at", "article__slug", "article__current_revision__headline"],
            "article__source_story__headline",
        )
        .order_by("-pk")  # newest first, and the scan of a common word stops early
    )
    entries = MemoryEntry.objects.filter(holding).order_by("-pk")
    units = [*segments[: CONCORDANCE_LIMIT + 1], *entries[: CONCORDANCE_LIMIT + 1]]
    probe = GlossaryTerm(source_term=phrase, normalized=needle)  # looked for as a term is

    def holds_phrase(unit):
        return bool(
            (in_source in unit.source_normalized and NormalizedText(unit.source_text).find(needle))
            or (
                all(word in unit.translation.casefold() for word in words)
                and NormalizedText(unit.translation).find(needle)
            )
        )

    newest = sorted(
        (MemoryHit(unit, probe) for unit in units), key=lambda hit: hit.at, reverse=True
    )
    read = newest[:CONCORDANCE_LIMIT]
    hits = [hit for hit in read if holds_phrase(hit.unit)]
    return Concordance(phrase, hits, read=len(read), capped=len(newest) > len(read))
