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


# Below this share of words in common, two texts are a rewrite (a paragraph translated, say):
# shown as one block removed and one added, not as words interleaved.
REWRITE = 0.4


def word_diff(old, new):
    """[(kind, text)] turning `old` into `new`, word by word."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    if _words_in_common(a, b) < REWRITE:
        return [("removed", old), ("added", new)]
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


def _words_in_common(a, b):
    """The similarity of two token lists by their words alone: spaces and punctuation, which
    any two texts share, do not count. 1 when either side is empty (nothing to compare)."""
    words_a = [token for token in a if token[0].isalnum()]
    words_b = [token for token in b if token[0].isalnum()]
    if not words_a or not words_b:
        return 1
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def paragraphs_diff(old, new):
    """[(kind, text)] turning the paragraphs `old` into `new`: paragraphs matched first, then
    the words of each changed paragraph, so one rewritten paragraph stays one block."""
    pieces = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes = [[("same", text)] for text in old[i1:i2]]
        else:
            pairs = zip(old[i1:i2], new[j1:j2], strict=False)
            changes = [word_diff(before, after) for before, after in pairs]
            changes += [[("removed", text)] for text in old[i1 + (j2 - j1) : i2]]
            changes += [[("added", text)] for text in new[j1 + (i2 - i1) : j2]]
        for change in changes:
            pieces += [("same", "\n\n")] if pieces else []
            pieces += change
    return pieces


def revision_parts(revision):
    """A revision as labelled plain texts (the body as its paragraphs), in reading order."""
    parts = [("Headline", revision.headline), ("Standfirst", revision.standfirst)]
    parts.append(("Body", tuple(revision.paragraph_texts)))  # compared paragraph by paragraph
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
        FieldDiff(label, (paragraphs_diff if label == "Body" else word_diff)(old_text, new_text))
        for (label, old_text), (_, new_text) in zip(
            revision_parts(old), revision_parts(new), strict=True
        )
    ]
