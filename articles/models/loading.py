"""Models that remember what they were loaded with."""


class RemembersLoaded:
    """A model whose pages are filed under names it can change (its slug, its outlet, the
    revision readers see): each instance keeps those values as they were loaded from the
    database (`as_loaded`), so that a change purges the pages filed under the old ones too
    (purging.keys_touched)."""

    remembered = ()

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        instance = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance.as_loaded = {name: instance.__dict__.get(name) for name in cls.remembered}
        return instance
