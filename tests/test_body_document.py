"""The body is a structured document: what the editor sends is checked against the schema and
cleaned, whatever arrives; HTML pasted or typed without the editor becomes the same blocks.
Pure functions: no database."""

import json
import time

import pytest

from articles import body
from articles.body import BodyError, blocks_from_html, parse_json, validate


def text(value, *marks):
    node = {"type": "text", "text": value}
    if marks:
        node["marks"] = list(marks)
    return node


def para(*inline, block_id="p1"):
    return {"type": "paragraph", "attrs": {"id": block_id}, "content": list(inline)}


LINK = {"type": "link", "attrs": {"href": "https://example.org/a?b=1&c=2"}}


def test_a_valid_document_comes_back_as_it_was_sent():
    blocks = [
        para(text("Residents of "), text("Daraa", {"type": "strong"}), text(" said"), block_id="a"),
        {"type": "subheading", "attrs": {"id": "b"}, "content": [text("More", {"type": "em"})]},
        {"type": "read_also", "attrs": {"id": "c", "target": 7, "headline": "Bread prices"}},
        {
            "type": "bullet_list",
            "attrs": {"id": "d"},
            "content": [
                {
                    "type": "list_item",
                    "content": [
                        {"type": "paragraph", "attrs": {"id": None}, "content": [text("one", LINK)]}
                    ],
                },
            ],
        },
        {
            "type": "blockquote",
            "attrs": {"id": "e"},
            "content": [{"type": "paragraph", "attrs": {"id": None}, "content": [text("q")]}],
        },
    ]
    assert parse_json(json.dumps(blocks)) == blocks


@pytest.mark.parametrize(
    ("blocks", "message"),
    [
        ([{"type": "table", "attrs": {"id": "x"}}], "unknown type “table”"),
        ([{"type": "read_also", "attrs": {"id": "x", "target": None, "headline": ""}}],
         "names no article"),
        ([{"type": "read_also", "attrs": {"id": "x", "target": "12; drop", "headline": "h"}}],
         "not an article"),
        ([para(text("x", {"type": "link", "attrs": {"href": "javascript:alert(1)"}}))],
         "a link must start with http://, https:// or mailto:"),
        ([para(text("x", {"type": "link", "attrs": {"href": "data:text/html,<script>"}}))],
         "a link must start with"),
        ([para(text("x", {"type": "underline"}))], "does not allow: “underline”"),
        ([para({"type": "image", "attrs": {"src": "x"}})], "cannot hold a “image”"),
        ([{"type": "bullet_list", "attrs": {"id": "x"}, "content": [{"type": "list_item", "content": [
            {"type": "paragraph", "content": [text("a")]},
            {"type": "bullet_list", "content": []}]}]}], "lists inside lists are not allowed"),
        ([{"type": "blockquote", "attrs": {"id": "x"}, "content": [
            {"type": "subheading", "content": [text("a")]}]}], "may hold only paragraphs"),
        ([para(text("x"), block_id="<script>")], "an id the desk cannot use"),
        ([{"type": "read_also", "attrs": {"id": "x", "headline": "h" * 501}}], "longer than 500"),
        ({"type": "doc"}, "not a list of blocks"),
        (["<p>html</p>"], "not a block of the document"),
    ],
)  # fmt: skip
def test_a_document_the_schema_does_not_allow_is_refused_with_a_reason(blocks, message):
    with pytest.raises(BodyError, match=message.replace("(", r"\(").replace("?", r"\?")):
        parse_json(json.dumps(blocks))


def test_damaged_json_and_hostile_depth_are_refused_at_once():
    with pytest.raises(BodyError, match="damaged"):
        parse_json("[{")
    started = time.monotonic()
    with pytest.raises(BodyError, match="nested too deeply"):
        parse_json("[" * 100_000 + "]" * 100_000)
    assert time.monotonic() - started < 1


def test_text_nodes_are_cleaned_and_ids_made_unique():
    [first, second] = validate(
        [
            para(text("a\x00b <script>alert(1)</script>c"), text(" d"), block_id="same"),
            para(text("e"), block_id="same"),
        ]
    )
    assert first["content"] == [text("ab <script>alert(1)</script>c d")]  # neighbours joined
    assert body.block_html(first) == "<p>ab &lt;script&gt;alert(1)&lt;/script&gt;c d</p>"
    assert first["attrs"]["id"] == "same"
    assert second["attrs"]["id"] not in {"same", None}


def test_empty_paragraphs_an_editor_leaves_behind_are_dropped():
    blocks = validate([para(text("kept")), para(block_id="empty"), para(text("   "), block_id="s")])
    assert [b["attrs"]["id"] for b in blocks] == ["p1"]


def test_ten_thousand_nested_lists_are_refused_within_a_second():
    started = time.monotonic()
    with pytest.raises(BodyError, match="nested more than"):
        blocks_from_html("<ul><li>" * 10_000 + "deep" + "</li></ul>" * 10_000)
    with pytest.raises(BodyError, match="nested more than"):
        blocks_from_html("<blockquote>" * 10_000 + "deep")
    assert time.monotonic() - started < 1


def test_pasted_word_html_becomes_clean_blocks():
    word = (
        "<html><head><style>p.MsoNormal {margin:0}</style></head><body>"
        '<h1 class="MsoTitle">A title</h1>'
        '<p class="MsoNormal" style="margin:0"><span lang="EN-GB" style="font-size:12pt">'
        "<b>Bold</b> and <i>italic</i><o:p></o:p></span></p>"
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        '<p class="MsoNormal"><span>Second&nbsp;paragraph</span></p></body></html>'
    )
    blocks = blocks_from_html(word)
    assert [b["type"] for b in blocks] == ["subheading", "paragraph", "paragraph"]
    assert blocks[1]["content"] == [
        text("Bold", {"type": "strong"}),
        text(" and "),
        text("italic", {"type": "em"}),
    ]
    assert body.block_text(blocks[2]) == "Second\u00a0paragraph"


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="alert(1)"><p>x</p></svg>',
    ],
)
def test_nothing_executable_survives_html(dangerous):
    html = "".join(body.block_html(b) for b in blocks_from_html(dangerous + "<p>text</p>"))
    for marker in ["<script", "onerror", "javascript:", "onclick", "<iframe", "<img", "onload"]:
        assert marker not in html


def test_a_read_also_line_without_the_editor_is_a_read_also_block_and_keeps_its_id():
    blocks = [
        para(text("One"), block_id="one"),
        body.read_also("Bread prices double", target=12, block_id="link"),
    ]
    html = body.fallback_html(blocks)
    assert 'data-id="link"' in html
    assert "Read Also: Bread prices double" in html
    assert blocks_from_html(html) == blocks
    [added] = blocks_from_html("<p>Read Also: A new story</p>")
    assert added["type"] == "read_also"
    assert added["attrs"]["headline"] == "A new story"
    assert added["attrs"]["target"] is None


def test_text_is_escaped_on_the_way_out():
    block = body.paragraph("<b>not bold</b> & co")
    assert body.block_html(block) == "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; co</p>"
    assert body.block_text(block) == "<b>not bold</b> & co"


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<p>a <em>b</em> &amp; <a href='https://x.org'>c</a></p>", "a b & c"),
        ("<ul><li>One</li><li>Two &lt;3&gt;</li></ul>", "One\nTwo <3>"),
        ("<blockquote><p>q</p><p>r</p></blockquote>", "q\nr"),
    ],
)
def test_a_blocks_text_reads_as_it_shows(html, plain):
    [block] = blocks_from_html(html)
    assert body.block_text(block) == plain


def test_read_also_blocks_placed_after_a_number_of_paragraphs():
    text_blocks = [body.paragraph(t, block_id=t) for t in ["a", "b", "c"]]
    first, second = body.read_also("First"), body.read_also("Second")
    blocks = body.with_read_also_after(text_blocks, [(2, first), (0, second)])
    assert [b["attrs"]["id"] for b in blocks] == [
        second["attrs"]["id"],
        "a",
        "b",
        first["attrs"]["id"],
        "c",
    ]
    assert body.with_read_also_after(text_blocks, [(9, first)])[-1] is first
    assert [after for after, _ in body.read_also_places(blocks)] == [0, 2]


def test_a_rebuilt_body_keeps_each_read_also_after_the_block_it_followed():
    old = [
        body.paragraph("a", block_id="a"),
        body.read_also("After a", block_id="ra"),
        body.paragraph("b", block_id="b"),
        body.read_also("After b", block_id="rb"),
    ]
    new = [body.paragraph("new first", block_id="n"), body.paragraph("b", block_id="b"),
           body.paragraph("A", block_id="a")]  # fmt: skip
    ids = [block["attrs"]["id"] for block in body.reanchored(new, old)]
    assert ids == ["n", "b", "rb", "a", "ra"]
    # No block kept its id (a body migrated from HTML, say): links keep their count.
    fresh = [body.paragraph(t, block_id=f"x{t}") for t in "abc"]
    ids = [block["attrs"]["id"] for block in body.reanchored(fresh, old)]
    assert ids == ["xa", "ra", "xb", "rb", "xc"]


def test_the_validator_enforces_the_schema_the_editor_is_given():
    """The browser test holds the editor's schema to body.SCHEMA; this holds the validator
    to it: each block the schema names passes in its simplest form, and a child its content
    expression does not name is refused."""
    item = {"type": "list_item", "content": [{"type": "paragraph", "content": [text("i")]}]}
    simplest = {
        "paragraph": para(text("p")),
        "subheading": {"type": "subheading", "attrs": {"id": "s"}, "content": [text("s")]},
        "bullet_list": {"type": "bullet_list", "attrs": {"id": "u"}, "content": [item]},
        "ordered_list": {"type": "ordered_list", "attrs": {"id": "o"}, "content": [item]},
        "blockquote": {"type": "blockquote", "attrs": {"id": "q"}, "content": [para(text("q"))]},
        "read_also": body.read_also("h", block_id="r"),
    }
    blocks = {name for name, spec in body.SCHEMA["nodes"].items() if spec["group"] == "block"}
    assert set(simplest) == blocks
    for kind, block in simplest.items():
        assert [b["type"] for b in validate([block])] == [kind]
    for kind in ["bullet_list", "ordered_list", "blockquote"]:
        allowed = body.SCHEMA["nodes"][kind]["content"].rstrip("+")
        for child in body.SCHEMA["nodes"]:
            if child not in {allowed, "doc"}:
                wrong = {**simplest[kind], "content": [{"type": child, "content": [text("x")]}]}
                with pytest.raises(BodyError):
                    validate([wrong])
