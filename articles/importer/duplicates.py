"""Whether two captures are the same report. Pure functions.

The rule: two captures are one report when, with case, accents, quotes and
punctuation ignored, most of one's text is in the other: at least 80% of its
runs of five words. The shorter of two such captures is a duplicate; a longer
one (by 5% more text, or by any when the first was cut off) is the report's new, more
complete version. Between
50% and 80% they may be one report rewritten: flagged for an editor.
"""

from dataclasses import dataclass

from articles.text import headline_key

SHINGLE_WORDS = 5
SAME = 0.8
POSSIBLY_SAME = 0.5
MORE_COMPLETE = 1.05  # the longer capture has at least this much more text


@dataclass(frozen=True)
class Sameness:
    verdict: str = ""  # "duplicate", "more complete", "possible duplicate" or ""
    contained: float = 0.0  # the share of the shorter capture's text found in the other
    file_name: str = ""
    article_pk: int | None = None
    slug: str = ""

    @property
    def rank(self):
        return (bool(self.verdict), self.contained)


def shingles(paragraphs):
    words = headline_key(" ".join(paragraphs)).split()
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def compare(a, b, *, earlier_cut_off=False):
    """How a new capture stands to an earlier one, given their `shingles`. When the earlier
    one was cut off, any more text completing it makes the new one more complete."""
    if not a or not b:
        return Sameness()
    common = len(a & b)
    new_in_earlier, earlier_in_new = common / len(a), common / len(b)
    longer = len(a) > len(b) if earlier_cut_off else len(a) >= MORE_COMPLETE * len(b)
    if earlier_in_new >= SAME and longer:
        return Sameness("more complete", earlier_in_new)
    if new_in_earlier >= SAME:
        return Sameness("duplicate", new_in_earlier)
    contained = max(new_in_earlier, earlier_in_new)
    return Sameness("possible duplicate" if contained >= POSSIBLY_SAME else "", contained)
