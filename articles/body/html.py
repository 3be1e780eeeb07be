"""A body as HTML, and HTML as a body: what readers get (every text escaped, every link
checked on the way in), the plain textarea a browser without JavaScript edits, HTML read
into blocks (that textarea, bodies stored before they were documents), and what an edit
form posts (`from_form`) or can still be saved of it when refused (`salvage`)."""

import json
import re
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import sanitizer
from ..language import lang_marked
from ..parameters import bounded_int
from .reading import block_text
from .schema import (
    _ID,
    LISTS,
    MAX_BLOCKS,
    TEXT_BLOCKS,
    BodyError,
    _nested_paragraph,
    _text,
    new_block_id,
    paragraph,
    parse_json,
    plain_text,
    read_also,
    read_also_headline,
    validate,
)


def from_form(data):
    """The body an edit form posted: the editor's document (`body`, JSON), or the HTML of the
    plain textarea a browser without JavaScript shows instead (`body_html`)."""
    if "body" in data:
        return parse_json(data.get("body") or "[]")
    return blocks_from_html(data.get("body_html", ""))


def salvage(data):
    """What can be kept of a body the schema refused, for the editor to go on with instead of
    losing it: each block that passes alone, and the text of each one that does not, as a
    paragraph. None when nothing can be read (damaged, or beyond every bound)."""
    if "body" not in data:
        try:
            return blocks_from_html(data.get("body_html", ""), read_also_lines=False)
        except BodyError:
            return None
    raw = data.get("body") or ""  # bounded by the request's size limit, not by ours
    try:
        blocks = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(blocks, list):
        return None
    kept, seen = [], set()
    for block in blocks[: MAX_BLOCKS * 4]:
        try:
            kept += validate([block], read_also_lines=False)
        except BodyError:
            try:
                text = " ".join(sanitizer.clean_text(" ".join(_strings(block))).split())
            except RecursionError:
                continue
            if text:
                kept.append(paragraph(text))
    for block in kept:
        if block["attrs"]["id"] in seen:
            block["attrs"]["id"] = new_block_id()
        seen.add(block["attrs"]["id"])
    return kept


def _strings(node):
    """Every text string in a node of any shape, in order."""
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield node["text"]
        yield from _strings(node.get("content"))
    elif isinstance(node, list):
        for child in node:
            yield from _strings(child)


# --- As HTML ---------------------------------------------------------------------------------


def block_html(block):
    """A text block as HTML for readers: every text escaped, every link already checked."""
    kind = block["type"]
    if kind in TEXT_BLOCKS:
        tag = TEXT_BLOCKS[kind]
        return mark_safe(f"<{tag}>{inline_html(block.get('content', []))}</{tag}>")
    if kind in LISTS:
        items = "".join(f"<li>{inline_html(item['content'][0].get('content', []))}</li>"
                        for item in block["content"])  # fmt: skip
        return mark_safe(f"<{LISTS[kind]}>{items}</{LISTS[kind]}>")
    if kind == "blockquote":
        inner = "".join(f"<p>{inline_html(p.get('content', []))}</p>" for p in block["content"])
        return mark_safe(f"<blockquote>{inner}</blockquote>")
    raise ValueError(f"{kind} is not a text block")


def readers_html(blocks):
    """The body as readers get it, stored with each revision: its text blocks as HTML, run by
    run, with each Read Also block in its place by id ({"html": ...} and {"read_also": id}).
    A link is drawn on each read, since its target's headline and status change."""
    parts, run = [], []
    for block in blocks:
        if block["type"] != "read_also":
            run.append(block_html(block))
            continue
        if run:
            parts.append({"html": "".join(run)})
            run = []
        parts.append({"read_also": block["attrs"]["id"]})
    if run:
        parts.append({"html": "".join(run)})
    return parts


def inline_html(inline):
    parts = []
    for node in inline:
        if node["type"] == "hard_break":
            parts.append("<br>")
            continue
        html = lang_marked(node["text"])
        for mark in reversed(node.get("marks", [])):
            if mark["type"] == "link":
                html = f'<a href="{escape(mark["attrs"]["href"])}">{html}</a>'
            else:
                html = f"<{mark['type']}>{html}</{mark['type']}>"
        parts.append(html)
    return "".join(parts)


def fallback_html(blocks):
    """The body as the plain HTML a browser without JavaScript edits in a textarea: a Read
    Also link as a paragraph that reads "Read Also: headline". Each block carries its id (and
    a Read Also its target), so that what the editor leaves alone keeps them."""
    lines = []
    for block in blocks:
        attrs = block["attrs"]
        if block["type"] == "read_also":
            target = f' data-target="{attrs["target"]}"' if attrs["target"] else ""
            html = f"<p{target}>{escape(block_text(block))}</p>"
        else:
            html = block_html(block)
        lines.append(html.replace(">", f' data-id="{escape(attrs["id"])}">', 1))
    return "\n".join(lines)


def blocks_from_html(fragment, *, read_also_lines=True):
    """Blocks from HTML: the no-JavaScript form's textarea, or bodies stored as HTML before
    they were documents. The sanitizer cleans it first; a paragraph that reads "Read Also:
    headline" is a Read Also block (unless not `read_also_lines`: bodies stored before kept
    their links beside the text). Validated as any body is."""
    try:
        cleaned = sanitizer.clean_html(fragment)
    except sanitizer.UnsafeMarkup as refused:
        raise BodyError(str(refused)) from None
    reader = _HTMLBlocks(read_also_lines=read_also_lines)
    reader.feed(cleaned)
    reader.close()
    return validate(reader.finish(), read_also_lines=read_also_lines)


class _HTMLBlocks(HTMLParser):
    """Cleaned HTML (sanitizer.clean_html: p, h2, ul, ol, li, blockquote, strong, em, a, br)
    read into blocks. Structure the schema lacks is flattened: a list inside a list joins
    it, a heading inside a quote is a paragraph of it."""

    def __init__(self, *, read_also_lines):
        super().__init__(convert_charrefs=True)
        self.read_also_lines = read_also_lines
        self.blocks = []
        self.block = None  # the top-level block being read
        self.inline = None  # the inline nodes being collected
        self.marks = []  # open marks, outermost first
        self.attrs = {}
        self.containers = 0  # lists and quotes open, the top-level one included

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"strong", "em"}:
            self.marks.append({"type": tag})
        elif tag == "a":  # a link the body does not allow (relative, say) is only text
            href = sanitizer.clean_href(attrs.get("href") or "")
            self.marks.append({"type": "link", "attrs": {"href": href}} if href else {})
        elif tag == "br":
            self._text_node({"type": "hard_break"})
        elif tag in {"ul", "ol", "blockquote"}:
            self.containers += 1
            if self.containers == 1:  # inside a list or quote, one joins the other
                kind = {"ul": "bullet_list", "ol": "ordered_list"}.get(tag, "blockquote")
                self._start({"type": kind, "attrs": {"id": attrs.get("data-id")}, "content": []})
        elif tag in {"p", "h2", "li"}:
            self._end_inline()
            if self.block is None:
                kind = "subheading" if tag == "h2" else "paragraph"
                self._start({"type": kind, "attrs": {"id": attrs.get("data-id")}, "content": []})
                self.attrs = attrs
                self.inline = self.block["content"]

    def handle_endtag(self, tag):
        if tag in {"strong", "em", "a"}:
            kind = "link" if tag == "a" else tag
            for index in range(len(self.marks) - 1, -1, -1):
                if self.marks[index].get("type", "link") == kind:
                    del self.marks[index]
                    break
        elif tag in {"p", "h2", "li"}:
            self._end_inline()
            if self.block is not None and self.block["type"] in TEXT_BLOCKS:
                self._end()
        elif tag in {"ul", "ol", "blockquote"} and self.containers:
            self.containers -= 1
            if self.containers == 0:
                self._end()

    def handle_data(self, data):
        if not data.strip() and self.inline is None:
            return
        data = re.sub(r"[ \t\n\r\f]+", " ", data)  # white space in HTML source is one space
        self._text_node(_text(data, [dict(mark) for mark in self.marks if mark]))

    def _text_node(self, node):
        if self.inline is None:
            if self.block is None:
                self._start({"type": "paragraph", "attrs": {"id": None}, "content": []})
                self.inline = self.block["content"]
            else:
                self.inline = []
        self.inline.append(node)

    def _end_inline(self):
        """The inline nodes collected inside a list or quote become an item or paragraph."""
        if self.inline is None or self.block is None or self.block["type"] in TEXT_BLOCKS:
            return
        paragraph = _nested_paragraph(self.inline)
        if self.block["type"] in LISTS:
            self.block["content"].append({"type": "list_item", "content": [paragraph]})
        else:
            self.block["content"].append(paragraph)
        self.inline = None

    def _start(self, block):
        self._end()
        if not _ID.match(block["attrs"]["id"] or ""):
            block["attrs"]["id"] = None  # a new block, or an id mangled by hand: a new one
        self.block = block

    def _end(self):
        self._end_inline()
        block, self.block, self.inline = self.block, None, None
        if block is None:
            return
        if (
            self.read_also_lines
            and block["type"] == "paragraph"
            and (headline := read_also_headline(plain_text(block["content"])))
        ):
            target = self.attrs.get("data-target") or ""
            block = read_also(
                headline,
                target=bounded_int(target),
                block_id=block["attrs"]["id"],
            )
        self.attrs = {}
        self.blocks.append(block)

    def finish(self):
        self._end()
        return self.blocks
