"""The grammar itself: builds without conflicts, composes, ships."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from lark import Lark
from lark.exceptions import GrammarError

import sixk_grammar
from sixk_grammar.parser import PARSER_OPTIONS, grammar_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from grammar_mutation import alternatives  # noqa: E402


def test_grammar_builds_in_strict_mode():
    """strict=True fails on any shift/reduce conflict or same-priority regex collision."""
    parser = Lark.open(str(grammar_path() / "sixk.lark"), strict=True, **PARSER_OPTIONS)
    assert parser.options.parser == "lalr"
    assert type(parser.parser.lexer).__name__ == "ContextualLexer"


def test_the_grammar_is_read_from_the_installed_package_first(tmp_path, monkeypatch):
    """An installed wheel holds the grammar inside the package (the end-to-end
    test_wheel installs one); a checkout has it beside the package."""
    from sixk_grammar import parser

    (tmp_path / "grammar").mkdir()
    monkeypatch.setattr(parser.resources, "files", lambda package: tmp_path)
    assert parser.grammar_path() == tmp_path / "grammar"
    monkeypatch.setattr(parser.resources, "files", lambda package: tmp_path / "elsewhere")
    assert parser.grammar_path() == Path(parser.__file__).resolve().parent.parent / "grammar"


def test_strict_mode_is_able_to_fail(tmp_path):
    """The strict build above would catch a conflict: show it does on a broken copy."""
    dangling_else = 'start: IF start | IF start ELSE start | X\nIF: "if"\nELSE: "else"\nX: "x"\n'
    (tmp_path / "bad.lark").write_text(dangling_else, encoding="utf-8")
    with pytest.raises(GrammarError, match="Shift/Reduce"):
        Lark.open(str(tmp_path / "bad.lark"), strict=True, **PARSER_OPTIONS)


def test_every_terminal_is_named():
    """No anonymous __ANON terminals: messages name what was expected."""
    names = [t.name for t in sixk_grammar.get_parser().terminals]
    assert not [n for n in names if n.startswith("__ANON")]


def test_fragments_group_their_alternatives():
    """Lark splices fragment regexes verbatim: a bare top-level | would break the terminal."""
    offenders = []
    for path in grammar_path().glob("*.lark"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"\s*(_[A-Z0-9_]+):\s*(.*)", line)
            if match:
                for literal in re.findall(r"/((?:\\.|[^/\\])+)/", match.group(2)):
                    if any(depth == 0 for _start, _end, depth in alternatives(literal)):
                        offenders.append(f"{path.name}:{number}")
    assert offenders == []


def test_grammar_is_case_insensitive_as_built():
    assert PARSER_OPTIONS["g_regex_flags"] == re.IGNORECASE
    result = sixk_grammar.parse("form 6-k\nfor the month of june 2002\n")
    assert result["cover"]["report_month"] == "2002-06"
