"""A revision's summary defaults to empty in the database, as its rendered body does (0024):
an app server still running the code from before a migration can go on saving revisions
until it is restarted, instead of failing on a column it does not know."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0024_revision_rendered_body_stored'),
    ]

    operations = [
        migrations.AlterField(
            model_name='revision',
            name='summary',
            field=models.TextField(blank=True, db_default='', editable=False, help_text='What lists, feeds, search engines and link previews show of the article: the standfirst, else the opening words of the first paragraph. Made with the revision, which never changes after.'),
        ),
    ]
