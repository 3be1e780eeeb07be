"""What an article page shows: the body, block by block, with each Read Also link where the
document places it, and the page's description for machines (schema.org NewsArticle as
JSON-LD).

Readers see a Read Also link only while its target is published, under the target's
published headline. The desk's preview shows every link, flagging those readers will
not see.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from .models import Article, ReadAlsoLink


def read_also_item(link, *, preview):
    """{"headline", "url", "live"} for one link, or None when readers would not see it."""
    target = link.target
    if target is not None and target.is_live:
        return {
            "headline": target.published_revision.headline,
            "url": target.get_absolute_url(),
            "live": True,
        }
    if not preview:
        return None
    url = reverse("desk:preview", args=[target.slug]) if target else ""
    return {"headline": target.headline if target else link.target_headline, "url": url}


def article_page_context(article, revision, *, preview=False, keywords=None):
    """The article template's context for `revision`: the reader's page, or the preview (of a
    saved revision, or of an editor's unsaved work: a Revision built but not saved, with its
    `keywords` given)."""
    links = _links_by_block(revision, preview=preview)
    body, targets = [], []
    for part in revision.rendered_body:  # stored with the revision (body.readers_html)
        if "html" in part:
            body.append({"html": mark_safe(part["html"])})
        elif link := links.get(part["read_also"]):
            body.append({"read_also": read_also_item(link, preview=preview)})
            targets.append(link.target_id)
    if keywords is None:
        keywords = revision.keywords.only("name", "slug")
    return {
        "article": article,
        "revision": revision,
        "body": [item for item in body if item.get("html") or item.get("read_also")],
        "keywords": list(keywords),
        "preview": preview,
        "read_also_targets": [pk for pk in targets if pk is not None],
    }


def _links_by_block(revision, *, preview):
    """{block id: ReadAlsoLink} for the revision's Read Also blocks, in one query: its index,
    or for unsaved work, links made up from the blocks' targets."""
    if revision.pk is None:
        return _unsaved_links(revision)
    links = ReadAlsoLink.objects.filter(revision=revision).select_related(
        "target__published_revision"
    )
    if preview:  # an unpublished target is named by its working headline
        links = links.select_related("target__current_revision", "target__source_story")
    else:  # only what the reader's page shows, so that the query stays light
        links = links.only(
            "block_id",
            "target_headline",
            "target__slug",
            "target__status",
            "target__published_revision__headline",
        )
    return {link.block_id: link for link in links}


def _unsaved_links(revision):
    blocks = [b["attrs"] for b in revision.body if b["type"] == "read_also"]
    targets = Article.objects.select_related(
        "published_revision", "current_revision", "source_story"
    ).in_bulk({attrs["target"] for attrs in blocks if attrs["target"]})
    return {
        attrs["id"]: ReadAlsoLink(
            block_id=attrs["id"],
            target=targets.get(attrs["target"]),
            target_headline=attrs["headline"],
        )
        for attrs in blocks
    }


def news_article_json_ld(request, article, keywords, corrections):
    """schema.org NewsArticle for the published article, ready to go in a data block."""
    revision = article.published_revision
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": revision.headline,
        "description": revision.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.last_published_at.isoformat(),
        "keywords": [keyword.name for keyword in keywords],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.NEWSROOM_SITE_NAME,
            "url": request.build_absolute_uri("/"),
        },
    }
    if article.outlet:
        data["isBasedOn"] = {
            "@type": "NewsArticle",
            "headline": article.source_story.headline,
            "inLanguage": article.source_story.language,
            "publisher": {"@type": "NewsMediaOrganization", "name": article.outlet.name}
            | ({"url": article.outlet.website} if article.outlet.website else {}),
        }
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.note,
                "datePublished": correction.published_at.isoformat(),
            }
            for correction in corrections
        ]
    return json_for_script(data)


def json_for_script(data):
    """JSON that cannot close its <script> element, whatever text it carries."""
    text = json.dumps(data, ensure_ascii=False)
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(escaped)
