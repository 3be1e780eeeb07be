"""Benchmark against the Wagtail peer: one run of the shared peer bench
(`../shared/peer-bench/run_peer.sh`) with our pages as extra targets, loaded in the same rounds
as the Wagtail 8 article, Django's fixed 8 KB view and nginx.

Sets up a fresh PostgreSQL database with a data set of the peer's shape (bench/peer_articles.py:
1,000 published articles, 12 paragraphs, 5 keywords, 3 Read Also links, the disclaimer), runs
gunicorn as the peer runs (2 sync workers, DEBUG off, no page cache of its own) and Varnish in
front of it, and names as targets: our article uncached (from gunicorn), our home page
uncached, and our article through Varnish.

    PEER_PYTHON=python3.13 bash ../shared/peer-bench/wagtail_peer/setup.sh   # once, ~3 min
    .venv/bin/python bench/peer.py                                          # ~12 min

ROUNDS (3) and the other knobs of run_peer.sh pass through. The table is printed and kept in
/tmp/peer-bench-results.txt; the ratio of our uncached article to Wagtail's follows it.
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, fresh_database, python
from front import varnish, wait_for

PEER_BENCH = Path(os.environ.get("PEER_BENCH", ROOT.parent / "shared" / "peer-bench"))
APP, FRONT = 8104, 8105
RESULTS = Path(os.environ.get("RESULTS_FILE", "/tmp/peer-bench-results.txt"))


def gunicorn(env):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2",
         "--worker-class", "sync", "--bind", f"127.0.0.1:{APP}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip


def main():
    if not (PEER_BENCH / "run_peer.sh").exists():
        sys.exit(f"No peer bench at {PEER_BENCH} (set PEER_BENCH)")
    env = fresh_database("newsroom_bench_peer")
    python("manage.py", "load_demo", "--allow-production", "--verbosity", "0", env=env)
    article = python("bench/peer_articles.py", "1000", env=env).stdout.strip()
    # As the peer's setup does, and as autovacuum would after a day of publishing.
    subprocess.run(["psql", env["DATABASE_URL"], "-qc", "VACUUM ANALYZE"], check=True)
    python("manage.py", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    env |= {"PUBLIC_CACHE_SECONDS": "0", "PURGE_BACKEND": "varnish",
            "PURGE_URLS": f"http://127.0.0.1:{FRONT}/"}  # fmt: skip
    with tempfile.TemporaryDirectory() as workdir:
        os.chmod(workdir, 0o755)
        app = gunicorn(env)
        front = varnish(workdir, app_port=APP, front_port=FRONT)
        try:
            wait_for(f"http://127.0.0.1:{APP}{article}")
            wait_for(f"http://127.0.0.1:{FRONT}{article}")
            targets = {
                "ours article uncached": f"http://127.0.0.1:{APP}{article}",
                "ours home uncached": f"http://127.0.0.1:{APP}/",
                "ours article via Varnish": f"http://127.0.0.1:{FRONT}{article}",
            }
            subprocess.run(
                ["bash", str(PEER_BENCH / "run_peer.sh")],
                env=os.environ | {
                    "EXTRA_TARGETS": ";".join(f"{n}|{u}" for n, u in targets.items()),
                    "ROUNDS": os.environ.get("ROUNDS", "3"),
                    "RESULTS_FILE": str(RESULTS),
                },
                check=True,
            )  # fmt: skip
        finally:
            front.terminate()
            app.terminate()
            app.wait(timeout=30)
    rates = dict(re.findall(r"^(\S.*?)\s{2,}([\d.]+)\s", RESULTS.read_text(), re.M))
    ours, theirs = rates.get("ours article uncached (ext)"), rates.get("wagtail article (1 URL)")
    if ours and theirs:
        print(f"our uncached article / Wagtail's article: {float(ours) / float(theirs):.1f}x")


if __name__ == "__main__":
    main()
