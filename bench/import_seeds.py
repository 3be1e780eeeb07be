"""Benchmark: importing 10,000 generated seed files into PostgreSQL.

Generates realistic seed pages (headline repeats, standfirst, Read Also lines
naming other generated stories, the disclaimer, keywords) and imports them into
a fresh database with the importer behind `manage.py import_seeds`. Prints the
rate and the importer's resident memory every 2,500 files, so that memory growing
with the number of files would show.

    make bench                       # or: .venv/bin/python bench/import_seeds.py
    BENCH_POSTGRES=postgres://user@host:5432 make bench   # another server
"""

import random
import sys
import tempfile
from pathlib import Path

from common import fresh_database, python

PLACES = ["Palmyra", "Deir Ezzor", "Idlib", "Daraa", "Raqqa", "Hasakah", "Aleppo", "Homs", "Hama"]
ACTORS = ["regime forces", "ISIS cells", "local militias", "the National Defence Forces", "SDF"]
OUTLETS = ["according to SY-24", "Enab Baladi reported", "a source told Syria TV"]
DISCLAIMER = (
    "This article was edited by The Syrian Observer. The Syrian Observer has not verified the "
    "content of this story. Responsibility for the information and views set out in this "
    "article lies entirely with the author."
)


def headline(n):
    rnd = random.Random(n)
    return f"{rnd.choice(ACTORS).title()} Clash Near {rnd.choice(PLACES)} in Report {n}"


def seed_page(n):
    rnd = random.Random(n)
    title = headline(n)
    paragraphs = [
        f"{rnd.choice(ACTORS).capitalize()} were reported moving {rnd.randint(3, 90)} vehicles "
        f"towards {rnd.choice(PLACES)} on day {rnd.randint(1, 28)}, {rnd.choice(OUTLETS)}, in "
        f"the latest of {rnd.randint(2, 40)} incidents that residents of district "
        f"{rnd.randint(1, 999)} described as the most serious since {rnd.randint(1990, 2024)}."
        for _ in range(rnd.randint(5, 12))
    ]
    standfirst = (
        f"Fighting was reported near {rnd.choice(PLACES)} in report {n}, {rnd.choice(OUTLETS)}."
    )
    lines = ["Logo Wide", "", title, "", standfirst, title, ""]
    for index, paragraph in enumerate(paragraphs):
        lines += [paragraph + "\u00a0 ", ""]
        if index == 3:
            lines += [f"Read Also: {headline(rnd.randrange(max(n, 1) * 2))}", ""]
    lines += [DISCLAIMER, "", "Helpful keywords", rnd.choice(PLACES), rnd.choice(ACTORS)]
    return "\n".join(lines)


# The import runs in a child process that reports its rate and its resident memory
# after every CHECKPOINT files.
CHECKPOINT = 2_500
IMPORT_AND_MEASURE = """
import sys, time, django
django.setup()
from articles.importer.loading import SeedImporter

def resident_mib():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20

checkpoint, started, failed = int(sys.argv[2]), time.perf_counter(), 0
for done, result in enumerate(SeedImporter().import_paths([sys.argv[1]]), start=1):
    failed += result.outcome != "imported"
    if done % checkpoint == 0:
        print(done, done / (time.perf_counter() - started), resident_mib(), flush=True)
print("failed", failed)
"""


def main(count=10_000):
    print(f"Importing {count:,} generated seed files into PostgreSQL")
    env = fresh_database("newsroom_bench_import")
    with tempfile.TemporaryDirectory() as folder:
        for n in range(count):
            Path(folder, f"{n:06}.txt").write_text(seed_page(n))
        result = python("-c", IMPORT_AND_MEASURE, folder, str(CHECKPOINT), env=env)
    *rows, failed = result.stdout.splitlines()
    if failed != "failed 0":
        sys.exit(f"not every file was imported: {result.stdout}\n{result.stderr}")
    print(f"{'files':>8} {'files/s':>9} {'resident MiB':>13}")
    for row in rows:
        done, rate, mib = row.split()
        print(f"{int(done):>8,} {float(rate):>9.0f} {float(mib):>13.1f}")


if __name__ == "__main__":
    main()
