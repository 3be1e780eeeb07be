"""The interchange format: each article as a plain JSON object (documented in the README)."""

from django.db.models import Prefetch

from .article_page import read_also_item
from .models import Article, ReadAlsoLink


def articles_for_export(status=None, *, published=False):
    """Every article (or those in `status`) with its current revision; with `published`, only
    the articles readers can see, with the revision they see."""
    revision = "published_revision" if published else "current_revision"
    links = ReadAlsoLink.objects.select_related("target__published_revision").order_by("position")
    articles = (
        Article.objects.select_related("outlet", "source_story", f"{revision}__disclaimer")
        .prefetch_related(
            f"{revision}__keywords", Prefetch(f"{revision}__read_also", queryset=links)
        )
        .order_by("pk")
    )
    if published:
        articles = articles.published()
    if status:
        articles = articles.filter(status=status)
    return articles


def export_article(article, *, published=False):
    revision = article.published_revision if published else article.current_revision
    return {
        "slug": article.slug,
        "title": revision.headline or None,
        "standfirst": revision.standfirst or None,
        "paragraphs": revision.paragraph_texts,
        "read_also": export_read_also(revision, published=published),
        "body": export_body(revision, published=published),
        "disclaimer": revision.disclaimer.text if revision.disclaimer else None,
        "outlet": article.outlet.name if article.outlet else None,
        "source_language": article.source_story.language,
        "keywords": [keyword.name for keyword in revision.keywords.all()],
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "source_file": article.source_story.file_name,
        "source_title": article.source_story.headline or None,
        "flags": [flag["code"] for flag in article.source_story.flags],
    }


def export_read_also(revision, *, published):
    """The revision's Read Also links; with `published`, as readers see them: only those whose
    target is live, under the target's published headline."""
    rows = []
    for link in revision.read_also.all():  # the index: after_paragraph worked out from the body
        title = link.target_headline
        if published:
            shown = read_also_item(link, preview=False)
            if shown is None:
                continue
            title = shown["headline"]
        slug = link.target.slug if link.target else None
        rows.append({"title": title, "slug": slug, "after_paragraph": link.after_paragraph})
    return rows


def export_body(revision, *, published=False):
    """The typed blocks with their ids; each Read Also block names its target by slug, as the
    index knows it now (a link given only a headline is matched when that article arrives).
    With `published`, as readers see them: a link only while its target is live, under the
    target's published headline."""
    links = {link.block_id: link for link in revision.read_also.all()}
    blocks = []
    for block in revision.body:
        if block["type"] == "read_also":
            link = links.get(block["attrs"]["id"])
            target = link.target if link else None
            attrs = {**block["attrs"], "target": target.slug if target else None}
            if published:
                shown = read_also_item(link, preview=False) if link else None
                if shown is None:
                    continue
                attrs["headline"] = shown["headline"]
            block = {**block, "attrs": attrs}
        blocks.append(block)
    return blocks
