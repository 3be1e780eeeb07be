from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles import roles
from articles.demo import fill_glossary, publish_demo_stories

DEMO_PASSWORD = "newsroom-demo"
DEMO_ACCOUNTS = [
    # username, role, first name, last name
    ("admin", roles.ADMIN, "Amal", "Haddad"),
    ("editor", roles.EDITOR, "Eyad", "Khoury"),
    ("translator", roles.TRANSLATOR, "Tala", "Nasser"),
    ("reviewer", roles.REVIEWER, "Rami", "Saleh"),
]


class Command(BaseCommand):
    help = (
        "Set up a demo newsroom: the role groups, one account per role (password "
        f"{DEMO_PASSWORD!r}) and the stories in seeds/, the English ones taken through "
        "review to publication by the demo editor and reviewer. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="create the demo accounts even with DEBUG off (they have a known password)",
        )
        parser.add_argument(
            "--no-publishing",
            action="store_true",
            help="leave every story on the desk, unpublished, instead of publishing the "
            "English ones through the workflow",
        )

    def handle(self, *, allow_production, no_publishing, verbosity, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: demo accounts with a published password do not belong on a "
                "production site. Pass --allow-production if this really is a demo server."
            )
        roles.ensure_roles()
        User = get_user_model()
        for username, role, first_name, last_name in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username,
                email=f"{username}@newsroom.example",
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                is_staff=role == roles.ADMIN,
                is_superuser=role == roles.ADMIN,
            )
            user.groups.add(Group.objects.get(name=role))
            self.stdout.write(f"Created the demo {role} account {username!r}.")
        call_command("import_seeds", str(settings.BASE_DIR / "seeds"), verbosity=verbosity)
        fill_glossary()
        if no_publishing:
            return
        published = publish_demo_stories(
            editor=User.objects.get(username="editor"),
            reviewer=User.objects.get(username="reviewer"),
        )
        if published:
            self.stdout.write(f"Published {len(published)} demo stories through the workflow.")
