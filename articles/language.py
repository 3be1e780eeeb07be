"""Arabic on English pages, marked as Arabic: every run of Arabic script a reader is shown
(a title, a keyword, an outlet's name, a search term, words quoted from a source) is wrapped
in `<span lang="ar" dir="rtl">`, so that screen readers speak it as Arabic and browsers lay
it out right to left (WCAG 3.1.2, language of parts). The one place that does it, for the
templates (the `lang_marked` filter), the body's HTML (body.html) and the feeds (feeds.py:
HTML in them is marked the same way; a plain-text element that is all Arabic carries
xml:lang="ar", by `in_arabic`)."""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A run: from an Arabic letter to the last Arabic letter before Latin text or a line's end,
# with the spaces, digits and punctuation between (a quoted phrase, "درعا، 2024").
_RUN = re.compile(rf"[{_ARABIC}](?:[^A-Za-z\n]*[{_ARABIC}])?")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def in_arabic(text):
    """Whether `text` is Arabic as a whole: it has Arabic script and no Latin letters."""
    return bool(text) and _RUN.search(text) is not None and _LATIN.search(text) is None


def lang_marked(text):
    """`text` escaped, each run of Arabic script in it marked as Arabic, right to left."""
    text = "" if text is None else str(text)
    parts, at = [], 0
    for run in _RUN.finditer(text):
        parts.append(conditional_escape(text[at : run.start()]))
        parts.append(f'<span lang="ar" dir="rtl">{conditional_escape(run[0])}</span>')
        at = run.end()
    parts.append(conditional_escape(text[at:]))
    return mark_safe("".join(parts))
