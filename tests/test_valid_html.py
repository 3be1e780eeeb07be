"""Every screen is valid HTML by the Nu HTML checker: the public pages and the desk's."""

import json
import subprocess

import pytest
from django.core.management import call_command

from tests.checkers import VNU, java, require
from tests.conftest import EXAMPLE_SLUG

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


PUBLIC = ["/", f"/news/{EXAMPLE_SLUG}/", "/outlets/sy-24/", "/keywords/isis/", "/search/?q=Badia"]
DESK = [
    "/accounts/login/",
    "/desk/",
    f"/desk/{EXAMPLE_SLUG}/",
    f"/desk/{EXAMPLE_SLUG}/review/",
    f"/desk/{EXAMPLE_SLUG}/history/",
    f"/desk/{EXAMPLE_SLUG}/preview/",
    "/desk/rents-in-aleppo-double-within-a-year-as-returnees-compete-for-housing/review/",
    "/desk/enab-baladi-5a31ef0f/",
]


def test_public_and_desk_pages_are_valid_html(client, demo, tmp_path):
    vnu = require(VNU, "The Nu HTML checker (npm vnu-jar)")
    files = {}
    for number, url in enumerate(PUBLIC + DESK):
        if url.startswith("/desk/"):
            client.login(username="editor", password="newsroom-demo")
        response = client.get(url)
        assert response.status_code == 200, url
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
