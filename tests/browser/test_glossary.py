"""A reviewer keeps the glossary in a real browser: removing a term asks first."""

import pytest
from playwright.sync_api import expect

from articles.arabic import normalize
from articles.models import GlossaryTerm

from .test_editing_desk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_removing_a_term_asks_first_and_a_no_keeps_it(live_server, page, users):
    GlossaryTerm.objects.create(source_term="لواء القدس", normalized=normalize("لواء القدس"),
                                rendering="Liwa al-Quds")  # fmt: skip
    users["reviewer"].set_password("newsroom-demo")  # the password sign_in types
    users["reviewer"].save()
    sign_in(page, live_server, "reviewer")
    page.goto(f"{live_server.url}/desk/glossary/")
    row = page.locator("tr", has_text="Liwa al-Quds")
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    row.get_by_role("button", name="Remove").click()
    expect(row).to_be_visible()
    assert "Remove “لواء القدس → Liwa al-Quds” from the glossary?" in questions[0]
    assert GlossaryTerm.objects.count() == 1

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    row.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Removed: لواء القدس → Liwa al-Quds.")).to_be_visible()
    assert GlossaryTerm.objects.count() == 0
