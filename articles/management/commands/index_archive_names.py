from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article, NameUse
from articles.translation import archive


class Command(BaseCommand):
    help = (
        "Rebuild the archive of names (how published translations render each Arabic name) "
        "from every live translated article. Publishing keeps it up to date; run this once "
        "after upgrading, or after changing how names are aligned."
    )

    def handle(self, *, verbosity, **options):
        live = Article.objects.published().filter(segments__isnull=False).distinct()
        NameUse.objects.exclude(article__in=live.values("pk")).delete()
        count = 0
        for article in live.iterator(chunk_size=200):
            with transaction.atomic():
                archive.record_published(article)
            count += 1
        if verbosity:
            self.stdout.write(
                f"{count} published translation(s) indexed: {NameUse.objects.count()} "
                "renderings of names in the archive."
            )
