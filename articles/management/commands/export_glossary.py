from django.core.management.base import BaseCommand
from django.utils import timezone

from articles import exchange


class Command(BaseCommand):
    help = "Write the glossary as a TBX file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", metavar="PATH", help="the file (else standard output)"
        )

    def handle(self, *, output, **options):
        tbx = exchange.build_tbx(exchange.glossary_entries(), created=timezone.now())
        if output:
            with open(output, "wb") as file:
                file.write(tbx)
        else:
            self.stdout.write(tbx.decode(), ending="")
