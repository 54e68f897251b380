"""A built wheel carries the grammar: install it in a clean venv and parse a seed."""
from __future__ import annotations

import subprocess
import sys
import venv

from conftest import ROOT, SEEDS

SCRIPT = """
import json, sys, sixk_grammar
from pathlib import Path
path = sixk_grammar.grammar_path()
assert "site-packages" in str(path), path
assert (path / "sixk.lark").is_file() and (path / "cover.lark").is_file()
from sixk_grammar.schema import load
assert load("parse")["$schema"].endswith("2020-12/schema")
result = sixk_grammar.parse(Path(sys.argv[1]).read_bytes())
print(json.dumps([result["complete"], result["cover"]["registrant"]]))
"""


def test_wheel_installs_and_parses_a_seed(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                    str(ROOT)], check=True, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("sixk_grammar-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    done = subprocess.run([str(python), "-c", SCRIPT, str(SEEDS[0])], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == '[true, "HANARO TELECOM, INC."]'
