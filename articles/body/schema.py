"""The body's schema, and the validation of what arrives against it.

The schema is stated once, here (SCHEMA), and the editor in the browser builds the same
one (static/js/body/schema.js; a browser test holds the two together). `validate` and
`parse_json` turn what an editor sends into blocks the schema allows, through the
sanitizer, or refuse it with a message naming the problem. Pure: no database.
"""

import json
import re
import secrets

from .. import sanitizer

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


def plain_text(inline):
    """The text of inline nodes; a hard break is a line break."""
    return "".join(node.get("text", "\n") for node in inline)
