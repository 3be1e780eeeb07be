"""Operators configure a deployment through environment variables."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import database_from_url, env_bool, env_int


def test_no_database_url_means_the_embedded_sqlite_file():
    assert database_from_url("")["ENGINE"] == "django.db.backends.sqlite3"
    assert str(database_from_url("")["NAME"]).endswith("db.sqlite3")


def test_postgres_url():
    db = database_from_url("postgres://news:s%40cret@db.internal:5433/newsroom?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"]) == ("newsroom", "news", "s@cret")
    assert (db["HOST"], db["PORT"], db["OPTIONS"]) == (
        "db.internal",
        "5433",
        {"sslmode": "require", "prepare_threshold": 5},  # the article page's statements
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x@y/z", "scheme 'mysql' is not supported"),
        ("postgres://user@host/", "names no database"),
    ],
)
def test_unusable_database_url_fails_loudly(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        database_from_url(url)


def test_boolean_and_number_variables_fail_loudly(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG", True)
    monkeypatch.setenv("SEED_MAX_BYTES", "1MB")
    with pytest.raises(ImproperlyConfigured, match="SEED_MAX_BYTES='1MB' is not a whole number"):
        env_int("SEED_MAX_BYTES", 1)
