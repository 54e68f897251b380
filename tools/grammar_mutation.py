"""Mutation testing of the grammar: small edits to grammar/*.lark, each run against the tests.

    python tools/grammar_mutation.py                  # every mutant of every kind (hours)
    python tools/grammar_mutation.py --kind spelling  # one kind: spelling, priority or rule
    python tools/grammar_mutation.py --sample 80      # 80 drawn at random (--seed to choose them)
    python tools/grammar_mutation.py --list           # the mutants, without running them
    python tools/grammar_mutation.py --part 1/2       # every other mutant (and --part 2/2 on the other core)
    python tools/grammar_mutation.py --match cover.lark:97 --tests tests/test_grammar_spellings.py
                                                      # some mutants, against some tests

mutmut mutates Python only, and most of what this project reads is written in
the grammar: "Form 40-F" or "40F", "Ltd." or "Tbk", a date as "Jan-04", which
token wins where two could start.  Each mutant copies the project to a
scratch folder, makes one edit of one kind, and runs the tests that read real
filings and the rules' fixtures on it:

- ``spelling``: one alternative of a terminal's ``(?:a|b|c)`` group (or of a
  whole pattern) taken out;
- ``priority``: a terminal's priority taken away (``NAME.24:`` -> ``NAME:``);
- ``rule``: one alternative of a rule taken out (``a | b | c`` -> ``a | c``).

A mutant none of the tests fails is a layout no test states: the report lists
each.  A mutant whose grammar no longer builds is reported apart ("invalid"),
not counted as killed: no filing could show what it changes.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Seconds a mutant's strict build may take (the grammar as it is: about a minute).
BUILD_TIMEOUT = 300
#: The tests that read the corpus and the rules' fixtures: a few seconds each.
TESTS = ["tests/test_grammar_spellings.py", "tests/test_unchanged.py", "tests/test_corpus_labels.py", "tests/test_checked_values.py",
         "tests/test_layout_classes.py", "tests/test_unseen_layouts.py", "tests/test_seeds.py",
         "tests/test_rules.py", "tests/test_rule_boundaries.py", "tests/test_html_rules.py",
         "tests/test_envelope.py", "tests/test_tables.py", "tests/test_truncation.py",
         "tests/test_transform_edges.py", "tests/test_html_text.py", "tests/test_token_kinds.py"]
#: A pattern literal of a terminal: /.../ with its flags (comments are skipped line by line).
_LITERAL = re.compile(r"/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n\[])+)/[imslux]*")


@dataclass(frozen=True)
class Mutant:
    kind: str          # spelling, priority or rule
    file: str
    line: int
    original: str      # the text the edit replaces on its line
    mutated: str
    dropped: str       # what the edit takes out

    def describe(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: drop {self.dropped!r} from {self.original}"


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
            if not line.lstrip().startswith("//"):
                found += _spelling_mutants(path.name, number, line)
                found += _priority_mutants(path.name, number, line)
                found += _rule_mutants(path.name, number, line)
    return found


def _spelling_mutants(file: str, number: int, line: str) -> list[Mutant]:
    found = []
    for literal in _LITERAL.finditer(line):
        pattern = literal.group(1)
        if not _compiles(pattern):
            continue        # a fragment, spliced with others into one terminal: its groups span them
        for start, end, _depth in alternatives(pattern):
            # take the alternative out with the bar before it (or after it, for the first)
            cut_start, cut_end = (start - 1, end) if pattern[start - 1:start] == "|" else (start, end + 1)
            mutated = pattern[:cut_start] + pattern[cut_end:]
            if start < end and _compiles(mutated):
                found.append(Mutant("spelling", file, number, f"/{pattern}/", f"/{mutated}/", pattern[start:end]))
    return found


#: A terminal's definition with its priority: "NAME.24:".
_PRIORITY = re.compile(r"^([A-Z_][A-Z0-9_]*)\.(-?\d+):")
#: A rule's definition ("name:", "_name{x}:", "?name:") or a line that goes on with its alternatives ("    | x").
_RULE_LINE = re.compile(r"^(?:[?!]?_?[a-z][a-z0-9_]*(?:\{[^}]*\})?:|\s+\|)")


def _priority_mutants(file: str, number: int, line: str) -> list[Mutant]:
    found = _PRIORITY.match(line)
    if not found:
        return []
    return [Mutant("priority", file, number, found.group(0), f"{found.group(1)}:", f".{found.group(2)}")]


def _rule_mutants(file: str, number: int, line: str) -> list[Mutant]:
    """One alternative of a rule taken out, for each alternative written on
    this line at the rule's top level (not inside parentheses)."""
    if not _RULE_LINE.match(line):
        return []
    body_start = line.index("|") + 1 if line.lstrip().startswith("|") else line.index(":") + 1
    body = line[body_start:]
    bars, depth, index = [], 0, 0
    while index < len(body):
        char = body[index]
        if char in "/\"":               # a pattern or a string: its bars are not the rule's
            index = body.index(char, index + 1) if char in body[index + 1:] else len(body)
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            bars.append(index)
        index += 1
    if not bars:
        return []
    edges = [-1] + bars + [len(body)]
    found = []
    for left, right in zip(edges, edges[1:]):
        alternative = body[left + 1:right].strip()
        cut = body[:max(left, 0)] + body[right:] if left >= 0 else body[right + 1:]
        if alternative and "->" not in alternative:
            found.append(Mutant("rule", file, number, body, cut, alternative))
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
    assert mutant.original in line
    lines[mutant.line - 1] = line.replace(mutant.original, mutant.mutated, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def run(mutant: Mutant | None, scratch: Path, tests: list[str]) -> str:
    """What becomes of a mutant: "killed" (a test fails), "survived", or
    "invalid" (its grammar does not build); None: the grammar as it is."""
    shutil.rmtree(scratch / "grammar")
    shutil.copytree(ROOT / "grammar", scratch / "grammar")
    if mutant:
        apply(mutant, scratch / "grammar")
    environment = os.environ | {"SIXK_GRAMMAR_CACHE_DIR": str(scratch / "cache"), "PYTHONPATH": str(scratch)}
    try:
        built = subprocess.run([sys.executable, "-c", "import sixk_grammar; sixk_grammar.get_parser(strict=True)"],
                               cwd=scratch, env=environment, capture_output=True, timeout=BUILD_TIMEOUT)
        if built.returncode != 0:
            return "invalid"
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-n0", "-p", "no:cacheprovider", *tests],
                              cwd=scratch, env=environment, capture_output=True, timeout=900)
    except subprocess.TimeoutExpired as expired:
        # a strict build that does not end (its collision check on the changed
        # terminals) is no grammar; tests that hang have caught the mutant
        return "invalid" if expired.cmd[1] == "-c" else "killed"
    finally:
        shutil.rmtree(scratch / "cache", ignore_errors=True)
    return "killed" if done.returncode != 0 else "survived"


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--kind", choices=["spelling", "priority", "rule"], help="only mutants of this kind")
    options.add_argument("--sample", type=int, help="run this many mutants, drawn at random")
    options.add_argument("--seed", type=int, default=20261127)
    options.add_argument("--list", action="store_true", help="list the mutants and stop")
    options.add_argument("--match", help="only the mutants whose description holds this text")
    options.add_argument("--resume", type=int, default=1, metavar="N",
                         help="start at the N-th of the mutants chosen (a run cut short goes on)")
    options.add_argument("--part", help="K/N: every N-th mutant from the K-th (one process a core: "
                                        "--part 1/2 and --part 2/2 side by side)")
    options.add_argument("--tests", nargs="+", default=TESTS, help="the test files to run (default: %(default)s)")
    args = options.parse_args(argv)
    chosen = [mutant for mutant in mutants(ROOT / "grammar")
              if (args.match is None or args.match in mutant.describe()) and args.kind in (None, mutant.kind)]
    if args.sample:
        chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
    if args.part:
        first, step = (int(number) for number in args.part.split("/"))
        chosen = chosen[first - 1::step]
    chosen = chosen[args.resume - 1:]
    if args.list:
        print("\n".join(mutant.describe() for mutant in chosen))
        return 0
    outcomes: dict[str, Counter] = {}
    # Stopped with SIGTERM (kill), the run leaves its scratch copy behind
    # unless the signal unwinds like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for part in ("sixk_grammar", "grammar", "tests", "corpus", "tools", "docs"):
            shutil.copytree(ROOT / part, scratch / part)
        for part in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / part, scratch)
        if run(None, scratch, args.tests) != "survived":
            print("the tests fail on the grammar as it is: fix that first", file=sys.stderr)
            return 2
        for number, mutant in enumerate(chosen, args.resume):
            outcome = run(mutant, scratch, args.tests)
            outcomes.setdefault(mutant.kind, Counter())[outcome] += 1
            print(f"[{number}/{len(chosen) + args.resume - 1}] {outcome.upper() if outcome == 'survived' else outcome:8} "
                  f"{mutant.describe()}", flush=True)
    print()
    for kind, counts in sorted(outcomes.items()):
        tried = counts["killed"] + counts["survived"]
        print(f"{kind}: {counts['killed']} of {tried} killed ({100 * counts['killed'] / max(tried, 1):.1f}%), "
              f"{counts['invalid']} invalid (the grammar did not build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
