"""The one place that cleans what arrives from outside before it is stored; the only module
that uses bleach.

An article body is a structured document (articles/body.py). Every text node in it
passes through `clean_text` and every link through `clean_href` (bleach's protocol
check); HTML (text pasted without the editor, bodies stored before they were
documents) through `clean_html` (bleach), whose work is bounded before bleach sees
it, so that hostile nesting costs milliseconds, not minutes.
"""

import re
from html import unescape
from html.parser import HTMLParser

import bleach
from django.utils.html import escape

BLOCK_TAGS = {"p", "ul", "ol", "li", "blockquote", "h2"}
INLINE_TAGS = {"em", "strong", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": ["href"], **{tag: ["data-id", "data-target"] for tag in BLOCK_TAGS}}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}

# Beyond these, HTML is refused before cleaning: no article needs them, and bleach's work
# grows much faster than the input on deep nesting.
MAX_DEPTH = 40
MAX_ELEMENTS = 20_000
MAX_HTML_CHARACTERS = 2_000_000

# Control characters other than tab and line breaks, NUL, and the invisible marks that come
# along with pasted text (zero-width space, byte-order mark, word joiner): never text for
# readers. The zero-width joiner and non-joiner stay: Arabic and Persian spelling needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\u2060]")
# Elements whose content is never text for readers: dropped whole, before cleaning.
_INVISIBLE = re.compile(
    r"<(script|style|head|title|xml|template|object|iframe)\b.*?</\1\s*>", re.I | re.S
)
# Web pages use <div> for paragraphs, Word <b>/<i>; any heading is a subheading here.
_RENAMES = [
    (re.compile(r"<(/?)div\b[^>]*>", re.I), r"<\1p>"),
    (re.compile(r"<(/?)b\b([^>]*)>", re.I), r"<\1strong\2>"),
    (re.compile(r"<(/?)i\b([^>]*)>", re.I), r"<\1em\2>"),
    (re.compile(r"<(/?)h[1-6]\b([^>]*)>", re.I), r"<\1h2\2>"),
]


class UnsafeMarkup(ValueError):
    """HTML beyond what the desk will clean; the message says why."""


def clean_text(text):
    """A text node as it may be stored: without NUL and other control characters. Text stays
    text: "<3" or "<item>" in a sentence is kept as typed, never parsed as markup, and is
    escaped wherever it is written out (articles/body.py), so there is nothing to strip."""
    return _CONTROL.sub("", text)


def clean_href(href):
    """The link address if bleach allows it (http, https, mailto), else None."""
    href = _CONTROL.sub("", href).strip()
    if not href:
        return None
    cleaned = bleach.clean(
        f'<a href="{escape(href)}">.</a>',
        tags={"a"},
        attributes={"a": ["href"]},
        protocols=ALLOWED_PROTOCOLS,
    )
    match = re.match(r'<a href="([^"]*)">', cleaned)
    if not match or ":" not in match[1].split("/", 1)[0]:
        return None  # stripped, or relative: a link in a story goes somewhere absolute
    return unescape(match[1])


def clean_html(fragment):
    """HTML reduced to the body's tags (p, h2, ul, ol, li, blockquote, strong, em, a with
    a checked href, br), or UnsafeMarkup when it is too large or too deeply nested."""
    if len(fragment) > MAX_HTML_CHARACTERS:
        raise UnsafeMarkup("The body is too long to save: split the story.")
    fragment = _CONTROL.sub("", fragment)
    _check_bounds(fragment)
    fragment = _INVISIBLE.sub("", fragment)
    for pattern, replacement in _RENAMES:
        fragment = pattern.sub(replacement, fragment)
    return bleach.clean(
        fragment,
        tags=BLOCK_TAGS | INLINE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


def _check_bounds(fragment):
    counter = _Counter()
    counter.feed(fragment)
    counter.close()


class _Counter(HTMLParser):
    """Counts elements and nesting in one linear pass, refusing past the bounds."""

    # Void elements, and those HTML closes by itself when the next one opens, add no depth.
    FLAT = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "source", "p",
            "li", "dt", "dd", "tr", "td", "th", "option"}  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth = self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise UnsafeMarkup(f"The body has more than {MAX_ELEMENTS:,} HTML elements.")
        if tag not in self.FLAT:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise UnsafeMarkup(
                    f"The body's HTML is nested more than {MAX_DEPTH} deep; paste it as plain text."
                )

    def handle_endtag(self, tag):
        if tag not in self.FLAT:
            self.depth = max(0, self.depth - 1)
