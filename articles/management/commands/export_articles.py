import json

from django.core.management.base import BaseCommand

from articles.export import articles_for_export, export_article
from articles.models import ArticleStatus


class Command(BaseCommand):
    help = "Write every article (or those in one status) to standard output as a JSON array."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=ArticleStatus.values, help="only this status")

    def handle(self, *, status, **options):
        self.stdout.write("[", ending="")
        for index, article in enumerate(articles_for_export(status).iterator(chunk_size=500)):
            prefix = "\n  " if index == 0 else ",\n  "
            self.stdout.write(
                prefix + json.dumps(export_article(article), ensure_ascii=False), ending=""
            )
        self.stdout.write("\n]")
