"""The intake screen: reports uploaded or pasted, checked as the importer reads them, and
stored only when an editor confirms."""

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, SourceStory
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED, PALMYRA_SLUG, SEEDS

pytestmark = pytest.mark.django_db
INTAKE = reverse("desk:intake")
CONFIRM = reverse("desk:confirm_intake")
ARABIC_SEED = SEEDS / "004_ar_enab_baladi_daraa_arrests.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "intake"
PASTED = (
    "Water Returns to Hasakah After Alouk Station Resumes Pumping\r\n\r\n"
    "Pumping resumed at the Alouk station on Sunday, North Press reported.\r\n\r\n"
    "Residents said water reached the city's eastern neighbourhoods by the evening.\r\n"
)


@pytest.fixture
def editor(client, users):
    client.force_login(users["editor"])
    return client


def upload(*paths_or_files):
    return [
        item
        if isinstance(item, SimpleUploadedFile)
        else SimpleUploadedFile(item.name, item.read_bytes())
        for item in paths_or_files
    ]


class CarriedInputs(HTMLParser):
    """The hidden inputs of the preview's confirmation form, as a browser would post them."""

    def __init__(self):
        super().__init__()
        self.inside, self.data = False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == CONFIRM
        elif tag == "input" and self.inside and attrs.get("name"):
            self.data[attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def carried(response):
    parser = CarriedInputs()
    parser.feed(response.content.decode())
    return parser.data


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_two_files_and_a_pasted_report_are_previewed_and_nothing_is_stored(editor):
    response = editor.post(INTAKE, {"files": upload(EXAMPLE_SEED, ARABIC_SEED), "text": PASTED})
    assert response.status_code == 200
    reports = response.context["reports"]
    assert [report.name for report in reports] == [
        EXAMPLE_SEED.name,
        ARABIC_SEED.name,
        reports[2].name,
    ]
    assert reports[2].name.startswith("pasted-")
    assert reports[2].name.endswith(".txt")
    assert [report.result.outcome for report in reports] == ["imported"] * 3
    page = response.content.decode()
    # What the importer read of the example: headline, standfirst, outlet, Read Also, disclaimer.
    assert "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants" in page
    assert "More pro-regime fighters were killed" in page  # its standfirst
    assert "SY-24" in page
    assert "after paragraph 6" in page
    assert "Hezbollah Sends More Reinforcements" in page
    assert "Not verified" in page
    assert "has not verified" in page
    assert EXAMPLE_SLUG in page  # what confirming will do
    # The Arabic report reads right to left; the pasted one names its outlet in its text.
    assert 'lang="ar" dir="rtl"' in page
    assert "حملة اعتقالات في ريف درعا" in page
    assert reports[2].seed.story.outlet == "North Press Agency"
    assert "Water Returns to Hasakah" in page
    assert SourceStory.objects.count() == 0
    assert Article.objects.count() == 0


def test_confirming_stores_them_and_they_are_on_the_desk(editor):
    preview = editor.post(INTAKE, {"files": upload(EXAMPLE_SEED, ARABIC_SEED), "text": PASTED})
    response = editor.post(CONFIRM, carried(preview), follow=True)
    assert response.redirect_chain == [(reverse("desk:desk"), 302)]
    told = messages_of(response)
    assert len(told) == 3
    assert told[0].startswith(f"Imported {EXAMPLE_SEED.name}: {EXAMPLE_SLUG}")
    assert all(message.startswith("Imported") for message in told)
    assert Article.objects.count() == 3
    listed = {article.source_story.headline for article in response.context["page"].object_list}
    assert "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants" in listed
    assert "Water Returns to Hasakah After Alouk Station Resumes Pumping" in listed
    assert len(listed) == 3


def test_an_intake_stores_what_import_seeds_stores(editor, import_seeds):
    """The same importer: the example gets its slug, paragraphs, disclaimer and Read Also."""
    preview = editor.post(INTAKE, {"files": upload(PALMYRA_SEED, EXAMPLE_SEED)})
    editor.post(CONFIRM, carried(preview))
    example = Article.objects.get(slug=EXAMPLE_SLUG)
    assert bytes(example.source_story.raw) == EXAMPLE_SEED.read_bytes()
    assert example.source_story.file_name == EXAMPLE_SEED.name
    assert example.current_revision.disclaimer.is_standard
    link = example.current_revision.read_also.get()
    assert (link.target.slug, link.after_paragraph) == (PALMYRA_SLUG, 6)
    code, out, _ = import_seeds(EXAMPLE_SEED, PALMYRA_SEED)
    assert code == 0
    assert "2 unchanged" in out


def test_a_refused_file_shows_why_and_does_not_hold_back_the_others(editor):
    files = upload(
        SimpleUploadedFile("empty.txt", b""),
        SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        EXAMPLE_SEED,
    )
    preview = editor.post(INTAKE, {"files": files})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Refused: the file is empty" in page
    assert "Refused: not a text file: it is a JPEG image; save the report as plain text" in page
    assert "Desert on Fire" in page
    assert "Of 3 files, 1 can be imported and 2 are refused" in page

    response = editor.post(CONFIRM, carried(preview), follow=True)
    assert messages_of(response) == [
        "Refused empty.txt: the file is empty",
        "Refused photo.jpg: not a text file: it is a JPEG image; save the report as plain text",
        f"Imported {EXAMPLE_SEED.name}: {EXAMPLE_SLUG} [SY-24, en, 9 paragraphs, 1 Read Also, disclaimer]",
    ]
    assert list(Article.objects.values_list("slug", flat=True)) == [EXAMPLE_SLUG]


def test_only_refused_files_offer_nothing_to_confirm(editor):
    response = editor.post(INTAKE, {"files": upload(SimpleUploadedFile("blank.txt", b" \n "))})
    page = response.content.decode()
    assert "Refused: the file holds only whitespace" in page
    assert "Nothing here is new to import" in page
    assert "Confirm:" not in page


def test_a_file_over_the_size_limit_is_named_and_nothing_is_read(editor, settings):
    settings.SEED_MAX_BYTES = 3000  # the example is 2,399 bytes
    big = SimpleUploadedFile("long-report.txt", b"A headline\n\n" + b"Words. " * 500)
    response = editor.post(INTAKE, {"files": [big, *upload(EXAMPLE_SEED)]})
    assert response.status_code == 400
    assert "reports" not in response.context
    errors = response.context["form"].errors["files"]
    assert errors == ["“long-report.txt” is 3,512 bytes, over the 3,000-byte limit for one report."]
    assert "“long-report.txt” is 3,512 bytes" in response.content.decode()


def test_pasted_text_over_the_size_limit_is_refused(editor, settings):
    settings.SEED_MAX_BYTES = 100
    response = editor.post(INTAKE, {"text": PASTED})
    assert response.status_code == 400
    size = len(PASTED.strip().replace("\r\n", "\n").encode())
    assert response.context["form"].errors["text"] == [
        f"The pasted text is {size} bytes, over the 100-byte limit for one report."
    ]


def test_nothing_chosen_is_refused(editor):
    response = editor.post(INTAKE, {"text": "  "})
    assert response.status_code == 400
    assert "Choose one or more files, or paste a report" in response.content.decode()


def test_too_many_files_at_once_are_refused(editor):
    files = [SimpleUploadedFile(f"{n}.txt", b"A headline\n\nA paragraph.") for n in range(51)]
    response = editor.post(INTAKE, {"files": files})
    assert response.status_code == 400
    assert response.context["form"].errors["files"] == [
        "At most 50 files at a time; there are 51. Import them in groups."
    ]


def test_files_too_large_to_carry_together_are_refused(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    files = [SimpleUploadedFile(f"{n}.txt", b"A headline\n\n" + b"x" * 3000) for n in range(3)]
    response = editor.post(INTAKE, {"files": files})
    assert response.status_code == 400
    assert "more than one import can take" in response.context["form"].errors["files"][0]


def test_a_paste_larger_than_a_request_may_be_is_answered_in_words(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = editor.post(INTAKE, {"text": "A headline\n\n" + "x" * 20_000})
    assert response.status_code == 400
    assert "more than one import can take at once" in response.content.decode()


def test_files_just_within_what_can_be_carried_reach_the_confirmation(editor, settings):
    """Posted as a browser posts the confirmation (URL-encoded), they are not too large."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000

    def report(n):  # 4,316 bytes of words no other report shares: just within the limit
        words = " ".join(hashlib.sha256(f"{n}-{i}".encode()).hexdigest()[:7] for i in range(538))
        return f"Headline {n}\n\n{words}.".encode()

    files = [SimpleUploadedFile(f"{n}.txt", report(n)) for n in range(3)]
    assert len(report(0)) == 4316
    preview = editor.post(INTAKE, {"files": files})
    assert preview.status_code == 200
    data = urlencode(carried(preview))
    assert len(data) > 17_000
    response = editor.post(CONFIRM, data, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert Article.objects.count() == 3


def test_the_same_text_pasted_twice_is_recognised(editor):
    first = editor.post(INTAKE, {"text": PASTED})
    editor.post(CONFIRM, carried(first))
    again = editor.post(INTAKE, {"text": PASTED.replace("\r\n", "\n")})
    [report] = again.context["reports"]
    assert report.name == first.context["reports"][0].name
    assert report.result.outcome == "unchanged"
    assert SourceStory.objects.count() == 1


def test_confirming_reads_the_bytes_again(editor):
    """What comes back from the preview is checked as if uploaded: changed bytes are read as
    they are now, and what is not a file carried by the preview stores nothing."""
    preview = editor.post(INTAKE, {"files": upload(EXAMPLE_SEED)})
    data = carried(preview)
    changed = data | {"form-0-content": base64.b64encode(b"\x00binary").decode()}
    response = editor.post(CONFIRM, changed, follow=True)
    assert messages_of(response) == [
        f"Refused {EXAMPLE_SEED.name}: not a text file: it contains NUL bytes"
    ]
    for broken in [
        data | {"form-0-content": "not base64!"},
        data | {"form-0-name": "../../etc/passwd"},
        data | {"form-TOTAL_FORMS": "0"},
        {},
    ]:
        response = editor.post(CONFIRM, broken)
        assert response.status_code == 400
        assert "upload them again" in response.content.decode()
    assert Article.objects.count() == 0


def test_two_files_of_one_name_are_refused_at_confirmation_too(editor):
    preview = editor.post(INTAKE, {"files": upload(EXAMPLE_SEED)})
    data = carried(preview)
    twice = data | {
        "form-TOTAL_FORMS": "2",
        "form-1-name": data["form-0-name"],
        "form-1-content": base64.b64encode(PALMYRA_SEED.read_bytes()).decode(),
    }
    response = editor.post(CONFIRM, twice)
    assert response.status_code == 400
    assert f"More than one file is named “{EXAMPLE_SEED.name}”" in response.content.decode()
    assert Article.objects.count() == 0


def test_flags_are_badges_with_their_labels_and_details(editor):
    files = upload(FIXTURES / "05_cut_off.txt", FIXTURES / "06_unknown_outlet.txt")
    response = editor.post(INTAKE, {"files": files})
    cut_off, unknown = response.context["reports"]
    assert cut_off.flags[0][0] == "cut off"
    assert unknown.flags == [
        (
            "outlet unconfirmed",
            "Suwayda 24 is new to the desk; an admin confirms it before publication",
        )
    ]
    page = response.content.decode()
    assert '<span class="flag">cut off</span> the text stops at' in page
    assert (
        '<span class="flag">outlet unconfirmed</span> Suwayda 24 is new to the desk; an admin confirms it before publication'
        in page
    )
    assert "<bdi>Suwayda 24</bdi> (new to the desk)" in page


def test_an_update_of_an_earlier_report_is_announced(editor, import_seeds, write_seed):
    import_seeds(write_seed("report.txt", PASTED))
    changed = PASTED.replace("by the evening", "by Monday evening").encode()
    response = editor.post(INTAKE, {"files": [SimpleUploadedFile("report.txt", changed)]})
    [report] = response.context["reports"]
    assert report.result.outcome == "updated"
    assert "If you confirm: <strong>updated</strong>" in response.content.decode()
    assert SourceStory.objects.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_translators_may_not_import(client, users, method):
    client.force_login(users["translator"])
    assert (
        getattr(client, method)(INTAKE, {"text": PASTED} if method == "post" else None).status_code
        == 403
    )
    assert client.post(CONFIRM, {}).status_code == 403
    assert "Import reports" not in client.get(reverse("desk:desk")).content.decode()
    assert SourceStory.objects.count() == 0


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(INTAKE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_editors_and_above_find_it_on_the_desk(client, users, role):
    client.force_login(users[role])
    assert f'href="{INTAKE}"' in client.get(reverse("desk:desk")).content.decode()
    assert client.get(INTAKE).status_code == 200


def test_files_already_here_are_not_counted_as_to_import(editor):
    editor.post(CONFIRM, carried(editor.post(INTAKE, {"files": upload(EXAMPLE_SEED)})))
    page = editor.post(INTAKE, {"files": upload(EXAMPLE_SEED)}).content.decode()
    assert "Of 1 file, 0 can be imported, 1 is here already." in page
    assert "Nothing here is new to import." in page
    assert "Confirm: import" not in page
