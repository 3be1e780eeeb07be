"""The whole review path in a real browser: an editor prepares the example seed and submits
it, a reviewer sends it back, the editor fixes it, and the reviewer approves and publishes."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from articles.editing import save_revision
from articles.models import Article, ArticleStatus
from tests.conftest import EXAMPLE_SLUG

from .test_editing_desk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(demo_newsroom):
    # The admin detached the disclaimer and the Read Also link, for the editor to put back.
    example = Article.objects.get(slug=EXAMPLE_SLUG)
    first = example.current_revision
    save_revision(
        example, author=User.objects.get(username="admin"), based_on=first,
        headline=first.headline, standfirst=first.standfirst,
        body=[block for block in first.body if block["type"] != "read_also"],
        disclaimer=None, keywords=[], outlet=example.outlet, assignee=None,
    )  # fmt: skip


def review(page, live_server):
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/review/")


def test_from_edit_to_published_with_four_eyes(live_server, browser, page, screenshot, newsroom):
    # The editor attaches the disclaimer, adds keywords and a Read Also link, and saves.
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/")
    page.get_by_label("Disclaimer").select_option(label="Not verified (standard)")
    page.get_by_label("Keywords").fill("ISIS, Badia")
    page.locator(".body-editor-surface > p").nth(5).click()  # the link goes after it
    page.get_by_label("Find a published article").fill("Palmyra")
    page.get_by_role("button", name=re.compile("Add “Hezbollah")).click()
    page.get_by_role("button", name="Save revision").click()
    expect(page.locator(".messages")).to_contain_text("Saved revision 3.")

    # ...and submits it. There is no approve button for an editor.
    page.get_by_role("link", name="Review and workflow").click()
    expect(page.locator(".checks .check-fail")).to_have_count(0)
    page.get_by_label("Note for the reviewer (optional)").fill("Ready for a look.")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)

    # A hand-made POST is refused too, and changes nothing.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    refused = page.request.post(
        f"{live_server.url}/desk/{EXAMPLE_SLUG}/review/approve/",
        headers={"X-CSRFToken": token, "Referer": live_server.url},
    )
    assert refused.status == 403
    assert "Only reviewers can do this." in refused.text()
    assert Article.objects.get(slug=EXAMPLE_SLUG).status == ArticleStatus.IN_REVIEW

    # The reviewer asks for a change.
    reviewer_context = browser.new_context(viewport={"width": 1366, "height": 900})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, live_server, "reviewer")
    review(reviewer, live_server)
    expect(reviewer.locator(".conversation")).to_contain_text("Ready for a look.")
    reviewer.get_by_label("What needs changing").fill("Say “pro-regime” in the headline, please.")
    reviewer.get_by_role("button", name="Request changes").click()
    expect(reviewer.locator(".messages")).to_contain_text("changes requested")

    # The editor fixes it and submits again.
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/")
    page.get_by_label("Headline").fill("Desert on Fire: Pro-Regime Fighters Killed in the Badia")
    page.get_by_role("button", name="Save revision").click()
    expect(page.locator(".messages")).to_contain_text("Saved revision 4.")
    review(page, live_server)
    expect(page.locator(".conversation")).to_contain_text("Say “pro-regime” in the headline")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")

    # The reviewer sees the change and the checks, approves and publishes.
    review(reviewer, live_server)
    headline_change = reviewer.locator(".diff dd").first
    expect(headline_change.locator("ins", has_text="Badia")).to_have_count(1)
    expect(headline_change.locator("del", has_text="Assailants")).to_have_count(1)
    expect(reviewer.locator(".checks .check-pass")).to_have_count(7)
    screenshot_reviewer = reviewer.screenshot(full_page=True)
    reviewer.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".messages")).to_contain_text("approved")
    asked = []
    reviewer.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    reviewer.get_by_role("button", name="Publish now").click()
    expect(reviewer.locator(".messages")).to_contain_text("published")
    assert asked == ["Publish this article now? Readers see it at once."]
    expect(reviewer.locator(".edit-header .state")).to_have_text("Published")
    screenshot("editor-view")
    from tests.browser.conftest import SCREENSHOTS

    (SCREENSHOTS / "test_review_workflow-reviewer.png").write_bytes(screenshot_reviewer)
    reviewer_context.close()

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_revision.number == 4
    actions = list(
        article.audit_records.order_by("at", "pk").values_list("action", "actor__username")
    )
    assert [a for a in actions if a[0] not in {"import", "edit"}] == [
        ("submit", "editor"),
        ("request_changes", "reviewer"),
        ("submit", "editor"),
        ("approve", "reviewer"),
        ("publish", "reviewer"),
    ]
    assert re.search(r"Pro-Regime", article.published_revision.headline)
