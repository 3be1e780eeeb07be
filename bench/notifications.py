"""Benchmark: who is told of a workflow action, for people with a long history.

An editor has written 10,000 revisions (of 1,000 other articles, 10 each) and is assigned
one more article; a reviewer publishes it. Times `notifications.contributors()` for that
article, in-process on PostgreSQL, and counts its queries. Aim: one query, under 50 ms.
"""

import sys

from common import fresh_database, python

MEASURE = """
import statistics, time, django
django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from articles.models import Article, Outlet, Revision, SourceStory
from articles.notifications import contributors

editor = User.objects.create_user("busy-editor", email="busy@newsroom.example")
outlet = Outlet.objects.first()
stories = SourceStory.objects.bulk_create(
    SourceStory(outlet=outlet, language="en", headline=f"Story {n}", headline_key=f"story {n}",
                file_name=f"{n}.txt", raw=b"x", checksum=str(n), content_hash=f"bench-{n}")
    for n in range(1001))
articles = Article.objects.bulk_create(
    Article(slug=f"story-{n}", source_story=story, outlet=outlet, assignee=editor)
    for n, story in enumerate(stories))
Revision.objects.bulk_create(
    Revision(article=article, number=n + 1, headline="x", headline_key="x", author=editor)
    for article in articles[:1000] for n in range(10))
article = articles[1000]
Revision.objects.create(article=article, number=1, headline="x", headline_key="x", author=editor)
times = []
for attempt in range(33):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        people = list(contributors(article))
    if attempt >= 3:
        times.append((time.perf_counter() - started) * 1000)
times.sort()
print(Revision.objects.filter(author=editor).count(), len(queries), statistics.median(times),
      times[int(len(times) * 0.9)], [p.username for p in people], sep="\\t")
"""


def main():
    env = fresh_database("newsroom_bench_notifications")
    revisions, queries, median, p90, people = python("-c", MEASURE, env=env).stdout.split("\t")
    print(f"\nWho is told, for an editor with {int(revisions):,} revisions (30 runs, PostgreSQL)")
    print(
        f"queries: {queries}   median: {float(median):.1f} ms   p90: {float(p90):.1f} ms   "
        f"told: {people.strip()}"
    )


if __name__ == "__main__":
    sys.exit(main())
