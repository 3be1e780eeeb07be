"""Reading a body: its text, its paragraphs, where its Read Also links sit, and placing links
among text blocks. Pure: no database."""

from .schema import LISTS, TEXT_BLOCKS, plain_text

# --- Reading a body ----------------------------------------------------------------------------


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
