"""The article body as a structured document: its schema, validation, and what is read off it.

A body is a list of blocks in ProseMirror's JSON form (docs/body.md): paragraphs,
subheadings, lists, quotes and Read Also links, each top-level block with an id
that survives edits and moves. The editor in the browser builds the same schema
(static/js/body/schema.js; a browser test holds the two together). Pure functions:
no database here. Text and links are cleaned by the sanitizer on the way in.
"""

import json
import re
import secrets
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import sanitizer

# The schema, as the editor states it too: node -> content expression, group, attributes.
SCHEMA = {
    "nodes": {
        "doc": {"content": "block+", "group": "", "inline": False, "atom": False, "attrs": []},
        "paragraph": {"content": "inline*", "group": "block", "attrs": ["id"]},
        "subheading": {"content": "inline*", "group": "block", "attrs": ["id"]},
        "bullet_list": {"content": "list_item+", "group": "block", "attrs": ["id"]},
        "ordered_list": {"content": "list_item+", "group": "block", "attrs": ["id"]},
        "list_item": {"content": "paragraph", "group": "", "attrs": []},
        "blockquote": {"content": "paragraph+", "group": "block", "attrs": ["id"]},
        "read_also": {
            "content": "",
            "group": "block",
            "atom": True,
            "attrs": ["headline", "id", "target"],
        },
        "text": {"content": "", "group": "inline", "inline": True, "attrs": []},
        "hard_break": {"content": "", "group": "inline", "inline": True, "attrs": []},
    },
    "marks": {"em": {"attrs": []}, "strong": {"attrs": []}, "link": {"attrs": ["href"]}},
}
for _spec in SCHEMA["nodes"].values():
    _spec.setdefault("inline", False)
    _spec.setdefault("atom", False)

TEXT_BLOCKS = {"paragraph": "p", "subheading": "h2"}
LISTS = {"bullet_list": "ul", "ordered_list": "ol"}
BLOCK_TYPES = {*TEXT_BLOCKS, *LISTS, "blockquote", "read_also"}
MARKS = ("strong", "em", "link")  # the order marks nest in, outermost first
BLOCK_NAMES = {
    "paragraph": "paragraph",
    "subheading": "subheading",
    "bullet_list": "bulleted list",
    "ordered_list": "numbered list",
    "blockquote": "quote",
    "read_also": "Read Also link",
}

# Bounds on the work one save can ask for: a body of this many blocks or characters is far
# beyond any news story, and is refused before any cleaning is done.
MAX_JSON_CHARACTERS = 2_000_000
MAX_BLOCKS = 2_000
MAX_INLINE_NODES = 50_000
MAX_HEADLINE = 500  # as ReadAlsoLink.target_headline holds

_LINE_BREAKS = re.compile(r"[\t\n\r]")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
READ_ALSO_LINE = re.compile(
    r"^(?:read\s+also|see\s+also|اقرأ\s+أيضاً?|اقرأ\s+أيضا)\s*[:：\-–—]\s*(?P<headline>.+)$",
    re.IGNORECASE,
)


class BodyError(ValueError):
    """A body the schema does not allow; the message says what, for the editor."""


def new_block_id():
    return secrets.token_hex(4)


def read_also_headline(line):
    """The headline a "Read Also: …" line names, or None for any other line."""
    match = READ_ALSO_LINE.match(line.strip())
    return match["headline"].strip() if match else None


# --- Building blocks ---------------------------------------------------------------------------


def paragraph(text, *, block_id=None):
    """A paragraph of plain text (the importer's, a translation's), cleaned as the editor's."""
    text = _LINE_BREAKS.sub(" ", sanitizer.clean_text(text))
    return _text_block("paragraph", [_text(text)] if text else [], block_id)


def read_also(headline, *, target=None, block_id=None):
    headline = " ".join(sanitizer.clean_text(headline).split())
    return {
        "type": "read_also",
        "attrs": {"id": block_id or new_block_id(), "target": target, "headline": headline},
    }


def _text_block(kind, content, block_id=None):
    block = {"type": kind, "attrs": {"id": block_id or new_block_id()}}
    if content:
        block["content"] = content
    return block


def _text(text, marks=()):
    node = {"type": "text", "text": text}
    if marks:
        node["marks"] = [dict(mark) for mark in marks]
    return node


# --- Validation: what arrives from the editor --------------------------------------------------


def from_form(data):
    """The body an edit form posted: the editor's document (`body`, JSON), or the HTML of the
    plain textarea a browser without JavaScript shows instead (`body_html`)."""
    if "body" in data:
        return parse_json(data.get("body") or "[]")
    return blocks_from_html(data.get("body_html", ""))


def parse_json(raw):
    """The blocks of a body posted as JSON, validated and cleaned (see `validate`)."""
    if len(raw) > MAX_JSON_CHARACTERS:
        raise BodyError("The body is too long to save: split the story.")
    try:
        blocks = json.loads(raw)
    except RecursionError:
        raise BodyError("The body is nested too deeply to be an article.") from None
    except ValueError:
        raise BodyError("The body arrived damaged (not a document); reload the page.") from None
    return validate(blocks)


def validate(blocks, *, read_also_lines=True):
    """The body `blocks` as the schema allows them, or BodyError naming what is wrong.

    Every text node and link goes through the sanitizer. Blocks keep their ids;
    a block without one, or with one an earlier block has, gets a new one. Empty
    paragraphs, subheadings and list items are dropped (an editor's stray Enter),
    adjacent text with the same marks is joined. A paragraph that reads "Read Also:
    headline" (typed, or pasted from a page) is a Read Also block, as on a source page,
    unless not `read_also_lines`."""
    if not isinstance(blocks, list):
        raise BodyError("The body arrived damaged (not a list of blocks); reload the page.")
    if len(blocks) > MAX_BLOCKS:
        raise BodyError(f"The body has more than {MAX_BLOCKS} blocks: split the story.")
    budget = [MAX_INLINE_NODES]
    cleaned, seen = [], set()
    for number, block in enumerate(blocks, start=1):
        kind = _node_type(block, f"Block {number}")
        if kind not in BLOCK_TYPES:
            raise BodyError(f"Block {number} is of an unknown type “{kind[:40]}”.")
        block = _VALIDATORS[kind](block, f"Block {number} ({BLOCK_NAMES[kind]})", budget)
        if block is None:
            continue
        if read_also_lines and block["type"] == "paragraph":
            block = _as_read_also(block)
        block_id = block["attrs"]["id"]
        if block_id is None or block_id in seen:
            block["attrs"]["id"] = block_id = new_block_id()
        seen.add(block_id)
        cleaned.append(block)
    return cleaned


def _as_read_also(block):
    headline = read_also_headline(plain_text(block.get("content", [])))
    if headline is None or len(headline) > MAX_HEADLINE:
        return block
    return read_also(headline, block_id=block["attrs"]["id"])


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


def _node_type(node, where):
    if not isinstance(node, dict) or not isinstance(node.get("type"), str):
        raise BodyError(f"{where} is not a block of the document.")
    return node["type"]


def _block_id(node, where):
    attrs = node.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise BodyError(f"{where} has damaged attributes.")
    block_id = attrs.get("id")
    if block_id is None or block_id == "":
        return None
    if not isinstance(block_id, str) or not _ID.match(block_id):
        raise BodyError(f"{where} has an id the desk cannot use.")
    return block_id


def _children(node, where):
    content = node.get("content", [])
    if not isinstance(content, list):
        raise BodyError(f"{where} has damaged content.")
    return content


def _validate_text_block(node, where, budget):
    inline = _inline(_children(node, where), where, budget)
    if not plain_text(inline).strip():
        return None
    return _text_block(node["type"], inline, _block_id(node, where))


def _validate_list(node, where, budget):
    items = []
    for item in _children(node, where):
        if _node_type(item, where) != "list_item":
            raise BodyError(f"{where} may hold only list items, not “{item['type'][:40]}”.")
        paragraphs = _children(item, where)
        if len(paragraphs) != 1 or _node_type(paragraphs[0], where) != "paragraph":
            raise BodyError(
                f"{where}: a list item holds one paragraph; lists inside lists are not allowed."
            )
        inline = _inline(_children(paragraphs[0], where), where, budget)
        if plain_text(inline).strip():
            items.append({"type": "list_item", "content": [_nested_paragraph(inline)]})
    if not items:
        return None
    return {"type": node["type"], "attrs": {"id": _block_id(node, where)}, "content": items}


def _validate_blockquote(node, where, budget):
    paragraphs = []
    for child in _children(node, where):
        if _node_type(child, where) != "paragraph":
            raise BodyError(f"{where} may hold only paragraphs, not “{child['type'][:40]}”.")
        inline = _inline(_children(child, where), where, budget)
        if plain_text(inline).strip():
            paragraphs.append(_nested_paragraph(inline))
    if not paragraphs:
        return None
    return {"type": "blockquote", "attrs": {"id": _block_id(node, where)}, "content": paragraphs}


def _nested_paragraph(inline):
    return {"type": "paragraph", "attrs": {"id": None}, "content": inline}


def _validate_read_also(node, where, budget):
    attrs = node.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise BodyError(f"{where} has damaged attributes.")
    if node.get("content"):
        raise BodyError(f"{where} cannot hold text of its own.")
    target = attrs.get("target")
    if target is not None and (
        isinstance(target, bool) or not isinstance(target, int) or not 0 < target < 2**63
    ):
        raise BodyError(f"{where} points at something that is not an article.")
    headline = attrs.get("headline") or ""
    if not isinstance(headline, str):
        raise BodyError(f"{where} has a headline that is not text.")
    headline = " ".join(sanitizer.clean_text(headline).split())
    if len(headline) > MAX_HEADLINE:
        raise BodyError(f"{where}: the headline is longer than {MAX_HEADLINE} characters.")
    if target is None and not headline:
        raise BodyError(f"{where} names no article: choose one, or give its headline.")
    return read_also(headline, target=target, block_id=_block_id(node, where) or new_block_id())


_VALIDATORS = {
    "paragraph": _validate_text_block,
    "subheading": _validate_text_block,
    "bullet_list": _validate_list,
    "ordered_list": _validate_list,
    "blockquote": _validate_blockquote,
    "read_also": _validate_read_also,
}


def _inline(nodes, where, budget):
    """Inline nodes cleaned: text through the sanitizer, marks checked, neighbours joined.
    Nodes and their marks count against `budget`, so that no body asks for unbounded work."""
    budget[0] -= len(nodes) + sum(len(n.get("marks") or ()) for n in nodes if isinstance(n, dict))
    if budget[0] < 0:
        raise BodyError("The body has too many pieces of formatting to be an article.")
    cleaned = []
    for node in nodes:
        kind = _node_type(node, where)
        if kind == "hard_break":
            cleaned.append({"type": "hard_break"})
            continue
        if kind != "text":
            raise BodyError(f"{where} cannot hold a “{kind[:40]}” inside its text.")
        text = node.get("text")
        if not isinstance(text, str):
            raise BodyError(f"{where} has text that is not text.")
        text = _LINE_BREAKS.sub(" ", sanitizer.clean_text(text))  # a line break is a hard_break
        if not text:
            continue
        marks = _marks(node.get("marks", []), where)
        previous = cleaned[-1] if cleaned else None
        if previous and previous["type"] == "text" and previous.get("marks", []) == marks:
            previous["text"] += text
        else:
            cleaned.append(_text(text, marks))
    while cleaned and cleaned[-1]["type"] == "hard_break":
        cleaned.pop()
    return cleaned


def _marks(marks, where):
    if not isinstance(marks, list):
        raise BodyError(f"{where} has damaged formatting.")
    found = {}
    for mark in marks:
        kind = _node_type(mark, where)
        if kind not in SCHEMA["marks"]:
            raise BodyError(f"{where} has formatting the desk does not allow: “{kind[:40]}”.")
        if kind == "link":
            attrs = mark.get("attrs") or {}
            href = attrs.get("href") if isinstance(attrs, dict) else None
            cleaned = sanitizer.clean_href(href) if isinstance(href, str) else None
            if cleaned is None:
                shown = href[:60] if isinstance(href, str) else "?"
                raise BodyError(
                    f"{where} links to “{shown}”: a link must start with http://, https:// or "
                    "mailto:."
                )
            found[kind] = {"type": "link", "attrs": {"href": cleaned}}
        else:
            found[kind] = {"type": kind}
    return [found[kind] for kind in MARKS if kind in found]


# --- Reading a body ----------------------------------------------------------------------------


def plain_text(inline):
    """The text of inline nodes; a hard break is a line break."""
    return "".join(node.get("text", "\n") for node in inline)


def block_text(block):
    """A block's plain text: list items and quoted paragraphs a line each; a Read Also link
    as readers read it ("Read Also: headline")."""
    kind = block["type"]
    if kind == "read_also":
        return f"Read Also: {block['attrs']['headline']}"
    if kind in TEXT_BLOCKS:
        return plain_text(block.get("content", [])).strip()
    return "\n".join(block_text(child) for child in paragraphs_within(block))


def paragraphs_within(block):
    if block["type"] in LISTS:
        return [item["content"][0] for item in block["content"]]
    return block["content"]


def text_blocks(blocks):
    """The blocks that are text, not Read Also links."""
    return [block for block in blocks if block["type"] != "read_also"]


def paragraph_texts(blocks):
    """The body's text as paragraphs, one per text block (Read Also links left out)."""
    return [block_text(block) for block in text_blocks(blocks)]


def read_also_places(blocks):
    """[(after_paragraph, block)] for each Read Also block: how many text blocks precede it."""
    places, paragraphs = [], 0
    for block in blocks:
        if block["type"] == "read_also":
            places.append((paragraphs, block))
        else:
            paragraphs += 1
    return places


def with_read_also_after(text, links):
    """Text blocks with Read Also blocks placed after the given number of them: `links` is
    [(after_paragraph, read_also block)], as bodies were stored before they were documents,
    and as the importer reads them off a page. A place beyond the end is the end."""
    placed = sorted(enumerate(links), key=lambda entry: (min(entry[1][0], len(text)), entry[0]))
    blocks, at = [], 0
    for _, (after, link) in placed:
        after = min(after, len(text))
        blocks += text[at:after]
        at = max(at, after)
        blocks.append(link)
    return blocks + text[at:]


def reanchored(text, old_blocks):
    """`text` blocks with the Read Also blocks of `old_blocks` placed after the block they
    followed there (by id) where `text` has it; else after as many text blocks as came
    before them there. For a body rebuilt from elsewhere (the translation's segments)."""
    number_of = {block["attrs"]["id"]: n for n, block in enumerate(text, start=1)}
    placed, after_id, count = [], None, 0
    for block in old_blocks:
        if block["type"] == "read_also":
            placed.append((number_of.get(after_id, count), block))
        else:
            after_id, count = block["attrs"]["id"], count + 1
    return with_read_also_after(text, placed)


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


def inline_html(inline):
    parts = []
    for node in inline:
        if node["type"] == "hard_break":
            parts.append("<br>")
            continue
        html = escape(node["text"])
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
                target=int(target) if target.isdigit() and len(target) < 19 else None,
                block_id=block["attrs"]["id"],
            )
        self.attrs = {}
        self.blocks.append(block)

    def finish(self):
        self._end()
        return self.blocks
