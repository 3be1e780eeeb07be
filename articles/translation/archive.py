"""The archive of names: how published articles render each name from their sources.

When an article is published its finished segments' names (translation.names) are
written to NameUse, replacing any from an earlier publication; when it is unpublished
they are forgotten. `NameArchive` answers, for the names of one article being
translated, how the archive usually writes each and which other names share a
rendering, in four queries however many segments there are.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max

from ..models import Article, NameUse, SegmentState
from .names import aligned_names


def record_published(article):
    """Keep the names of `article`'s published translation (its rows locked by the caller)."""
    NameUse.objects.filter(article=article).delete()
    uses = {}
    segments = article.segments.filter(state=SegmentState.DONE).exclude(translation="")
    for segment in segments.only("source_text", "translation"):
        for name in aligned_names(segment.source_text, segment.translation):
            uses.setdefault((name.key[:200], name.rendering_key[:200]), name)
    NameUse.objects.bulk_create(
        NameUse(
            article=article,
            arabic=name.arabic[:200],
            key=key,
            rendering=name.english[:200],
            rendering_key=rendering_key,
        )
        for (key, rendering_key), name in uses.items()
    )


def forget(article):
    """An unpublished article no longer says how the newsroom writes a name."""
    NameUse.objects.filter(article=article).delete()


@dataclass(frozen=True)
class Rendering:
    arabic: str  # the name as a source wrote it
    english: str  # as the archive writes it
    articles: int  # how many published articles write it so
    example: Article  # the latest of them


class NameArchive:
    """How the published archive, other than `article`, renders the names in `names`."""

    def __init__(self, names, article=None):
        keys = {name.key for name in names}
        rendered_alike = NameUse.objects.filter(
            rendering_key__in={name.rendering_key for name in names}
        ).values_list("key", flat=True)
        keys |= set(rendered_alike.distinct()) if keys else set()
        uses = NameUse.objects.filter(key__in=keys)
        if article is not None:
            uses = uses.exclude(article=article)
        grouped = uses.values("key", "rendering_key").annotate(
            articles=Count("article", distinct=True),
            latest=Max("article"),
            arabic=Max("arabic"),
            english=Max("rendering"),
        )
        grouped = list(grouped) if keys else []
        examples = Article.objects.select_related(
            "published_revision", "current_revision", "source_story"
        ).in_bulk({row["latest"] for row in grouped})
        self.by_key = defaultdict(list)
        self.by_rendering = defaultdict(list)
        for row in grouped:
            rendering = Rendering(
                row["arabic"], row["english"], row["articles"], examples[row["latest"]]
            )
            self.by_key[row["key"]].append((row["rendering_key"], rendering))
            self.by_rendering[row["rendering_key"]].append((row["key"], rendering))

    def usual(self, key):
        """(rendering key, Rendering) the archive writes `key` most often, or None."""
        found = self.by_key.get(key)
        if not found:
            return None
        counts = Counter({rendering_key: r.articles for rendering_key, r in found})
        best = counts.most_common(1)[0][0]
        return next(item for item in found if item[0] == best)

    def others_rendered(self, rendering_key, key):
        """[Rendering] of other Arabic names the archive usually writes as `rendering_key`."""
        others = []
        for other_key, rendering in self.by_rendering.get(rendering_key, []):
            if other_key != key and (usual := self.usual(other_key)) and usual[0] == rendering_key:
                others.append(rendering)
        return others
