from django.core.management.base import BaseCommand
from django.utils import timezone

from articles import exchange


class Command(BaseCommand):
    help = "Write the translation memory (finished segments and imported units) as a TMX file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", metavar="PATH", help="the file (else standard output)"
        )

    def handle(self, *, output, **options):
        tmx = exchange.build_tmx(exchange.memory_units(), created=timezone.now())
        if output:
            with open(output, "wb") as file:
                file.write(tmx)
        else:
            self.stdout.write(tmx.decode(), ending="")
