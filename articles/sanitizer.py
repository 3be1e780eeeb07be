"""The one place that cleans what arrives from outside before it is stored; the only module
that uses bleach.

An article body is a structured document (articles/body/). Every text node in it
passes through `clean_text` and every link through `clean_href` (bleach's protocol
check); HTML (text pasted without the editor, bodies stored before they were
documents) through `clean_html` (bleach), whose work is bounded before bleach sees
it, so that hostile nesting costs milliseconds, not minutes.
"""

import functools
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

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
MAX_ENTITIES = 10_000

# Control characters other than tab and line breaks, NUL, and the invisible marks that come
# along with pasted text (zero-width space, byte-order mark, word joiner): never text for
# readers. The zero-width joiner and non-joiner stay: Arabic and Persian spelling needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\u2060]")
# Elements whose content is never text for readers: dropped whole, before cleaning.
INVISIBLE_TAGS = {"script", "style", "head", "title", "xml", "template", "object", "iframe",
                  "noscript", "svg", "math", "select", "textarea", "button"}  # fmt: skip
# Web pages use <div> for paragraphs, Word <b>/<i>; any heading is a subheading here.
RENAMES = {"div": "p", "b": "strong", "i": "em", **{f"h{n}": "h2" for n in range(1, 7)}}
# Void elements, and those HTML closes by itself when the next one opens, add no depth.
FLAT_TAGS = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "source", "p",
             "li", "dt", "dd", "tr", "td", "th", "option"}  # fmt: skip


class UnsafeMarkup(ValueError):
    """HTML beyond what the desk will clean; the message says why."""


def clean_text(text):
    """A text node as it may be stored: without NUL and other control characters. Text stays
    text: "<3" or "<item>" in a sentence is kept as typed, never parsed as markup, and is
    escaped wherever it is written out (articles/body/), so there is nothing to strip."""
    return _CONTROL.sub("", text)


@functools.lru_cache(maxsize=4096)
def clean_href(href):
    """The link address if it is absolute, http(s) with a host or mailto, and bleach keeps
    it; else None."""
    href = _CONTROL.sub("", href).strip().replace(" ", "%20")
    scheme, netloc = _scheme_and_host(href)
    if scheme not in ALLOWED_PROTOCOLS or (scheme != "mailto" and not netloc):
        return None  # relative, another protocol, or "https:" with nowhere to go
    cleaned = bleach.clean(
        f'<a href="{escape(href)}">.</a>',
        tags={"a"},
        attributes={"a": ["href"]},
        protocols=ALLOWED_PROTOCOLS,
    )
    match = re.match(r'<a href="([^"]*)">', cleaned)
    return unescape(match[1]) if match else None


def _scheme_and_host(href):
    try:
        parts = urlsplit(href)
    except ValueError:
        return "", ""
    return parts.scheme.lower(), parts.netloc


def clean_html(fragment):
    """HTML reduced to the body's tags (p, h2, ul, ol, li, blockquote, strong, em, a with
    a checked href, br), or UnsafeMarkup when it is too large or too deeply nested.

    One linear pass first (_Prefilter) counts and bounds the elements, drops invisible
    elements with their content, comments and declarations, renames what stands for a
    body tag and keeps only the attributes the body uses; bleach then cleans the rest."""
    if len(fragment) > MAX_HTML_CHARACTERS:
        raise UnsafeMarkup("The body is too long to save: split the story.")
    prefilter = _Prefilter()
    prefilter.feed(_complete_tags_only(_CONTROL.sub("", fragment)))
    prefilter.close()
    html = "".join(prefilter.out)
    if html.count("&") > MAX_ENTITIES:  # bleach's time grows faster than their number
        raise UnsafeMarkup(
            f"The body has more than {MAX_ENTITIES:,} characters written as markup (&, <, >); "
            "paste it as plain text."
        )
    return bleach.clean(
        html,
        tags=BLOCK_TAGS | INLINE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


# A whole tag, a "<" that starts none (no ">" before the next "<"), or text.
_TOKENS = re.compile(r"<[^<>]*>|<|[^<]+")


def _complete_tags_only(fragment):
    """`fragment` with every "<" that opens no complete tag written as text. Python's HTML
    parser goes back over the rest of the input at each unfinished tag, which costs time in
    the square of its length; after this it never meets one."""
    return "".join("&lt;" if token == "<" else token for token in _TOKENS.findall(fragment))


class _Prefilter(HTMLParser):
    """Rewrites HTML in one pass, refusing it past the bounds (see clean_html)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.depth, self.elements, self.hidden = [], 0, 0, 0

    def handle_starttag(self, tag, attrs):
        self._count(tag)
        if tag in INVISIBLE_TAGS:
            self.hidden += 1
        if self.hidden:
            return
        tag = RENAMES.get(tag, tag)
        if tag in BLOCK_TAGS or tag in INLINE_TAGS:
            kept = "".join(
                f' {name}="{escape(value or "")}"'
                for name, value in attrs
                if name in ALLOWED_ATTRIBUTES.get(tag, ())
            )
            self.out.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in INVISIBLE_TAGS:
            self.hidden -= 1
        elif tag not in FLAT_TAGS:
            self.depth -= 1

    def handle_endtag(self, tag):
        if tag not in FLAT_TAGS:
            self.depth = max(0, self.depth - 1)
        if tag in INVISIBLE_TAGS:
            self.hidden = max(0, self.hidden - 1)
            return
        tag = RENAMES.get(tag, tag)
        if not self.hidden and tag in BLOCK_TAGS | INLINE_TAGS and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(escape(data))

    def _count(self, tag):
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise UnsafeMarkup(f"The body has more than {MAX_ELEMENTS:,} HTML elements.")
        if tag not in FLAT_TAGS:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise UnsafeMarkup(
                    f"The body's HTML is nested more than {MAX_DEPTH} deep; paste it as plain text."
                )
