"""Benchmark: the public site through Varnish (deploy/varnish/newsroom.vcl), in one run.

Sets up the demo newsroom on a fresh PostgreSQL database, runs gunicorn (2 workers, no page
cache of its own) with the task worker, Varnish in front of it, and nginx serving the
example article's page saved as a file (the machine's ceiling). Measures with wrk:
- the cached article through Varnish, against nginx serving the same page (aim: 30% or more);
- the uncached article from gunicorn;
- the time from a publication (workflow.apply, committed) to its page, the home page and
  the feed serving it through Varnish (aim: under a second), over five publications.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT, fresh_database, python
from public_site import ARTICLE, requests_per_second_at, stop

APP, FRONT, NGINX = 8191, 8192, 8193
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))

PUBLISH = """
import hashlib, time, urllib.request
from django.contrib.auth import get_user_model
from articles import workflow
from articles.models import Article, Revision, SourceStory
from articles.text import headline_key
front = "http://127.0.0.1:%(front)s"
User = get_user_model()
editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
model = Article.objects.published().select_related("published_revision", "source_story").first()
took = []
for n in range(5):
    headline = f"Bench publication number {n} reaches readers"
    digest = hashlib.sha256(headline.encode()).hexdigest()
    story = SourceStory.objects.create(
        outlet=model.outlet, language="en", headline=headline, headline_key=headline_key(headline),
        paragraphs=model.source_story.paragraphs, file_name=f"bench-{n}.txt", raw=b"bench",
        checksum=digest, content_hash=digest)
    article = Article.objects.create(slug=f"bench-publication-{n}", status="approved",
                                     source_story=story, outlet=model.outlet)
    old = model.published_revision
    revision = Revision.build(article=article, number=1, headline=headline, body=old.body,
                              author=editor, disclaimer=old.disclaimer)
    revision.save()
    revision.keywords.set(old.keywords.all())
    article.current_revision = revision
    article.save()
    for path in ["/", "/feed/"]:
        urllib.request.urlopen(front + path).read()  # in the cache before the publication
    started = time.monotonic()
    workflow.apply(article, "publish", actor=reviewer, notify=False)
    paths = [article.get_absolute_url(), "/", "/feed/"]
    while time.monotonic() - started < 10:
        pages = []
        for path in paths:
            try:
                pages.append(urllib.request.urlopen(front + path).read().decode())
            except Exception:
                pages.append("")
        if all(headline in page for page in pages):
            break
        time.sleep(0.01)
    took.append(time.monotonic() - started)
print(" ".join(f"{t:.3f}" for t in took))
"""


def varnish(workdir, *, app_port=APP, front_port=FRONT):
    vcl = Path(workdir) / "newsroom.vcl"
    source = (ROOT / "deploy" / "varnish" / "newsroom.vcl").read_text()
    vcl.write_text(source.replace('.port = "8000";', f'.port = "{app_port}";'))
    return subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-n", f"{workdir}/varnish", "-a", f"127.0.0.1:{front_port}",
         "-f", str(vcl), "-s", "malloc,256m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def nginx(workdir, page):
    os.chmod(workdir, 0o755)  # nginx's workers read the page as another user
    (Path(workdir) / "html").mkdir()
    (Path(workdir) / "html" / "article.html").write_bytes(page)
    conf = Path(workdir) / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 2; pid {workdir}/nginx.pid; error_log {workdir}/e.log;"
        f"events {{}} http {{ access_log off; server {{ listen 127.0.0.1:{NGINX};"
        f" root {workdir}/html; }} }}"
    )
    return subprocess.Popen(["nginx", "-c", str(conf), "-p", workdir])


def gunicorn(env):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{APP}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip


def wait_for(url):
    for _ in range(150):
        try:
            return urllib.request.urlopen(url, timeout=1).read()
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{url} did not answer")


def main():
    env = fresh_database("newsroom_bench_front") | {"DJANGO_SETTINGS_MODULE": "bench.settings"}
    python("manage.py", "load_demo", "--allow-production", "--verbosity", "0", env=env)
    python("manage.py", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    env |= {
        "PUBLIC_CACHE_SECONDS": "0",
        "PURGE_BACKEND": "varnish",
        "PURGE_URLS": f"http://127.0.0.1:{FRONT}/",
        "NEWSROOM_SITE_URL": f"http://127.0.0.1:{FRONT}",
    }
    with tempfile.TemporaryDirectory() as workdir:
        app = gunicorn(env)
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        front = varnish(workdir)
        server = None
        try:
            page = wait_for(f"http://127.0.0.1:{APP}{ARTICLE}")
            server = nginx(workdir, page)
            wait_for(f"http://127.0.0.1:{FRONT}{ARTICLE}")
            wait_for(f"http://127.0.0.1:{NGINX}/article.html")
            rates = {
                "article through Varnish (cached)": requests_per_second_at(
                    f"http://127.0.0.1:{FRONT}{ARTICLE}", SECONDS
                ),
                "the same page from nginx (file)": requests_per_second_at(
                    f"http://127.0.0.1:{NGINX}/article.html", SECONDS
                ),
                "article from gunicorn (uncached)": requests_per_second_at(
                    f"http://127.0.0.1:{APP}{ARTICLE}", SECONDS
                ),
            }
            took = python("manage.py", "shell", "--no-imports", "-c",
                          PUBLISH % {"front": FRONT}, env=env).stdout.split()  # fmt: skip
        finally:
            for process in (server, front, worker):
                if process is not None:
                    process.terminate()
            stop(app)
    nginx_rate = rates["the same page from nginx (file)"]
    print(f"\nThrough Varnish, wrk -t1 -c16 -d{SECONDS}s, PostgreSQL")
    print(f"{'':36} {'req/s':>8} {'vs nginx':>9}")
    for name, rate in rates.items():
        print(f"{name:36} {rate:8.0f} {rate / nginx_rate:9.2f}")
    seconds = [float(t) for t in took]
    if seconds:
        print(
            f"publication to fresh article, home page and feed through Varnish: median "
            f"{statistics.median(seconds) * 1000:.0f} ms, worst {max(seconds) * 1000:.0f} ms "
            f"({len(seconds)} publications)"
        )


if __name__ == "__main__":
    main()
