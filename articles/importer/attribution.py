"""Whose report a page is: the outlet it is attributed to. Pure functions.

The rule, as an editor states it: the outlet is whoever the page credits with the
report. A Source line says it outright; then a byline ("By Al-Watan"); then the
standfirst's attribution ("…, according to SY-24"); then the body's. In the body,
the report's own voice counts ("Enab Baladi reported", "according to Al-Watan",
"told the local newspaper Al-Watan", "Al-Watan writes that"; in Arabic "بحسب ما
أفاد مراسل SY-24"), the outlet named most often winning, the earliest on a tie. A
source the report quotes ("citing SANA", "SANA said") is not the outlet.

A name credited in the same way but missing from the outlet table is still an
outlet: it is returned as a new one, for an admin to confirm.
"""

import functools
import re
from collections import Counter

# A medium between the verb and the name: "told the local newspaper Al-Watan".
_MEDIUM = (
    r"(?:the\s+)?(?:(?:local|pro-government|pro-regime|opposition|syrian|lebanese|turkish|"
    r"kurdish|independent|daily|state|state-run|state-owned|online|news)\s+)*"
    r"(?:(?:newspaper|news\s+website|news\s+site|website|site|outlet|agency|news\s+agency|"
    r"network|channel|TV\s+channel|radio|platform|paper|daily)\s+)?"
)
_ARABIC_MEDIUM = r"(?:(?:مراسل|موقع|صحيفة|جريدة|شبكة|وكالة|قناة|إذاعة|منصة)\s+)*"
_REPORTING_VERBS = r"(?:has\s+)?(?:reported|reports|writes|wrote|learned|learnt|published|revealed)"
_SAYING_VERBS = r"(?:has\s+)?(?:said|says|stated|added|noted)"  # a quoted source says too
_VERBS_WITH_OBJECT = (
    r"according\s+to|told|reported\s+by|cited\s+by|quoted\s+by|published\s+by|"
    r"speaking\s+to|in\s+an\s+interview\s+with|in\s+a\s+statement\s+to"
)
_ARABIC_VERBS = (
    r"(?:بحسب|حسب|وفق(?:اً|ا)?\s*ل|ذكرت?|أفادت?|قالت?)"
    r"(?:\s+ما\s+(?:أفاد|ذكر|نقل|قال|نشر)(?:ت|ه)?)?"
)
# Who a report quotes, not whose report it is.
_QUOTING = r"(?:citing|cited|quoting|relying\s+on|according\s+to\s+figures\s+from|نقل(?:اً|ا)?\s+عن)"

BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|author|source)\s*[:：]?\s+(?P<name>.{2,60}?)\.?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2048)
def _credit_pattern(spelling):
    s = re.escape(spelling).replace(r"\ ", r"\s+")
    named = rf"{_MEDIUM}(?:\w+\s+)?{s}(?!\w)"
    return re.compile(
        "|".join(
            [
                rf"\b(?:{_VERBS_WITH_OBJECT})\s+{named}",
                rf"(?<!\w){s}(?:['’]s)?\s+{_REPORTING_VERBS}\b",
                rf"(?<!\w){s}(?:['’]s)?\s+(?:correspondent|reporter)\b",
                rf"^[A-Z][\w'’ -]{{1,30}}\s*\(\s*{s}\s*\)\s*[–—-]",  # DAMASCUS (Levant24) –
                rf"{_ARABIC_VERBS}\s+{_ARABIC_MEDIUM}{s}(?!\w)",
            ]
        ),
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=2048)
def _saying_pattern(spelling):
    s = re.escape(spelling).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<!\w){s}(?:['’]s)?\s+{_SAYING_VERBS}\b", re.IGNORECASE)


@functools.lru_cache(maxsize=2048)
def _quoted_pattern(spelling):
    s = re.escape(spelling).replace(r"\ ", r"\s+")
    return re.compile(rf"(?:\b|(?<!\w)){_QUOTING}\s+{_MEDIUM}{_ARABIC_MEDIUM}{s}(?!\w)", re.I)


def credits(text, spelling):
    """How much `text` credits the report to `spelling`: one for each attribution ("X
    reported", "according to X"), a half for each "X said" (which a quoted source does
    too), less one for each time the report quotes it ("citing X")."""
    credited = len(_credit_pattern(spelling).findall(text))
    said = len(_saying_pattern(spelling).findall(text)) / 2
    return credited + said - len(_quoted_pattern(spelling).findall(text))


def find_outlet(texts, outlets):
    """The outlet (by name) the texts credit with the report, most often first, the earliest
    on a tie; or None. `outlets` maps every spelling ("SY24", "SY-24") to the outlet's name."""
    counts, first_seen = Counter(), {}
    folded_spellings = [(spelling.casefold(), spelling) for spelling in outlets]
    for position, text in enumerate(texts):
        folded = text.casefold()
        for needle, spelling in folded_spellings:
            if needle not in folded:  # most spellings are absent: a cheap test first
                continue
            found = credits(text, spelling)
            if found > 0:
                name = outlets[spelling]
                counts[name] += found
                first_seen.setdefault(name, position)
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], first_seen[name]))


def byline_outlet(line, outlets):
    """The known outlet a byline names ("By Al-Watan"), or None."""
    match = BYLINE.match(line)
    return match and lookup(match["name"].strip(), outlets)


def lookup(spelling, outlets):
    wanted = spelling.casefold()
    for known, name in outlets.items():
        if known.casefold() == wanted:
            return name
    return None


# --- Outlets missing from the table -------------------------------------------------------------

# A name: up to four capitalised words ("Suwayda 24", "al-Quds al-Arabi", "Alsouria Net").
_NAME = (  # atomic: a name is taken whole, not shortened to pass what follows it
    r"(?P<name>(?>(?:al-|el-)?[A-Z][\w’'-]*(?:\s+(?:al-|el-)?(?:[A-Z][\w’'-]*|\d{1,3})){0,3}))"
)
_ARABIC_NAME = r"(?P<name>[\u0621-\u064a0-9]+(?:\s+[\u0621-\u064a0-9]+){0,2})"
# Where a report names an outlet: after a medium ("the local website Athr Press"), which
# says it is one, or as the one it is credited to ("according to Suwayda 24", "Baladi News
# reported"), where the name must look like an outlet's (_OUTLET_LOOK).
_MEDIUM_NOUN = (r"(?:newspaper|news\s+website|news\s+site|website|site|outlet|agency|network|"
                r"channel|platform|paper|daily|radio|magazine)")  # fmt: skip
_NAMED_AFTER_MEDIUM = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_MEDIUM_NOUN}\s+{_NAME}(?![\w’'-])"
)
_CREDITED = [
    re.compile(rf"\b(?:according\s+to|reported\s+by|told)\s+(?:the\s+)?{_NAME}(?![\w’'-])"
               r"(?!\s*,\s+(?:a|an|the)\s)"),
    re.compile(rf"(?:^|[.,;]\s+|\bthe\s+){_NAME}\s+(?:has\s+)?(?:reported|reports|writes|wrote)\b"),
]  # fmt: skip
_ARABIC_NAMED = re.compile(
    rf"{_ARABIC_VERBS}\s+(?:مراسل\s+)?(?:موقع|صحيفة|جريدة|شبكة|وكالة|قناة|إذاعة|منصة)\s+{_ARABIC_NAME}"
)
# What an outlet's name looks like: a medium's word, a number ("Suwayda 24"), or an Arabic
# title's "al-" before its first word ("al-Quds al-Arabi").
_OUTLET_LOOK = re.compile(
    r"\b(?:news|net|press|tv|radio|agency|network|post|times|daily|media|online|syria|herald|"
    r"journal|observer|voice|fm|info|tribune|monitor|gazette|channel|24)\b|\d|^al-",
    re.IGNORECASE,
)
# Words that make a name an institution, a person or a source, not a news outlet.
_NOT_OUTLETS = re.compile(
    r"\b(?:ministry|minister|directorate|council|committee|government|governor|forces|army|"
    r"police|department|authority|authorities|office|command|administration|president|"
    r"sources?|residents?|activists?|witness(?:es)?|officials?|observers?|experts?|reports?|"
    r"statistics|data|figures|estimates|united\s+nations|un|who|unicef|unhcr|red\s+crescent|"
    r"commission|organi[sz]ation|coalition|regime|opposition|syrians?|chamber|defen[cs]e|"
    r"establishment|watch|rights|union|association|hospital|university|company|bank|"
    r"municipality|society|institute|cent(?:er|re)|foundation|umm|abu|sheikh|dr|mr|mrs|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b",
    re.IGNORECASE,
)
_ARABIC_STOP = {"مصادر", "مصدر", "ناشطين", "الأهالي", "مسؤول", "مسؤولين", "السوري", "المحلي"}


def new_outlet_name(texts, known, *, credit_suffices=False):
    """The outlet's name a text credits that is not among the `known` spellings (a dict or
    set), from the earliest text that has one; or None. A name after a medium ("the website
    Iqtissad") is an outlet's; one credited without it must look like an outlet's
    (_OUTLET_LOOK), unless `credit_suffices` (a standfirst, which credits the outlet).
    Institutions, people and "sources" are not outlets (_NOT_OUTLETS)."""
    folded = {spelling.casefold() for spelling in known}
    for text in texts:
        found = [(m, True) for m in _NAMED_AFTER_MEDIUM.finditer(text)]
        found += [(m, True) for m in _ARABIC_NAMED.finditer(text)]
        found += [(m, False) for pattern in _CREDITED for m in pattern.finditer(text)]
        for match, said_to_be_outlet in sorted(found, key=lambda pair: pair[0].start()):
            name = _trim(match["name"])
            if not name or name.casefold() in folded or _NOT_OUTLETS.search(name):
                continue
            if any(word in _ARABIC_STOP for word in name.split()):
                continue
            if said_to_be_outlet or credit_suffices or _OUTLET_LOOK.search(name):
                return name
    return None


_TRAILING_WORDS = {"the", "and", "in", "on", "that", "of", "أن", "بأن", "إن", "ان", "في", "عن",
                   "من", "على", "إلى"}  # fmt: skip


def _trim(name):
    """The name without a trailing possessive or a word of the sentence it ran into."""
    name = re.sub(r"['’]s$", "", name.strip(" .,;:،"))
    words = name.split()
    while words and words[-1].casefold() in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)
