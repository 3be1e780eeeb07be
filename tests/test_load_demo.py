"""`make run` sets up a demo newsroom with `manage.py load_demo`."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, AuditRecord
from tests.conftest import SEEDS

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
