"""The public site's state."""

from django.db import models


class PublicGeneration(models.Model):
    """The public site's generation: one row, its number raised in the same transaction as any
    change to what a public page shows (articles/public_cache.py). Cached pages carry the
    number they were rendered under; the database, not the cache, says which is current, so
    that a cache restarted from an old copy of itself cannot bring a withdrawn page back."""

    number = models.BigIntegerField(default=1)

    def __str__(self):
        return f"generation {self.number}"
