"""The [fast] extra (lark-cython) gives exactly the pure parser's results."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import REAL, SEEDS

pytestmark = pytest.mark.skipif(importlib.util.find_spec("lark_cython") is None,
                                reason="the [fast] extra is not installed")

SCRIPT = """
import json, sys, sixk_grammar
from sixk_grammar.parser import fast_plugins
print(json.dumps({"fast": fast_plugins() is not None,
                  "results": [sixk_grammar.parse(open(p, "rb").read()) for p in sys.argv[1:]]}))
"""


def _run(pure: bool) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "SIXK_GRAMMAR_PURE"}
    if pure:
        env["SIXK_GRAMMAR_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, SEEDS + REAL)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_fast_and_pure_parsers_agree_on_the_corpus():
    fast, pure = _run(pure=False), _run(pure=True)
    assert fast["fast"] is True and pure["fast"] is False
    assert fast["results"] == pure["results"]
