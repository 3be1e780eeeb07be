"""Readers keep getting pages, and never a withdrawn one, when the cache or the database
fails: Redis down, Redis restarted from an old copy of itself, PostgreSQL down."""

import logging
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

from articles import public_cache, workflow

pytestmark = pytest.mark.django_db

UNREACHABLE = {
    "default": {
        "BACKEND": "articles.redis_cache.SharedRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture(autouse=True)
def healthy_cache():
    public_cache._CacheHealth.down_since = None
    public_cache._CacheHealth.retry_at = 0.0
    yield
    public_cache._CacheHealth.down_since = None


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_with_redis_down_pages_are_served_and_an_unpublish_takes_effect(
    settings, client, ready_article, users, committing, caplog
):
    article = ready_article("published")
    settings.CACHES = UNREACHABLE
    caplog.set_level(logging.WARNING, logger="articles.public_cache")
    for _ in range(3):
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert "Ready to publish" in response.content.decode()
    with committing():
        workflow.apply(article, "unpublish", actor=users["reviewer"], comment="Withdrawn.")
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get("/").status_code == 200
    errors = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(errors) == 1  # logged when it started, not for every request


def test_a_cache_restored_from_an_old_copy_never_serves_a_withdrawn_page(
    client, ready_article, users, committing
):
    article = ready_article("published")
    assert client.get(article.get_absolute_url()).status_code == 200  # cached
    old_copy = dict(cache._cache), dict(cache._expire_info)  # LocMem: the whole cache
    with committing():
        workflow.apply(article, "unpublish", actor=users["reviewer"], comment="Withdrawn.")
    assert client.get(article.get_absolute_url()).status_code == 404
    cache._cache.clear()
    cache._cache.update(old_copy[0])  # as Redis restarting from a file saved before
    cache._expire_info.update(old_copy[1])
    assert client.get(article.get_absolute_url()).status_code == 404


def test_with_the_database_down_cached_pages_are_served_and_others_answer_503(
    settings, ready_article
):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    cached = ready_article("published", "Cached before the outage")
    assert client.get(cached.get_absolute_url()).status_code == 200
    down = OperationalError("could not connect to server: Connection refused")
    with (
        mock.patch.object(
            public_cache, "connection", mock.Mock(cursor=mock.Mock(side_effect=down))
        ),
        mock.patch("articles.views.public.published_page", side_effect=down),
    ):
        served = client.get(cached.get_absolute_url())
        assert served.status_code == 200
        assert "Cached before the outage" in served.content.decode()
        other = client.get("/news/not-cached-yet/")
    assert other.status_code == 503
    assert "database is not answering" in other.content.decode()
    assert other["Retry-After"] == "60"
