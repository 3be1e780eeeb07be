"""The page cache on Redis, as production runs it (REDIS_URL)."""

import os

import pytest
from django.core.cache.backends.redis import RedisCache

from articles.redis_cache import SharedRedisCache

REDIS = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_cache():
    cache = SharedRedisCache(REDIS, {})
    try:
        cache.clear()
    except Exception as error:
        if os.environ.get("REQUIRE_BROWSER"):  # CI starts Redis: there, not finding it fails
            pytest.fail(f"no Redis at {REDIS}: {error}")
        pytest.skip(f"no Redis at {REDIS}: {error}")
    yield cache
    cache.clear()


def test_it_stores_and_reads_like_djangos_backend(redis_cache):
    redis_cache.set("page", (1, b"<p>x</p>"), 60)
    assert redis_cache.get_many(["page", "missing"]) == {"page": (1, b"<p>x</p>")}
    assert RedisCache(REDIS, {}).get("page") == (1, b"<p>x</p>")


def test_it_keeps_one_client_instead_of_building_one_per_call(redis_cache):
    redis_cache.get("a")
    redis_cache.set("b", 1)
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
