"""The desk screens fit a phone, and every control can be found and used by keyboard."""

import pytest
from django.core.management import call_command

from tests.conftest import EXAMPLE_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = [
    "/desk/",
    f"/desk/{EXAMPLE_SLUG}/",
    f"/desk/{EXAMPLE_SLUG}/history/",
    f"/desk/{EXAMPLE_SLUG}/preview/",
]

UNLABELLED_CONTROLS = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, [contenteditable=true]')]
  .filter(el => el.offsetParent !== null)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.outerHTML.slice(0, 80))"""


@pytest.fixture
def signed_in(live_server, browser, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)

    def context(width, height):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        page = ctx.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("newsroom-demo")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/desk/")
        return page

    return context


def test_no_screen_scrolls_sideways_on_a_phone(signed_in, live_server):
    page = signed_in(390, 844)
    for path in SCREENS:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        name = path.strip("/").replace("/", "-") or "desk"
        page.screenshot(path=f"tests/screenshots/phone-{name}.png", full_page=True)
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"


def test_every_control_has_a_label_and_focus_is_visible(signed_in, live_server):
    page = signed_in(1366, 768)
    for path in SCREENS[:3]:
        page.goto(live_server.url + path)
        assert page.evaluate(UNLABELLED_CONTROLS) == [], path
    page.goto(f"{live_server.url}/desk/{EXAMPLE_SLUG}/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_label("Headline").focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


CLIPPED_FILTERS = """() => [...document.querySelectorAll('.filters select')].filter(select => {
  const style = getComputedStyle(select);
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
  probe.style.font = style.font;
  probe.textContent = select.options[select.selectedIndex].text;
  document.body.appendChild(probe);
  const arrow = 20;
  const needed = probe.offsetWidth + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + arrow;
  probe.remove();
  return needed > select.clientWidth;
}).map(select => select.name)"""


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_the_desk_filters_show_their_whole_choice_on_a_laptop(signed_in, live_server, width):
    page = signed_in(width, 768)
    assert page.evaluate(CLIPPED_FILTERS) == []
    page.screenshot(path=f"tests/screenshots/desk-filters-{width}.png")
