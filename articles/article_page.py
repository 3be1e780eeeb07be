"""What an article page shows: the body, block by block, with each Read Also link where the
document places it, and the page's description for machines (schema.org NewsArticle as
JSON-LD).

Readers see a Read Also link only while its target is published, under the target's
published headline. The desk's preview shows every link, flagging those readers will
not see.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from .models import (
    Article,
    Correction,
    Disclaimer,
    Keyword,
    Outlet,
    ReadAlsoLink,
    Revision,
    SourceStory,
)
from .statements import Statement

# --- The reader's page, from four statements (articles/statements.py) ------------------------

SLUG, ARTICLE, REVISION = "\uffffslug", -(2**62) + 1, -(2**62) + 2  # markers, never values

_ARTICLE = Statement(
    lambda slug: (
        Article.objects.published()
        .filter(slug=slug)
        .values_list(
            *["pk", "slug", "status", "published_at", "last_published_at", "published_revision"],
            *["published_revision__headline", "published_revision__standfirst"],
            *["published_revision__summary", "published_revision__rendered_body"],
            *["published_revision__disclaimer", "published_revision__disclaimer__text"],
            *["outlet", "outlet__name", "outlet__slug", "outlet__website"],
            *["source_story", "source_story__headline", "source_story__language"],
        )
        .order_by()[:1]
    ),
    SLUG,
)
_LINKS = Statement(
    lambda revision: ReadAlsoLink.objects.filter(revision=revision).values_list(
        *["block_id", "target_headline", "target", "target__slug", "target__status"],
        *["target__published_revision", "target__published_revision__headline"],
    ),
    REVISION,
)
_KEYWORDS = Statement(
    lambda revision: Keyword.objects.filter(revisions=revision).values_list("pk", "name", "slug"),
    REVISION,
)
_CORRECTIONS = Statement(
    lambda article: Correction.objects.filter(article=article).values_list(
        "pk", "kind", "note", "published_at"
    ),
    ARTICLE,
)


@dataclass
class PublishedPage:
    article: Article
    revision: Revision
    links: dict  # {block id: ReadAlsoLink}
    keywords: list
    corrections: list


def published_page(slug):
    """What the reader's page of the article at `slug` shows, if readers can see it, read in
    four queries built once (the desk's preview reads the same through the ORM). Rows become
    model instances as the ORM makes them (from_db), each with the fields read."""
    found = _ARTICLE.rows(slug)
    if not found:
        return None
    [(pk, slug, status, published_at, last_published_at, revision_id, headline, standfirst,
      summary, rendered_body, disclaimer_id, disclaimer_text, outlet_id, outlet_name,
      outlet_slug, website, story_id, story_headline, language)] = found  # fmt: skip
    revision = _loaded(Revision, id=revision_id, article_id=pk, headline=headline,
                       standfirst=standfirst, summary=summary, rendered_body=rendered_body,
                       disclaimer_id=disclaimer_id)  # fmt: skip
    if disclaimer_id is not None:
        revision.disclaimer = _loaded(Disclaimer, id=disclaimer_id, text=disclaimer_text)
    article = _loaded(Article, id=pk, slug=slug, status=status, published_at=published_at,
                      last_published_at=last_published_at, outlet_id=outlet_id,
                      source_story_id=story_id, published_revision_id=revision_id)  # fmt: skip
    article.published_revision = revision
    article.source_story = _loaded(SourceStory, id=story_id, headline=story_headline,
                                   language=language)  # fmt: skip
    article.outlet = outlet_id and _loaded(
        Outlet, id=outlet_id, name=outlet_name, slug=outlet_slug, website=website
    )
    links = {}
    for block, target_headline, target_id, *target in _LINKS.rows(revision_id):
        link = _loaded(ReadAlsoLink, block_id=block, target_id=target_id,
                       target_headline=target_headline)  # fmt: skip
        if target_id is not None:
            target_slug, target_status, target_revision_id, target_revision_headline = target
            link.target = _loaded(Article, id=target_id, slug=target_slug,
                                  status=target_status,
                                  published_revision_id=target_revision_id)  # fmt: skip
            if target_revision_id is not None:
                link.target.published_revision = _loaded(
                    Revision, id=target_revision_id, headline=target_revision_headline
                )
        links[block] = link
    keywords = [
        _loaded(Keyword, id=keyword_id, name=name, slug=keyword_slug)
        for keyword_id, name, keyword_slug in _KEYWORDS.rows(revision_id)
    ]
    corrections = [
        _loaded(Correction, id=correction_id, article_id=pk, kind=kind, note=note, published_at=at)
        for correction_id, kind, note, at in _CORRECTIONS.rows(pk)
    ]
    return PublishedPage(article, revision, links, keywords, corrections)


def _loaded(model, **values):
    """An instance of `model` as loaded from the database with `values` (by attname), its
    other fields deferred: reading one would be a query, which the page's tests count."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    if len(names) != len(values):
        raise TypeError(f"{model.__name__} has no field {set(values) - set(names)}")
    return model.from_db(None, names, [values[name] for name in names])  # in the fields' order


# --- Both pages: the reader's and the desk's preview -------------------------------------------


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


def article_page_context(article, revision, *, preview=False, keywords=None, links=None):
    """The article template's context for `revision`: the reader's page (its `links` and
    `keywords` read by published_page), or the preview (of a saved revision, or of an
    editor's unsaved work: a Revision built but not saved, with its `keywords` given)."""
    if links is None:
        links = _preview_links(revision)
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


def _preview_links(revision):
    """{block id: ReadAlsoLink} for the preview: every link of the revision, in one query,
    an unpublished target named by its working headline; for unsaved work, links made up
    from the blocks' targets."""
    if revision.pk is None:
        return _unsaved_links(revision)
    links = ReadAlsoLink.objects.filter(revision=revision).select_related(
        "target__published_revision", "target__current_revision", "target__source_story"
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
