import json

from django.core.management.base import BaseCommand

from articles.export import articles_for_export, export_article
from articles.models import ArticleStatus


class Command(BaseCommand):
    help = "Write every article (or those in one status) to standard output as a JSON array."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=ArticleStatus.values, help="only this status")
        parser.add_argument(
            "--published",
            action="store_true",
            help="only what readers see: live articles, as published (not their newer drafts)",
        )

    def handle(self, *, status, published, **options):
        articles = articles_for_export(status, published=published)
        self.stdout.write("[", ending="")
        for index, article in enumerate(articles.iterator(chunk_size=500)):
            exported = export_article(article, published=published)
            prefix = "\n  " if index == 0 else ",\n  "
            self.stdout.write(prefix + json.dumps(exported, ensure_ascii=False), ending="")
        self.stdout.write("\n]")
