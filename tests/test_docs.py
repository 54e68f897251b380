"""The documentation's examples run, so that they cannot rot."""
from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = [ROOT / "docs" / "reuse.md", ROOT / "README.md"]


def blocks(language):
    for doc in DOCS:
        for number, block in enumerate(re.findall(rf"```{language}\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)):
            yield pytest.param(block, id=f"{doc.stem}-{language}-{number}")


# Shell examples first: the Python examples use what they write (/tmp/sixk_parser.py).
@pytest.mark.parametrize("script", list(blocks("sh")))
def test_shell_examples_run(script, tmp_path):
    for line in script.splitlines():
        command = line.split("#")[0].strip()
        if not command.startswith("python -m sixk_grammar"):
            continue   # the README's install commands: the first runs in test_wheel, the second is CI's own
        words = shlex.split(command.split(">")[0])
        # what an example writes into the checkout goes to a temporary folder instead
        words = [str(tmp_path / word) if before in ("-o", "--output") and not Path(word).is_absolute() else word
                 for before, word in zip([""] + words, words)]
        done = subprocess.run([sys.executable, *words[1:]], cwd=ROOT, capture_output=True, timeout=300)
        assert done.returncode in (0, 1), (command, done.stderr)
        assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("code", list(blocks("python")))
def test_python_examples_run(code, monkeypatch):
    """Each example runs, and each line that shows its value in a comment
    (``facts["cover"]["registrant"]  # 'HANARO TELECOM, INC.'``) gives that value."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace: dict = {}
    promised = 0
    for statement in _statements(code):
        expression, value = _shown_value(statement)
        if value is None:
            exec(compile(statement, "<docs>", "exec"), namespace)
        else:
            assert eval(compile(expression, "<docs>", "eval"), namespace) == ast.literal_eval(value), statement
            promised += 1
    if "# '" in code:
        assert promised, "the example promises values but none was compared"


def _statements(code: str) -> list[str]:
    """The example's top-level statements, as source."""
    lines = code.splitlines()
    tree = ast.parse(code)
    return ["\n".join(lines[node.lineno - 1:node.end_lineno]) for node in tree.body]


def _shown_value(statement: str) -> tuple[str, str | None]:
    """(expression, the literal its comment promises), or (statement, None)."""
    found = re.fullmatch(r"(?s)(.*?\S)\s+#\s*([\'\"\[(\d].*)", statement.strip())
    if found is None or "\n" in found.group(1):
        return statement, None
    try:
        ast.literal_eval(found.group(2))
        compile(found.group(1), "<docs>", "eval")
    except (SyntaxError, ValueError):
        return statement, None
    return found.group(1), found.group(2)


def test_layout_page_names_rules_that_exist():
    """docs/layouts.md names the grammar's rules and the Transformer's functions:
    each name it gives in backticks is defined somewhere in the code."""
    page = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("grammar", "sixk_grammar")
                     for path in (ROOT / folder).rglob("*") if path.suffix in (".lark", ".py"))
    names = set(re.findall(r"`(_?[A-Za-z][A-Za-z0-9_]*_[A-Za-z0-9_]*|[A-Z]{4,}[A-Z0-9_]*)`", page))
    assert names, "the page names no rules"
    missing = [name for name in sorted(names)
               if not re.search(rf"^\s*(?:def\s+)?{name}\b|\b{name}\s*[:=]|\b{name}\.\d", code, re.MULTILINE)]
    assert missing == []
