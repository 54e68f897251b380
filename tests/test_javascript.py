"""The grammar under Lark.js: the JavaScript parser gives Python's trees.

Lark.js needs Node and its own Python environment (lark-js with lark 1.1.6);
the test builds that environment, and skips only when `node` is missing.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import venv

import pytest

from conftest import REAL, ROOT, SEEDS
from test_reuse import library_outcomes

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


def test_javascript_parser_gives_the_python_trees(tmp_path):
    venv.create(tmp_path / "larkjs", with_pip=True)
    python = tmp_path / "larkjs" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "lark-js==0.1.4", "lark==1.1.6"],
                   check=True, timeout=600)
    script = tmp_path / "sixk_parser.js"
    subprocess.run([str(python), str(ROOT / "tools" / "build_js_parser.py"), "-o", str(script)],
                   check=True, timeout=600)
    files = [str(path) for path in SEEDS + REAL]
    done = subprocess.run(["node", str(ROOT / "tests" / "js" / "trees.js"), str(script), *files],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == library_outcomes(files)
