"""Benchmark: requests per second of the public site under gunicorn (2 workers), with wrk.

Sets up the demo newsroom on a fresh PostgreSQL database, saves the example
article's page as a static file, then measures, one after the other:
an uncached article page (page cache off), a cached article page and the
home page (page cache in Redis, as in production), a fixed 8 KB page (the
framework's ceiling) and the static copy of the article served by the same
server through whitenoise. Prints each as requests per second and as a
ratio to the fixed page.
Aims: an uncached article above 400/s; a cached one at 70% of the fixed page or more.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

from common import ROOT, fresh_database, python

PORT = int(os.environ.get("BENCH_PORT", "8099"))
BASE = f"http://127.0.0.1:{PORT}"
ARTICLE = "/news/desert-on-fire-pro-regime-fighters-killed-by-unknown-assailants/"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))


def wrk():
    found = shutil.which("wrk")
    if found is None:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
        found = shutil.which("wrk")
    if found is None:
        sys.exit("wrk is needed as the load generator: apt-get install wrk")
    return found


def serve(env):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/bench/fixed/", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def stop(server):
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def requests_per_second(path):
    return requests_per_second_at(BASE + path, SECONDS)


def requests_per_second_at(url, seconds):
    urllib.request.urlopen(url).read()  # warm: the first request fills the cache
    out = subprocess.run(
        [wrk(), "-t1", "-c16", f"-d{seconds}s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(line for line in out.splitlines() if line.startswith("Requests/sec:"))
    errors = [line for line in out.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    if errors:
        sys.exit(f"{url}: {errors}")
    return float(line.split()[1])


def main():
    env = fresh_database("newsroom_bench_public") | {"DJANGO_SETTINGS_MODULE": "bench.settings"}
    python("manage.py", "load_demo", "--allow-production", "--verbosity", "0", env=env)
    python("manage.py", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    subprocess.run(["redis-cli", "-u", REDIS, "flushdb"], capture_output=True, check=False)
    cached = env | {"REDIS_URL": REDIS, "PUBLIC_CACHE_SECONDS": "3600"}
    uncached = env | {"PUBLIC_CACHE_SECONDS": "0"}

    server = serve(cached)  # save the article page as a static file, for whitenoise to serve
    html = urllib.request.urlopen(BASE + ARTICLE).read()
    stop(server)
    static = ROOT / "staticfiles" / "bench"
    static.mkdir(parents=True, exist_ok=True)
    (static / "article.html").write_bytes(html)

    results = {}
    server = serve(uncached)
    results["article page, uncached"] = requests_per_second(ARTICLE)
    results["home page, uncached"] = requests_per_second("/")
    stop(server)
    server = serve(cached)
    results["article page, cached"] = requests_per_second(ARTICLE)
    results["home page, cached"] = requests_per_second("/")
    results["fixed 8 KB page"] = requests_per_second("/bench/fixed/")
    results["article as a static file"] = requests_per_second("/static/bench/article.html")
    stop(server)

    ceiling = results["fixed 8 KB page"]
    print(f"\nPublic site under gunicorn (2 workers), wrk -t1 -c16 -d{SECONDS}s, PostgreSQL")
    print(f"{'':28} {'req/s':>8} {'vs fixed':>9}")
    for name, rate in results.items():
        print(f"{name:28} {rate:8.0f} {rate / ceiling:9.2f}")


if __name__ == "__main__":
    main()
