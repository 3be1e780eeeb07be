"""Editors edit an article; a save never silently overwrites a colleague's."""

import json

import pytest
from django.urls import reverse

from articles.body import block_html, block_text, paragraph
from articles.models import AuditRecord, Disclaimer
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG

pytestmark = pytest.mark.django_db


@pytest.fixture
def example(import_seeds):
    from articles.models import Article

    import_seeds(EXAMPLE_SEED)
    return Article.objects.get(slug=EXAMPLE_SLUG)


def form_data(article, **changes):
    revision = article.current_revision
    data = {
        "based_on": revision.pk,
        "headline": revision.headline,
        "standfirst": revision.standfirst,
        "body": json.dumps(revision.body),
        "keywords": "",
        "disclaimer": revision.disclaimer.pk if revision.disclaimer else "",
        "outlet": article.outlet.pk,
        "assignee": "",
        "note": "",
    }
    if "body_html" in changes:  # as a browser without JavaScript sends it
        del data["body"]
    return data | changes


def test_save_creates_a_revision_with_cleaned_body_and_keywords(client, users, example):
    client.force_login(users["editor"])
    body = "<p class='MsoNormal'><span style='x'>New <b>first</b> paragraph</span></p><script>x()</script>"
    response = client.post(
        reverse("desk:edit", args=[example.slug]),
        form_data(example, body_html=body, keywords="Badia, ISIS, badia", note="Tightened"),
        follow=True,
    )
    assert "Saved revision 2." in response.content.decode()
    example.refresh_from_db()
    revision = example.current_revision
    assert (revision.number, revision.author, revision.note) == (2, users["editor"], "Tightened")
    assert [str(block_html(block)) for block in revision.body] == [
        "<p>New <strong>first</strong> paragraph</p>"
    ]
    assert [k.name for k in revision.keywords.all()] == ["Badia", "ISIS"]
    assert example.status == "drafting"
    assert not revision.read_also.exists()  # the body posted has no Read Also line any more
    assert AuditRecord.objects.filter(action="edit", actor=users["editor"]).exists()


def test_disclaimer_attach_and_detach(client, users, example):
    client.force_login(users["editor"])
    client.post(reverse("desk:edit", args=[example.slug]), form_data(example, disclaimer=""))
    example.refresh_from_db()
    assert example.current_revision.disclaimer is None
    standard = Disclaimer.objects.get(is_standard=True)
    client.post(
        reverse("desk:edit", args=[example.slug]), form_data(example, disclaimer=standard.pk)
    )
    example.refresh_from_db()
    assert example.current_revision.disclaimer == standard
    assert all(standard.text[:40] not in text for text in example.current_revision.paragraph_texts)


def test_the_outlets_disclaimer_is_proposed(client, users, make_article):
    article = make_article("No notice yet", outlet="SY-24")
    client.force_login(users["editor"])
    response = client.get(reverse("desk:edit", args=[article.slug]))
    assert response.context["form"].initial["disclaimer"].is_standard
    assert "Proposed: SY-24’s stories need it." in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"body": ""}, "The body is empty: write at least one paragraph."),
        ({"headline": " "}, "The headline is empty: give the article a headline."),
    ],
)
def test_an_empty_headline_or_body_is_refused_in_words(client, users, example, changes, message):
    client.force_login(users["editor"])
    response = client.post(reverse("desk:edit", args=[example.slug]), form_data(example, **changes))
    assert message in response.content.decode()
    assert example.revisions.count() == 1


def test_empty_body_is_refused_and_nothing_changes(client, users, example):
    client.force_login(users["editor"])
    response = client.post(
        reverse("desk:edit", args=[example.slug]), form_data(example, body_html="<p> </p>")
    )
    assert "The body is empty: write at least one paragraph." in response.content.decode()
    assert example.revisions.count() == 1


def test_a_save_based_on_an_older_revision_is_refused_and_both_are_kept(client, users, example):
    stale = form_data(example, headline="Editor's headline")
    client.force_login(users["reviewer"])
    client.post(
        reverse("desk:edit", args=[example.slug]),
        form_data(example, headline="Reviewer's headline"),
    )

    client.force_login(users["editor"])
    response = client.post(reverse("desk:edit", args=[example.slug]), stale)
    page = response.content.decode()
    assert response.status_code == 409
    assert "reviewer saved revision 2 while you were editing." in page
    assert '<ins dir="auto">Reviewer&#x27;s headline</ins>' in page  # a rewrite: one block
    assert response.context["form"]["headline"].value() == "Editor's headline"
    assert response.context["form"]["based_on"].value() == example.revisions.get(number=2).pk

    example.refresh_from_db()
    assert example.current_revision.headline == "Reviewer's headline"
    assert sorted(example.revisions.values_list("headline", flat=True)) == [
        "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants",
        "Editor's headline",
        "Reviewer's headline",
    ]
    assert AuditRecord.objects.filter(action="edit_refused", actor=users["editor"]).exists()
    refused = example.revisions.get(headline="Editor's headline")
    assert refused.note == "Not made current: r2 was saved first"


def test_a_headline_typed_over_two_lines_is_saved_as_one(client, users, example):
    client.force_login(users["editor"])
    client.post(
        reverse("desk:edit", args=[example.slug]),
        form_data(example, headline="Desert on Fire:\r\n  Fighters Killed "),
    )
    example.refresh_from_db()
    assert example.current_revision.headline == "Desert on Fire: Fighters Killed"


def test_the_editor_sees_the_changes_the_reviewer_asked_for(client, users, ready_article):
    from articles import workflow

    article = ready_article("in_review")
    workflow.apply(article, "request_changes", actor=users["reviewer"],
                   comment="Name the source in the standfirst.")  # fmt: skip
    client.force_login(users["editor"])
    page = client.get(reverse("desk:edit", args=[article.slug])).content.decode()
    assert "<strong>Changes requested</strong> by reviewer" in page
    assert "<blockquote>Name the source in the standfirst.</blockquote>" in page


def test_a_body_refused_as_a_whole_comes_back_to_the_editor_as_far_as_it_can_be_read(
    client, users, example
):
    """Refused for its size, or for one bad link: the editor gets the text back, not the last
    saved revision, so that nothing typed is lost while the problem is put right."""
    client.force_login(users["editor"])
    many = [paragraph(f"Paragraph {n} the editor typed.") for n in range(2001)]
    response = client.post(
        reverse("desk:edit", args=[example.slug]), form_data(example, body=json.dumps(many))
    )
    assert "The body has more than 2000 blocks" in response.content.decode()
    blocks = response.context["body_document"]
    assert len(blocks) == 2001
    assert blocks[-1]["content"][0]["text"] == "Paragraph 2000 the editor typed."

    link = {"type": "link", "attrs": {"href": "javascript:alert(1)"}}
    bad = [paragraph("Kept."), {"type": "paragraph", "attrs": {"id": "x"}, "content": [
        {"type": "text", "text": "Words kept", "marks": [link]}]}]  # fmt: skip
    response = client.post(
        reverse("desk:edit", args=[example.slug]), form_data(example, body=json.dumps(bad))
    )
    assert "a link must start with http://, https:// or mailto:" in response.content.decode()
    assert [block_text(b) for b in response.context["body_document"]] == ["Kept.", "Words kept"]
    assert "javascript:" not in json.dumps(response.context["body_document"])
    assert example.revisions.count() == 1


def test_a_paragraph_that_reads_read_also_is_a_read_also_link(client, users, example):
    client.force_login(users["editor"])
    body = [*example.current_revision.body, paragraph("Read Also: Bread Prices Rise in Idlib")]
    client.post(
        reverse("desk:edit", args=[example.slug]), form_data(example, body=json.dumps(body))
    )
    example.refresh_from_db()
    last = example.current_revision.body[-1]
    assert (last["type"], last["attrs"]["headline"]) == ("read_also", "Bread Prices Rise in Idlib")


def test_a_story_still_to_translate_can_be_assigned_and_given_metadata_without_english(
    client, users, import_seeds
):
    """An editor assigns an Arabic report to a translator, adds keywords, the disclaimer and
    a Read Also link, before anyone has written English; the link keeps its place among the
    source's paragraphs for when the translation is saved."""
    from articles.body import read_also
    from articles.models import Article
    from tests.conftest import SEEDS

    import_seeds(SEEDS / "005_ar_sy24_deir_ezzor_fuel.txt")  # Read Also after paragraph 3
    article = Article.objects.get()
    imported = article.current_revision
    client.force_login(users["editor"])
    body = [*imported.body, read_also("Another story to link")]
    response = client.post(reverse("desk:edit", args=[article.slug]), {
        "based_on": imported.pk, "headline": "", "body": json.dumps(body),
        "keywords": "Deir Ezzor, Fuel", "outlet": article.outlet_id,
        "assignee": users["translator"].pk,
        "disclaimer": Disclaimer.objects.get(is_standard=True).pk,
    })  # fmt: skip
    assert response.status_code == 302
    article.refresh_from_db()
    saved = article.current_revision
    assert article.assignee == users["translator"]
    assert [k.name for k in saved.keywords.all()] == ["Deir Ezzor", "Fuel"]
    assert saved.disclaimer.is_standard
    places = [link.after_paragraph for link in saved.read_also.order_by("position")]
    assert places == [3, 0]  # the imported link keeps its place in the source


def test_a_body_refused_for_its_length_comes_back_to_the_editor(client, users, example):
    client.force_login(users["editor"])
    long = [paragraph("Typed by the editor. " + "x" * 1400) for _ in range(1500)]
    data = form_data(example, body=json.dumps(long))
    assert len(data["body"]) > 2_000_000
    response = client.post(reverse("desk:edit", args=[example.slug]), data)
    assert "The body is too long to save" in response.content.decode()
    assert len(response.context["body_document"]) == 1500


def test_a_save_the_workflow_refuses_creates_no_keyword(client, users, example):
    from articles.models import Article, Keyword

    Article.objects.filter(pk=example.pk).update(status="spiked")
    client.force_login(users["editor"])
    response = client.post(
        reverse("desk:edit", args=[example.slug]),
        form_data(example, keywords="A keyword nobody has used"),
    )
    assert response.status_code == 200  # refused, with the reason on the form
    assert not Keyword.objects.filter(name="A keyword nobody has used").exists()
