"""Mutation testing of the grammar: drop one alternative of a terminal's pattern.

    python tools/grammar_mutation.py                  # every mutant (hours)
    python tools/grammar_mutation.py --sample 80      # 80 drawn at random (--seed to choose them)
    python tools/grammar_mutation.py --list           # the mutants, without running them
    python tools/grammar_mutation.py --match cover.lark:97 --tests tests/test_grammar_spellings.py
                                                      # some mutants, against some tests

mutmut mutates Python only, and most of what this project reads is written in
the grammar's regular expressions: "Form 40-F" or "40F", "Ltd." or "Tbk", a
date as "Jan-04".  Each mutant here copies the project to a scratch folder and
removes one alternative of one ``(?:a|b|c)`` group (or of a whole pattern)
from a ``grammar/*.lark`` terminal, then runs the tests that read real filings
and the rules' fixtures on it.  A mutant none of them fails is a layout no
test states: the report lists each, with the pattern it came from.  A grammar
that no longer builds counts as killed (``tests/test_grammar.py`` would fail).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The tests that read the corpus and the rules' fixtures: a few seconds each.
TESTS = ["tests/test_grammar_spellings.py", "tests/test_unchanged.py", "tests/test_corpus_labels.py", "tests/test_checked_values.py",
         "tests/test_layout_classes.py", "tests/test_unseen_layouts.py", "tests/test_seeds.py",
         "tests/test_rules.py", "tests/test_rule_boundaries.py", "tests/test_html_rules.py",
         "tests/test_envelope.py", "tests/test_tables.py", "tests/test_truncation.py",
         "tests/test_transform_edges.py", "tests/test_html_text.py"]
#: A pattern literal of a terminal: /.../ with its flags (comments are skipped line by line).
_LITERAL = re.compile(r"/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n\[])+)/[imslux]*")


@dataclass(frozen=True)
class Mutant:
    file: str
    line: int
    original: str      # the pattern literal
    mutated: str
    dropped: str       # the alternative taken out

    def describe(self) -> str:
        return f"{self.file}:{self.line}: drop {self.dropped!r} from /{self.original}/"


def alternatives(pattern: str) -> list[tuple[int, int, int]]:
    """The (start, end, depth) of every alternative of every group of
    ``pattern`` that has two or more (depth 0: the pattern's top level; a
    fragment spliced after an open group may close it: depth -1 then)."""
    groups: list[list[int]] = [[0]]      # per open group: where its alternatives start, then each '|'
    spans: list[tuple[int, int, int]] = []
    index, in_class, base = 0, False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1:index + 2] == "]":
                index += 1
        elif char == "(":
            start = index + 1
            if pattern[start:start + 1] == "?":
                head = re.match(r"\?(?:[:=!]|<[=!]|P<\w+>|[aiLmsux-]+:)", pattern[start:])
                start += len(head.group(0)) if head else 1
            groups.append([start])
        elif char == "|":
            groups[-1].append(index)
        elif char == ")" and len(groups) > 1:
            spans += _spans(groups.pop(), index, base + len(groups))
        elif char == ")":                # closes a group a fragment before this one opened
            spans += _spans(groups[0], index, base)
            groups[0], base = [index + 1], base - 1
        index += 1
    return spans + _spans(groups[0], len(pattern), base)


def _spans(bars: list[int], end: int, depth: int) -> list[tuple[int, int, int]]:
    if len(bars) < 2:
        return []
    edges = [bars[0]] + [bar + 1 for bar in bars[1:]]
    ends = bars[1:] + [end]
    return [(start, stop, depth) for start, stop in zip(edges, ends)]


def mutants(grammar: Path) -> list[Mutant]:
    found = []
    for path in sorted(grammar.glob("*.lark")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue
            for literal in _LITERAL.finditer(line):
                pattern = literal.group(1)
                if not _compiles(pattern):
                    continue        # a fragment, spliced with others into one terminal: its groups span them
                for start, end, _depth in alternatives(pattern):
                    # take the alternative out with the bar before it (or after it, for the first)
                    cut_start, cut_end = (start - 1, end) if pattern[start - 1:start] == "|" else (start, end + 1)
                    mutated = pattern[:cut_start] + pattern[cut_end:]
                    if start < end and _compiles(mutated):
                        found.append(Mutant(path.name, number, pattern, mutated, pattern[start:end]))
    return found


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def apply(mutant: Mutant, grammar: Path) -> None:
    path = grammar / mutant.file
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines[mutant.line - 1]
    assert f"/{mutant.original}/" in line
    lines[mutant.line - 1] = line.replace(f"/{mutant.original}/", f"/{mutant.mutated}/", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def run(mutant: Mutant | None, scratch: Path, tests: list[str]) -> bool:
    """Whether a test fails on the mutant (it is killed); None: the grammar as it is."""
    shutil.rmtree(scratch / "grammar")
    shutil.copytree(ROOT / "grammar", scratch / "grammar")
    if mutant:
        apply(mutant, scratch / "grammar")
    environment = os.environ | {"SIXK_GRAMMAR_CACHE_DIR": str(scratch / "cache"), "PYTHONPATH": str(scratch)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-n0", "-p", "no:cacheprovider", *tests],
                          cwd=scratch, env=environment, capture_output=True, timeout=900)
    shutil.rmtree(scratch / "cache", ignore_errors=True)
    return done.returncode != 0


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sample", type=int, help="run this many mutants, drawn at random")
    options.add_argument("--seed", type=int, default=20261127)
    options.add_argument("--list", action="store_true", help="list the mutants and stop")
    options.add_argument("--match", help="only the mutants whose description holds this text")
    options.add_argument("--tests", nargs="+", default=TESTS, help="the test files to run (default: %(default)s)")
    args = options.parse_args(argv)
    chosen = [mutant for mutant in mutants(ROOT / "grammar") if args.match is None or args.match in mutant.describe()]
    if args.sample:
        chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
    if args.list:
        print("\n".join(mutant.describe() for mutant in chosen))
        return 0
    survivors = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for part in ("sixk_grammar", "grammar", "tests", "corpus", "tools", "docs"):
            shutil.copytree(ROOT / part, scratch / part)
        for part in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / part, scratch)
        if run(None, scratch, args.tests):
            print("the tests fail on the grammar as it is: fix that first", file=sys.stderr)
            return 2
        for number, mutant in enumerate(chosen, 1):
            killed = run(mutant, scratch, args.tests)
            print(f"[{number}/{len(chosen)}] {'killed  ' if killed else 'SURVIVED'} {mutant.describe()}", flush=True)
            if not killed:
                survivors.append(mutant)
    killed = len(chosen) - len(survivors)
    print(f"\n{killed} of {len(chosen)} grammar mutants killed ({100 * killed / max(len(chosen), 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
