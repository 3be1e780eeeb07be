from django.core.management.base import BaseCommand

from articles.workflow import publish_due


class Command(BaseCommand):
    help = (
        "Publish the scheduled articles whose time has come. Run it every minute from cron "
        "or a systemd timer; running it on several servers at once publishes each article once."
    )

    def handle(self, *, verbosity, **options):
        published, refused = publish_due()
        for article in published:
            if verbosity:
                self.stdout.write(f"published  {article.slug}")
        for article in refused:
            self.stderr.write(
                f"refused    {article.slug}: its publishing checks failed; it is back in "
                "the approved queue and the reason is in its audit trail"
            )
        if verbosity > 1 or refused:
            self.stdout.write(f"{len(published)} published, {len(refused)} refused.")
