"""Models that remember what the database holds of them."""


class RemembersLoaded:
    """A model whose pages are filed under names it can change (its slug, its outlet, the
    revision readers see): each instance keeps those values as the database holds them
    (`as_loaded`: as loaded, refreshed, or last saved), so that a change purges the pages
    filed under the old ones too (purging.keys_touched, from the post_save signal). A name
    not loaded (a deferred field) is read from the database before a save changes it."""

    remembered = ()

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance._remember()
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember()

    def save(self, *args, **kwargs):
        known = getattr(self, "as_loaded", {})
        unknown = [name for name in self.remembered if name not in known]
        if unknown and not self._state.adding and self.pk is not None:
            stored = type(self)._base_manager.filter(pk=self.pk).values(*unknown).first()
            self.as_loaded = known | (stored or {})
        super().save(*args, **kwargs)  # post_save purges while as_loaded has the old names
        self._remember()

    def _remember(self):
        """Take the names the instance holds now; one not loaded (deferred) keeps what was
        known of it, or stays unknown."""
        known = getattr(self, "as_loaded", {})
        self.as_loaded = {
            name: self.__dict__[name] if name in self.__dict__ else known[name]
            for name in self.remembered
            if name in self.__dict__ or name in known
        }
