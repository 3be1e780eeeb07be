"""Every screen is valid HTML by the Nu HTML checker: the public pages and the desk's."""

import json
import re
import subprocess
from itertools import chain

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from articles.models import Article
from tests.checkers import VNU, java, require
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


PUBLIC = ["/", f"/news/{EXAMPLE_SLUG}/", "/outlets/sy-24/", "/keywords/isis/", "/search/?q=Badia"]
ARABIC_SEED = SEEDS / "004_ar_enab_baladi_daraa_arrests.txt"
DESK = [
    "/accounts/login/",
    "/desk/",
    f"/desk/{EXAMPLE_SLUG}/",
    f"/desk/{EXAMPLE_SLUG}/review/",
    f"/desk/{EXAMPLE_SLUG}/history/",
    f"/desk/{EXAMPLE_SLUG}/preview/",
    "/desk/rents-in-aleppo-double-within-a-year-as-returnees-compete-for-housing/review/",
    "/desk/enab-baladi-5a31ef0f/",
    "/desk/intake/",
]


def dangling_references(html):
    """ids named by aria-describedby, aria-labelledby or a label's for that the page lacks:
    the Nu checker lets these pass, and a screen reader then reads nothing."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    named = re.findall(r'\s(?:aria-describedby|aria-labelledby|for)="([^"]+)"', html)
    return sorted({name for names in named for name in names.split()} - ids)


def refused_forms(client):
    """Screens showing a refused form, whose error messages the fields must point at."""
    client.login(username="reviewer", password="newsroom-demo")
    yield "glossary, refused", client.post("/desk/glossary/", {"source_term": " "})
    english = Article.objects.filter(source_story__language="en").first()
    empty = {"based_on": english.current_revision.pk, "headline": "", "body_html": "<p> </p>"}
    yield "edit, refused", client.post(f"/desk/{english.slug}/", empty)
    in_review = Article.objects.get(status="in_review")
    action = f"/desk/{in_review.slug}/review/request_changes/"
    yield (
        "review, refused",
        client.post(action, {"seen_revision": in_review.current_revision.number}),
    )
    empty = SimpleUploadedFile("empty.txt", b"")
    yield "intake, refused", client.post("/desk/intake/", {"files": [empty, empty]})


def posted_screens(client):
    """Screens that answer a form without refusing it."""
    client.login(username="editor", password="newsroom-demo")
    files = [
        SimpleUploadedFile(path.name, path.read_bytes()) for path in [EXAMPLE_SEED, ARABIC_SEED]
    ]
    files.append(SimpleUploadedFile("scan.pdf", b"%PDF-1.7\x00"))
    yield "intake, preview", client.post("/desk/intake/", {"files": files, "text": "Pasted\nText."})


def test_public_and_desk_pages_are_valid_html(client, demo, tmp_path):
    vnu = require(VNU, "The Nu HTML checker (npm vnu-jar)")
    files = {}
    # public pages as a reader sees them
    pages = chain(PUBLIC, DESK, refused_forms(client), posted_screens(client))
    for number, url in enumerate(pages):
        if isinstance(url, tuple):
            url, response = url
            if url.endswith("refused"):
                assert b'aria-invalid="true"' in response.content, url
        else:
            if url.startswith("/desk/"):
                client.login(username="editor", password="newsroom-demo")
            response = client.get(url)
            assert response.status_code == 200, url
        assert dangling_references(response.content.decode()) == [], url
        path = tmp_path / f"page{number}.html"
        path.write_bytes(response.content)
        files[str(path)] = url
    result = subprocess.run(
        [str(java()), "-jar", str(vnu), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(result.stderr or "{}").get("messages", [])
    problems = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert problems == []
