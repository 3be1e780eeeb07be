"""An editor imports reports on the intake screen in a real browser: two files and a pasted
report checked, confirmed, then on the desk."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article, SourceStory
from tests.browser.test_public_pages import serious_violations
from tests.checkers import AXE, require
from tests.conftest import SEEDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH = SEEDS / "002_enab_baladi_idlib_bread_prices.txt"
ARABIC = SEEDS / "004_ar_enab_baladi_daraa_arrests.txt"
# A report from an outlet the desk does not know yet: the importer flags it.
PASTED = (FIXTURES / "06_unknown_outlet.txt").read_text()


def sign_in(page, url):
    page.goto(url)
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()


def test_editor_uploads_pastes_checks_and_confirms(live_server, page, screenshot, users):
    sign_in(page, f"{live_server.url}/desk/")
    page.get_by_role("link", name="Import reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import reports")

    page.get_by_label("Report files").set_input_files([ENGLISH, ARABIC])
    page.get_by_label("Or paste a report").fill(PASTED)
    screenshot("form")
    page.get_by_role("button", name="Check the files").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check what the importer read")
    reports = page.locator(".intake-report")
    expect(reports).to_have_count(3)
    english, arabic, pasted = reports.nth(0), reports.nth(1), reports.nth(2)
    expect(english.get_by_role("heading")).to_have_text(ENGLISH.name)
    expect(english.locator(".intake-headline")).to_have_text(
        "Bread Prices Rise Again in Idlib as Flour Support Ends"
    )
    expect(english).to_contain_text("Enab Baladi")
    expect(english.locator(".read-also-marker")).to_contain_text(
        "Read Also after paragraph 3: “Water Returns to Hasakah After Alouk Station Resumes Pumping”"
    )
    expect(english).to_contain_text("Idlib, bread prices, Salvation Government")
    expect(english).to_contain_text("has not verified this report")
    expect(english.locator(".outcome")).to_contain_text("If you confirm: imported")
    first = arabic.locator(".intake-paragraph").first
    expect(first).to_have_attribute("dir", "rtl")
    expect(first).to_have_attribute("lang", "ar")
    expect(arabic).to_contain_text("Arabic")
    expect(pasted.get_by_role("heading")).to_have_text(re.compile(r"^pasted-[0-9a-f]{12}\.txt$"))
    expect(pasted.locator(".intake-headline")).to_have_text(
        "Protests Continue in Sweida Over Living Conditions"
    )
    expect(pasted.locator(".intake-flags li")).to_have_text(
        [
            "outlet unconfirmed Suwayda 24 is new to the desk; an admin confirms it before publication"
        ]
    )
    expect(pasted.locator(".flag")).to_have_text("outlet unconfirmed")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    screenshot("preview")
    assert SourceStory.objects.count() == 0  # nothing stored before confirming

    page.get_by_role("button", name="Confirm: import 3 files").click()
    expect(page).to_have_url(re.compile(r"/desk/$"))
    told = page.locator(".messages li")
    expect(told).to_have_count(3)
    expect(told.nth(0)).to_contain_text(f"Imported {ENGLISH.name}")
    rows = page.locator("#desk-results tbody tr")
    expect(rows).to_have_count(3)
    expect(page.locator("#desk-results")).to_contain_text("Bread Prices Rise Again in Idlib")
    expect(page.locator("#desk-results")).to_contain_text("حملة اعتقالات في ريف درعا الغربي")
    sweida = page.locator("#desk-results tbody tr", has_text="Protests Continue in Sweida")
    expect(sweida.locator(".flag")).to_have_text(re.compile("^outlet unconfirmed"))
    page.get_by_label("Flagged").select_option("outlet_unconfirmed")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Protests Continue in Sweida")
    screenshot("desk")
    assert Article.objects.count() == 3


def test_a_refused_file_is_shown_beside_the_others_on_a_phone(live_server, browser, users, request):
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, f"{live_server.url}/desk/intake/")
    page.get_by_label("Report files").set_input_files(
        [
            {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\x00\x01"},
            {"name": ARABIC.name, "mimeType": "text/plain", "buffer": ARABIC.read_bytes()},
        ]
    )
    page.get_by_role("button", name="Check the files").click()
    refused = page.locator(".intake-refused")
    expect(refused).to_contain_text("scan.pdf")
    expect(refused).to_contain_text("Refused: not a text file: it is a PDF document")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sideways
    page.get_by_role("button", name="Confirm: import 1 file").click()
    expect(page.locator(".messages")).to_contain_text("Refused scan.pdf: not a text file")
    expect(page.locator("#desk-results tbody tr")).to_have_count(1)
    context.close()


def test_axe_finds_no_serious_problem_on_the_intake_screen(live_server, browser, users):
    require(AXE, "axe-core (npm)")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True)
    page = context.new_page()
    sign_in(page, f"{live_server.url}/desk/intake/")
    problems = {"form": serious_violations(page)}
    page.get_by_role("button", name="Check the files").click()  # nothing chosen: refused
    problems["refused"] = serious_violations(page)
    page.get_by_label("Report files").set_input_files([ENGLISH, ARABIC])
    page.get_by_role("button", name="Check the files").click()
    problems["preview"] = serious_violations(page)
    context.close()
    assert {step: found for step, found in problems.items() if found} == {}
