"""Readers' pages in a real browser: the example seed's article at desktop and phone widths,
and axe-core finding no serious accessibility problem on the public pages or the desk's."""

import json

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.checkers import AXE, require
from tests.conftest import EXAMPLE_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = f"/news/{EXAMPLE_SLUG}/"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_example_article_reads_well(live_server, browser, demo, width, height, request):
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(live_server.url + ARTICLE)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants"
    )
    expect(page.locator(".standfirst")).to_contain_text("More pro-regime fighters were killed")
    body = page.locator(".article-body > p")
    expect(body.nth(6)).to_contain_text("Read Also: Hezbollah Sends More Reinforcements")
    expect(body.nth(5)).to_contain_text("Pro-regime sources claimed")  # the 6th paragraph
    last = page.locator(".article > *").last
    expect(last).to_have_class("disclaimer")
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"public-article-{request.node.callspec.id}.png"),
                    full_page=True)  # fmt: skip
    context.close()


PUBLIC_PAGES = ["/", ARTICLE, "/outlets/sy-24/", "/keywords/isis/", "/search/?q=Badia"]
DESK_PAGES = [
    "/desk/",
    f"/desk/{EXAMPLE_SLUG}/",
    f"/desk/{EXAMPLE_SLUG}/review/",
    f"/desk/{EXAMPLE_SLUG}/history/",
    "/desk/enab-baladi-5a31ef0f/",
]


def serious_violations(page):
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + json.dumps([node["target"] for node in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_axe_finds_no_serious_problem(live_server, browser, demo):
    require(AXE, "axe-core (npm)")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True)
    page = context.new_page()
    problems = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server.url + path)
        problems[path] = serious_violations(page)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("newsroom-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/desk/")
    for path in ["/accounts/login/", *DESK_PAGES]:
        page.goto(live_server.url + path)
        problems[path] = serious_violations(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}


def test_a_correction_is_read_first_and_an_update_last(live_server, page, demo, screenshot):
    from django.utils import timezone

    from articles.models import Article, Correction

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    revision = article.published_revision
    Correction.objects.create(article=article, revision=revision, kind="correction",
                              note="An earlier version gave the wrong governorate for Rusafa.",
                              published_at=timezone.now())  # fmt: skip
    Correction.objects.create(article=article, revision=revision, kind="update",
                              note="Two more fighters were reported killed on Monday.",
                              published_at=timezone.now())  # fmt: skip
    page.goto(live_server.url + ARTICLE)
    corrections = page.get_by_role("region", name="Corrections and clarifications")
    expect(corrections).to_contain_text("Correction,")
    expect(corrections).to_contain_text("wrong governorate")
    updates = page.get_by_role("region", name="Updates")
    expect(updates).to_contain_text("Two more fighters")
    order = page.evaluate(
        """() => [...document.querySelectorAll('.article > *')].map(e => e.className)"""
    )
    assert order.index("corrections") < order.index("article-body") < order.index("updates")
    screenshot("article")
