"""Read Also links: the index of a revision's Read Also blocks, and matching links to the
articles they name, whatever order stories arrive in.

A Read Also block in the body (articles/body/) names its target article, or only
the headline it was given. Each revision's blocks are indexed as ReadAlsoLink rows
when it is saved. A link without a target points at the article whose source
headline or current headline normalises to the same key (see text.headline_key);
until such an article exists it waits, and is matched when that article arrives.
"""

from django.db.models import F

from . import body as documents
from .models import Article, ReadAlsoLink
from .text import headline_key


def index_links(revision, *, found=None, places=None):
    """Unsaved ReadAlsoLink rows for `revision`'s Read Also blocks, in body order. A block
    without a target takes the article `found` ({headline key: Article}) for its headline;
    `places` overrides where each sits ([after_paragraph], for the importer's draft of a story
    still to be translated, whose links sit among source paragraphs)."""
    links = []
    blocks = documents.read_also_places(revision.body)
    for position, (after, block) in enumerate(blocks):
        attrs = block["attrs"]
        key = headline_key(attrs["headline"])
        target_id = attrs["target"] or getattr((found or {}).get(key), "pk", None)
        links.append(
            ReadAlsoLink(
                revision=revision,
                block_id=attrs["id"],
                position=position,
                after_paragraph=places[position] if places else after,
                target_id=None if target_id == revision.article_id else target_id,
                target_headline=attrs["headline"],
                target_key=key,
            )
        )
    return links


def write_index(revision, *, kept_places=None):
    """Index a saved revision's Read Also blocks, matching headline-only links where an
    article with that headline now exists. A target that no longer exists (deleted since an
    old revision was written, say) is indexed as no target, to be matched by its headline.
    A body without text yet (a story still to be translated) keeps each link's place among
    the source's paragraphs from `kept_places`, the revision it was edited from."""
    blocks = documents.read_also_places(revision.body)
    targets = {b["attrs"]["target"] for _, b in blocks if b["attrs"]["target"]}
    existing = set(Article.objects.filter(pk__in=targets).values_list("pk", flat=True))
    keys = {
        headline_key(b["attrs"]["headline"])
        for _, b in blocks
        if b["attrs"]["target"] not in existing
    }
    found = articles_by_headline_key(keys, exclude=revision.article) if keys else {}
    places = None
    if kept_places is not None and not documents.text_blocks(revision.body):
        known = dict(kept_places.read_also.values_list("block_id", "after_paragraph"))
        places = [known.get(block["attrs"]["id"], 0) for _, block in blocks]
    links = index_links(revision, found=found, places=places)
    for link in links:
        if link.target_id is not None and link.target_id not in existing:
            link.target = found.get(link.target_key)
    ReadAlsoLink.objects.bulk_create(links)


def body_with_targets(revision):
    """The revision's body with each Read Also block's target as the index knows it now: a
    headline-only link may have been matched since the revision was saved, a target deleted.
    What the editor opens, a restore copies and a diff compares."""
    indexed = dict(revision.read_also.values_list("block_id", "target"))
    blocks = []
    for block in revision.body:
        if block["type"] == "read_also" and block["attrs"]["id"] in indexed:
            target = indexed[block["attrs"]["id"]]
            block = {**block, "attrs": {**block["attrs"], "target": target}}
        blocks.append(block)
    return blocks


def targets_for_editor(blocks):
    """{article pk: {"headline", "live"}} for the targets of `blocks`' Read Also blocks: the
    headline readers see (the working one while unpublished) and whether they see it."""
    pks = {
        b["attrs"]["target"] for b in blocks if b["type"] == "read_also" and b["attrs"]["target"]
    }
    articles = Article.objects.filter(pk__in=pks).select_related(
        "published_revision", "current_revision", "source_story"
    )
    return {
        article.pk: {"headline": article.public_headline, "live": article.is_live}
        for article in articles
    }


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


def _headline_words(headline):
    return {word for word in headline_key(headline).split() if len(word) > 3}


def suggestions(article, terms="", *, limit=10):
    """Published articles to offer as Read Also for `article`: those matching `terms`
    (all of them when empty), ranked by keywords shared with the article's current
    revision, then headline words shared, newest first among equals."""
    candidates = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .select_related("published_revision")
        .prefetch_related("published_revision__keywords")
    )
    if terms:
        candidates = candidates.filter(published_revision__search_text__icontains=terms)
    keywords = set(article.current_revision.keywords.values_list("pk", flat=True))
    words = _headline_words(article.headline)

    def rank(candidate):
        revision = candidate.published_revision
        shared_keywords = len(keywords & {k.pk for k in revision.keywords.all()})
        shared_words = len(words & _headline_words(revision.headline))
        return (-shared_keywords, -shared_words, -candidate.published_at.timestamp())

    return sorted(candidates.order_by("-published_at")[:200], key=rank)[:limit]
