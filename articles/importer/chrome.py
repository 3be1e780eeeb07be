"""Site chrome: the lines of a scraped page that are the site's, not the report's. Pure.

Wherever they stand (`is_site_chrome`): boilerplate and forms, date lines and date
metadata glued to a paragraph, kickers, separators, section labels. In the body
(`is_body_chrome`): bylines, datelines, photo captions; and any short line a page
shows twice (`drop_repeated_lines`).
"""

import re
from collections import Counter

from articles.body import read_also_headline

_SENTENCE_END = re.compile(r"[.!?…؟。][\"'”’»)\]]*$")


def one_sentence(line):
    """A line of exactly one sentence."""
    inner = re.split(r"(?<=[.!?؟])\s+(?=[A-Z\u0621-\u064a])", line)
    return len(inner) == 1 and ends_sentence(line)


def ends_sentence(line):
    return bool(_SENTENCE_END.search(line))


KEYWORDS_HEADING = re.compile(
    r"^(?:helpful\s+keywords|keywords|tags|كلمات\s+مفتاحية|الكلمات\s+المفتاحية)"
    r"\s*(?:[:：\-–—]\s*(?P<inline>.*))?$",
    re.IGNORECASE,
)

# --- Site chrome: lines that are the site's, not the report's -------------------------------

BOILERPLATE_LINES = {
    "logo", "logo wide", "logo dark", "menu", "search", "home", "share", "share this",
    "share this:", "share this article", "facebook", "twitter", "x", "whatsapp", "telegram",
    "linkedin", "email", "print", "skip to content", "advertisement", "related posts",
    "related articles", "subscribe", "subscribe to our newsletter", "follow us",
    "all rights reserved", "copy link", "back to top",
    # forms and widgets
    "recommend article", "recommend this article", "send", "send to a friend", "submit",
    "leave a comment", "leave a reply", "post a comment", "comments", "no comments",
    "language", "اللغة العربية", "english", "arabic", "عربي", "read more", "load more",
    "previous", "next", "previous article", "next article",
}  # fmt: skip
_BOILERPLATE_PATTERNS = [
    re.compile(r"^©|^copyright\b", re.IGNORECASE),
    re.compile(r"^share (on|via) \w+$", re.IGNORECASE),
    # the "recommend article" form's fields, comments, printing, following
    re.compile(r"^(?:sender|recipient|receiver|your|friend)['’]?s? (?:name|e-?mail)\b", re.I),
    re.compile(r"^your email address will not be published\b", re.IGNORECASE),
    re.compile(r"\blogged in to (?:post|leave|write) a (?:comment|reply)\b", re.IGNORECASE),
    re.compile(r"^print(?: this)?(?: article| page| story)?$", re.IGNORECASE),
    re.compile(r"^follow us(?: on [\w ]{2,30})?$", re.IGNORECASE),
    re.compile(r"^(?:.{0,60}\s)?all rights reserved\b.{0,60}$", re.IGNORECASE),
    # a trail of links: "Home » News » Syria", "Home / Syria", "News › Syria › Idlib"
    re.compile(r"^(?:home|الرئيسية)\s*[»›>/|]", re.IGNORECASE),
    re.compile(r"^[^.!?»›]{1,40}(?:\s*[»›]\s*[^.!?»›]{1,40}){2,5}$"),
    re.compile(r"^language\s*/\s*", re.IGNORECASE),  # "Language / اللغة العربية"
    # a copy-protection notice
    re.compile(r"\b(?:content is protected|you cannot copy|copying (?:of this content )?(?:is )?"
               r"(?:not allowed|not permitted|prohibited)|right click (?:is )?disabled)\b",
               re.IGNORECASE),
]  # fmt: skip

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:\s*(?:[-–—|,]|at)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\w{2,4})?)?"
DATE = (
    rf"(?i:{_WEEKDAY}(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.+Z-]+)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}}"
    rf"|{MONTHS}\s+\d{{4}}){_TIME})"
)  # fmt: skip
_DATE_LINE = re.compile(
    rf"^[•·\-–—*]?\s*(?:(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?"
    rf"{DATE}\.?$",
    re.IGNORECASE,
)
_DATE_METADATA = re.compile(
    rf"^[\"'“”]?\s*(?:date|published|posted(?: on)?|updated)\s*:?\s*{DATE}\s*[\"'“”]?\s*(?=\S)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\W_]+$")  # "......", "***", "— — —": no letter or digit
_KICKER = re.compile(r"^\w+(?:[\s-]\w+){0,2}:$")  # "Exclusive report:", "Analysis:"
SECTION_LABELS = {
    "news", "local news", "syria news", "reports", "report", "articles", "features",
    "politics", "economy", "society", "opinion", "analysis", "interviews", "investigations",
    "exclusive", "breaking", "breaking news", "latest", "latest news", "syria", "media",
    "translations", "press review", "أخبار", "تقارير", "مقالات", "سياسة", "اقتصاد", "مجتمع",
}  # fmt: skip


def is_boilerplate(line):
    return line.casefold() in BOILERPLATE_LINES or any(
        p.search(line) for p in _BOILERPLATE_PATTERNS
    )


def is_date_line(line):
    """A line that is only a date, perhaps with a time, a label or a bullet."""
    return len(line) < 80 and bool(_DATE_LINE.match(line))


def strip_date_metadata(line):
    """The line without date metadata glued before its text (`"date 2024-06-27 "On …`)."""
    return line if is_date_line(line) else _DATE_METADATA.sub("", line, count=1)


def is_kicker(line):
    """A label over the headline ("Exclusive report:"): a few words ending in a colon."""
    return bool(_KICKER.match(line))


_GLUED_KICKER = re.compile(
    r"^(?:exclusive(?: report| interview)?|breaking(?: news)?|analysis|opinion|interview|"
    r"investigation|feature|video|watch|updated?)\s*[:：|]\s+(?=\S)",
    re.IGNORECASE,
)


def without_kicker(headline):
    """The headline without a kicker glued before it ("Exclusive: …")."""
    return _GLUED_KICKER.sub("", headline, count=1)


def is_separator(line):
    return bool(_SEPARATOR.match(line))


def is_section_label(line):
    return line.casefold().strip(" :|›»") in SECTION_LABELS


def is_site_chrome(line):
    """Site chrome wherever it stands: not the report's words."""
    if KEYWORDS_HEADING.match(line):
        return False
    return (
        is_boilerplate(line) or is_date_line(line) or is_separator(line) or is_section_label(line)
    )


# In the body: who wrote it, where it was filed, what a photo shows.

BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|author|edited\s+by|بقلم|كتب|إعداد)\s*[:：]?\s+"
    r"(?P<name>[A-Z\u0621-\u064a][\w'’ -]{1,48}?)\.?$",  # a name: no comma, no figure
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){{0,2}}(?:\s*[,–—-]\s*(?:{DATE}|\(?[A-Z]{{2,6}}\)?))?\s*[–—-]?$"
    rf"|^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*{DATE}$"
)  # fmt: skip
_CAPTION = re.compile(
    r"^(?:\(|\[)?(?:photo|image|picture|caption|credit|photo credit|file photo|"
    r"صورة|الصورة)\b\s*[:：(–—-]",
    re.IGNORECASE,
)
# "Aleppo – Enab Baladi", "Enab Baladi – Hama": a place and an outlet, on a line of their own.
_PLACE_DASH_NAME = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z\d][\w'’-]*)?\s+[–—-]\s+"
                              r"[A-Z][\w'’-]*(?:\s+[A-Z\d][\w'’-]*){0,2}$")  # fmt: skip


def is_byline(line):
    """'By Al-Watan', 'Written by Editorial Board': a name, on a line of its own."""
    return len(line.split()) <= 6 and not re.search(r"\d", line) and bool(BYLINE.match(line))


def is_dateline(line):
    """'DAMASCUS', 'IDLIB, June 27', 'Damascus, 27 June 2024' or 'Aleppo – Enab Baladi' on a
    line of its own."""
    short = len(line.split()) <= 8
    return short and bool(_DATELINE.match(line) or _PLACE_DASH_NAME.match(line))


def is_caption(line):
    """A photo's caption or credit. A sentence in brackets (an editor's note) is text."""
    bracketed = line[:1] in "([" and line[-1:] in ")]"
    return bool(_CAPTION.match(line)) or (
        bracketed and len(line.split()) <= 8 and not ends_sentence(line[1:-1])
    )


def is_body_chrome(line):
    return is_byline(line) or is_dateline(line) or is_caption(line)


def drop_repeated_lines(units):
    """Captions and labels repeat on a page (a photo's caption often twice); a report's
    sentences do not. A short line seen twice is dropped wherever it stands; a long one
    keeps its first place (a paragraph the capture doubled)."""
    counts = Counter(units)
    kept, seen = [], set()
    for unit in units:
        label = len(unit) < 200 and not ends_sentence(unit) and read_also_headline(unit) is None
        if counts[unit] > 1 and (label or unit in seen):
            continue
        seen.add(unit)
        kept.append(unit)
    return kept
