from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from articles.models import ReadAlsoLink

from .access import article_for


def article_page_context(article, revision):
    """What the article template needs: the body with each Read Also link at its place."""
    links = list(
        ReadAlsoLink.objects.filter(revision=revision).select_related(
            "target__current_revision", "target__source_story"
        )
    )
    body = [{"block": None, "read_also": [link for link in links if link.after_paragraph == 0]}]
    for number, block in enumerate(revision.body, start=1):
        after = [link for link in links if link.after_paragraph == number]
        body.append({"block": block, "read_also": after})
    return {
        "article": article,
        "revision": revision,
        "body": body,
        "keywords": revision.keywords.all(),
    }


@login_required
def preview(request, slug):
    """The current draft exactly as readers will see it: the public article template."""
    article = article_for(request, slug, "view_article")
    context = article_page_context(article, article.current_revision) | {"preview": True}
    return render(request, "public/article.html", context)
