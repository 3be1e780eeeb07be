"""Reading seed files: pure functions over text, no database.

A seed is either a page scraped from a news site (site chrome, a headline that
the page repeats, a standfirst, body paragraphs with "Read Also" lines, the
"not verified" disclaimer, "Helpful keywords") or a raw report (a headline line
and paragraphs, often Arabic). Each non-empty line is one unit: scraped pages
and reports put one paragraph on one line.

Each rule below is one an editor would state, named for what it recognises:
- the page's kind (`page_kind`): an article, or a site notice or a listing,
  which are refused;
- site chrome, anywhere on the page (`is_site_chrome`): boilerplate and forms,
  date lines and date metadata, kickers, separators, section labels; and in the
  body (`is_body_chrome`): bylines, datelines, photo captions, lines repeated;
- the headline (`reads_as_sentence`: a page that starts mid-text has none, and
  is flagged, never given an invented one) and its repeats (`is_headline_variant`);
- the standfirst (`takes_standfirst`), with or without a repeat after it;
- disclaimers in every wording, and cut off (`is_disclaimer`, `is_cut_off_disclaimer`);
- Read Also lines, labelled or a related headline standing alone (`is_unlabelled_read_also`);
- sentences split over two lines (`join_split_sentences`);
- a page cut off by the capture (`is_cut_off`);
- the outlet (`attribution`).
Where the importer is unsure, the story carries a Flag for the editor.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.text import slugify

from articles.arabic import mostly_arabic
from articles.body import read_also_headline

from . import attribution
from .attribution import find_outlet
from .chrome import (
    KEYWORDS_HEADING,
    drop_repeated_lines,
    ends_sentence,
    is_body_chrome,
    is_byline,
    is_kicker,
    is_site_chrome,
    one_sentence,
    strip_date_metadata,
    without_kicker,
)
from .decoding import decode_seed
from .disclaimers import is_cut_off_disclaimer, is_disclaimer
from .errors import SeedError
from .page_kinds import page_kind

__all__ = ["Flag", "ParsedStory", "ReadAlso", "SeedError", "decode_seed", "find_outlet",
           "parse_seed"]  # fmt: skip

HEADLINE_MAX_CHARS = 250  # a line longer than this is running text, not a headline
HEADLINE_MAX_STORED = 500  # what the headline columns hold
KEYWORD_MAX_CHARS = 100
# Headline repeats are looked for among this many units at the top of the page.
HEAD_REGION = 6
HEADLINE_SIMILARITY = 0.8
HEADLINE_WORD_SIMILARITY = 0.75


@dataclass(frozen=True)
class ReadAlso:
    headline: str
    after_paragraph: int


@dataclass(frozen=True)
class Flag:
    """Something the importer was unsure of, for an editor to look at: a stable code
    (models.SourceFlag) and what it found."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class ParsedStory:
    headline: str
    paragraphs: list[str]
    language: str
    standfirst: str = ""
    outlet: str | None = None  # a known outlet's name
    new_outlet: str | None = None  # a name credited that the outlet table lacks
    disclaimer: str | None = None
    read_also: list[ReadAlso] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    flags: tuple[Flag, ...] = ()


# --- Text clean-up -----------------------------------------------------------------------

_WIDE_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLES = re.compile(r"[\u200b\u2060\ufeff]")
_SPACE_RUNS = re.compile(r"\s{2,}|[^\S ]")  # any run of spaces, form feeds, NEL… is one space


def clean_lines(text):
    """The text's lines with Windows line endings, non-breaking spaces, zero-width
    characters and stray whitespace removed; blank lines come back as ""."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = []
    for line in lines:
        line = _INVISIBLES.sub("", _WIDE_SPACES.sub(" ", line))
        cleaned.append(_SPACE_RUNS.sub(" ", line).strip())
    return cleaned


def content_hash(text):
    """Identity of a seed's content, the same whatever its line endings, BOM or stray spaces."""
    lines = [line for line in clean_lines(text) if line]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


# --- Sentences -------------------------------------------------------------------------------

_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Co|Inc|Ltd|Jr|Sr|St|Dr|Mr|Mrs|No)\.$")
_LOWER_START = re.compile(r"^[a-z]")


def reads_as_sentence(line):
    """A line of running text, not a headline: headlines do not end in a full stop, and run
    to at most 250 characters."""
    if len(line) > HEADLINE_MAX_CHARS:
        return True
    full_stop = line.endswith((".", "。")) and not _ABBREVIATION_END.search(line)
    return full_stop and len(line.split()) >= 8


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|adh)-", re.IGNORECASE)
HEADING_MAX_WORDS = 8


def join_split_sentences(units):
    """A sentence split over two lines is one paragraph: a line that stops mid-sentence (no
    closing mark) followed by one that begins in lower case, or any line after a comma. A
    short line (a subheading) stays apart, and so does a line opening with a name's
    "al-"."""
    joined = []
    for unit in units:
        previous = joined[-1] if joined else ""
        stops_mid = previous and not ends_sentence(previous) and previous[-1:] not in ":;"
        after_comma = previous.endswith(("،", ","))
        continues = (
            _LOWER_START.match(unit)
            and not _ARABIC_ARTICLE.match(unit)
            and len(previous.split()) > HEADING_MAX_WORDS
        )
        if stops_mid and (after_comma or continues):
            joined[-1] = f"{previous} {unit}"
        else:
            joined.append(unit)
    return joined


def is_cut_off(paragraphs):
    """The capture stopped mid-text: the last paragraph ends without a closing mark."""
    return bool(paragraphs) and not ends_sentence(paragraphs[-1])


# --- Headlines --------------------------------------------------------------------------------

_SMALL_WORDS = {
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "by", "at", "as", "from",
    "with", "into", "over", "after", "amid", "against", "via", "but", "nor", "up", "vs",
    "is", "are", "its", "his", "her", "their",
}  # fmt: skip


def is_headline_variant(line, headline):
    """True for the headline itself and the variants scraped pages repeat it in: a word
    changed, added or dropped, a typo."""
    a, b = line.casefold(), headline.casefold()
    if a == b:
        return True
    if one_sentence(line) != one_sentence(headline):  # a standfirst is no repeat
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if (
        matcher.real_quick_ratio() >= HEADLINE_SIMILARITY
        and matcher.quick_ratio() >= HEADLINE_SIMILARITY
        and matcher.ratio() >= HEADLINE_SIMILARITY
    ):
        return True
    words_a, words_b = a.split(), b.split()
    return (
        min(len(words_a), len(words_b)) >= 4
        and SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()
        >= HEADLINE_WORD_SIMILARITY
    )


def in_title_case(line):
    """Headline style: most words capitalised (small words aside), no closing full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*|\d[\w,.]*", line)]
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    capitalised = [w for w in content if w[0].isupper() or w[0].isdigit()]
    return len(content) >= 4 and len(capitalised) >= 0.8 * len(content)


def is_unlabelled_read_also(line, headline):
    """A related story's headline standing alone between paragraphs: five to 25 words in
    headline style, with no closing full stop or question mark, that are not the page's
    own headline."""
    return (
        5 <= len(line.split()) <= 25
        and not line.endswith((".", ",", ";", "?", "؟"))  # a question is a subheading
        and in_title_case(line)
        and not (headline and is_headline_variant(line, headline))
    )


# --- The whole page ----------------------------------------------------------------------

_SOURCE_HEADER = re.compile(
    r"^(?:source|outlet|المصدر)\s*[:：]\s*(?P<outlet>[^.!?؟]{2,80}?)\.?$", re.IGNORECASE
)
_KEYWORD_SEPARATORS = re.compile(r"\s*[,،;|]\s*")
STANDFIRST_MAX_WORDS = 45


def detect_language(text):
    return "ar" if mostly_arabic(text) else "en"


def parse_seed(text, *, outlets):
    """Turn a seed's text into a ParsedStory, or raise SeedError saying why it is not one.

    `outlets` maps every spelling of a known outlet ("SY24", "SY-24") to its name."""
    lines = [strip_date_metadata(line) for line in clean_lines(text) if line]
    units = [line for line in lines if not is_site_chrome(line)]
    scraped = len(units) < len(lines)  # site chrome shows a scraped page

    # A "Source: …" line names the outlet, wherever the page puts it.
    sources = [match["outlet"].strip() for u in units if (match := _SOURCE_HEADER.match(u))]
    source_line = sources[0] if sources else None
    units = [unit for unit in units if not _SOURCE_HEADER.match(unit)]
    while units and is_kicker(units[0]):  # a label over the headline ("Exclusive report:")
        units = units[1:]
    if not units:
        raise SeedError("no headline: the file holds nothing but site boilerplate")

    keywords = []
    for index in range(len(units) - 1, 0, -1):
        if match := KEYWORDS_HEADING.match(units[index]):
            keywords = _split_keywords([match["inline"] or "", *units[index + 1 :]])
            units, scraped = units[:index], True
            break

    kind, why = page_kind([unit for unit in units if not is_body_chrome(unit)])
    if kind != "article":
        raise SeedError(f"a {'site notice' if kind == 'notice' else 'listing page'}, "
                        f"not an article: {why}")  # fmt: skip

    flags = []
    bylines = [unit for unit in units if is_byline(unit)]
    units = [u for i, u in enumerate(units) if not (is_byline(u) or (i and is_body_chrome(u)))]
    if not units:
        raise SeedError("no headline: the file holds nothing but site boilerplate")
    if reads_as_sentence(units[0]):  # the capture starts mid-text: no headline to take
        headline, standfirst, rest = "", "", units
        flags.append(Flag("no_headline", "the page starts with running text"))
    else:
        units = [without_kicker(units[0]), *units[1:]]
        headline, standfirst, rest = _take_headline_and_standfirst(units, scraped=scraped)
        headline = without_kicker(headline)

    paragraphs, read_also, disclaimer = [], [], None
    body = join_split_sentences(drop_repeated_lines(rest))
    for position, unit in enumerate(body):
        if (named := read_also_headline(unit)) is not None:
            if len(named) > HEADLINE_MAX_STORED:
                raise SeedError(
                    f"a Read Also line names a headline of {len(named):,} characters (a "
                    f"headline has at most {HEADLINE_MAX_STORED}): “{named[:40]}…”"
                )
            read_also.append(ReadAlso(headline=named, after_paragraph=len(paragraphs)))
        elif is_disclaimer(unit):
            disclaimer = disclaimer or unit
            if is_cut_off_disclaimer(unit):
                flags.append(Flag("disclaimer_cut_off", f"“…{unit[-40:]}”"))
        elif paragraphs and position < len(body) - 1 and is_unlabelled_read_also(unit, headline):
            read_also.append(ReadAlso(headline=unit, after_paragraph=len(paragraphs)))
        else:
            paragraphs.append(unit)
    if not paragraphs:
        raise SeedError("no body: there is no paragraph of text after the headline")
    if is_cut_off(paragraphs):
        flags.append(Flag("cut_off", f"the text stops at “…{paragraphs[-1][-40:]}”"))

    outlet, new_outlet = _outlet(source_line, bylines, standfirst, paragraphs, outlets)
    if outlet is None and new_outlet is None:
        flags.append(Flag("outlet_unknown", "no attribution names an outlet"))
    return ParsedStory(
        headline=headline,
        standfirst=standfirst,
        paragraphs=paragraphs,
        language=detect_language(" ".join([headline, *paragraphs])),
        outlet=outlet,
        new_outlet=new_outlet,
        disclaimer=disclaimer,
        read_also=read_also,
        keywords=keywords,
        flags=tuple(flags),
    )


def _outlet(source_line, bylines, standfirst, paragraphs, outlets):
    """(known outlet's name, new name): the Source line, a byline, the standfirst's
    attribution, the body's (attribution.py)."""
    if source_line:
        known = attribution.lookup(source_line, outlets)
        return known, None if known else source_line
    for line in bylines:
        if named := attribution.byline_outlet(line, outlets):
            return named, None
    for texts in ([standfirst], paragraphs):
        if named := find_outlet(texts, outlets):
            return named, None
    return None, (
        attribution.new_outlet_name([standfirst], outlets, credit_suffices=True)
        or attribution.new_outlet_name(paragraphs, outlets)
    )


def _split_keywords(lines):
    keywords, seen = [], set()
    for line in lines:
        for keyword in _KEYWORD_SEPARATORS.split(line):
            keyword = keyword.strip(" .")
            if not slugify(keyword, allow_unicode=True) or keyword.casefold() in seen:
                continue  # no letter or digit ("—"): no keyword
            if len(keyword) > KEYWORD_MAX_CHARS:
                raise SeedError(
                    f"a keyword is {len(keyword)} characters long "
                    f"(at most {KEYWORD_MAX_CHARS}): {keyword[:40]!r}…"
                )
            seen.add(keyword.casefold())
            keywords.append(keyword)
    return keywords


def _take_headline_and_standfirst(units, *, scraped):
    """The headline (once), the standfirst, and the units that remain.

    Scraped pages repeat the headline near the top, sometimes with a word changed; the
    spelling that occurs most often wins, the first on a tie. The standfirst is the line
    between the headline and its repeat or, on a scraped page with no repeat, the
    one-sentence summary right under the headline (`takes_standfirst`). Raw reports have
    none."""
    first = units[0]
    head, tail = units[:HEAD_REGION], units[HEAD_REGION:]
    is_variant = [is_headline_variant(unit, first) for unit in head]
    spellings = [unit for unit, variant in zip(head, is_variant, strict=True) if variant]
    counts = Counter(spellings)
    headline = max(spellings, key=lambda s: (counts[s], -spellings.index(s)))

    others = [index for index, variant in enumerate(is_variant) if not variant]
    rest = [head[index] for index in others] + tail
    standfirst = ""
    repeated = others and any(is_variant[others[0] + 1 :])
    if rest and takes_standfirst(rest, repeated=repeated, scraped=scraped):
        standfirst, rest = rest[0], rest[1:]
    return headline, standfirst, rest


_ENDS_WITH_CREDIT = re.compile(
    r"(?:,\s*|\s)(?:according\s+to\s+[^,]{2,60}|(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s+"
    r"(?:reported|reports|said|says|writes|wrote|learned))[.!]$"
    r"|(?:بحسب|حسب|وفق|نقلاً عن|ذكرت?|أفادت?)\s+[^،.]{2,60}[.]$"
)


def takes_standfirst(rest, *, repeated, scraped):
    """Whether the first line under the headline is the standfirst: it is when the headline
    is repeated after it; or, on a scraped page, when it is a one-sentence summary of at
    most 45 words that credits the outlet at its end ("…, according to SY-24.", "…, Enab
    Baladi reported."), as standfirsts do, with the report's paragraphs after it."""
    candidate = rest[0]
    if read_also_headline(candidate) is not None or is_disclaimer(candidate):
        return False
    if repeated:
        return True
    return (
        scraped
        and len(rest) >= 3
        and one_sentence(candidate)
        and len(candidate.split()) <= STANDFIRST_MAX_WORDS
        and bool(_ENDS_WITH_CREDIT.search(candidate))
    )
