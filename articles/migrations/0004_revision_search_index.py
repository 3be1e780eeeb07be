"""A full-text index for the desk's search, on PostgreSQL only.

The expression is the one `ArticleQuerySet.search()` builds, so the planner uses
it; SQLite searches without an index.
"""

from django.db import migrations

INDEX = "articles_revision_search_english"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_revision USING gin "
            "(to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_revision_search_text")]
    operations = [migrations.RunPython(create, drop)]
