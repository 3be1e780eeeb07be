"""An editor works on the example seed in a real browser, from the desk to the preview."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from articles.editing import save_revision
from articles.models import Article
from tests.conftest import EXAMPLE_SLUG, PALMYRA_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(demo_newsroom):
    # The reviewer detached the disclaimer, so that the editor attaches it again.
    example = Article.objects.get(slug=EXAMPLE_SLUG)
    first = example.current_revision
    save_revision(
        example,
        author=User.objects.get(username="reviewer"),
        based_on=first,
        headline=first.headline,
        standfirst=first.standfirst,
        body=first.body,
        disclaimer=None,
        keywords=[],
        outlet=example.outlet,
        assignee=None,
        note="Disclaimer detached",
    )


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/desk/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("newsroom-demo")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/desk/$"))


def test_editor_edits_places_read_also_compares_and_previews(
    live_server, page, screenshot, newsroom
):
    sign_in(page, live_server, "editor")
    screenshot("desk")

    page.get_by_label("Search headlines and text").fill("Rusafa")
    expect(page).to_have_url(re.compile(r"q=Rusafa"))
    results = page.locator("#desk-results tbody tr")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="Desert on Fire").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Desert on Fire")

    editor = page.locator(".body-editor-surface")
    editor.locator("p").first.click(position={"x": 1, "y": 8})  # before its first letter
    page.keyboard.type("UPDATED: ")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at")
    page.get_by_label("Disclaimer").select_option(label="Not verified (standard)")

    # The imported link is taken out, then put back from the picker after paragraph 6.
    page.get_by_role("button", name=re.compile("Remove: “Hezbollah")).click()
    expect(editor.locator(".read-also-block")).to_have_count(0)
    editor.locator("p").nth(5).click()
    page.get_by_label("Find a published article").fill("Palmyra")
    page.get_by_role("button", name=re.compile("Add “Hezbollah")).click()
    expect(editor.locator(".read-also-block")).to_have_count(1)
    page.get_by_label("Note for this revision").fill("Opening flagged as updated")
    screenshot("edit")
    page.get_by_role("button", name="Save revision").click()
    expect(page.locator(".messages")).to_contain_text("Saved revision 3.")

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    revision = article.current_revision
    assert revision.paragraph_texts[0].startswith("UPDATED: Sources interested")
    assert revision.disclaimer.is_standard
    link = revision.read_also.get()
    assert (link.target.slug, link.after_paragraph) == (PALMYRA_SLUG, 6)

    page.get_by_role("link", name="History and differences").click()
    expect(page.get_by_role("heading", name="Revision 2 → revision 3")).to_be_visible()
    expect(page.locator(".diff ins").first).to_have_text("UPDATED: ")
    expect(page.locator(".diff dd").nth(3)).to_contain_text("Not verified (standard)")
    screenshot("history")

    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/preview/")
    body = page.locator(".article-body")
    expect(body.locator("p").nth(6)).to_contain_text(
        "Read Also: Hezbollah Sends More Reinforcements"
    )
    expect(page.locator(".disclaimer")).to_contain_text(
        "has not verified the content of this story"
    )
    screenshot("preview")


def test_autosave_keeps_the_last_words_typed(live_server, page, newsroom):
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/")
    page.get_by_label("Find a published article").fill("Palmyra")  # searching is not editing
    page.wait_for_timeout(1500)
    page.reload()
    expect(page.get_by_text("Your unsaved draft from")).to_have_count(0)

    page.get_by_label("Standfirst").fill("")
    page.get_by_label("Standfirst").press_sequentially(
        "Typed quickly and then left alone", delay=40
    )
    page.wait_for_timeout(2000)  # a second after the last key the draft is saved
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at")
    page.reload()
    expect(page.get_by_text("Your unsaved draft from")).to_be_visible()
    expect(page.get_by_label("Standfirst")).to_have_value("Typed quickly and then left alone")
