"""Each revision's body as readers get it, stored with it (a revision never changes once
saved), so that an article page does not turn its document into HTML on every read."""

from django.db import migrations, models


def fill_rendered_bodies(apps, schema_editor):
    from articles.body import readers_html

    Revision = apps.get_model("articles", "Revision")
    revisions = Revision.objects.only("body").order_by("pk")
    batch = []
    for revision in revisions.iterator(chunk_size=500):
        revision.rendered_body = readers_html(revision.body)
        batch.append(revision)
        if len(batch) == 500:
            Revision.objects.bulk_update(batch, ["rendered_body"])
            batch = []
    Revision.objects.bulk_update(batch, ["rendered_body"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_revision_summaries_stored"),
    ]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="rendered_body",
            field=models.JSONField(
                default=list,
                db_default=[],
                editable=False,
                help_text="The body as readers get it, made with the revision: its text as "
                "HTML, run by run, and each Read Also block in its place by id (the link "
                "itself is drawn on each read, since its target's headline and status "
                "change).",
            ),
        ),
        migrations.RunPython(fill_rendered_bodies, migrations.RunPython.noop),
    ]
