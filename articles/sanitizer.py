"""The one place that turns text or HTML into stored body blocks, and back; the only
module that uses bleach.

An article body is a list of blocks, each one cleaned HTML element: a paragraph,
a list, a block quote or a subheading, holding only emphasis, links and line
breaks. Everything that becomes a block passes through here on the way in, so
templates may mark stored blocks safe.
"""

import re
from html.parser import HTMLParser

import bleach
from django.utils.html import escape

BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "h2", "h3"}
INLINE_TAGS = {"em", "strong", "a", "br", "li"}
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
VOID_TAGS = {"br"}

# Elements whose content is never text for readers: dropped whole, before cleaning.
_INVISIBLE = re.compile(
    r"<(script|style|head|title|xml|template|object|iframe)\b.*?</\1\s*>", re.I | re.S
)
# Browsers' editable regions and web pages use <div> for paragraphs; Word uses <b>/<i>.
_RENAMES = [
    (re.compile(r"<(/?)div\b[^>]*>", re.I), r"<\1p>"),
    (re.compile(r"<(/?)b\b[^>]*>", re.I), r"<\1strong>"),
    (re.compile(r"<(/?)i\b[^>]*>", re.I), r"<\1em>"),
    (re.compile(r"<(/?)h[1-6]\b[^>]*>", re.I), r"<\1h3>"),
]


def text_to_block(text):
    """A paragraph of plain text as a block. Anything that looks like markup stays text."""
    return f"<p>{escape(text)}</p>"


def block_text(block):
    """The plain text of a stored block. Stored blocks are already clean, so reading their text
    needs no sanitizer: Python's HTML parser is a tenth of bleach's cost, which counts where
    every revision's search text is built (the importer, every save)."""
    reader = _TextReader()
    reader.feed(block)
    reader.close()
    return "".join(reader.text).strip()


class _TextReader(HTMLParser):
    """The text of a block, a line for each list item or paragraph within it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS or tag == "li":
            self.text.append("\n")

    def handle_data(self, data):
        self.text.append(data)


def clean_body(fragment):
    """Clean HTML from the editor (typed, or pasted from Word or a web page) into blocks."""
    fragment = _INVISIBLE.sub("", fragment)
    for pattern, replacement in _RENAMES:
        fragment = pattern.sub(replacement, fragment)
    cleaned = bleach.clean(
        fragment,
        tags=BLOCK_TAGS | INLINE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    splitter = _BlockSplitter()
    splitter.feed(cleaned)
    splitter.close()
    return splitter.finish()


class _BlockSplitter(HTMLParser):
    """Re-serialises cleaned HTML as top-level blocks; loose inline content becomes a <p>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.open_tags = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS and (not self.open_tags or self.open_tags[0] == "p"):
            self._end_block()  # a paragraph cannot hold another block: it ends here
        elif not self.open_tags:
            self._start_implicit_paragraph()
        attributes = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs)
        self.current.append(f"<{tag}{attributes}>")
        if tag not in VOID_TAGS:
            self.open_tags.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or tag not in self.open_tags:
            return
        while self.open_tags:
            open_tag = self.open_tags.pop()
            self.current.append(f"</{open_tag}>")
            if open_tag == tag:
                break
        if not self.open_tags and tag in BLOCK_TAGS:
            self._end_block()

    def handle_data(self, data):
        if not self.open_tags:
            if not data.strip():
                return
            self._start_implicit_paragraph()
        self.current.append(escape(data))

    def _start_implicit_paragraph(self):
        self.current.append("<p>")
        self.open_tags.append("p")

    def _end_block(self):
        while self.open_tags:
            self.current.append(f"</{self.open_tags.pop()}>")
        block = "".join(self.current).strip()
        self.current = []
        if block and block_text(block):
            self.blocks.append(block)

    def finish(self):
        self._end_block()
        return self.blocks
