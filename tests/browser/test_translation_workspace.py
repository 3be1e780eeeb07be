"""A translator translates an Arabic demo story segment by segment in a real browser: a glossary
hint, a memory suggestion taken with one click, the keyboard, and submission for review."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles import translation
from articles.models import Article, ArticleStatus

from .test_editing_desk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DARAA = "enab-baladi-5a31ef0f"
LAST_PARAGRAPH = "وتشهد محافظة درعا منذ اتفاق التسوية حالة من الفلتان الأمني"
REMEMBERED = (
    "Since the settlement agreement, Daraa province has seen a breakdown of security, "
    "with repeated assassinations and attacks on military checkpoints."
)


@pytest.fixture
def newsroom(settings, make_article):
    settings.DEBUG = True
    call_command("load_demo", no_publishing=True, verbosity=0)
    # An earlier story carried the same last paragraph, and a translator finished it.
    daraa = Article.objects.get(slug=DARAA)
    paragraph = next(p for p in daraa.source_story.paragraphs if p.startswith(LAST_PARAGRAPH))
    earlier = make_article("تقرير سابق عن درعا", language="ar", paragraphs=[paragraph],
                           outlet="Enab Baladi")  # fmt: skip
    segment = translation.segments_for(earlier)[1]
    translation.save_segment(segment, translation=REMEMBERED, state="done", user=None)


def test_translator_translates_segment_by_segment_and_submits(
    live_server, page, screenshot, newsroom
):
    sign_in(page, live_server, "translator")
    row = page.locator("tr", has_text="حملة اعتقالات في ريف درعا")
    row.get_by_role("link", name="Translate").click()
    expect(page).to_have_url(re.compile(f"/desk/{DARAA}/translate/$"))
    expect(page.locator("#translation-progress")).to_contain_text("0 of 6")

    headline = page.locator(".segment").first
    expect(headline.locator("mark[title=Daraa]")).to_have_text("درعا")  # the glossary hint
    expect(headline.locator(".glossary-hints")).to_contain_text("Daraa")

    english = [
        "Arrest campaign in western Daraa countryside after an attack on a checkpoint",
        "Regime forces raided the town of al-Muzayrib in western Daraa countryside on Sunday.",
        "A resident said patrols entered the eastern neighbourhoods at six in the morning.",
        "Checkpoint personnel closed the road between al-Muzayrib and Tafas for hours.",
        "There has been no official comment on the attack or the arrests.",
    ]
    page.locator("textarea[data-segment]").first.click()
    for text in english:  # type, then Ctrl+Enter: done, and on to the next segment
        page.keyboard.type(text)
        page.keyboard.press("Control+Enter")
    expect(page.locator("#translation-progress")).to_contain_text("5 of 6")

    last = page.locator(".segment").last
    suggestion = last.locator(".suggestion")  # offered when the segment got the focus
    expect(suggestion).to_contain_text("100% match")
    expect(suggestion).to_contain_text("تقرير سابق عن درعا")
    screenshot("translating")
    suggestion.get_by_role("button", name="Use this translation").click()
    last = page.locator(".segment").last
    expect(last.locator("textarea")).to_have_value(REMEMBERED)
    # The segment was swapped in: wait until htmx has settled it and listens to its controls.
    expect(last).not_to_have_class(re.compile(r"htmx-(added|settling)"))
    last.get_by_label("Mark as").select_option("done")
    expect(last.locator(".segment-status")).to_contain_text("Done")
    expect(page.locator("#translation-progress")).to_contain_text("6 of 6")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("translated")

    page.get_by_label("Note for the reviewer").fill("Translated; please check the place names.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")
    expect(page.locator(".checks")).to_contain_text("Translation: passes")

    article = Article.objects.get(slug=DARAA)
    assert article.status == ArticleStatus.IN_REVIEW
    revision = article.current_revision
    assert revision.headline == english[0]
    assert revision.paragraph_texts == [*english[1:], REMEMBERED]


def test_marking_an_empty_segment_done_puts_the_menu_back_to_draft(
    live_server, page, screenshot, newsroom
):
    sign_in(page, live_server, "translator")
    page.goto(f"{live_server.url}/desk/{DARAA}/translate/")
    segment = page.locator(".segment").first
    segment.get_by_label("Mark as").select_option("done")
    expect(segment.locator(".segment-status")).to_contain_text(
        "write the English before marking it done"
    )
    expect(segment.get_by_label("Mark as")).to_have_value("draft")  # not Done beside Untranslated
    screenshot("empty-segment-not-done")
