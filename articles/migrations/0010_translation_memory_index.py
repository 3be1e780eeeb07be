"""A trigram index for the translation memory's near matches, on PostgreSQL only.

`translation.memory_suggestions()` asks for segments whose normalised source is
similar to the one being translated (pg_trgm's `%` operator); this index keeps
that under a few milliseconds with 100,000 segments. SQLite compares in Python.
"""

from django.db import migrations

INDEX = "articles_segment_source_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_segment "
            "USING gin (source_normalized gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_translation_segments_and_glossary")]
    operations = [migrations.RunPython(create, drop)]
