"""The glossary: the newsroom's preferred English for names and terms, found in source text
however it is spelled (arabic.py)."""

from ..arabic import NormalizedText, normalize
from ..models import GlossaryTerm


def glossary():
    """Every term, longest first: where terms overlap, the longest is the match."""
    terms = GlossaryTerm.objects.all()
    return sorted(terms, key=lambda term: len(term.normalized), reverse=True)


def glossary_matches(text, terms):
    """[(start, end, term)] for each glossary term in `text`, in order. `terms` come longest
    first (as glossary() gives them): where terms overlap, the first wins, so that in
    "لواء القدس" it is the militia's name, not the city's."""
    source, spans = NormalizedText(text), []
    for term in terms:
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


def inconsistencies(rows, terms):
    """[(row, term)] for the side_by_side() rows whose source has a glossary term but whose
    English does not use its preferred rendering."""
    found = []
    for row in rows:
        if not row.english:
            continue
        for term in terms_in(row.source, terms):
            if normalize(term.rendering) not in normalize(row.english):
                found.append((row, term))
    return found
