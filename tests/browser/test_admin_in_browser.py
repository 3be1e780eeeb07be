"""An admin signs in to the Django admin in a real browser and inspects an imported story."""

import pytest
from django.core.management import call_command

from tests.conftest import EXAMPLE_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_finds_the_imported_example_with_its_read_also_link(
    live_server, page, screenshot, settings
):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("newsroom-demo")
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Articles").first.click()
    page.get_by_role("textbox").first.fill("Desert on Fire")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Desert on Fire: Pro-Regime Fighters Killed").click()
    page.wait_for_load_state()  # the whole page, not the part parsed so far

    body = page.locator("#content").inner_text()
    assert EXAMPLE_SLUG in body  # published by the demo: its address is fixed, not a field
    assert page.locator("input[name=slug]").count() == 0
    assert "published" in body  # the demo reviewer's publication, in the audit trail
    assert "Not verified (standard)" in body
    assert (
        "after paragraph 6: “Hezbollah Sends More Reinforcements to Palmyra Desert: Source”" in body
    )
    assert "Imported from 000_252ad55ec63d5465.txt" in body
    screenshot("article")
