"""Matching Read Also links to the articles they name, whatever order stories arrive in.

A link keeps the headline it was given. It points at the article whose source
headline or current headline normalises to the same key (see text.headline_key);
until such an article exists it waits, and is matched when that article arrives.
"""

from django.db.models import F

from .models import Article, ReadAlsoLink


def articles_by_headline_key(keys, *, exclude=None):
    """{key: Article} for the oldest article matching each key, other than `exclude`."""
    rows = (
        Article.objects.matching_headlines(keys)
        .order_by("pk")
        .values_list("pk", "source_story__headline_key", "current_revision__headline_key")
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    found = {}
    for pk, source_key, current_key in rows:
        for key in (source_key, current_key):
            if key in keys:
                found.setdefault(key, pk)
    return {key: Article(pk=pk) for key, pk in found.items()}


def match_links_waiting_for(articles):
    """Links elsewhere that name one of `articles`' headlines now point at it."""
    by_key = {}
    for article in articles:
        for key in (article.source_story.headline_key, article.current_revision.headline_key):
            if key:
                by_key.setdefault(key, article)
    waiting = ReadAlsoLink.objects.filter(target__isnull=True, target_key__in=by_key).annotate(
        article_id=F("revision__article_id")
    )
    matched = []
    for link in waiting:
        target = by_key[link.target_key]
        if link.article_id != target.pk:
            link.target = target
            matched.append(link)
    ReadAlsoLink.objects.bulk_update(matched, ["target"])


def match_waiting_links(links):
    """Point each unmatched link in `links` at its article, where one exists. Returns how many."""
    matched = 0
    for link in links.filter(target__isnull=True).select_related("revision__article"):
        targets = articles_by_headline_key({link.target_key}, exclude=link.revision.article)
        if target := targets.get(link.target_key):
            link.target = target
            link.save(update_fields=["target"])
            matched += 1
    return matched
