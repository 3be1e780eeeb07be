"""An index in the order readers see articles, newest first, of those they can see: a public
list reads its page from it instead of joining and sorting every published article."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_revision_fields_default_in_the_database"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                models.OrderBy(models.F("published_at"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(
                    ("published_revision__isnull", False),
                    ("status__in", ("published", "correcting")),
                ),
                name="article_reader_order",
            ),
        ),
    ]
