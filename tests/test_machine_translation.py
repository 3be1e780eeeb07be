"""Optional machine translation against a LibreTranslate-compatible service: here a small
HTTP server the tests start on 127.0.0.1, answering well, slowly, or with an error."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from articles import machine_translation, translation

pytestmark = pytest.mark.django_db


class Service(BaseHTTPRequestHandler):
    behaviour = "ok"
    received = []

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Service.received.append(payload)
        if Service.behaviour == "slow":
            time.sleep(2)
        if Service.behaviour == "error":
            self.answer(500, {"error": "Model not loaded"})
        elif Service.behaviour == "garbage":
            self.answer(200, {"unexpected": True})
        else:
            self.answer(200, {"translatedText": [f"EN: {text}" for text in payload["q"]]})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def service(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Service)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Service.behaviour, Service.received = "ok", []
    settings.MACHINE_TRANSLATION_URL = f"http://127.0.0.1:{server.server_port}"
    settings.MACHINE_TRANSLATION_KEY = "secret"
    settings.MACHINE_TRANSLATION_TIMEOUT = 1
    yield Service
    server.shutdown()
    server.server_close()


@pytest.fixture
def arabic_article(make_article):
    return make_article("هجوم", language="ar", paragraphs=["قتل عنصران.", "وقالت مصادر."],
                        outlet="Enab Baladi")  # fmt: skip


def test_it_is_off_unless_configured(settings):
    settings.MACHINE_TRANSLATION_URL = ""
    assert not machine_translation.is_enabled()
    with pytest.raises(machine_translation.MachineTranslationError, match="not set up"):
        machine_translation.translate(["نص"], source="ar")


def test_a_working_service_translates_each_text_in_order(service):
    assert machine_translation.translate(["أ", "ب"], source="ar") == ["EN: أ", "EN: ب"]
    assert service.received == [
        {"q": ["أ", "ب"], "source": "ar", "target": "en", "format": "text", "api_key": "secret"}
    ]


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        ("slow", "did not answer within 1 seconds"),
        ("error", "refused the request (500: Model not loaded)"),
        ("garbage", "did not contain a translation for each paragraph"),
    ],
)
def test_a_failing_service_gives_a_clear_message(service, behaviour, message):
    service.behaviour = behaviour
    with pytest.raises(
        machine_translation.MachineTranslationError,
        match=message.replace("(", r"\(").replace(")", r"\)"),
    ):
        machine_translation.translate(["نص"], source="ar")


def test_an_unreachable_service_gives_a_clear_message(settings):
    settings.MACHINE_TRANSLATION_URL = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(machine_translation.MachineTranslationError, match="could not be reached"):
        machine_translation.translate(["نص"], source="ar")


def test_machine_output_is_marked_until_a_person_edits_it(client, users, service, arabic_article):
    client.force_login(users["translator"])
    segment = translation.segments_for(arabic_article)[1]
    client.post(reverse("desk:machine", args=[arabic_article.slug, segment.pk]))
    segment.refresh_from_db()
    assert (segment.translation, segment.state, segment.machine) == (
        "EN: قتل عنصران.",
        "draft",
        True,
    )
    page = client.get(reverse("desk:translate", args=[arabic_article.slug])).content.decode()
    assert "machine translation: check it" in page

    client.post(reverse("desk:save_segment", args=[arabic_article.slug, segment.pk]),
                {"translation": "Two fighters were killed.", "state": "done"})  # fmt: skip
    segment.refresh_from_db()
    assert (segment.machine, segment.translated_by) == (False, users["translator"])


def test_all_untranslated_segments_at_once_leaving_finished_work_alone(
    client, users, service, arabic_article
):
    client.force_login(users["translator"])
    first = translation.segments_for(arabic_article)[0]
    translation.save_segment(
        first, translation="My headline", state="done", user=users["translator"]
    )
    client.post(reverse("desk:machine_all", args=[arabic_article.slug]))
    texts = [s.translation for s in translation.segments_for(arabic_article)]
    assert texts == ["My headline", "EN: قتل عنصران.", "EN: وقالت مصادر."]


def test_a_failure_never_blocks_manual_work(client, users, service, arabic_article):
    service.behaviour = "error"
    client.force_login(users["translator"])
    response = client.post(reverse("desk:machine_all", args=[arabic_article.slug]), follow=True)
    page = response.content.decode()
    assert "refused the request (500: Model not loaded)" in page
    assert 'name="translation"' in page  # the screen is there to translate by hand
    assert all(s.state == "untranslated" for s in translation.segments_for(arabic_article))
