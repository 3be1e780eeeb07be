from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles import roles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXAMPLE_SEED = SEEDS / "000_252ad55ec63d5465.txt"
PALMYRA_SEED = SEEDS / "001_hezbollah_palmyra_reinforcements.txt"
EXAMPLE_SLUG = "desert-on-fire-pro-regime-fighters-killed-by-unknown-assailants"
PALMYRA_SLUG = "hezbollah-sends-more-reinforcements-to-palmyra-desert-source"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, test in a file rather than in memory: the browser tests' live server answers
    requests in several threads, and an in-memory database would be one connection shared
    between them."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached public pages."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def reference_data(transactional_db):
    """Tests in real transactions empty the database after each one, rows from data
    migrations included: put back the outlets and the standard disclaimer."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("articles.migrations.0002_default_outlets_and_disclaimer")
    migration.create(apps, schema_editor=None)


@pytest.fixture
def users(db):
    """One user per role, named after it; the admin is a superuser."""
    roles.ensure_roles()
    User = get_user_model()
    made = {}
    for role in [roles.TRANSLATOR, roles.EDITOR, roles.REVIEWER, roles.ADMIN]:
        user = User.objects.create_user(
            role,
            password="pw",
            is_staff=role == roles.ADMIN,
            is_superuser=role == roles.ADMIN,
        )
        user.groups.add(Group.objects.get(name=role))
        made[role] = user
    return made


@pytest.fixture
def import_seeds():
    """Run import_seeds on paths; returns (exit code, stdout, stderr)."""

    def run(*paths, dry_run=False):
        from io import StringIO

        from django.core.management.base import CommandError

        out, err = StringIO(), StringIO()
        args = [str(p) for p in paths] + (["--dry-run"] if dry_run else [])
        try:
            call_command("import_seeds", *args, stdout=out, stderr=err)
            code = 0
        except CommandError as error:
            err.write(str(error))
            code = 1
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def write_seed(tmp_path):
    """Write a seed file (text or bytes) into a temporary folder and return its path."""

    def write(name, content):
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
        return path

    return write


@pytest.fixture
def make_article(db):
    """Create an article the way an import would: a source story and a first revision."""
    import hashlib
    import itertools
    from datetime import timedelta

    from django.utils import timezone

    from articles.body import paragraph
    from articles.models import Article, Keyword, Outlet, Revision, SourceStory
    from articles.text import headline_key
    from articles.translation import create_segments

    counter = itertools.count(1)

    def make(
        headline="A headline",
        *,
        paragraphs=("A paragraph.",),
        status="new",
        outlet="SY-24",
        language="en",
        keywords=(),
        assignee=None,
    ):
        n = next(counter)
        digest = hashlib.sha256(f"{headline}{n}".encode()).hexdigest()
        story = SourceStory.objects.create(
            outlet=Outlet.objects.get(name=outlet) if outlet else None,
            language=language,
            headline=headline,
            headline_key=headline_key(headline),
            paragraphs=list(paragraphs),
            file_name=f"made-{n}.txt",
            raw=headline.encode(),
            checksum=digest,
            content_hash=digest,
        )
        article = Article.objects.create(
            slug=f"article-{n}",
            status=status,
            source_story=story,
            outlet=story.outlet,
            assignee=assignee,
        )
        revision = Revision.build(
            article=article,
            number=1,
            headline=headline if language == "en" else "",
            body=[paragraph(p) for p in paragraphs] if language == "en" else [],
        )
        revision.save()
        revision.keywords.set([Keyword.objects.named(k) for k in keywords])
        article.current_revision = revision
        if status == "published":
            article.published_revision = revision
            article.published_at = timezone.now() - timedelta(hours=n)
        article.save()
        create_segments([article])  # as the importer makes them, for a story to translate
        return article

    return make


@pytest.fixture
def writer(users):
    """An editor who wrote the articles under review, so that no role below is its author."""
    User = get_user_model()
    user = User.objects.create_user("writer", password="pw", email="writer@newsroom.example")
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    return user


@pytest.fixture
def ready_article(make_article, writer):
    """An article in `status` that passes every publishing check, written by `writer`:
    headline, body, the standard disclaimer, a keyword. Live states have a published
    revision; a correction in progress has a newer draft beside it."""
    from datetime import timedelta

    from django.utils import timezone

    from articles.body import paragraph
    from articles.models import LIVE_STATUSES, Disclaimer, Revision

    def make(status="in_review", headline="Ready to publish", **options):
        options.setdefault("keywords", ["Palmyra"])
        article = make_article(headline, status=status, **options)
        first = article.current_revision
        Revision.objects.filter(pk=first.pk).update(
            author=writer, disclaimer=Disclaimer.objects.get(is_standard=True)
        )
        if status in LIVE_STATUSES:
            article.published_revision = first
            article.published_at = article.last_published_at = timezone.now()
        if status == "correcting":
            draft = Revision.build(
                article=article,
                number=2,
                headline=headline,
                body=[*first.body, paragraph("A corrected line.")],
                author=writer,
            )
            draft.disclaimer_id = Disclaimer.objects.get(is_standard=True).pk
            draft.save()
            draft.keywords.set(first.keywords.all())
            article.current_revision = draft
        if status == "scheduled":
            article.scheduled_for = timezone.now() + timedelta(hours=1)
        article.save()
        article.refresh_from_db()
        return article

    return make


def add_read_also(revision, *, after_paragraph, target=None, target_headline=""):
    """Put a Read Also block into a saved revision's body after `after_paragraph` text blocks,
    and index it, as a save would have: for setting up a page, not a way editors work."""
    from articles import body
    from articles.models import ReadAlsoLink, Revision
    from articles.read_also import index_links

    block = body.read_also(target_headline or target.headline, target=target and target.pk)
    places = [*body.read_also_places(revision.body), (after_paragraph, block)]
    revision.body = body.with_read_also_after(body.text_blocks(revision.body), places)
    revision.rendered_body = body.readers_html(revision.body)
    Revision.objects.filter(pk=revision.pk).update(
        body=revision.body, rendered_body=revision.rendered_body
    )
    ReadAlsoLink.objects.filter(revision=revision).delete()
    ReadAlsoLink.objects.bulk_create(index_links(revision))
    return block


def deliver_queued():
    """Run the worker over the tasks that are due, as `manage.py db_worker --batch` does, but
    inside the test's transaction. Returns how many ran."""
    from django.db import transaction
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="tests", excluded_queue_names=[],
    )  # fmt: skip
    ran = 0
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if result is None:
                return ran
            result.claim("tests")
        worker.run_task(result)
        ran += 1


# What the edit screen writes on every visit: who has it open (not the newsroom's data).
PRESENCE = {"editorpresence"}


def stored_state():
    """A digest of every stored row of the newsroom's data, to show a request changed none."""
    import hashlib

    from django.apps import apps

    digest = hashlib.sha256()
    for model in apps.get_app_config("articles").get_models():
        if model._meta.model_name not in PRESENCE:
            digest.update(repr(list(model.objects.order_by("pk").values_list())).encode())
    return digest.hexdigest()
