from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import exchange


class Command(BaseCommand):
    help = (
        "Add the terms of a TBX file to the glossary. A term the glossary has already is never "
        "changed; one the file renders otherwise is listed as a conflict."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, metavar="PATH", help="the TBX file")

    def handle(self, *, path, **options):
        try:
            with path.open("rb") as file:
                report = exchange.import_glossary(file)
        except (OSError, exchange.ExchangeError) as refused:
            raise CommandError(f"Nothing was imported from {path}. {refused}") from None
        self.stdout.write(report.summary)
