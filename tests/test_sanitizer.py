"""What an editor types or pastes into the body comes out as clean, safe blocks."""

import pytest

from articles.sanitizer import block_text, clean_body, text_to_block


def test_paragraphs_lists_quotes_and_emphasis_survive():
    body = clean_body(
        "<p>One <em>two</em> <strong>three</strong> <a href='https://x.org/a'>link</a></p>"
        "<ul><li>a</li><li>b</li></ul><blockquote>Quoted</blockquote>"
    )
    assert body == [
        '<p>One <em>two</em> <strong>three</strong> <a href="https://x.org/a">link</a></p>',
        "<ul><li>a</li><li>b</li></ul>",
        "<blockquote>Quoted</blockquote>",
    ]


def test_pasted_word_html_comes_out_clean():
    word = (
        "<html><head><style>p.MsoNormal {margin:0}</style></head><body>"
        '<p class="MsoNormal" style="margin:0"><span lang="EN-GB" style="font-size:12pt">'
        "<b>Bold</b> and <i>italic</i><o:p></o:p></span></p>"
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        '<p class="MsoNormal"><span>Second&nbsp;paragraph</span></p></body></html>'
    )
    assert clean_body(word) == [
        "<p><strong>Bold</strong> and <em>italic</em></p>",
        "<p>Second\u00a0paragraph</p>",
    ]


def test_editable_region_divs_become_paragraphs():
    assert clean_body("First line<div>Second line</div><div><br></div>") == [
        "<p>First line</p>",
        "<p>Second line</p>",
    ]


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        '<iframe src="https://evil.example"></iframe>',
    ],
)
def test_nothing_executable_survives(dangerous):
    cleaned = "".join(clean_body(dangerous))
    for marker in ["<script", "onerror", "javascript:", "onclick", "<iframe", "<img"]:
        assert marker not in cleaned


def test_plain_text_stays_text_both_ways():
    block = text_to_block("<b>not bold</b> & co")
    assert block == "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; co</p>"
    assert block_text(block) == "<b>not bold</b> & co"
    assert clean_body(block) == [block]


@pytest.mark.parametrize(
    ("block", "text"),
    [
        ("<p>a <em>b</em> &amp; <a href='https://x.org'>c</a></p>", "a b & c"),
        ("<ul><li>One</li><li>Two &lt;3&gt;</li></ul>", "One\nTwo <3>"),
        ("<blockquote><p>q</p><p>r</p></blockquote>", "q\nr"),
        ("<p>A<br>B</p>", "AB"),
    ],
)
def test_a_stored_blocks_text_reads_as_it_shows(block, text):
    assert block_text(block) == text
