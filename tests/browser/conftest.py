"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live server.

With REQUIRE_BROWSER set (CI sets it), a missing browser fails the run instead
of skipping the browser tests.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the tests' own database
# calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)  # as long as actions wait, for a loaded CI machine
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Save a screenshot under tests/screenshots/, named after the test, to look at."""

    def take(name):
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def browser_reference_data(reference_data):
    """Browser tests run in real transactions: see reference_data in tests/conftest.py."""


@pytest.fixture
def demo_newsroom(settings):
    """The demo newsroom with nothing published but the Palmyra story, which the example
    links to as Read Also: the desk as an editor finds it before a first publication."""
    from django.core.management import call_command
    from django.utils import timezone

    from articles.models import Article, ArticleStatus
    from tests.conftest import PALMYRA_SLUG

    settings.DEBUG = True
    call_command("load_demo", no_publishing=True, verbosity=0)
    palmyra = Article.objects.get(slug=PALMYRA_SLUG)
    Article.objects.filter(pk=palmyra.pk).update(
        status=ArticleStatus.PUBLISHED,
        published_revision=palmyra.current_revision,
        published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
