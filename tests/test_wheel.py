"""The working tree installed in a clean venv carries the grammar, parses a
seed, and runs the README's first command."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh venv with the working tree installed, as the
    README's first command installs it ("pip install -q .")."""
    folder = tmp_path_factory.mktemp("install")
    venv.create(folder / "venv", with_pip=True)
    python = folder / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True, timeout=600)
    return python


def test_wheel_installs_and_parses_a_seed(installed, tmp_path):
    done = subprocess.run([str(installed), "-c", SCRIPT, str(SEEDS[0])], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == '[true, "HANARO TELECOM, INC."]'


def test_the_readme_try_it_command_in_a_scratch_folder(installed, tmp_path):
    """The README's first command, in a scratch copy of the bundled corpus:
    its install part is the fixture's; its check part runs as written and
    exits 1, as the README says (the excerpts are reported as truncated)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.findall(r"```sh\n(.*?)```", readme, re.S)[0].strip()
    setup, install, checking = command.split(" && ")
    assert setup == "python3 -m venv .venv" and install == ".venv/bin/pip install -q ."
    assert checking.startswith(".venv/bin/python -m sixk_grammar ")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    words = shlex.split(checking)
    done = subprocess.run([str(installed), *words[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert re.search(r"^Found \d+ problems \(.*\) in 92 files\.$", done.stdout, re.MULTILINE), done.stdout[-500:]
