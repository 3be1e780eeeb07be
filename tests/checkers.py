"""The external checkers the suite runs: axe-core in the browser, the Nu HTML checker on
Java. Both come from npm (`make test` installs them into node_modules/). With
REQUIRE_BROWSER set, as in CI, a missing tool fails the test instead of skipping it."""

import os
import shutil
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(path, what):
    """`path`, or skip (fail under REQUIRE_BROWSER) with a message saying how to get it."""
    if path is None or not Path(path).exists():
        message = f"{what} is missing: run `npm ci` (make test does) and install Java"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return Path(path)


def java():
    return require(shutil.which("java"), "Java (for the Nu HTML checker)")
