"""Readable, word-level differences between two revisions of an article.

Every part of a revision is compared: headline, standfirst, each body paragraph,
the disclaimer, the keywords and the Read Also links.
"""

import difflib
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class FieldDiff:
    label: str
    pieces: list  # (kind, text): kind is "same", "removed" or "added"

    @property
    def changed(self):
        return any(kind != "same" for kind, _ in self.pieces)


def word_diff(old, new):
    """[(kind, text)] turning `old` into `new`, word by word."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(b[j1:j2])))
    return pieces


def revision_parts(revision):
    """A revision as labelled plain texts, in reading order."""
    parts = [("Headline", revision.headline), ("Standfirst", revision.standfirst)]
    paragraphs = revision.paragraph_texts
    parts.append(("Body", "\n\n".join(paragraphs)))
    parts.append(("Disclaimer", revision.disclaimer.name if revision.disclaimer else "none"))
    parts.append(("Keywords", ", ".join(k.name for k in revision.keywords.all()) or "none"))
    links = [
        f"after paragraph {link.after_paragraph}: {link.target_headline}"
        for link in revision.read_also.all()
    ]
    parts.append(("Read Also", "\n".join(links) or "none"))
    return parts


def compare_revisions(old, new):
    """One FieldDiff per part of the revisions, in reading order."""
    return [
        FieldDiff(label, word_diff(old_text, new_text))
        for (label, old_text), (_, new_text) in zip(
            revision_parts(old), revision_parts(new), strict=True
        )
    ]
