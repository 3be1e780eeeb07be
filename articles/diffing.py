"""Readable differences between two revisions of an article.

Every part of a revision is compared: headline, standfirst, the disclaimer, the
keywords, and the body block by block (articles/body/): words changed, formatting
changed, blocks added, removed or moved, Read Also links among them in their places.
"""

import bisect
import difflib
import json
import re
from dataclasses import dataclass, field

from . import body as documents
from .read_also import body_with_targets

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class FieldDiff:
    label: str
    pieces: list  # (kind, text): kind is "same", "removed" or "added"
    blocks: list = field(default_factory=list)  # the body's: BlockChange rows

    @property
    def changed(self):
        return any(kind != "same" for kind, _ in self.pieces) or any(
            block.changed for block in self.blocks
        )

    @property
    def block_runs(self):
        """The body's rows in runs: [(collapsed, [BlockChange])], where a run of three or more
        unchanged blocks is collapsed, so that what changed is what the eye meets."""
        runs = []
        for change in self.blocks:
            unchanged = not change.changed
            if runs and runs[-1][0] == unchanged and unchanged:
                runs[-1][1].append(change)
            else:
                runs.append((unchanged, [change]))
        return [
            (unchanged and len(changes) >= COLLAPSED_RUN, changes) for unchanged, changes in runs
        ]


# Unchanged blocks in a row, from which on they are folded away in a diff.
COLLAPSED_RUN = 3

# Below this share of words in common, two texts are a rewrite (a paragraph translated, say):
# shown as one block removed and one added, not as words interleaved.
REWRITE = 0.4


# Beyond this many pairs of words, two texts are not compared word by word: difflib's work
# grows with their product, and no paragraph a person reads needs it.
MOST_WORD_PAIRS = 250_000
MOST_WORD_PAIRS_IN_A_BODY = 4_000_000


def word_diff(old, new):
    """[(kind, text)] turning `old` into `new`, word by word."""
    if old == new:
        return [("same", old)]
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    if len(a) * len(b) > MOST_WORD_PAIRS or _words_in_common(a, b) < REWRITE:
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


def revision_parts(revision):
    """A revision as labelled values, in reading order: the body as its blocks (Read Also
    targets as the index knows them), the rest as text."""
    return [
        ("Headline", revision.headline),
        ("Standfirst", revision.standfirst),
        ("Body", body_with_targets(revision)),
        ("Disclaimer", revision.disclaimer.name if revision.disclaimer else "none"),
        ("Keywords", ", ".join(k.name for k in revision.keywords.all()) or "none"),
    ]


def say_the_same(old, new):
    """Whether two revisions say the same to readers: every part alike, blocks compared
    without their ids."""

    def comparable(revision):
        parts = revision_parts(revision)
        blocks = [{**block, "attrs": {**block["attrs"], "id": None}} for block in parts[2][1]]
        return [*parts[:2], json.dumps(blocks, sort_keys=True), *parts[3:]]

    return comparable(old) == comparable(new)


def compare_revisions(old, new):
    """One FieldDiff per part of the revisions, in reading order; the body's, block by block
    (`blocks`: BlockChange rows, Read Also links in their places)."""
    diffs = []
    for (label, old_value), (_, new_value) in zip(
        revision_parts(old), revision_parts(new), strict=True
    ):
        if label == "Body":
            diffs.append(FieldDiff(label, [], body_diff(old_value, new_value)))
        else:
            diffs.append(FieldDiff(label, word_diff(old_value, new_value)))
    return diffs


# --- The body, block by block --------------------------------------------------------------


@dataclass(frozen=True)
class BlockChange:
    kind: str  # "same", "formatting", "changed", "added", "removed" or "moved"
    label: str  # "Paragraph 3", "Subheading", "Read Also"
    pieces: list  # word_diff() pieces of its text
    notes: tuple = ()  # what else changed: formatting, its type, where it moved from

    @property
    def changed(self):
        return self.kind != "same"


MARK_NAMES = {"strong": "bold", "em": "italic"}


def body_diff(old, new):
    """[BlockChange] turning the body `old` into `new`, in the new body's reading order with
    removed blocks where they stood. Blocks pair by id (an edit keeps them); blocks left over
    pair by their text, as a re-imported story's do. A pair whose order among the others
    changed has moved; a pair's formatting is compared word by word. The word-by-word work of
    a whole body is bounded (MOST_WORD_PAIRS_IN_A_BODY): past it, changed blocks are shown as
    rewritten."""
    budget = [MOST_WORD_PAIRS_IN_A_BODY]
    pairs = _pair_by_id(old, new)
    _pair_by_text(old, new, pairs)
    in_order = _kept_in_order(pairs)
    old_places, new_places = _places(old), _places(new)
    rows_after = {}  # new index (or -1 for the start) -> removed old blocks that follow it
    anchor = -1
    old_to_new = {o: n for n, o in pairs.items()}
    for index, block in enumerate(old):
        if index in old_to_new:
            anchor = old_to_new[index] if old_to_new[index] in in_order else anchor
        else:
            rows_after.setdefault(anchor, []).append(
                BlockChange(
                    "removed", _label(block, old_places[index]), [("removed", _text(block))]
                )
            )
    rows = list(rows_after.get(-1, []))
    for index, block in enumerate(new):
        label = _label(block, new_places[index])
        if index not in pairs:
            rows.append(BlockChange("added", label, [("added", _text(block))]))
        else:
            before = old[pairs[index]]
            pieces, notes = _compare(before, block, budget)
            if index not in in_order:
                notes.insert(
                    0,
                    f"Moved: was {_where(old_places[pairs[index]])}, now {_where(new_places[index])}.",
                )
                kind = "moved"
            else:
                kind = _kind_of_change(before, block, notes)
            rows.append(BlockChange(kind, label, pieces, tuple(notes)))
        rows += rows_after.get(index, [])
    return rows


def _compare(old, new, budget):
    """(word_diff pieces, notes) for a pair of blocks, spending `budget` (a one-item list: the
    word pairs the body may still compare)."""
    before, after = _text(old), _text(new)
    cost = (len(before.split()) + 1) * (len(after.split()) + 1) * 4  # ~ words and spaces
    if before != after and cost > budget[0]:
        notes = (
            [f"Was {_kind_name(old)}, now {_kind_name(new)}."] if old["type"] != new["type"] else []
        )
        return [("removed", before), ("added", after)], notes
    budget[0] -= cost if before != after else 0
    return word_diff(before, after), _formatting_notes(old, new)


def _kind_of_change(old, new, notes):
    """ "same"; "formatting" when only marks changed; else "changed" (words, or the kind of
    block, or a Read Also link's target)."""
    if _text(old) != _text(new) or old["type"] != new["type"]:
        return "changed"
    if not notes:
        return "same"
    return "changed" if new["type"] == "read_also" else "formatting"


def _pair_by_id(old, new):
    where = {block["attrs"]["id"]: index for index, block in enumerate(old)}
    pairs = {}
    for index, block in enumerate(new):
        found = where.get(block["attrs"]["id"])
        if found is not None and _is_link(old[found]) == _is_link(block):
            pairs[index] = found
    return pairs


def _is_link(block):
    return block["type"] == "read_also"


def _pair_by_text(old, new, pairs):
    """Pair the blocks `pairs` left over by their texts, in order: the same text, or a changed
    block where one stands in for another."""
    free_old = [i for i in range(len(old)) if i not in pairs.values()]
    free_new = [j for j in range(len(new)) if j not in pairs]
    texts_old = [_text(old[i]) for i in free_old]
    texts_new = [_text(new[j]) for j in free_new]
    matcher = difflib.SequenceMatcher(None, texts_old, texts_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in {"equal", "replace"}:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                if _is_link(old[free_old[i]]) == _is_link(new[free_new[j]]):
                    pairs[free_new[j]] = free_old[i]


def _kept_in_order(pairs):
    """The new indexes of the most pairs that kept their order (a longest increasing run of
    their old places, by patience sorting); the rest moved."""
    ordered = sorted(pairs)
    tails, tail_at, before = [], [], {}  # smallest old place ending a run of each length
    for position, new_index in enumerate(ordered):
        old_index = pairs[new_index]
        length = bisect.bisect_left(tails, old_index)
        before[position] = tail_at[length - 1] if length else None
        if length == len(tails):
            tails.append(old_index)
            tail_at.append(position)
        else:
            tails[length], tail_at[length] = old_index, position
    kept, position = set(), tail_at[-1] if tail_at else None
    while position is not None:
        kept.add(ordered[position])
        position = before[position]
    return kept


def _places(blocks):
    """For each block, ("at", n): it is the nth text block; or, for a Read Also link,
    ("after", n): n text blocks come before it."""
    places, count = [], 0
    for block in blocks:
        if block["type"] == "read_also":
            places.append(("after", count))
        else:
            count += 1
            places.append(("at", count))
    return places


def _where(place):
    kind, number = place
    if kind == "after":
        return f"after paragraph {number}" if number else "before the first paragraph"
    return f"paragraph {number}"


def _label(block, place):
    """ "Paragraph 3" for a paragraph (numbered as readers count them), "Quote (block 5)" for
    other text blocks, "Read Also" for a link."""
    kind = block["type"]
    if kind == "read_also":
        return "Read Also"
    name = documents.BLOCK_NAMES[kind].capitalize()
    return f"{name} {place[1]}" if kind == "paragraph" else f"{name} (block {place[1]})"


def _text(block):
    return documents.block_text(block)


def _formatting_notes(old, new):
    """What changed about a pair of blocks besides their words: the kind of block, a Read Also
    link's target, and the formatting of text both have."""
    notes = []
    if old["type"] != new["type"]:
        notes.append(f"Was {_kind_name(old)}, now {_kind_name(new)}.")
    if (
        old["type"] == new["type"] == "read_also"
        and old["attrs"]["target"] != new["attrs"]["target"]
    ):
        notes.append("Points at another article.")
    if new["type"] == "read_also" or old["type"] == "read_also":
        return notes
    old_tokens, new_tokens = _marked_tokens(old), _marked_tokens(new)
    old_words, new_words = [t for t, _ in old_tokens], [t for t, _ in new_tokens]
    if old_words == new_words:
        matches = [difflib.Match(0, 0, len(old_words))]
    elif len(old_words) * len(new_words) > MOST_WORD_PAIRS:
        return notes  # the words are shown as rewritten; their formatting is not compared
    else:
        matches = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
        matches = matches.get_matching_blocks()
    changes = []  # (text, added marks, removed marks), neighbouring words joined
    for match in matches:
        for k in range(match.size):
            token, before = old_tokens[match.a + k]
            after = new_tokens[match.b + k][1]
            change = (after - before, before - after)
            if not token.strip():  # a space joins the words around it, whatever its marks
                if changes and changes[-1]:
                    changes[-1] = (changes[-1][0] + token, *changes[-1][1:])
                continue
            if change == (frozenset(), frozenset()):
                changes.append(None)
            elif changes and changes[-1] and changes[-1][1:] == change:
                changes[-1] = (changes[-1][0] + token, *change)
            else:
                changes.append((token, *change))
        changes.append(None)
    for change in filter(None, changes):
        text, added, removed = change
        words = [f"{_mark_name(m)} added" for m in sorted(added)]
        words += [f"{_mark_name(m)} removed" for m in sorted(removed)]
        notes.append(f"“{text.strip()}”: {', '.join(words)}.")
    return notes


def _kind_name(block):
    return documents.BLOCK_NAMES[block["type"]]


def _mark_name(mark):
    if mark.startswith("link "):
        return f"link to {mark[5:]}"
    return MARK_NAMES.get(mark, mark)


def _marked_tokens(block):
    """[(word, space or punctuation, frozenset of its marks)] for a text block's text, items
    and paragraphs joined: formatting is compared word by word, so that the work stays in
    proportion to the words even for long paragraphs."""
    if block["type"] in documents.TEXT_BLOCKS:
        paragraphs = [block]
    else:
        paragraphs = documents.paragraphs_within(block)
    tokens = []
    for paragraph in paragraphs:
        if tokens:
            tokens.append(("\n", frozenset()))
        for node in paragraph.get("content", []):
            marks = frozenset(
                f"link {m['attrs']['href']}" if m["type"] == "link" else m["type"]
                for m in node.get("marks", [])
            )
            tokens += [(token, marks) for token in _TOKENS.findall(node.get("text", "\n"))]
    return tokens
