"""Benchmark: the desk's server time with 100,000 articles on PostgreSQL.

Fills a fresh database with 100,000 articles (source story, article, one revision
each, spread over the queues, outlets and languages) with a few SQL statements,
then times the desk view in-process, signed in as an editor: the first page, a
queue, and a full-text search. Prints the median and 90th percentile of 30 requests.
Aim: under 50 ms median for the first page and for a search.
"""

import sys

from common import fresh_database, python

ARTICLES = 100_000

FILL = """
INSERT INTO articles_sourcestory (outlet_id, language, headline, headline_key, standfirst,
  paragraphs, keywords, arrived_at, file_name, raw, checksum, content_hash)
SELECT (SELECT id FROM articles_outlet ORDER BY id OFFSET g % 10 LIMIT 1),
       CASE WHEN g % 5 = 0 THEN 'ar' ELSE 'en' END,
       'Report ' || g || ' on clashes near ' || (ARRAY['Palmyra','Idlib','Daraa','Raqqa','Hasakah',
         'Aleppo','Homs','Hama','Deir Ezzor'])[1 + g % 9],
       'report ' || g, '', '["A paragraph."]', '[]',
       now() - make_interval(mins => g), 'bench-' || g || '.txt', convert_to('raw', 'UTF8'),
       md5(g::text), md5(g::text) || md5('content' || g::text)
FROM generate_series(1, %(n)s) AS g;

INSERT INTO articles_article (slug, status, source_story_id, outlet_id, created_at, updated_at,
  withdrawal_notice, former_slug)
SELECT 'bench-' || s.id,
       (ARRAY['new','in_translation','drafting','in_review','changes_requested','approved',
              'scheduled','published','unpublished','spiked'])[1 + s.id % 10],
       s.id, s.outlet_id, s.arrived_at, s.arrived_at, '', ''
FROM articles_sourcestory s;

INSERT INTO articles_revision (article_id, number, headline, headline_key, standfirst, body,
  note, created_at, search_text)
SELECT a.id, 1, s.headline, s.headline_key, '',
       ('[{"type": "paragraph", "attrs": {"id": "b' || a.id || '"}, '
        || '"content": [{"type": "text", "text": "A paragraph."}]}]')::jsonb,
       'Imported', s.arrived_at,
       s.headline || E'\\n' || 'Fighters and residents describe the situation in '
         || split_part(s.headline, ' near ', 2) || ', sources said.'
FROM articles_article a JOIN articles_sourcestory s ON s.id = a.source_story_id;

UPDATE articles_article a SET current_revision_id = r.id
FROM articles_revision r WHERE r.article_id = a.id;
"""

MEASURE = """
import statistics, sys, time, django
django.setup()
from django.contrib.auth.models import User, Group
from django.test import Client
from django.test.utils import setup_test_environment
from articles import roles

setup_test_environment()  # so that responses carry their template context

roles.ensure_roles()
editor, _ = User.objects.get_or_create(username="bench-editor")
editor.groups.add(Group.objects.get(name=roles.EDITOR))
client = Client()
client.force_login(editor)
for label, query in [("first page", {}), ("queue: in review", {"queue": "in_review"}),
                     ("search: Palmyra", {"q": "Palmyra"}), ("search + outlet", {"q": "Idlib", "outlet": "sy-24"}),
                     ("page 40", {"page": 40})]:
    times = []
    for attempt in range(33):
        started = time.perf_counter()
        response = client.get("/desk/", query)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        if attempt >= 3:
            times.append(elapsed)
    times.sort()
    shown = response.context["page"].paginator.count
    print(label, statistics.median(times), times[int(len(times) * 0.9)], shown, sep="\\t")
"""


def main():
    env = fresh_database("newsroom_bench_desk")
    fill = FILL.replace("%(n)s", str(ARTICLES))
    python("manage.py", "dbshell", "--", "-q", "-v", "ON_ERROR_STOP=1", "-c", fill, env=env)
    # A live database is vacuumed by autovacuum; a freshly filled one is not yet.
    python("manage.py", "dbshell", "--", "-q", "-c", "VACUUM ANALYZE", env=env)
    python("manage.py", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    result = python("-c", MEASURE, env=env)
    print(f"Desk server time with {ARTICLES:,} articles on PostgreSQL (30 requests each)")
    print(f"{'request':<20} {'median ms':>10} {'p90 ms':>8} {'articles':>9}")
    for line in result.stdout.strip().splitlines():
        label, median, p90, count = line.split("\t")
        print(f"{label:<20} {float(median):>10.1f} {float(p90):>8.1f} {int(count):>9,}")


if __name__ == "__main__":
    sys.exit(main())
