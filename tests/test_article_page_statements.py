"""The reader's article page reads its article through statements built once per connection
and, on PostgreSQL, prepared (articles/statements.py): readers in several threads at once
each get their own article, and a page renders again after the connection to the database
was lost."""

import threading

import pytest
from django.db import connection
from django.test import Client

from articles.models import Article
from articles.statements import Statement

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def articles(reference_data, ready_article, settings):
    settings.PUBLIC_CACHE_SECONDS = 0  # every request reads the database
    return [ready_article("published", f"Report number {n} from Idlib") for n in range(4)]


def test_readers_in_several_threads_each_get_their_own_article(articles):
    errors, wrong = [], []
    start = threading.Barrier(len(articles))

    def read(article):
        client = Client()
        try:
            start.wait()
            for _ in range(15):
                page = client.get(article.get_absolute_url())
                if page.status_code != 200 or article.headline not in page.text:
                    wrong.append((article.slug, page.status_code))
                missing = client.get("/news/not-an-article/")
                if missing.status_code != 404:
                    wrong.append(("missing", missing.status_code))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=read, args=(article,)) for article in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert wrong == []


def test_a_page_renders_again_after_the_connection_to_the_database_was_lost(articles, client):
    article = articles[0]
    assert client.get(article.get_absolute_url()).status_code == 200
    connection.close()  # as when PostgreSQL restarts: the next request connects again
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert article.headline in page.text


def test_a_statement_must_use_each_of_its_markers(db):
    ignoring = Statement(lambda slug: Article.objects.values_list("pk")[:1], "\uffffmarker")
    with pytest.raises(ValueError, match="Each marker"):
        ignoring.rows("anything")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_pages_keep_rendering_when_a_migration_changes_a_table_they_read(articles, client):
    """App servers go on running while a migration alters a table (a column's length here):
    PostgreSQL refuses the plan it prepared before, and the statement is prepared again."""
    import psycopg

    article = articles[0]
    assert client.get(article.get_absolute_url()).status_code == 200  # prepared now
    migrating = psycopg.connect(
        dbname=connection.settings_dict["NAME"], user=connection.settings_dict["USER"],
        host=connection.settings_dict["HOST"], port=connection.settings_dict["PORT"] or 5432,
        autocommit=True,
    )  # fmt: skip
    try:
        migrating.execute("ALTER TABLE articles_article ALTER COLUMN slug TYPE varchar(121)")
        for _ in range(3):
            page = client.get(article.get_absolute_url())
            assert page.status_code == 200
            assert article.headline in page.text
    finally:
        migrating.execute("ALTER TABLE articles_article ALTER COLUMN slug TYPE varchar(120)")
        migrating.close()
