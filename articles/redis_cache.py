"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's backend builds a new `redis.Redis` object for every cache operation, and
redis-py's constructor is costly (it rebuilds its table of response callbacks):
about half a millisecond per call on our servers, twice per cached page. The
client is thread-safe and holds no connection of its own, so one per pool will do.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
