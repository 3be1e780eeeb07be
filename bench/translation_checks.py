"""Benchmark: the translation checks (numbers, attribution, names across the archive,
omissions) on a 60-paragraph story, as the review screen and the publishing check compute
them, and for one segment, as the translation screen does on each save.

Fills a fresh PostgreSQL database with an archive of 5,000 published articles naming
50,000 names (NameUse rows: 10 per article, drawn from 8,000 Arabic name forms, a few of
them rendered two ways), a 1,000-term glossary, and a 60-paragraph Arabic story translated
segment by segment (the faithful translations of tests/fixtures, three times over, with a
wrong number and a lost attribution in a few). Prints the median and 90th percentile of 20
runs. Aim: under 100 ms for the whole story.
"""

import sys

from common import fresh_database, python

FILL = """
INSERT INTO articles_outlet (name, slug, aliases, language, website, requires_disclaimer, status)
VALUES ('Bench outlet', 'bench-outlet', '[]', 'ar', '', false, 'confirmed');
INSERT INTO articles_sourcestory (outlet_id, language, headline, headline_key, standfirst,
  paragraphs, keywords, arrived_at, file_name, raw, checksum, content_hash, encoding,
  opening_key, flags)
SELECT (SELECT id FROM articles_outlet WHERE slug = 'bench-outlet'), 'ar', 'تقرير ' || g,
       'report ' || g, '', '[]', '[]', now(), 'bench-' || g || '.txt', convert_to('raw', 'UTF8'),
       md5(g::text), md5(g::text) || md5('c' || g::text), 'utf-8', '', '[]'
FROM generate_series(1, 5000) AS g;
INSERT INTO articles_article (slug, status, source_story_id, created_at, updated_at,
  withdrawal_notice, former_slug)
SELECT 'bench-' || s.id, 'published', s.id, now(), now(), '', ''
FROM articles_sourcestory s;
INSERT INTO articles_nameuse (article_id, arabic, key, rendering, rendering_key)
SELECT DISTINCT ON (a.id, n % 8000) a.id, 'اسم' || (n % 8000), 'اسم' || (n % 8000),
       'Name' || (n % 8000) || CASE WHEN a.id % 7 = 0 THEN 'a' ELSE '' END,
       lower('name' || (n % 8000) || CASE WHEN a.id % 7 = 0 THEN 'a' ELSE '' END)
FROM articles_article a CROSS JOIN generate_series(1, 10) AS k
CROSS JOIN LATERAL (SELECT (a.id * 7919 + k * 104729) AS n) AS made;
ANALYZE;
"""

STORY = """
import json, statistics, time
from pathlib import Path
from django.contrib.auth import get_user_model
from articles import translation
from articles.arabic import normalize
from articles.models import Article, GlossaryTerm, NameUse, Revision, SourceStory, Outlet

pairs = json.loads(Path("tests/fixtures/faithful_translations.json").read_text("utf-8")) * 3
pairs[4] = {"ar": pairs[4]["ar"] + " وقتل 11 شخصاً.", "en": pairs[4]["en"] + " 12 people were killed."}
pairs[30] = {"ar": pairs[10]["ar"], "en": pairs[10]["en"].replace(", according to local activists", "")}
known = [("درعا", "Daraa"), ("دير الزور", "Deir ez-Zor"), ("المزيريب", "al-Muzayrib"), ("ادلب", "Idlib")]
articles = list(Article.objects.values_list("pk", flat=True)[:300])
NameUse.objects.bulk_create(
    NameUse(article_id=pk, arabic=arabic, key=normalize(arabic), rendering=english + ("" if i % 5 else "h"),
            rendering_key=(english + ("" if i % 5 else "h")).lower().replace("-", "").replace(" ", ""))
    for i, pk in enumerate(articles) for arabic, english in known
)
GlossaryTerm.objects.bulk_create(
    GlossaryTerm(source_term=f"مصطلح{n}", normalized=normalize(f"مصطلح{n}"), rendering=f"Term {n}")
    for n in range(1000)
)
story = SourceStory.objects.create(
    outlet=Outlet.objects.get(slug="bench-outlet"), language="ar", headline="قصة طويلة",
    headline_key="long", paragraphs=[p["ar"] for p in pairs], file_name="long.txt", raw=b"x",
    checksum="c" * 64, content_hash="h" * 64)
article = Article.objects.create(slug="long-story", status="in_translation", source_story=story,
                                 outlet=story.outlet)
revision = Revision.build(article=article, number=1)
revision.save()
article.current_revision = revision
article.save()
translation.create_segments([article])
segments = translation.segments_for(article)
english = ["A long story", *(p["en"] for p in pairs)]
for segment, text in zip(segments, english, strict=True):
    translation.save_segment(segment, translation=text, state="done", user=None)
segments = translation.segments_for(article)

def timed(work, runs=20):
    work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(runs * 0.9) - 1], result

from articles.arabic import normalized_text
from articles.numbers.matching import _source_quantities
from articles.translation.names import _readings, english_skeleton

def cold():
    for kept in (normalized_text, _source_quantities, _readings, english_skeleton):
        kept.cache_clear()
    return translation.flags_for(article, segments)

median, p90, flags = timed(cold)
found = sum(len(f) for f in flags.values())
print(f"flags on a {len(segments) - 1}-paragraph story, first look: median {median:6.1f} ms"
      f"   p90 {p90:6.1f} ms   ({found} flags, archive of {NameUse.objects.count()} names,"
      " 1,000 glossary terms)")
median, p90, flags = timed(lambda: translation.flags_for(article, segments))
print(f"the same, looked at again (the source's readings kept): median {median:6.1f} ms"
      f"   p90 {p90:6.1f} ms")
one = segments[5]
median, p90, _ = timed(lambda: translation.flags_for(article, [one]))
print(f"flags for one segment, as each save swaps them in: median {median:6.1f} ms   p90 {p90:6.1f} ms")
"""


def main():
    env = fresh_database("newsroom_bench_checks")
    python("manage.py", "dbshell", "--", "-q", "-v", "ON_ERROR_STOP=1", "-c", FILL, env=env)
    print("\nTranslation checks, PostgreSQL")
    sys.stdout.write(python("manage.py", "shell", "--no-imports", "-c", STORY, env=env).stdout)


if __name__ == "__main__":
    main()
