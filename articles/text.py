"""Plain-text helpers shared by the importer and the models."""

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")
# Every combining mark (accents, Arabic harakat) of the Basic Multilingual Plane, to delete.
_MARKS = {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def headline_key(headline):
    """Normalise a headline for matching: letter case, accents, punctuation and spacing ignored.

    "Hezbollah Sends More Reinforcements to Palmyra Desert: Source" and
    "hezbollah sends more reinforcements to palmyra desert — source" share a key.
    """
    folded = headline.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).translate(_MARKS)
    return _NOT_WORD.sub(" ", folded).strip()


OPENING_WORDS = 12


def opening_key(paragraphs):
    """The body's first words with case, accents, quotes and punctuation ignored, hashed: two
    captures of one report share it, however each was cut off further down or quoted."""
    words = headline_key(" ".join(paragraphs[:3])).split()[:OPENING_WORDS]
    if len(words) < OPENING_WORDS:
        return ""  # too little text to say two reports are one
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def word_set(listed):
    """The words of a list written as one string, as a set: a stop list reads best as words."""
    return frozenset(listed.split())
