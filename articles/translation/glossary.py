"""The glossary: the newsroom's preferred English for names and terms, found in source text
however it is spelled (arabic.py)."""

from functools import cached_property

from django.db.models import Count, Max

from ..arabic import normalize, normalized_text
from ..models import GlossaryTerm


class Terms(list):
    """Glossary terms, longest first, each found by its first word: a text is searched only
    for the terms whose first word it has, however large the glossary."""

    @cached_property
    def by_first_word(self):
        index = {}
        for rank, term in enumerate(self):
            first = term.normalized.partition(" ")[0]
            index.setdefault(first if first.isalnum() else "", []).append((rank, term))
        return index

    def candidates(self, source):
        """The terms that may be in the NormalizedText `source`, longest first."""
        index = self.by_first_word
        found = [*index.get("", [])]  # a first word with punctuation: always looked for
        for form in source.word_forms & index.keys():
            found += index[form]
        return [term for _, term in sorted(found, key=lambda pair: pair[0])]


_loaded = {}  # this process's copy of the glossary, by its version


def glossary():
    """Every term, longest first: where terms overlap, the longest is the match.

    A glossary of a thousand terms takes longer to load than to search, and changes seldom:
    each process keeps the last it loaded while the version (how many terms, and when the
    last was saved) is the same, which one small query tells."""
    version = tuple(GlossaryTerm.objects.aggregate(Count("pk"), Max("updated_at")).values())
    if version not in _loaded:
        terms = GlossaryTerm.objects.all()
        _loaded.clear()
        _loaded[version] = Terms(sorted(terms, key=lambda term: len(term.normalized), reverse=True))
    return _loaded[version]


def glossary_matches(text, terms):
    """[(start, end, term)] for each glossary term in `text`, in order. `terms` come longest
    first (as glossary() gives them): where terms overlap, the first wins, so that in
    "لواء القدس" it is the militia's name, not the city's."""
    source, spans = normalized_text(text), []
    terms = terms if isinstance(terms, Terms) else Terms(terms)
    for term in terms.candidates(source):
        for start, end in source.find(term.normalized):
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, term))
    return sorted(spans, key=lambda span: span[0])


def highlighted(text, terms):
    """`text` as [(piece, term or None)], each glossary term found marked with its entry."""
    pieces, at = [], 0
    for start, end, term in glossary_matches(text, terms):
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], term))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def terms_in(text, terms):
    """The glossary terms found in `text`, in the order they first appear there."""
    return list({term.pk: term for _, _, term in glossary_matches(text, terms)}.values())


def uses_rendering(term, english):
    """Whether `english` writes the term as the glossary does."""
    return normalize(term.rendering) in normalize(english)
