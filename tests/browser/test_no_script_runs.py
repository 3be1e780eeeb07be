"""With the Content Security Policy switched off (an old browser, a proxy that drops the
header), classic payloads sent through a refused save, an autosave and a saved revision run
nowhere: not on the edit screen that comes back, nor on any screen that shows a body. The
policy is a second wall; the server's cleaning is the first."""

import json

import pytest
from playwright.sync_api import expect

from tests.conftest import EXAMPLE_SLUG

from .test_editing_desk import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SIGNAL = "window.__ran = (window.__ran || 0) + 1"
PAYLOADS = [
    f'<img src=x onerror="{SIGNAL}">',
    f'<a href="javascript:{SIGNAL}">click</a>',
    f'<svg onload="{SIGNAL}"></svg>',
    f"<script>{SIGNAL}</script>",
    f'<iframe src="javascript:{SIGNAL}"></iframe>',
    f'"><img src=x onerror="{SIGNAL}">',
]
HOSTILE_HTML = "".join(f"<p>Before {payload} after.</p>" for payload in PAYLOADS)
HOSTILE_DOCUMENT = [
    {"type": "paragraph", "attrs": {"id": f"p{n}"}, "content": [{"type": "text", "text": payload}]}
    for n, payload in enumerate(PAYLOADS)
] + [
    {
        "type": "paragraph",
        "attrs": {"id": "link"},
        "content": [
            {"type": "text", "text": "a link",
             "marks": [{"type": "link", "attrs": {"href": f"javascript:{SIGNAL}"}}]}
        ],
    }
]  # fmt: skip
DANGER = (
    "[onerror], [onload], [onclick], [onmouseover], script:not([src]):not([type='application/json']), "
    'a[href^="javascript" i], iframe[src^="javascript" i]'
)


def assert_nothing_ran(page, where):
    page.wait_for_timeout(300)  # an onerror fires once the image fails
    assert page.evaluate("window.__ran || 0") == 0, f"a payload ran on {where}"
    hostile = page.locator(DANGER).evaluate_all(
        "nodes => nodes.filter(n => !n.src && (n.outerHTML.includes('__ran'))).map(n => n.outerHTML)"
    )
    assert hostile == [], f"{where} holds {hostile}"


def send_body(page, document):
    page.locator("input[name=body]").evaluate(
        "(input, body) => { input.value = body; input.form.requestSubmit(); }",
        json.dumps(document),
    )
    page.wait_for_load_state()


@pytest.fixture
def without_policy(settings):
    settings.SECURE_CSP = {}


def test_payloads_run_on_no_screen_without_the_policy(
    live_server, page, demo_newsroom, without_policy
):
    from django.contrib.auth.models import User

    from articles.body import from_form
    from articles.editing import save_revision
    from articles.models import Article

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/desk/{article.slug}/")
    response = page.request.get(f"{live_server.url}/desk/{article.slug}/")
    assert "content-security-policy" not in response.headers  # the wall is down

    # A colleague saves first: the editor's save of hostile text is refused as stale.
    first = article.current_revision
    save_revision(
        article, author=User.objects.get(username="reviewer"), based_on=first,
        headline=first.headline, standfirst=first.standfirst, body=first.body,
        disclaimer=first.disclaimer, keywords=list(first.keywords.all()),
        outlet=article.outlet, assignee=None,
    )  # fmt: skip
    page.get_by_label("Headline").fill(PAYLOADS[0])
    send_body(page, HOSTILE_DOCUMENT)  # refused by the form: a javascript: link
    expect(page.get_by_text("a link must start with http://")).to_be_visible()
    assert_nothing_ran(page, "the edit screen after a refused body")
    send_body(page, HOSTILE_DOCUMENT[:-1])  # refused as stale: the colleague saved first
    expect(page.locator(".conflict")).to_be_visible()
    assert_nothing_ran(page, "the edit screen after a refused stale save")

    # The same through the no-script textarea's HTML, and as a revision and a working copy.
    body = from_form({"body_html": HOSTILE_HTML})
    article.refresh_from_db()
    save_revision(
        article, author=User.objects.get(username="editor"), based_on=article.current_revision,
        headline=PAYLOADS[1], standfirst=PAYLOADS[2], body=body, disclaimer=None,
        keywords=[], outlet=article.outlet, assignee=None,
    )  # fmt: skip
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    saved = page.request.post(
        f"{live_server.url}/desk/{article.slug}/autosave/",
        form={"body_html": HOSTILE_HTML, "headline": PAYLOADS[3],
              "based_on": str(article.current_revision_id)},
        headers={"X-CSRFToken": token, "Referer": f"{live_server.url}/desk/"},
    )  # fmt: skip
    assert saved.ok
    for screen in ["", "history/", "preview/", "review/"]:
        page.goto(f"{live_server.url}/desk/{article.slug}/{screen}")
        assert_nothing_ran(page, f"/desk/…/{screen}")
