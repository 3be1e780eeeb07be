"""The "not verified" disclaimer in its wordings, whole or cut off by the capture. Pure."""

import re

from .chrome import ends_sentence

# --- Disclaimers -------------------------------------------------------------------------------

KNOWN_DISCLAIMERS = [
    "This article was edited by The Syrian Observer. The Syrian Observer has not verified the "
    "content of this story. Responsibility for the information and views set out in this "
    "article lies entirely with the author.",
    "This article was translated and edited by The Syrian Observer. The Syrian Observer has "
    "not verified the content of this story. Responsibility for the information and views set "
    "out in this article lies entirely with the author.",
]
_DISCLAIMER_PATTERNS = [
    re.compile(
        r"\bsyrian observer has not (?:independently )?verified (?:the content of )?this\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bresponsibility for the information\b.*\blies\b", re.IGNORECASE),
    re.compile(r"\bnot (?:been )?(?:independently )?verified by the syrian observer\b", re.I),
    re.compile(r"^(?:this article was )?(?:translated and )?edited by the syrian observer\b", re.I),
]
CUT_DISCLAIMER_MIN_CHARS = 15
_FOLD_PUNCTUATION = re.compile(r"[^\w\s]")


def _folded(text):
    return " ".join(_FOLD_PUNCTUATION.sub(" ", text.casefold()).split())


_KNOWN_FOLDED = [_folded(wording) for wording in KNOWN_DISCLAIMERS]


def is_disclaimer(line):
    return any(p.search(line) for p in _DISCLAIMER_PATTERNS) or is_cut_off_disclaimer(line)


def is_cut_off_disclaimer(line):
    """A disclaimer the capture cut off ("…views set ou", "This article was edi"): the start
    of a known wording, but not all of it."""
    if len(line) < CUT_DISCLAIMER_MIN_CHARS:
        return False
    folded = _folded(line)
    if any(wording.startswith(folded) and wording != folded for wording in _KNOWN_FOLDED):
        return True
    return any(p.search(line) for p in _DISCLAIMER_PATTERNS[:3]) and not ends_sentence(line)


def disclaimer_wording(found, wordings):
    """Which of the `wordings` (the managed disclaimers' texts) a disclaimer found on a page
    is in, by index, or None: the same words; the start of one, cut off by the capture; or
    its first sentence alone, perhaps short of "This article was" ("Translated and edited
    by The Syrian Observer")."""
    folded = _folded(found)
    known = [_folded(wording) for wording in wordings]
    for test in (
        lambda wording: wording == folded,
        lambda wording: len(folded) >= CUT_DISCLAIMER_MIN_CHARS and wording.startswith(folded),
        lambda wording: _first_sentence(wording) in {folded, f"this article was {folded}"},
    ):
        matches = [index for index, wording in enumerate(known) if test(wording)]
        if len(matches) == 1:
            return matches[0]
    return None


def _first_sentence(folded_wording):
    return folded_wording.split(" the syrian observer has not")[0].removesuffix(" ")
