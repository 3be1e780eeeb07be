"""Every desk URL, for anonymous visitors and each role: who gets in, and that a
refusal changes nothing."""

import pytest
from django.urls import reverse

from articles.models import Revision, WorkingCopy

pytestmark = pytest.mark.django_db

ROLES = ["translator", "editor", "reviewer", "admin"]
# (name, method, needs: the permission the URL requires)
URLS = [
    ("desk", "get", "view_article"),
    ("edit", "get", "change_article"),
    ("edit", "post", "change_article"),
    ("history", "get", "view_article"),
    ("restore", "post", "change_article"),
    ("preview", "get", "view_article"),
    ("autosave_draft", "post", "change_article"),
    ("discard_draft", "post", "change_article"),
    ("presence", "get", "change_article"),
    ("read_also_search", "get", "change_article"),
    ("review", "get", "view_article"),
    ("take_action", "post", "change_article"),  # spiking, which editors may do
]


def url_for(name, article):
    if name == "desk":
        return reverse("desk:desk")
    if name == "restore":
        return reverse("desk:restore", args=[article.slug, 1])
    if name == "take_action":
        return reverse("desk:take_action", args=[article.slug, "spike"])
    return reverse(f"desk:{name}", args=[article.slug])


def post_data(article):
    revision = article.current_revision
    return {
        "based_on": revision.pk,
        "headline": "Changed",
        "body_html": "<p>Changed.</p>",
        "outlet": article.outlet_id,
        "comment": "Not for us.",
    }


@pytest.mark.parametrize(("name", "method", "needs"), URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, make_article, name, method, needs):
    article = make_article()
    make_article("A published target", status="published")
    data = post_data(article) if method == "post" else None
    response = getattr(client, method)(url_for(name, article), data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert Revision.objects.count() == 2


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "needs"), URLS)
def test_each_role(client, users, make_article, role, name, method, needs):
    article = make_article()
    make_article("A published target", status="published")
    user = users[role]
    client.force_login(user)
    data = post_data(article) if method == "post" else None
    response = getattr(client, method)(url_for(name, article), data)
    if user.has_perm(f"articles.{needs}"):
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == 403
        assert Revision.objects.count() == 2
        assert not WorkingCopy.objects.exists()
        assert not article.audit_records.exists()


def test_translators_read_but_do_not_edit(users):
    translator = users["translator"]
    assert translator.has_perm("articles.view_article")
    assert not translator.has_perm("articles.change_article")
    assert users["editor"].has_perm("articles.change_article")


def test_translators_open_articles_in_preview_and_are_told_why_not_edit(
    client, users, make_article
):
    article = make_article("Story")
    client.force_login(users["translator"])
    desk = client.get(reverse("desk:desk")).content.decode()
    assert (
        f'href="{reverse("desk:preview", args=[article.slug])}" data-hx-boost="false">Story</a>'
        in desk
    )
    refused = client.get(reverse("desk:edit", args=[article.slug]))
    assert refused.status_code == 403
    assert "Only editors and reviewers can edit articles; your role can read them." in (
        refused.content.decode()
    )
    assert "change_article" not in refused.content.decode()


@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_no_get_changes_stored_data(client, users, make_article, role):
    """Opening any desk screen, the translation screen of a story not yet translated
    included, writes nothing (the edit screen's note of who has it open aside)."""
    from tests.conftest import stored_state

    article = make_article()
    arabic = make_article("هجوم", language="ar", paragraphs=["نص."], outlet="Enab Baladi")
    arabic.segments.all().delete()  # as before segments were made at import: none may appear
    if role != "anonymous":
        client.force_login(users[role])
    before = stored_state()
    for name, method, _ in URLS:
        if method == "get":
            client.get(url_for(name, article))
    client.get(reverse("desk:translate", args=[arabic.slug]))
    client.get(reverse("desk:review", args=[arabic.slug]))
    assert stored_state() == before
