"""A translator types a wrong death toll and drops an "according to"; the flags appear as
they type and the wrong number's goes once it is fixed; the reviewer finds publication
refused for the lost attribution until they override it with a reason."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article, ArticleStatus, AuditRecord

from .test_editing_desk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOLL = "قُتل ١١ مدنياً وأصيب ثلاثة آخرون في قصف على ريف إدلب، بحسب ما أفاد ناشطون محليون."
RAIDS = "وقالت مصادر محلية إن الطائرات الروسية نفذت أربع غارات على المنطقة."


@pytest.fixture
def story(settings, make_article):
    settings.DEBUG = True
    call_command("load_demo", no_publishing=True, verbosity=0)
    return make_article("قصف على ريف إدلب", language="ar", paragraphs=[TOLL, RAIDS],
                        outlet="Enab Baladi", keywords=["Idlib"])  # fmt: skip


def test_flags_follow_the_typing_and_an_override_lets_the_reviewer_publish(
    live_server, page, screenshot, story
):
    sign_in(page, live_server, "translator")
    page.goto(f"{live_server.url}/desk/{story.slug}/translate/")
    segments = page.locator(".segment")
    headline, toll, raids = segments.nth(0), segments.nth(1), segments.nth(2)

    headline.locator("textarea").fill("Shelling on the Idlib countryside")
    toll.locator("textarea").fill(
        "Twelve civilians were killed and three others wounded in shelling on the Idlib "
        "countryside, according to local activists."
    )
    flag = toll.locator(".translation-flag")
    expect(flag).to_contain_text("Numbers")
    expect(flag).to_contain_text("١١")
    expect(flag).to_contain_text("12")
    expect(flag).to_contain_text("blocks publication")
    screenshot("wrong-death-toll")

    toll.locator("textarea").fill(
        "Eleven civilians were killed and three others wounded in shelling on the Idlib "
        "countryside, according to local activists."
    )
    expect(toll.locator(".segment-status")).to_be_visible()
    expect(toll.locator(".translation-flag")).to_have_count(0)

    raids.locator("textarea").fill("Russian planes carried out four air strikes on the area.")
    expect(raids.locator(".translation-flag.flag-attribution")).to_have_count(2)
    for segment in (headline, toll, raids):
        segment.get_by_label("Mark as").select_option("done")
        expect(segment.locator(".segment-status")).to_contain_text("Done")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for review")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, live_server, "reviewer")
    page.goto(f"{live_server.url}/desk/{story.slug}/review/")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messages")).to_contain_text("approved")
    expect(page.get_by_role("button", name="Publish now")).to_be_disabled()
    checks = page.locator("#translation-checks")
    expect(checks).to_contain_text("The source attributes this")
    screenshot("publication-refused")

    page.on("dialog", lambda dialog: dialog.accept())
    for _ in range(2):  # "said" and "sources", each overridden with its reason
        form = checks.locator(".override-form").first
        form.get_by_label("Override: why the English is right").fill(
            "The standfirst gives local sources for the raids; the desk checked it."
        )
        form.get_by_role("button", name="Override this flag").click()
        expect(page.locator(".messages")).to_contain_text("Flag overridden")
    expect(checks.locator(".flag-overridden")).to_have_count(2)
    expect(page.get_by_role("button", name="Publish now")).to_be_enabled()
    screenshot("overridden")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("published")

    story.refresh_from_db()
    assert story.status == ArticleStatus.PUBLISHED
    overrides = AuditRecord.objects.filter(article=story, action="override_check")
    assert overrides.count() == 2
    assert all(re.search("Reason: The standfirst gives", r.comment) for r in overrides)
    assert (
        Article.objects.get(pk=story.pk)
        .published_revision.paragraph_texts[0]
        .startswith("Eleven civilians")
    )
