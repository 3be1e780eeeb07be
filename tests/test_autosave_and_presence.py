"""Work in progress is kept every few seconds, and editors see who else has an article open."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from articles.body import paragraph, read_also
from articles.models import Revision, WorkingCopy

pytestmark = pytest.mark.django_db


def edit_data(article, **changes):
    revision = article.current_revision
    data = {
        "based_on": revision.pk,
        "headline": revision.headline,
        "standfirst": "",
        "body": json.dumps(revision.body),
        "outlet": article.outlet_id,
    }
    if "body_html" in changes:  # as a browser without JavaScript sends it
        del data["body"]
    return data | changes


def test_autosave_keeps_a_working_copy_not_a_revision(client, users, make_article):
    article = make_article("Story")
    client.force_login(users["editor"])
    response = client.post(
        reverse("desk:autosave_draft", args=[article.slug]),
        edit_data(
            article, headline="Half-written headline", body_html='<p onclick="x()">Typing…</p>'
        ),
    )
    assert "Draft saved at" in response.content.decode()
    assert Revision.objects.filter(article=article).count() == 1
    copy = WorkingCopy.objects.get(article=article, editor=users["editor"])
    assert copy.form_data["headline"] == ["Half-written headline"]
    [body] = [json.loads(value) for value in copy.form_data["body"]]  # cleaned on the way in
    assert [block["content"] for block in body] == [[{"type": "text", "text": "Typing…"}]]


def test_autosave_refuses_a_body_the_schema_does_not_allow_and_keeps_the_last_draft(
    client, users, make_article
):
    article = make_article("Story")
    client.force_login(users["editor"])
    url = reverse("desk:autosave_draft", args=[article.slug])
    client.post(url, edit_data(article, headline="Kept"))
    bad = [{"type": "paragraph", "content": [{"type": "text", "text": "x", "marks": [
        {"type": "link", "attrs": {"href": "javascript:alert(1)"}}]}]}]  # fmt: skip
    response = client.post(url, edit_data(article, headline="Lost", body=json.dumps(bad)))
    assert "Draft not kept" in response.content.decode()
    assert "a link must start with http://, https:// or mailto:" in response.content.decode()
    copy = WorkingCopy.objects.get(article=article, editor=users["editor"])
    assert copy.form_data["headline"] == ["Kept"]


def test_reopening_the_screen_restores_the_draft_and_saving_clears_it(client, users, make_article):
    article = make_article("Story")
    client.force_login(users["editor"])
    client.post(
        reverse("desk:autosave_draft", args=[article.slug]),
        edit_data(article, headline="Unsaved headline"),
    )
    page = client.get(reverse("desk:edit", args=[article.slug])).content.decode()
    assert "Your unsaved draft from" in page
    assert "Unsaved headline</textarea>" in page

    client.post(reverse("desk:edit", args=[article.slug]), edit_data(article, headline="Saved"))
    assert not WorkingCopy.objects.unsaved().exists()
    assert (
        "Your unsaved draft"
        not in client.get(reverse("desk:edit", args=[article.slug])).content.decode()
    )


def test_discarding_the_draft(client, users, make_article):
    article = make_article("Story")
    client.force_login(users["editor"])
    client.post(reverse("desk:autosave_draft", args=[article.slug]), edit_data(article))
    response = client.post(reverse("desk:discard_draft", args=[article.slug]), follow=True)
    assert "Your unsaved draft was discarded" in response.content.decode()
    assert not WorkingCopy.objects.exists()


def test_each_editor_has_their_own_working_copy(client, users, make_article):
    article = make_article("Story")
    for role in ["editor", "reviewer"]:
        client.force_login(users[role])
        client.post(
            reverse("desk:autosave_draft", args=[article.slug]),
            edit_data(article, headline=f"{role}'s draft"),
        )
    assert WorkingCopy.objects.count() == 2


def test_translators_cannot_autosave(client, users, make_article):
    article = make_article("Story")
    client.force_login(users["translator"])
    response = client.post(reverse("desk:autosave_draft", args=[article.slug]), edit_data(article))
    assert response.status_code == 403
    assert not WorkingCopy.objects.exists()


def test_the_screen_shows_who_else_has_the_article_open(users, make_article):
    article = make_article("Story")
    editor, reviewer = Client(), Client()
    editor.force_login(users["editor"])
    reviewer.force_login(users["reviewer"])
    editor.get(reverse("desk:edit", args=[article.slug]))
    page = reviewer.get(reverse("desk:edit", args=[article.slug])).content.decode()
    assert "Also open now by <strong>editor</strong>" in page
    heartbeat = editor.get(reverse("desk:presence", args=[article.slug])).content.decode()
    assert "Also open now by <strong>reviewer</strong>" in heartbeat


def test_two_sessions_saving_from_the_same_revision(users, make_article):
    """The second save is refused with the conflict shown; both texts are in history.
    CI runs this on PostgreSQL, where the save takes a row lock."""
    article = make_article("Story", paragraphs=["Original paragraph."])
    first, second = Client(), Client()
    first.force_login(users["editor"])
    second.force_login(users["reviewer"])
    url = reverse("desk:edit", args=[article.slug])
    first_text = edit_data(article, body_html="<p>First session's text.</p>")
    assert first.post(url, first_text).status_code == 302
    response = second.post(url, edit_data(article, body_html="<p>Second session's text.</p>"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "editor saved revision 2 while you were editing." in page
    assert '<ins dir="auto">First session&#x27;s text.</ins>' in page

    bodies = sorted(r.paragraph_texts[0] for r in article.revisions.all())
    assert bodies == ["First session's text.", "Original paragraph.", "Second session's text."]
    article.refresh_from_db()
    assert article.current_revision.paragraph_texts == ["First session's text."]


def test_preview_shows_the_autosaved_work_labelled_as_unsaved(client, users, make_article):
    article = make_article("Story", paragraphs=["Saved paragraph."])
    target = make_article("The linked story", status="published")
    client.force_login(users["editor"])
    preview = reverse("desk:preview", args=[article.slug])
    page = client.get(preview).content.decode()
    assert "Preview of revision 1, the last saved" in page
    assert "Saved paragraph." in page

    blocks = [paragraph("Typed, not saved."), read_also("", target=target.pk)]
    client.post(
        reverse("desk:autosave_draft", args=[article.slug]),
        edit_data(article, headline="Unsaved headline", body=json.dumps(blocks)),
    )
    page = client.get(preview).content.decode()
    assert "Preview of your <strong>unsaved work</strong>" in page
    assert "Unsaved headline" in page
    assert "Typed, not saved." in page
    assert "Saved paragraph." not in page
    assert page.index("Typed, not saved.") < page.index("The linked story")
    # Someone else's preview is of the saved revision, not this editor's work.
    client.force_login(users["reviewer"])
    assert "Saved paragraph." in client.get(preview).content.decode()


def test_preview_reads_a_working_copy_as_a_save_would(client, users, make_article):
    """Keywords by the same rule as a save (not only by exact name); a value the form would
    refuse is left out of the preview instead of failing it."""
    article = make_article("Story", keywords=["Al-Quds"])
    client.force_login(users["editor"])
    client.post(
        reverse("desk:autosave_draft", args=[article.slug]),
        edit_data(article, keywords="al quds, Brand new", disclaimer="abc"),
    )
    response = client.get(reverse("desk:preview", args=[article.slug]))
    assert response.status_code == 200
    assert [keyword.name for keyword in response.context["keywords"]] == ["Al-Quds"]
    assert response.context["revision"].disclaimer is None


def test_an_autosave_arriving_after_the_save_does_not_come_back_as_a_draft(
    client, users, make_article
):
    """Sent a moment before the editor pressed Save, an autosave can reach the server after
    the save: it must not bring the draft back, tied to the older revision, so that the
    editor's next save would be refused as a conflict with their own work."""
    article = make_article("Story")
    client.force_login(users["editor"])
    before = edit_data(article, headline="Typed before saving")
    client.post(reverse("desk:edit", args=[article.slug]), edit_data(article, headline="Saved"))
    response = client.post(reverse("desk:autosave_draft", args=[article.slug]), before)
    assert "Your changes are kept as a draft while you type." in response.content.decode()
    assert not WorkingCopy.objects.unsaved().exists()
    page = client.get(reverse("desk:edit", args=[article.slug])).content.decode()
    assert "Your unsaved draft" not in page
    article.refresh_from_db()
    again = client.post(
        reverse("desk:edit", args=[article.slug]), edit_data(article, headline="Next")
    )
    assert again.status_code == 302  # not a conflict with the editor's own save
    # Typing on from the saved revision is a draft again.
    article.refresh_from_db()
    client.post(reverse("desk:autosave_draft", args=[article.slug]), edit_data(article))
    assert WorkingCopy.objects.unsaved().filter(article=article).exists()


def test_control_characters_in_a_draft_or_a_search_are_no_error(client, users, make_article):
    article = make_article("Story")
    client.force_login(users["editor"])
    response = client.post(
        reverse("desk:autosave_draft", args=[article.slug]),
        edit_data(article, headline="Half\x00written\x07", note="a\x00b"),
    )
    assert "Draft saved at" in response.content.decode()
    copy = WorkingCopy.objects.get(article=article)
    assert (copy.form_data["headline"], copy.form_data["note"]) == (["Halfwritten"], ["ab"])
    search = reverse("desk:read_also_search", args=[article.slug])
    assert client.get(search, {"q": "Pal\x00myra"}).status_code == 200
    assert client.get("/search/", {"q": "\x00"}).status_code == 200
