"""The explorer's pure functions, unit-tested in JavaScript: ``node --test tests/js``.

The network view's geometry (boxes, fitting, the label-room solver's pushes,
the pointer's nearest line) and the tie rule (``signedTies``) live in classic
scripts with no page behind them (``geometry.js``, ``room.js``,
``pointer.js``, ``state.js``); ``tests/js/load.js``
runs them in one ``vm`` context, as the page joins them, and the ``*.test.js``
files check them. This test runs them, so ``make test`` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


def test_the_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("node is missing: the explorer's JS unit tests need it", pytrace=False)
        pytest.skip("node is missing")
    files = sorted(str(path) for path in TESTS.glob("*.test.js"))
    assert files, "no JavaScript unit tests found"
    result = subprocess.run(
        [node, "--test", *files], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
