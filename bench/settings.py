"""The newsroom's production settings plus one page for the benchmark: a fixed 8 KB response,
the framework's ceiling on this machine."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
