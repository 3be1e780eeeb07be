"""Finding an article with the user's rights: 404 when it does not exist, 403 without the right."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from articles.models import Article

PERMISSION_NAMES = {
    "view_article": "Only newsroom staff can open the desk.",
    "change_article": "Only editors and reviewers can edit articles; your role can read them.",
}


def article_for(request, slug, permission):
    """The article at `slug`, if the signed-in user holds `permission` (e.g. "change_article").
    An article renamed at its first publication is still found at its provisional address, so
    that links in earlier emails and screens left open keep working."""
    found = Article.objects.select_related(
        "current_revision__disclaimer", "source_story", "outlet", "published_revision"
    ).filter(Q(slug=slug) | Q(former_slug=slug))
    by_current_slug = {article.slug == slug: article for article in found[:2]}
    article = by_current_slug.get(True) or by_current_slug.get(False)
    if article is None:
        raise Http404("No article at this address.")
    require(request, permission)
    return article


def require(request, permission):
    """403, with a sentence saying what the role may do, unless the user holds `permission`."""
    if not request.user.has_perm(f"articles.{permission}"):
        raise PermissionDenied(PERMISSION_NAMES.get(permission, "Your role does not allow this."))
