"""Plain-text helpers shared by the importer and the models."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def headline_key(headline):
    """Normalise a headline for matching: letter case, accents, punctuation and spacing ignored.

    "Hezbollah Sends More Reinforcements to Palmyra Desert: Source" and
    "hezbollah sends more reinforcements to palmyra desert — source" share a key.
    """
    decomposed = unicodedata.normalize("NFKD", headline.casefold())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", without_marks).strip()
