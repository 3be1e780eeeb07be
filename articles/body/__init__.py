"""The article body as a structured document (docs/body.md).

A body is a list of blocks in ProseMirror's JSON form: paragraphs, subheadings, lists,
quotes and Read Also links, each top-level block with an id that survives edits and
moves. `schema` states the schema and validates what arrives against it; `reading` reads
text and Read Also places off a body; `html` writes it as HTML for readers and reads HTML
into it. Pure functions: no database. Text and links are cleaned by the sanitizer on the
way in.
"""

from .html import (
    block_html,
    blocks_from_html,
    fallback_html,
    from_form,
    inline_html,
    readers_html,
    salvage,
)
from .reading import (
    block_text,
    paragraph_texts,
    paragraphs_within,
    read_also_places,
    reanchored,
    text_blocks,
    with_read_also_after,
)
from .schema import (
    BLOCK_NAMES,
    BLOCK_TYPES,
    LISTS,
    MARKS,
    MAX_BLOCKS,
    MAX_HEADLINE,
    SCHEMA,
    TEXT_BLOCKS,
    BodyError,
    new_block_id,
    paragraph,
    parse_json,
    plain_text,
    read_also,
    read_also_headline,
    validate,
)

__all__ = [
    "BLOCK_NAMES", "BLOCK_TYPES", "LISTS", "MARKS", "MAX_BLOCKS", "MAX_HEADLINE", "SCHEMA",
    "TEXT_BLOCKS", "BodyError", "block_html", "block_text", "blocks_from_html",
    "fallback_html", "from_form", "inline_html", "new_block_id", "paragraph",
    "paragraph_texts", "paragraphs_within", "parse_json", "plain_text", "read_also",
    "read_also_headline", "read_also_places", "readers_html", "reanchored", "salvage",
    "text_blocks",
    "validate", "with_read_also_after",
]  # fmt: skip
