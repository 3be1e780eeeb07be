"""The outlets the site republishes most and its standard "not verified" notice.

Admins edit and extend both in the Django admin; this only gives a new
database the newsroom's starting point.
"""

from django.db import migrations

STANDARD_DISCLAIMER = (
    "This article was edited by The Syrian Observer. The Syrian Observer has not verified "
    "the content of this story. Responsibility for the information and views set out in "
    "this article lies entirely with the author."
)

OUTLETS = [
    # name, slug, aliases, language, requires the disclaimer
    ("SY-24", "sy-24", ["SY24", "SY 24", "سوريا 24"], "ar", True),
    ("Enab Baladi", "enab-baladi", ["Enab Baladi English", "عنب بلدي"], "ar", True),
    ("Syria TV", "syria-tv", ["Syria Television", "تلفزيون سوريا"], "ar", True),
    ("Al-Watan", "al-watan", ["Al Watan", "Al-Watan Online", "الوطن"], "ar", True),
    ("North Press Agency", "north-press", ["North Press", "نورث برس"], "ar", True),
    ("Zaman al-Wasl", "zaman-al-wasl", ["Zaman Al Wasl", "زمان الوصل"], "ar", True),
    ("Al-Modon", "al-modon", ["Al Modon", "المدن"], "ar", True),
    ("Asharq Al-Awsat", "asharq-al-awsat", ["Asharq al-Awsat", "الشرق الأوسط"], "ar", True),
    ("SANA", "sana", ["Syrian Arab News Agency", "سانا"], "ar", True),
    (
        "Syrian Observatory for Human Rights",
        "sohr",
        ["SOHR", "Syrian Observatory", "المرصد السوري لحقوق الإنسان"],
        "ar",
        True,
    ),
    ("Levant24", "levant24", ["Levant 24"], "en", True),
]


def create(apps, schema_editor):
    Outlet = apps.get_model("articles", "Outlet")
    Disclaimer = apps.get_model("articles", "Disclaimer")
    for name, slug, aliases, language, requires in OUTLETS:
        Outlet.objects.get_or_create(
            name=name,
            defaults={
                "slug": slug,
                "aliases": aliases,
                "language": language,
                "requires_disclaimer": requires,
            },
        )
    Disclaimer.objects.get_or_create(
        name="Not verified (standard)",
        defaults={"text": STANDARD_DISCLAIMER, "is_standard": True},
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
