"""Helpers shared by the benchmarks: a fresh PostgreSQL database and child processes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_URL = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def environment(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"{SERVER_URL}/{database}",
        "DEBUG": "0",
        "SECRET_KEY": "bench",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback
        "SECURE_COOKIES": "0",
    }


def python(*args, env):
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"{' '.join(args[:2])[:60]}… failed:\n{result.stdout}\n{result.stderr}")
    return result


def fresh_database(database):
    """Drop and recreate `database`, migrate it, and return the environment that uses it."""
    for sql in [f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}"]:
        subprocess.run(["psql", f"{SERVER_URL}/postgres", "-qc", sql], check=True)
    env = environment(database)
    python("manage.py", "migrate", "--verbosity", "0", env=env)
    return env
