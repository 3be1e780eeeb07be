"""Plain-text helpers shared by the importer and the models."""

import hashlib
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


OPENING_WORDS = 12


def opening_key(paragraphs):
    """The body's first words with case, accents, quotes and punctuation ignored, hashed: two
    captures of one report share it, however each was cut off further down or quoted."""
    words = headline_key(" ".join(paragraphs[:3])).split()[:OPENING_WORDS]
    if len(words) < OPENING_WORDS:
        return ""  # too little text to say two reports are one
    return hashlib.sha256(" ".join(words).encode()).hexdigest()
