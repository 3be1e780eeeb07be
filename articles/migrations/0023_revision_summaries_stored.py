"""Each revision's summary, stored with it (a revision never changes once saved), so that
public lists read summaries instead of loading every body."""

from django.db import migrations, models


def fill_summaries(apps, schema_editor):
    from articles.body import paragraph_texts
    from articles.models import summarize

    Revision = apps.get_model("articles", "Revision")
    revisions = Revision.objects.only("standfirst", "body").order_by("pk")
    batch = []
    for revision in revisions.iterator(chunk_size=500):
        revision.summary = summarize(revision.standfirst, paragraph_texts(revision.body))
        batch.append(revision)
        if len(batch) == 500:
            Revision.objects.bulk_update(batch, ["summary"])
            batch = []
    Revision.objects.bulk_update(batch, ["summary"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0022_imported_memory_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="summary",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="What lists, feeds, search engines and link previews show of the "
                "article: the standfirst, else the opening words of the first paragraph. Made "
                "with the revision, which never changes after.",
            ),
        ),
        migrations.RunPython(fill_summaries, migrations.RunPython.noop),
    ]
