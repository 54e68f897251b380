"""The documentation's examples run, so that they cannot rot."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT

DOCS = [ROOT / "docs" / "reuse.md", ROOT / "README.md"]


def blocks(language):
    for doc in DOCS:
        for number, block in enumerate(re.findall(rf"```{language}\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)):
            yield pytest.param(block, id=f"{doc.stem}-{language}-{number}")


# Shell examples first: the Python examples use what they write (/tmp/sixk_parser.py).
@pytest.mark.parametrize("script", list(blocks("sh")))
def test_shell_examples_run(script):
    for line in script.splitlines():
        command = line.split("#")[0].strip()
        if not command.startswith("python -m sixk_grammar"):
            continue   # the install commands of the README are what CI runs itself
        words = shlex.split(command.split(">")[0])
        done = subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, timeout=300)
        assert done.returncode in (0, 1), (command, done.stderr)
        assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("code", list(blocks("python")))
def test_python_examples_run(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))
    exec(compile(code, "<docs>", "exec"), {})
