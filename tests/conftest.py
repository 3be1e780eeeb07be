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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
