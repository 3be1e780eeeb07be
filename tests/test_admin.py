"""Admins inspect and manage the newsroom in the Django admin."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import (
    Article,
    AuditRecord,
    Disclaimer,
    Keyword,
    Outlet,
    ReadAlsoLink,
    Revision,
    SourceStory,
)
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED, SEEDS

pytestmark = pytest.mark.django_db

MODELS = [Outlet, Disclaimer, Keyword, SourceStory, Article, Revision, ReadAlsoLink, AuditRecord]


@pytest.fixture
def admin_client(client, users, import_seeds):
    import_seeds(SEEDS)
    client.force_login(users["admin"])
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_list_and_a_detail_page(admin_client, model):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_article_page_shows_outlet_disclaimer_read_also_and_revisions(admin_client):
    article = Article.objects.get(slug=EXAMPLE_SLUG)
    page = admin_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert "SY-24" in page
    assert "Not verified (standard)" in page
    assert (
        "after paragraph 6: “Hezbollah Sends More Reinforcements to Palmyra Desert: Source”" in page
    )
    assert "hezbollah-sends-more-reinforcements-to-palmyra-desert-source</a>" in page
    assert ">r1</a>" in page
    assert "Imported from 000_252ad55ec63d5465.txt" in page


def test_article_list_filters_and_search(admin_client):
    url = admin_url(Article, "changelist")
    page = admin_client.get(url, {"q": "Palmyra"}).content.decode()
    assert "Hezbollah Sends More Reinforcements" in page
    assert "Desert on Fire" not in page
    page = admin_client.get(url, {"source_story__language__exact": "ar"}).content.decode()
    assert "2 articles" in page


def test_source_story_shows_the_raw_file_and_cannot_be_edited(admin_client):
    story = SourceStory.objects.get(file_name=EXAMPLE_SEED.name)
    page = admin_client.get(admin_url(SourceStory, "change", story.pk)).content.decode()
    assert "Logo Wide" in page  # the raw file, boilerplate and all
    assert 'name="headline"' not in page
    response = admin_client.post(admin_url(SourceStory, "change", story.pk), {"headline": "X"})
    assert response.status_code == 403
    assert SourceStory.objects.get(pk=story.pk).headline == story.headline


def test_audit_records_cannot_be_changed_or_deleted(admin_client):
    record = AuditRecord.objects.first()
    assert (
        admin_client.post(admin_url(AuditRecord, "delete", record.pk), {"post": "yes"}).status_code
        == 403
    )
    assert AuditRecord.objects.filter(pk=record.pk).exists()


def test_export_action_downloads_the_interchange_format(admin_client):
    article = Article.objects.get(slug=EXAMPLE_SLUG)
    response = admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "export_as_json", "_selected_action": [article.pk]},
    )
    assert response["Content-Disposition"] == 'attachment; filename="articles.json"'
    [exported] = json.loads(response.content)
    assert exported["slug"] == EXAMPLE_SLUG
    assert exported["read_also"][0]["after_paragraph"] == 6


def test_match_action_links_waiting_read_also(client, users, import_seeds):
    import_seeds(EXAMPLE_SEED, PALMYRA_SEED)
    link = ReadAlsoLink.objects.get(target_headline__startswith="Hezbollah")
    link.target = None
    link.save()
    client.force_login(users["admin"])
    response = client.post(
        admin_url(ReadAlsoLink, "changelist"),
        {"action": "match_now", "_selected_action": [link.pk]},
        follow=True,
    )
    assert "1 Read Also link(s) matched to an article." in response.content.decode()
    link.refresh_from_db()
    assert link.target.source_story.file_name == PALMYRA_SEED.name


def test_only_one_standard_disclaimer(admin_client):
    before = Disclaimer.objects.count()
    response = admin_client.post(
        admin_url(Disclaimer, "add"), {"name": "Second", "text": "Other.", "is_standard": "on"}
    )
    assert "Only one disclaimer can be the standard one." in response.content.decode()
    assert Disclaimer.objects.count() == before
    assert Disclaimer.objects.filter(is_standard=True).count() == 1


def test_editors_are_kept_out_of_the_admin(client, users):
    client.force_login(users["editor"])
    response = client.get(admin_url(Article, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_admin_publishing_goes_through_the_workflow(client, users, ready_article):
    approved = ready_article("approved", "Approved story")
    drafting = ready_article("drafting", "Draft story")
    client.force_login(users["admin"])
    response = client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_approved", "_selected_action": [approved.pk, drafting.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "“Approved story”: published." in page
    assert (
        "“Draft story”: “Publish now” is not possible while the article is in the state “Drafting”."
        in page
    )
    approved.refresh_from_db()
    drafting.refresh_from_db()
    assert (approved.status, drafting.status) == ("published", "drafting")
    assert AuditRecord.objects.get(article=approved).actor == users["admin"]


def test_a_published_articles_address_cannot_be_changed_in_the_admin(client, users, ready_article):
    article = ready_article("published")
    client.force_login(users["admin"])
    page = client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert 'name="slug"' not in page
    draft = ready_article("drafting")
    page = client.get(admin_url(Article, "change", draft.pk)).content.decode()
    assert f'name="slug" value="{draft.slug}"' in page


def test_an_article_cannot_take_the_address_of_a_desk_page(ready_article):
    draft = ready_article("drafting")
    draft.slug = "glossary"
    with pytest.raises(ValidationError, match="the address of a desk page"):
        draft.full_clean()


def test_the_admin_cannot_change_what_readers_see_of_a_live_article(admin_client):
    """A live article's outlet, its Read Also targets and its published revision change only
    through the desk and the workflow, reviewed and audited."""
    from django.utils import timezone

    article = Article.objects.get(slug=EXAMPLE_SLUG)
    Article.objects.filter(pk=article.pk).update(
        status="published", published_revision=article.current_revision,
        published_at=timezone.now(), last_published_at=timezone.now(),
    )  # fmt: skip
    other_outlet = Outlet.objects.exclude(pk=article.outlet_id).first()
    page = admin_client.get(admin_url(Article, "change", article.pk)).content.decode()
    assert 'name="outlet"' not in page
    assert 'name="published_revision"' not in page
    admin_client.post(
        admin_url(Article, "change", article.pk),
        {"outlet": other_outlet.pk, "slug": "renamed", "assignee": ""},
    )
    article.refresh_from_db()
    assert (article.slug, article.outlet) != ("renamed", other_outlet)
    assert article.outlet != other_outlet
    link = ReadAlsoLink.objects.filter(revision__article=article).first()
    link_page = admin_client.get(admin_url(ReadAlsoLink, "change", link.pk)).content.decode()
    assert 'name="target"' not in link_page


def test_a_keyword_on_a_published_article_cannot_be_deleted(admin_client, ready_article):
    article = ready_article("published", "Story about Palmyra", keywords=["Palmyra"])
    keyword = Keyword.objects.get(name="Palmyra")
    page = admin_client.get(admin_url(Keyword, "delete", keyword.pk)).content.decode()
    assert "Story about Palmyra" in page
    response = admin_client.post(admin_url(Keyword, "delete", keyword.pk), {"post": "yes"})
    assert Keyword.objects.filter(pk=keyword.pk).exists()
    assert article.published_revision.keywords.filter(pk=keyword.pk).exists()
    assert response.status_code in {200, 403}
    unused = Keyword.objects.create(name="Unused", slug="unused")
    admin_client.post(admin_url(Keyword, "delete", unused.pk), {"post": "yes"})
    assert not Keyword.objects.filter(pk=unused.pk).exists()
