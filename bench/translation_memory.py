"""Benchmark: the translation memory's lookup for one segment with 100,000 stored segments.

Fills a fresh PostgreSQL database with 100,000 finished segments of 18 Arabic-script
words each (letters that normalisation leaves alone, so the SQL can store them as
normalised), drawn from a vocabulary of 3,000 (a news desk's real vocabulary is larger,
which only makes the index more selective), then indexes them as the desk does and times
`translation.memory_suggestions()` for a segment that nearly matches one of them, and for
one that matches nothing. Prints the median and 90th percentile of 30 lookups. Aim: under
20 ms. Then times the glossary's part of a 60-paragraph translation screen (highlights and
hints) with a 1,000-term glossary.
"""

import sys

from common import fresh_database, python

SEGMENTS = 100_000

FILL = """
INSERT INTO articles_outlet (name, slug, aliases, language, website, requires_disclaimer)
VALUES ('Bench outlet', 'bench-outlet', '[]', 'ar', '', false);
INSERT INTO articles_sourcestory (outlet_id, language, headline, headline_key, standfirst,
  paragraphs, keywords, arrived_at, file_name, raw, checksum, content_hash)
SELECT (SELECT id FROM articles_outlet WHERE slug = 'bench-outlet'), 'ar', 'تقرير ' || g,
       'report ' || g, '', '[]', '[]', now(), 'bench-' || g || '.txt', convert_to('raw', 'UTF8'),
       md5(g::text), md5(g::text) || md5('c' || g::text)
FROM generate_series(1, %(articles)s) AS g;
INSERT INTO articles_article (slug, status, source_story_id, created_at, updated_at,
  withdrawal_notice, former_slug)
SELECT 'bench-' || s.id, 'in_translation', s.id, now(), now(), '', ''
FROM articles_sourcestory s;
CREATE TEMP TABLE vocabulary AS
SELECT array_agg(word) AS w FROM (
  SELECT (SELECT string_agg(substr('بتثجحخدذرسشصضطظعغفقكلمنهوي',
                                   1 + get_byte(decode(md5(v || '.' || i), 'hex'), 0) %% 26, 1), '')
          FROM generate_series(1, 3 + v %% 5) AS i) AS word
  FROM generate_series(1, %(words)s) AS v
) AS made;
INSERT INTO articles_segment (article_id, kind, position, source_text, source_normalized,
  translation, state, machine, updated_at)
SELECT a.id, 'paragraph', n,
       t.text, t.text, 'English for segment ' || a.id || '.' || n, 'done', false, now()
FROM articles_article a
CROSS JOIN generate_series(0, 9) AS n
CROSS JOIN LATERAL (
  SELECT string_agg(w[1 + ((a.id * 7919 + n * 104729 + k * 7907) %% %(words)s)], ' ') AS text
  FROM vocabulary, generate_series(1, 18) AS k
) AS t;
ANALYZE articles_segment;
"""

INDEX = """
from itertools import batched
from articles.models import MemoryFingerprint, Segment
from articles.translation import fingerprints

done = Segment.objects.filter(state="done").only("pk", "source_normalized").order_by("pk")
for batch in batched(done.iterator(chunk_size=5000), 5000):
    MemoryFingerprint.objects.bulk_create(
        MemoryFingerprint(segment_id=s.pk, value=v) for s in batch for v in fingerprints(s.source_normalized)
    )
print(MemoryFingerprint.objects.count())
"""

TIME = """
import statistics, time
from articles.models import Segment
from articles.translation import memory_suggestions, build_segment

def timed(segment):
    memory_suggestions(segment)
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        found = memory_suggestions(segment)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[26], found

stored = Segment.objects.order_by("pk")[5000]
words = stored.source_text.split()
near = " ".join(words[:-1] + ["اليوم"])  # one word changed
article = stored.article
for label, text in [("a near match", near), ("no match", "نص لا يشبه أي شيء مخزن في الذاكرة إطلاقا")]:
    probe = build_segment(article, "paragraph", 99, text)
    median, p90, found = timed(probe)
    best = f"best {found[0].percent}%" if found else "nothing offered"
    print(f"memory lookup, {label:13} median {median:6.1f} ms   p90 {p90:6.1f} ms   ({best})")
"""

GLOSSARY = """
import time
from articles import translation
from articles.arabic import normalize
from articles.models import GlossaryTerm, Segment

texts = list(Segment.objects.order_by("pk").values_list("source_text", flat=True)[:60])
pool = Segment.objects.order_by("pk").values_list("source_text", flat=True)[:400]
words = sorted({word for text in pool for word in text.split()})[:1000]
GlossaryTerm.objects.bulk_create(
    GlossaryTerm(source_term=word, normalized=normalize(word), rendering=word) for word in words
)
terms = translation.glossary()
start = time.perf_counter()
found = sum(len(translation.terms_in(text, terms)) for text in texts if translation.highlighted(text, terms))
took = (time.perf_counter() - start) * 1000
print(f"glossary on a 60-paragraph screen, {len(terms)} terms: {took:6.1f} ms ({found} hints)")
"""


def main():
    env = fresh_database("newsroom_bench_memory")
    articles = SEGMENTS // 10
    python(
        "manage.py",
        "dbshell",
        "--",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        FILL % {"articles": articles, "words": 3000},
        env=env,
    )
    prints = python("manage.py", "shell", "--no-imports", "-c", INDEX, env=env).stdout.strip()
    python("manage.py", "dbshell", "--", "-qc", "ANALYZE", env=env)
    count = python("manage.py", "shell", "--no-imports", "-c",
                   "from articles.models import Segment; print(Segment.objects.count())",
                   env=env).stdout.strip()  # fmt: skip
    print(f"\nTranslation memory with {count} stored segments ({prints} fingerprints), PostgreSQL")
    sys.stdout.write(python("manage.py", "shell", "--no-imports", "-c", TIME, env=env).stdout)
    sys.stdout.write(python("manage.py", "shell", "--no-imports", "-c", GLOSSARY, env=env).stdout)


if __name__ == "__main__":
    main()
