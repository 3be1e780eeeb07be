class SeedError(ValueError):
    """A seed file that cannot be imported; the message says why, for the operator."""
