"""Whether an English text carries every quantity of its Arabic source, and what to tell
the editor where it does not."""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..arabic import isolated, normalize
from .arabic_words import _ARABIC_SPLIT, _DUAL_NOUNS, _NUMBER_WORDS
from .quantities import BOUND_WORDS, Quantity, _western_digits
from .reading_arabic import arabic_quantities
from .reading_english import _EXCEEDED, english_quantities

# Judging a translation


@dataclass(frozen=True)
class NumberMismatch:
    """A source quantity the English does not carry, or an English one the source lacks."""

    source: Quantity | None  # the source's quantity the English lacks (None: an English extra)
    english: Quantity | None  # the English quantity most likely meant for it, or None
    # for a value the source gives more often than the English: (times there, times here)
    counts: tuple[int, int] | None = None

    @property
    def kind(self) -> str:
        """What the editor is told: "value", "qualifier", "missing", "repeated" or "extra"."""
        if self.source is None:
            return "extra"
        if self.english is None:
            return "repeated" if self.counts else "missing"
        return "qualifier" if _same_value(self.source, self.english) else "value"

    def message(self) -> str:
        """One sentence for the editor, with both numbers."""
        source, english = self.source, self.english
        if source is None:
            return f"The English says {_as_read(english)}, which the source does not."
        said = f"The source says {_as_read(source)}"
        if english is None:
            if self.counts:
                there, here = self.counts
                return f"{said} {_times(there)}; the English only {_times(here)}."
            return f"{said}; the English has no such {_NOUNS.get(source.kind, 'number')}."
        heard = f"the English says {_as_read(english)}"
        if self.kind == "qualifier" and english.bound == "exact":
            return f"{said}; {heard}, without “{BOUND_WORDS[source.bound]}”."
        if self.kind == "qualifier" and source.bound == "exact":
            return f"{said}; {heard}, where the source has no “{BOUND_WORDS[english.bound]}”."
        return f"{said}; {heard}."


_NOUNS = {"date": "date", "time": "time"}


def _as_read(quantity):
    """The quantity for the editor: as written, then in Western digits ("١١ (11)"), or if it is
    written in words, as read then as written ("about 30 (نحو 30)", "12 (twelve)"). Arabic is
    set apart (arabic.isolated), so that it keeps its place in the English sentence."""
    reading = quantity.describe()
    if quantity.text == reading:
        return reading
    if _western_digits(quantity.text) == reading:
        return f"{isolated(quantity.text)} ({reading})"
    return f"{reading} ({isolated(quantity.text)})"


def _times(count):
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def number_mismatches(source: str, english: str) -> list[NumberMismatch]:
    """What an editor must check: each source quantity the English does not carry (with the
    English quantity most likely meant for it), then each English quantity in digits that
    carries none of the source's."""
    wanted, offered = list(_source_quantities(source)), english_quantities(english)
    wanted, offered = _as_ends(wanted, offered), _as_ends(offered, wanted)
    nearest = _nearest_in_reading_order(wanted, len(source), offered, len(english))
    needed = [i for i, quantity in enumerate(wanted) if _must_be_carried(quantity)]
    optional = [i for i in range(len(wanted)) if i not in needed]
    free = list(range(len(offered)))  # the English quantities that carry nothing yet
    carried = set()
    for carries in (_carries, _carries_loosely, _carried_by_a_verb(english)):
        for i in needed + optional:
            if i not in carried:
                j = nearest(i, [j for j in free if carries(wanted[i], offered[j])])
                if j is not None:
                    carried.add(i)
                    free.remove(j)
    mismatches = [
        _not_carried(i, wanted, offered, free, nearest) for i in needed if i not in carried
    ]
    return mismatches + [NumberMismatch(None, offered[j]) for j in free if _is_reported(offered[j])]


@lru_cache(maxsize=4096)
def _source_quantities(source):
    """The source's quantities, kept: the source stays while its English is typed, and
    checked again on each save."""
    return tuple(arabic_quantities(source))


def _as_ends(quantities, other):
    """`quantities` with each range the other side does not give as a range taken as its two
    ends: "from 2,000 to 5,000 pounds" carries من 2000 ليرة إلى 5000 ليرة (read as two
    prices), and a wrong range is told end by end."""
    ranges = {(q.low, q.high) for q in other if q.kind == "range"}
    taken = []
    for quantity in quantities:
        if quantity.kind == "range" and (quantity.low, quantity.high) not in ranges:
            taken += [
                replace(quantity, kind="number", high=quantity.low),
                replace(quantity, kind="number", low=quantity.high),
            ]
        else:
            taken.append(quantity)
    return taken


def _nearest_in_reading_order(wanted, source_length, offered, english_length):
    """nearest(i, candidates): of the candidate English quantities, the one nearest to source
    quantity i in reading order (where each stands in its text, from 0 to 1), or None."""
    here = [quantity.start / max(source_length, 1) for quantity in wanted]
    there = [quantity.start / max(english_length, 1) for quantity in offered]

    def nearest(i, candidates):
        return min(candidates, key=lambda j: abs(here[i] - there[j]), default=None)

    return nearest


def _not_carried(i, wanted, offered, free, nearest):
    """The mismatch for source quantity i, which the English does not carry: with the free
    English quantity most likely meant for it (no longer free then), of the same kind, the same
    value first; else, if the English gives the value less often, how often each gives it."""
    quantity = wanted[i]
    alike = [j for j in free if offered[j].kind == quantity.kind and not _is_idiom(offered[j])]
    j = nearest(i, [j for j in alike if _same_value(quantity, offered[j])])
    j = nearest(i, alike) if j is None else j
    if j is not None:
        free.remove(j)
        return NumberMismatch(quantity, offered[j])
    here = sum(_carries(quantity, other) for other in offered)
    there = sum(_carries(quantity, other) for other in wanted)
    return NumberMismatch(quantity, None, (there, here) if here else None)


def _must_be_carried(quantity):
    """Whether the English must give this source quantity. A number word it may leave implicit
    need not be: واحد ("a soldier"), a dual noun (يومين), a number word with the article
    (الخمسة "the five", which points back at a number already given)."""
    if quantity.kind != "number" or any(char.isdigit() for char in quantity.text):
        return True
    if quantity.low == 1:
        return False
    words = (_ARABIC_SPLIT.get(word, ("", word)) for word in normalize(quantity.text).split())
    prefix, stem = next(split for split in words if split[1] in _NUMBER_WORDS)
    return not (stem in _DUAL_NOUNS or prefix.endswith(("ال", "لل")))


def _is_idiom(quantity):
    """English "one" ("one of the", "no one"): never asked to stand for a source number."""
    return quantity.text.lower() == "one"


def _is_reported(quantity):
    """An English quantity the source lacks is reported when written in digits."""
    return (
        quantity.kind not in ("code", "ordinal")
        and any(char.isdigit() for char in quantity.text)
        and not _is_idiom(quantity)
    )


def _same_value(a, b):
    """The same quantity, qualifier aside."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        (year, month, day), (other_year, other_month, other_day) = a.date, b.date
        return (month, day) == (other_month, other_day) and (
            year == other_year or None in (year, other_year)
        )
    if a.kind == "time":
        both_say = _PART_OF_DAY.search(a.text) and _PART_OF_DAY.search(b.text)
        return a.low == b.low or (not both_say and a.low % 720 == b.low % 720)
    if a.kind == "code":
        return _code_key(a.text) == _code_key(b.text)
    return (a.low, a.high, a.vague) == (b.low, b.high, b.vague)


def _carries(source, english):
    """Whether the English quantity gives the source's: the same value and qualifier."""
    return _same_value(source, english) and (
        source.bound == english.bound or source.kind in ("date", "time", "code")
    )


def _carries_loosely(source, english):
    """A number carried by a code or ordinal ending in it ("F-16", "25th"); a time on the hour by
    a plain number ("at 10")."""
    if source.kind == "number" and source.bound == "exact" and english.kind in ("code", "ordinal"):
        return source.low == english.low
    if source.kind == "time" and english.kind == "number" and english.bound == "exact":
        return source.low % 60 == 0 and (source.low // 60) % 12 == english.low % 12
    return False


def _carried_by_a_verb(english_text):
    """carries(source, english): whether a source "more than" is carried by an English verb of
    exceeding, "the toll exceeded 5,900". The verb is not read as a qualifier: the Arabic verb
    often stands apart from its number (تجاوز عدد القتلى 100)."""

    def carries(source, english):
        return (
            source.bound == "more"
            and english.bound == "exact"
            and _same_value(source, english)
            and _EXCEEDED.search(english_text, max(english.start - 20, 0), english.start)
            is not None
        )

    return carries


# Words that tell the part of the day, in a time's text: "10 pm", "الساعة 10 ليلاً".
_PART_OF_DAY = re.compile(r"\d\s?[ap]\.?m\b|midnight|noon|midday|صباح|فجر|مساء|ليل|عصر", re.I)


def _code_key(code):
    return re.sub(r"[^0-9a-z]", "", code.casefold())
