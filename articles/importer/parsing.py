"""Reading seed files: pure functions over bytes and text, no database.

A seed is either a page scraped from a news site (boilerplate, a headline that
the page repeats, a standfirst, body paragraphs with inline "Read Also:" lines,
the "not verified" disclaimer, "Helpful keywords") or a raw report (a headline
line and paragraphs, often Arabic). Each non-empty line is one unit: scraped
pages and reports put one paragraph on one line.
"""

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from articles.body import read_also_headline

HEADLINE_MAX_CHARS = 500
KEYWORD_MAX_CHARS = 100
# Headline repeats are looked for among this many units at the top of the page.
HEAD_REGION = 6
HEADLINE_SIMILARITY = 0.85


class SeedError(ValueError):
    """A seed file that cannot be imported; the message says why, for the operator."""


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
    outlet: str | None = None
    disclaimer: str | None = None
    read_also: list[ReadAlso] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    flags: tuple[Flag, ...] = ()


# --- Bytes to text -----------------------------------------------------------------------


def decode_seed(raw, *, max_bytes):
    """The text of a seed file, or SeedError naming why it is not usable text."""
    if not raw:
        raise SeedError("the file is empty")
    if len(raw) > max_bytes:
        raise SeedError(f"the file is {len(raw):,} bytes, over the {max_bytes:,}-byte limit")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in raw:
        raise SeedError("not a text file: it contains NUL bytes")
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise SeedError(
            f"not {encoding.upper().removesuffix('-SIG')} text: "
            f"undecodable byte 0x{byte:02x} at position {error.start}"
        ) from None
    if _CONTROL_CHARS.search(text):
        raise SeedError("not a text file: it contains control characters")
    if not text.strip():
        raise SeedError("the file holds only whitespace")
    return text


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


# --- Text clean-up -----------------------------------------------------------------------

_WIDE_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLES = re.compile(r"[\u200b\u2060\ufeff]")
_SPACE_RUNS = re.compile(r" {2,}")


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


# --- Recognising the parts of a page -----------------------------------------------------

BOILERPLATE_LINES = {
    "logo",
    "logo wide",
    "logo dark",
    "menu",
    "search",
    "home",
    "share",
    "share this",
    "share this:",
    "share this article",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "print",
    "skip to content",
    "advertisement",
    "related posts",
    "related articles",
    "subscribe",
    "subscribe to our newsletter",
    "follow us",
    "all rights reserved",
    "copy link",
    "back to top",
}
_BOILERPLATE_PATTERNS = [
    re.compile(r"^©|^copyright\b", re.IGNORECASE),
    re.compile(r"^share (on|via) \w+$", re.IGNORECASE),
]

_SOURCE_HEADER = re.compile(r"^(?:source|outlet|المصدر)\s*[:：]\s*(?P<outlet>.+)$", re.IGNORECASE)
_KEYWORDS_HEADING = re.compile(
    r"^(?:helpful\s+keywords|keywords|tags|كلمات\s+مفتاحية|الكلمات\s+المفتاحية)"
    r"\s*(?:[:：\-–—]\s*(?P<inline>.*))?$",
    re.IGNORECASE,
)
_KEYWORD_SEPARATORS = re.compile(r"\s*[,،;|]\s*")
_DISCLAIMER_PATTERNS = [
    re.compile(r"\bhas not (?:independently )?verified (?:the content of )?this\b", re.IGNORECASE),
    re.compile(r"\bresponsibility for the information\b.*\blies\b", re.IGNORECASE),
    re.compile(r"\bnot (?:been )?(?:independently )?verified by the syrian observer\b", re.I),
]
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def is_boilerplate(line):
    return line.casefold() in BOILERPLATE_LINES or any(
        p.search(line) for p in _BOILERPLATE_PATTERNS
    )


def is_disclaimer(line):
    return any(p.search(line) for p in _DISCLAIMER_PATTERNS)


def is_headline_variant(line, headline):
    """True for the headline itself and the small variants scraped pages repeat it in."""
    a, b = line.casefold(), headline.casefold()
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= HEADLINE_SIMILARITY
        and matcher.quick_ratio() >= HEADLINE_SIMILARITY
        and matcher.ratio() >= HEADLINE_SIMILARITY
    )


def detect_language(text):
    arabic = len(_ARABIC_LETTER.findall(text))
    return "ar" if arabic > len(_LATIN_LETTER.findall(text)) else "en"


@functools.lru_cache(maxsize=1024)
def _attribution_pattern(spelling):
    s = re.escape(spelling).replace(r"\ ", r"\s+")
    outlet = rf"(?:the\s+)?(?:\w+\s+)?{s}"
    alternatives = [
        rf"\baccording\s+to\s+{outlet}(?!\w)",
        rf"\b(?:told|reported\s+by|cited\s+by|quoted\s+by|speaking\s+to|"
        rf"in\s+an\s+interview\s+with|in\s+a\s+statement\s+to)\s+{outlet}(?!\w)",
        rf"(?<!\w){s}(?:['’]s)?\s+(?:has\s+)?(?:reported|reports|said|learned|learnt|"
        rf"quoted|cited|published|revealed)\b",
        rf"(?:بحسب|حسب|وفق(?:اً|ا)?\s*ل|نقل(?:اً|ا)?\s+عن|ذكرت?|أفادت?|قالت?)\s+"
        rf"(?:(?:موقع|صحيفة|شبكة|وكالة)\s+)?{s}(?!\w)",
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def find_outlet(texts, outlets):
    """The outlet the texts attribute their report to, by name, or None.

    `outlets` maps every spelling of an outlet ("SY24", "SY-24") to its name.
    Attribution phrases count ("according to SY-24", "Enab Baladi reported",
    "told Syria TV"); a bare mention does not. The outlet attributed most often
    wins, the earliest on a tie.
    """
    hits = []
    folded = [text.casefold() for text in texts]
    for spelling, name in outlets.items():
        needle = spelling.casefold()
        for position, text in enumerate(texts):
            if needle in folded[position]:  # cheap test first: most spellings are absent
                for match in _attribution_pattern(spelling).finditer(text):
                    hits.append((name, position, match.start()))
    if not hits:
        return None
    counts = Counter(name for name, _, _ in hits)
    first_seen = {}
    for name, position, offset in sorted(hits, key=lambda hit: hit[1:]):
        first_seen.setdefault(name, (position, offset))
    return min(counts, key=lambda name: (-counts[name], first_seen[name]))


def _lookup_outlet(spelling, outlets):
    wanted = spelling.casefold()
    for known, name in outlets.items():
        if known.casefold() == wanted:
            return name
    raise SeedError(f"the Source line names {spelling!r}, which is not a known outlet")


def _split_keywords(lines):
    keywords, seen = [], set()
    for line in lines:
        for keyword in _KEYWORD_SEPARATORS.split(line):
            keyword = keyword.strip(" .")
            if not keyword or keyword.casefold() in seen:
                continue
            if len(keyword) > KEYWORD_MAX_CHARS:
                raise SeedError(
                    f"a keyword is {len(keyword)} characters long "
                    f"(at most {KEYWORD_MAX_CHARS}): {keyword[:40]!r}…"
                )
            seen.add(keyword.casefold())
            keywords.append(keyword)
    return keywords


# --- The whole page ----------------------------------------------------------------------


def parse_seed(text, *, outlets: Mapping[str, str]):
    """Turn a seed's text into a ParsedStory, or raise SeedError saying what is missing."""
    units = [line for line in clean_lines(text) if line and not is_boilerplate(line)]

    explicit_outlet = None
    if units and (match := _SOURCE_HEADER.match(units[0])):
        explicit_outlet = _lookup_outlet(match["outlet"].strip(), outlets)
        units = units[1:]
    if not units:
        raise SeedError("no headline: the file holds nothing but site boilerplate")

    keywords = []
    for index in range(len(units) - 1, 0, -1):
        if match := _KEYWORDS_HEADING.match(units[index]):
            keywords = _split_keywords([match["inline"] or "", *units[index + 1 :]])
            units = units[:index]
            break

    headline, standfirst, rest = _take_headline_and_standfirst(units)

    paragraphs, read_also, disclaimer = [], [], None
    for unit in rest:
        if (named := read_also_headline(unit)) is not None:
            read_also.append(ReadAlso(headline=named, after_paragraph=len(paragraphs)))
        elif is_disclaimer(unit):
            disclaimer = disclaimer or unit
        else:
            paragraphs.append(unit)
    if not paragraphs:
        raise SeedError("no body: there is no paragraph of text after the headline")

    return ParsedStory(
        headline=headline,
        standfirst=standfirst,
        paragraphs=paragraphs,
        language=detect_language(" ".join([headline, *paragraphs])),
        outlet=explicit_outlet or find_outlet([standfirst, *paragraphs], outlets),
        disclaimer=disclaimer,
        read_also=read_also,
        keywords=keywords,
    )


def _take_headline_and_standfirst(units):
    """The headline (once), the standfirst, and the units that remain.

    Scraped pages repeat the headline near the top, sometimes with a word
    changed; the spelling that occurs most often wins, the first on a tie.
    The standfirst is the line between the headline and its repeat. Raw
    reports, which do not repeat their headline, have no standfirst.
    """
    first = units[0]
    if len(first) > HEADLINE_MAX_CHARS:
        raise SeedError(
            f"no headline: the first line is {len(first):,} characters long "
            f"(a headline has at most {HEADLINE_MAX_CHARS})"
        )
    head, tail = units[:HEAD_REGION], units[HEAD_REGION:]
    is_variant = [is_headline_variant(unit, first) for unit in head]
    spellings = [unit for unit, variant in zip(head, is_variant, strict=True) if variant]
    counts = Counter(spellings)
    headline = max(spellings, key=lambda s: (counts[s], -spellings.index(s)))

    others = [index for index, variant in enumerate(is_variant) if not variant]
    standfirst = ""
    if others and any(is_variant[others[0] + 1 :]):
        candidate = head[others[0]]
        if read_also_headline(candidate) is None and not is_disclaimer(candidate):
            standfirst = candidate
            others = others[1:]
    return headline, standfirst, [head[index] for index in others] + tail
