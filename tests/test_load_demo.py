"""`make run` sets up a demo newsroom with `manage.py load_demo`."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, AuditRecord
from articles.workflow import publishing_checks
from tests.conftest import EXAMPLE_SLUG, SEEDS

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_one_account_per_role_and_the_seeds(settings):
    settings.DEBUG = True
    load_demo()
    for role in ["admin", "editor", "translator", "reviewer"]:
        user = authenticate(username=role, password="newsroom-demo")
        assert user is not None
        assert list(user.groups.values_list("name", flat=True)) == [role]
    assert get_user_model().objects.get(username="admin").is_superuser
    assert not get_user_model().objects.get(username="editor").is_staff
    assert Article.objects.count() == len(list(SEEDS.glob("*.txt")))


def test_running_it_again_changes_nothing(settings):
    settings.DEBUG = True
    load_demo()
    before = (
        get_user_model().objects.count(),
        Article.objects.count(),
        AuditRecord.objects.count(),
    )
    out = load_demo()
    assert "Created" not in out
    after = (get_user_model().objects.count(), Article.objects.count(), AuditRecord.objects.count())
    assert after == before


def test_refuses_a_production_site(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        load_demo()
    assert not get_user_model().objects.exists()


def test_the_english_stories_are_published_through_the_workflow(settings, client):
    settings.DEBUG = True
    out = load_demo()
    assert "Published 7 demo stories through the workflow." in out
    example = Article.objects.get(slug=EXAMPLE_SLUG)
    assert example.status == "published"
    steps = list(
        example.audit_records.order_by("at", "pk").values_list("action", "actor__username")
    )
    assert steps[-3:] == [("submit", "editor"), ("approve", "reviewer"), ("publish", "reviewer")]
    page = client.get(example.get_absolute_url()).content.decode()
    assert "Read Also:" in page  # its link to the Palmyra story, published first
    assert set(
        Article.objects.filter(source_story__language="ar").values_list("status", flat=True)
    ) == {"new"}
    [left] = Article.objects.filter(status="in_review")  # one left for the reviewer to try
    assert all(check.passed for check in publishing_checks(left)), "the reviewer can approve it"
    assert "Desert on Fire" in client.get("/").content.decode()


def test_no_publishing_leaves_every_story_on_the_desk(settings):
    settings.DEBUG = True
    call_command("load_demo", no_publishing=True, stdout=StringIO())
    assert not Article.objects.published().exists()
