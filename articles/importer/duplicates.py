"""Whether two captures are the same report. Pure functions.

The rule: two captures are one report when, with case, accents, quotes and
punctuation ignored, most of one's text is in the other: at least 80% of its
runs of five words. The new capture is then
- a duplicate when it adds (almost) nothing: under 2% of its runs are new;
- else a new version of the report (it adds text, or changes some: a toll
  updated, the rest of a capture that was cut off), stored as the source story's
  new version.
Between 50% and 80% they may be one report rewritten: flagged for an editor.
"""

from dataclasses import dataclass

from articles.text import headline_key

from .chrome import ends_sentence

SHINGLE_WORDS = 5
SAME = 0.8
NOTHING_NEW = 0.98  # a capture with at least this share of its runs in another adds nothing
POSSIBLY_SAME = 0.5


@dataclass(frozen=True)
class Sameness:
    verdict: str = ""  # "duplicate", "new version", "possible duplicate" or ""
    contained: float = 0.0  # the share of the shorter capture's text found in the other
    file_name: str = ""
    article_pk: int | None = None
    slug: str = ""

    @property
    def rank(self):
        return (bool(self.verdict), self.contained)


def shingles(paragraphs):
    """The text's runs of five words. The last word of a text that stops without a closing
    mark is left out: the capture may have cut it ("interv")."""
    words = headline_key(" ".join(paragraphs)).split()
    if paragraphs and not ends_sentence(paragraphs[-1]):
        words = words[:-1]
    if len(words) < SHINGLE_WORDS:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def compare(a, b):
    """How a new capture stands to an earlier one, given their `shingles`."""
    if not a or not b:
        return Sameness()
    common = len(a & b)
    new_in_earlier, earlier_in_new = common / len(a), common / len(b)
    if new_in_earlier >= NOTHING_NEW:
        return Sameness("duplicate", new_in_earlier)
    if max(new_in_earlier, earlier_in_new) >= SAME:
        return Sameness("new version", max(new_in_earlier, earlier_in_new))
    contained = max(new_in_earlier, earlier_in_new)
    return Sameness("possible duplicate" if contained >= POSSIBLY_SAME else "", contained)
