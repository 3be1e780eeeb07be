from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import exchange


class Command(BaseCommand):
    help = (
        "Add the translation units of a TMX file to the translation memory. Units it holds "
        "already are left out, so importing the same file again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, metavar="PATH", help="the TMX file")

    def handle(self, *, path, **options):
        try:
            with path.open("rb") as file:
                report = exchange.import_memory(file, file_name=path.name)
        except (OSError, exchange.ExchangeError) as refused:
            raise CommandError(f"Nothing was imported from {path}. {refused}") from None
        self.stdout.write(report.summary)
