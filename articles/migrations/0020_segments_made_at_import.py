"""Segments are made when a story to translate arrives, not when the translation screen is
first opened (a GET that wrote): the stories already here that have none get theirs."""

from django.db import migrations

from articles.arabic import normalize


def make_missing_segments(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Segment = apps.get_model("articles", "Segment")
    waiting = (
        Article.objects.exclude(source_story__language="en")
        .filter(segments__isnull=True)
        .select_related("source_story")
    )
    for article in waiting.iterator(chunk_size=500):
        story = article.source_story
        units = [("headline", 0, story.headline)]
        if story.standfirst:
            units.append(("standfirst", 0, story.standfirst))
        units += [("paragraph", n, text) for n, text in enumerate(story.paragraphs)]
        Segment.objects.bulk_create(
            [
                Segment(
                    article=article,
                    kind=kind,
                    position=position,
                    source_text=text,
                    source_normalized=normalize(text),
                )
                for kind, position, text in units
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_intake_flags_and_unconfirmed_outlets")]

    operations = [migrations.RunPython(make_missing_segments, migrations.RunPython.noop)]
