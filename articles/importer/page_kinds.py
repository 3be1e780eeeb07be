"""What kind of page a capture is: an article, a site notice or a listing. Pure."""

import re

from articles.body import read_also_headline

from .chrome import MONTHS, ends_sentence, is_date_line, one_sentence

_NOTICE = re.compile(
    r"\bdear (?:readers|followers|visitors|subscribers|friends)\b|\bto our readers\b"
    r"|\b(?:eid (?:mubarak|al-fitr|al-adha)|ramadan (?:kareem|mubarak)|happy new year"
    r"|merry christmas|season['’]?s greetings|happy holidays|happy eid)\b"
    r"|\bwe will (?:resume|be back|return)\b|\b(?:our|the) (?:website|site|team) will\b"
    r"|أعزاءنا القراء|قراءنا الأعزاء|كل عام وأنتم بخير|عيد مبارك|رمضان كريم",
    re.IGNORECASE,
)
NOTICE_MAX_WORDS = 250
# A report says who reported it; a notice to readers does not.
_REPORTING = re.compile(
    r"\b(?:reported|reports|according to|told|quoted|citing|said)\b|بحسب|وفق|ذكرت?|قالت?|أفادت?",
    re.IGNORECASE,
)
_LISTING_MARKER = re.compile(
    r"^(?:read more|continue reading|more|load more|older posts|newer posts|next page|"
    r"page \d+(?: of \d+)?|archives?|category\s*:.*|tag(?:ged)?\s*:.*|posts tagged.*|"
    rf"{MONTHS}\s+\d{{4}})\s*[»›→.]*$"
    r"|^[«‹←]?\s*(?:previous|prev|newer|older)?\s*(?:\d+\s+)+\d+\s*(?:next|older)?\s*[»›→]?$",
    re.IGNORECASE,
)
_EXCERPT_END = ("…", "...", "[…]", "[...]")
LISTING_MIN_TEASERS = 3
TEASER_SUMMARY_MAX_WORDS = 60


def page_kind(units):
    """("article", "") or ("notice" or "listing", why): what kind of page the units are.

    A page that reports (it credits someone: "reported", "according to", "said") is an
    article. A site notice speaks to the site's readers instead: it addresses them or greets
    them for an occasion near its top, is short, and credits nobody. A listing (a section,
    tag or month page) is a run of teasers, each a headline followed by a one-sentence
    summary or excerpt, with a listing's marks ("Read more", "Older posts", pages "1 2 3",
    a month heading, excerpts cut with "…" or "[…]")."""
    text = " ".join(units)
    if len(text.split()) <= NOTICE_MAX_WORDS and not _REPORTING.search(text):
        for unit in units[:3]:
            if match := _NOTICE.search(unit):
                return "notice", f"it addresses the site's readers (“{match[0]}”)"
    teasers, excerpts, markers, index = 0, 0, 0, 0
    while index < len(units) - 1:
        unit, following = units[index], units[index + 1]
        if _LISTING_MARKER.match(unit) or is_date_line(unit):
            markers += 1
            index += 1
            continue
        cut = following.endswith(_EXCERPT_END)
        if (
            len(following.split()) <= TEASER_SUMMARY_MAX_WORDS
            and not ends_sentence(unit)
            and len(unit.split()) <= 25
            and read_also_headline(unit) is None
            and (one_sentence(following) or cut)
            and not _LISTING_MARKER.match(following)
        ):
            teasers += 1
            excerpts += cut
            index += 2
            continue
        index += 1
    if teasers >= LISTING_MIN_TEASERS and (markers or excerpts):
        return "listing", f"{teasers} headlines, each with a summary, and no report of its own"
    return "article", ""
