"""The body editor in real Chromium: formatting works on a selection, lists start where the
caret is, Read Also links are blocks that stay after their paragraph and move from the
keyboard, pasted Word text comes out clean, and the editor's schema is the server's."""

import json
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.body import SCHEMA, block_text
from articles.models import Article, ArticleStatus
from tests.browser.test_editing_desk import sign_in
from tests.conftest import EXAMPLE_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORD = Path(__file__).resolve().parent.parent / "fixtures" / "paste" / "word.html"


@pytest.fixture
def editing(live_server, page, demo_newsroom):
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/")
    surface = page.locator(".body-editor-surface")
    expect(surface).to_be_visible()
    return surface


def posted_body(page):
    return json.loads(page.locator("input[name=body]").input_value())


def paste(page, html):
    page.evaluate(
        """html => {
          const data = new DataTransfer();
          data.setData("text/html", html);
          data.setData("text/plain", "pasted");
          const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
          document.querySelector(".body-editor-surface").dispatchEvent(event);
        }""",
        html,
    )


def selected_text(page):
    return page.evaluate("window.getSelection().toString()")


def test_bold_and_italic_apply_to_a_double_clicked_word_and_keep_it_selected(page, editing):
    word = editing.locator("p").nth(1)
    word.dblclick(position={"x": 30, "y": 8})
    chosen = selected_text(page).strip()
    assert chosen
    page.get_by_role("button", name="Bold", exact=True).click()
    expect(editing.locator("p").nth(1).locator("strong")).to_have_text(chosen)
    assert selected_text(page).strip() == chosen
    page.get_by_role("button", name="Italic", exact=True).click()
    expect(editing.locator("p").nth(1).locator("em")).to_have_text(chosen)
    assert selected_text(page).strip() == chosen
    marks = [n.get("marks") for n in posted_body(page)[1]["content"] if n.get("marks")]
    assert [sorted(m["type"] for m in node) for node in marks] == [["em", "strong"]]


def test_link_turns_the_selected_words_into_the_link(page, editing):
    paragraph = editing.locator("p").first
    paragraph.click(position={"x": 1, "y": 8})
    page.keyboard.press("Shift+End")  # the first line's words
    page.keyboard.down("Shift")
    for _ in range(20):
        page.keyboard.press("ArrowLeft")
    page.keyboard.up("Shift")
    chosen = selected_text(page)
    page.get_by_role("button", name="Link", exact=True).click()
    page.get_by_role("textbox", name="Link address").fill("javascript:alert(1)")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("A link must start with http://, https:// or mailto:")).to_be_visible()
    page.get_by_role("textbox", name="Link address").fill("https://sy-24.com/news/")
    page.get_by_role("button", name="Apply").click()
    link = paragraph.locator("a")
    expect(link).to_have_text(chosen)
    expect(link).to_have_attribute("href", "https://sy-24.com/news/")


def test_enter_at_the_end_then_list_makes_a_one_item_list_after_the_unchanged_paragraph(
    page, editing
):
    last = editing.locator("> p").last
    before = last.inner_text()
    last.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="List", exact=True).click()
    page.keyboard.type("First item")
    item = editing.locator("> ul > li")
    expect(item).to_have_count(1)
    expect(item).to_have_text("First item")
    expect(editing.locator("> p").last).to_have_text(before)
    assert posted_body(page)[-1]["type"] == "bullet_list"


def test_a_paragraph_inserted_above_a_read_also_link_leaves_it_after_the_same_paragraph(
    live_server, page, screenshot, editing
):
    block = editing.locator(".read-also-block")
    expect(block).to_contain_text("Hezbollah Sends More Reinforcements")
    paragraphs = editing.locator("> p")
    count = paragraphs.count()
    paragraphs.first.click(position={"x": 1, "y": 8})
    page.keyboard.press("Home")  # the caret at the very start, however the click landed
    page.keyboard.press("Enter")
    expect(paragraphs).to_have_count(count + 1)  # wait for the split
    paragraphs.first.click()  # the new, empty paragraph above
    page.keyboard.type("A new opening paragraph.")
    page.get_by_role("button", name="Save revision").click()
    expect(page.locator(".messages")).to_contain_text("Saved revision")

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    revision = article.current_revision
    assert revision.paragraph_texts[0] == "A new opening paragraph."
    assert revision.read_also.get().after_paragraph == 7  # after the same paragraph as before
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/preview/")
    body = page.locator(".article-body")
    expect(body.locator("> p").nth(7)).to_contain_text("Read Also: Hezbollah Sends")
    expect(body.locator("> p").nth(6)).to_contain_text("Pro-regime sources claimed")
    screenshot("preview")

    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED,
        published_revision=revision,
        published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
    page.goto(f"{live_server.url}/news/{EXAMPLE_SLUG}/")
    body = page.locator(".article-body")
    expect(body.locator("> p").nth(6)).to_contain_text("Pro-regime sources claimed")
    expect(body.locator("> p").nth(7)).to_contain_text("Read Also: Hezbollah Sends")


def test_a_read_also_block_moves_down_from_the_keyboard(page, editing):
    block = editing.locator(".read-also-block")
    block.locator(".read-also-text").click()  # selects the block
    page.keyboard.press("Alt+ArrowDown")
    types = [b["type"] for b in posted_body(page)]
    assert types.index("read_also") == 7
    expect(page.locator("[aria-live=polite]").filter(has_text="Read Also moved")).to_have_count(1)
    page.get_by_role("button", name=re.compile("Move down: “Hezbollah")).click()
    assert [b["type"] for b in posted_body(page)].index("read_also") == 8


def test_pasted_word_text_keeps_only_the_structure_and_emphasis(page, editing):
    editing.locator("> p").last.click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    paste(page, WORD.read_text(encoding="utf-8"))
    blocks = posted_body(page)
    pasted = blocks[10:]  # after the example's nine paragraphs and its Read Also link
    types = {block["type"] for block in pasted}
    assert types <= {"paragraph", "subheading", "bullet_list", "ordered_list", "blockquote"}
    assert "bullet_list" in types or "ordered_list" in types  # Word's list is a real list
    text = json.dumps(pasted)
    for junk in ["Mso", "mso-", "o:p", "font-family", "style", "class", "·", "§"]:
        assert junk not in text
    marks = {m["type"] for b in pasted for n in b.get("content", []) for m in n.get("marks", [])}
    assert marks & {"strong", "em"}


def test_the_editors_schema_is_the_servers(page, editing):
    summary = page.evaluate("window.newsroomBodyEditor.schemaSummary()")
    assert summary == SCHEMA


@pytest.mark.parametrize("width", [1366, 390])
def test_screens_at_desktop_and_phone_widths(live_server, page, screenshot, editing, width):
    page.set_viewport_size({"width": width, "height": 768})
    page.reload()
    expect(page.locator(".body-editor-toolbar")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(f"edit-{width}")
    editing.locator("p").nth(1).dblclick(position={"x": 30, "y": 8})
    page.get_by_role("button", name="Bold", exact=True).click()
    page.get_by_role("button", name="Save revision").click()
    expect(page.locator(".messages")).to_contain_text("Saved revision")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/history/")
    expect(page.locator(".block-diff .flag").filter(has_text="formatting")).to_have_count(1)
    screenshot(f"history-{width}")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/review/")
    expect(page.locator("#diff-title")).to_contain_text("source story as imported")
    expect(page.locator(".block-diff .flag").filter(has_text="formatting")).to_have_count(1)
    page.locator("#diff-title").scroll_into_view_if_needed()
    screenshot(f"review-{width}")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/preview/")
    screenshot(f"preview-{width}")


def test_backspace_beside_a_read_also_link_selects_it_before_removing_it(page, editing):
    status = page.locator(".body-editor-status")
    editing.locator("> p").nth(6).click(position={"x": 1, "y": 8})  # just after the link
    page.keyboard.press("Home")
    page.keyboard.press("Control+Backspace")  # a word back, or here the link: selected first
    expect(status).to_contain_text("Read Also selected")
    assert "read_also" in [b["type"] for b in posted_body(page)]
    page.keyboard.press("Backspace")
    expect(status).to_contain_text("Read Also removed")
    expect(status).to_contain_text("Ctrl+Z brings it back")
    assert "read_also" not in [b["type"] for b in posted_body(page)]
    page.keyboard.press("Control+z")
    assert "read_also" in [b["type"] for b in posted_body(page)]
    editing.locator(".read-also-block .read-also-text").click()  # selected: typing adds text
    page.keyboard.type("Typed after the link.")
    types = [b["type"] for b in posted_body(page)]
    assert types[types.index("read_also") + 1] == "paragraph"
    assert posted_body(page)[types.index("read_also") + 1]["content"][0]["text"] == (
        "Typed after the link."
    )


def test_pasting_with_a_read_also_link_selected_adds_blocks_after_it(page, editing):
    editing.locator(".read-also-block .read-also-text").click()
    paste(page, "<p>Pasted one</p><p>Pasted two</p>")
    texts = [block_text(b) for b in posted_body(page)]
    at = texts.index("Pasted one")
    assert texts[at - 1].startswith("Read Also")  # the link stays, the paste follows it
    assert texts[at + 1] == "Pasted two"
    assert texts[at + 2].startswith("A few days ago")  # not glued onto what follows


def test_hostile_paste_runs_nothing_and_keeps_the_words_apart(page, editing):
    page.evaluate(
        """() => { window.__violations = [];
          document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective)); }"""
    )
    editing.locator("> p").last.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    paste(page, '<img/src="x"/onerror="window.__ran=1"><p/style="color:red"/onclick="window.__ran=2">'
                'Styled</p><svg/onload="window.__ran=3"></svg>'
                '<b>Daraa</b> <i>province</i> <a href="https://example.org/">link</a><p>Next</p>'
                '<p>Prices <a href="https://x.org/" onclick="e => track(e)">rose</a>.</p>')  # fmt: skip
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__violations") == []
    texts = ["".join(n.get("text", "") for n in b.get("content", [])) for b in posted_body(page)]
    assert texts[-4:] == ["Styled", "Daraa province link", "Next", "Prices rose."]


def test_adding_a_link_already_in_the_text_shows_the_one_there_is(page, editing):
    editing.locator("> p").first.click()
    page.get_by_label("Find a published article").fill("Palmyra")
    page.get_by_role("button", name=re.compile("Add “Hezbollah")).click()
    expect(page.locator(".body-editor-status")).to_contain_text("Already in the text")
    assert [b["type"] for b in posted_body(page)].count("read_also") == 1


def test_an_address_typed_without_https_is_a_web_address(page, editing):
    paragraph = editing.locator("p").first
    paragraph.dblclick(position={"x": 30, "y": 8})
    page.keyboard.press("Control+k")
    page.get_by_role("textbox", name="Link address").fill("sana.sy/en/")
    page.get_by_role("button", name="Apply").click()
    expect(paragraph.locator("a")).to_have_attribute("href", "https://sana.sy/en/")
