from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importer.loading import SeedImporter


class Command(BaseCommand):
    help = (
        "Import source stories from seed files or folders (every *.txt below a folder). "
        "Each file is imported whole or not at all; files already imported are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="seed file or folder")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would happen and write nothing"
        )

    def handle(self, *, paths, dry_run, verbosity, **options):
        counts = dict.fromkeys(["imported", "updated", "unchanged", "duplicate", "failed"], 0)
        # Each file commits on its own; a dry run wraps them all in one transaction
        # and rolls it back.
        with transaction.atomic() if dry_run else nullcontext():
            for result in SeedImporter().import_paths(paths):
                counts[result.outcome] += 1
                if verbosity or result.outcome == "failed":
                    self.report(result)
            if dry_run:
                transaction.set_rollback(True)

        summary = ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
        if dry_run:
            summary = f"Dry run, nothing written: {summary}"
        self.stdout.write(summary + ".")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be imported; see above.")

    def report(self, result):
        line = f"{result.outcome:<9} {result.path}: {result.message}"
        style = {"failed": self.style.ERROR, "unchanged": str, "duplicate": self.style.WARNING}.get(
            result.outcome, self.style.SUCCESS
        )
        stream = self.stderr if result.outcome == "failed" else self.stdout
        stream.write(style(line))
