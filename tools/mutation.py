"""Mutation testing of the core with mutmut, and its score per module.

    python tools/mutation.py run                 # mutate the core modules and run the tests on each mutant
    python tools/mutation.py run html_text dates # some modules only (module names under sixk_grammar)
    python tools/mutation.py run transform.cover --sample 80   # 80 untried mutants drawn at random: an estimate
    python tools/mutation.py score               # the score per module, from the last run
    python tools/mutation.py survivors MODULE    # the diff of each mutant the tests let live
    python tools/mutation.py recheck TEST_FILE... [--modules M...]   # the survivors against tests added since
    python tools/mutation.py rule-bodies         # a copy in mutants-rules/ where the @rule bodies can be mutated

Needs ``pip install mutmut`` (3.x).  mutmut copies the project into
``mutants/``, changes one operator, constant or call at a time, and runs the
tests that reach the changed function (the configuration is
``[tool.mutmut]`` in pyproject.toml: the suite without its slow end-to-end
files).  A mutant the tests kill fails at least one of them; a survivor is a
behaviour no test states, unless it is equivalent (it changes nothing a
caller can see).  It takes hours on two cores: it is no CI step.

mutmut leaves decorated functions alone, and every rule is an ``@rule``
function.  ``rule-bodies`` copies the project into ``mutants-rules/`` with
each rule registered by a call after its ``def`` instead (the same
registration, no decorator); this script, run there, then mutates them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Seconds a test run may take on one mutant before the mutant counts as a
#: timeout (one that loops for ever); mutmut's own code for it.
TIMEOUT = 60
TIMED_OUT = 36
#: The core the issue names, and the other modules its reviewers edit (prefixes of module names).
CORE = ("transform", "lint", "html_text", "sources", "parser", "first_char", "dates", "records",
        "cli.writers")


def _names(modules) -> list[str]:
    return [f"sixk_grammar.{module}*" for module in modules]


def run(modules, sample: int | None = None, seed: int = 0) -> int:
    """Every mutant of the modules, or ``sample`` untried ones of each drawn at
    random (a score estimated in minutes where the whole module takes hours)."""
    environment = os.environ | {"HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "mutation")}
    names = _names(modules) if sample is None else _sample(modules, sample, seed)
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(os.cpu_count() or 1), *names]
    return subprocess.run(command, cwd=ROOT, env=environment).returncode


def results() -> dict[str, int]:
    """Every mutant tried, with its test run's exit code (1: killed, 0: survived)."""
    found: dict[str, int] = {}
    for meta in (ROOT / "mutants" / "sixk_grammar").rglob("*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return found


def _sample(modules, size: int, seed: int) -> list[str]:
    """``size`` untried mutants of each module (mutmut has listed them in
    ``mutants/`` once it has run on the module)."""
    draw = random.Random(seed)
    untried = sorted(name for name, code in results().items() if code is None)
    chosen = []
    for module in modules:
        names = [name for name in untried if module_of(name) == module]
        chosen += draw.sample(names, min(size, len(names)))
    return chosen


def module_of(mutant: str) -> str:
    """'sixk_grammar.lint.rules.cover.x_f__mutmut_3' -> 'lint.rules.cover'."""
    return mutant.removeprefix("sixk_grammar.").rsplit(".x_", 1)[0].rsplit(".x\u01c1", 1)[0]


def score(modules) -> str:
    """A Markdown table: per module, mutants tried, killed, survived, the score."""
    table: dict[str, Counter] = {}
    for mutant, code in results().items():
        module = module_of(mutant)
        if code is None or not module.startswith(tuple(modules)):
            continue
        table.setdefault(module, Counter())["killed" if code == 1 else "survived" if code == 0 else "other"] += 1
    rows = ["| module | mutants | killed | survived | other | score |", "|---|---:|---:|---:|---:|---:|"]
    total = Counter()
    for module in sorted(table):
        counts = table[module]
        total.update(counts)
        tried = sum(counts.values())
        rows.append(f"| {module} | {tried} | {counts['killed']} | {counts['survived']} | {counts['other']} | "
                    f"{100 * counts['killed'] / max(tried, 1):.1f}% |")
    tried = sum(total.values())
    rows.append(f"| **all** | {tried} | {total['killed']} | {total['survived']} | {total['other']} | "
                f"{100 * total['killed'] / max(tried, 1):.1f}% |")
    return "\n".join(rows)


def survivors(module: str) -> None:
    for mutant, code in sorted(results().items()):
        if code == 0 and module_of(mutant).startswith(module):
            subprocess.run([sys.executable, "-m", "mutmut", "show", mutant], cwd=ROOT)


def recheck(test_files: list[str], modules) -> int:
    """Run the last run's survivors again against ``test_files`` only (the
    tests written since the run, so a run of hours need not be repeated): the
    current tests are copied into ``mutants/``; a test that fails there with
    no mutant active (it states behaviour the copied source predates) is left
    out; a survivor that makes another fail is recorded as killed.  Nothing is
    recorded when the rest do not pass with no mutant (a file that cannot even
    be collected against the copied source)."""
    names = sorted(name for name, code in results().items()
                   if code == 0 and module_of(name).startswith(tuple(modules)))
    shutil.copytree(ROOT / "tests", ROOT / "mutants" / "tests", dirs_exist_ok=True)
    environment = os.environ | {"HYPOTHESIS_PROFILE": "mutation"}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "_recheck", *test_files],
                          cwd=ROOT / "mutants", env=environment, input="\n".join(names), text=True,
                          capture_output=True)
    killed = json.loads(done.stdout or "{}")       # name: 1 (a test failed) or TIMED_OUT
    for meta in (ROOT / "mutants" / "sixk_grammar").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        hits = {name: code for name, code in killed.items() if name in data["exit_code_by_key"]}
        if hits:
            data["exit_code_by_key"].update(hits)
            meta.write_text(json.dumps(data), encoding="utf-8")
    print(f"{len(killed)} of {len(names)} survivors killed (or timed out) by the {len(test_files)} tests given",
          file=sys.stderr)
    print(done.stderr[-2000:], file=sys.stderr, end="")
    return done.returncode


def _recheck_here(test_files: list[str]) -> None:
    """recheck's worker, run inside mutants/: one forked pytest a mutant."""
    sys.path.insert(0, os.getcwd())
    import pytest

    def outcome(mutant: str, extra: list[str]) -> tuple[int, list[str]]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)      # pytest's report: not the answer
            os.environ["MUTANT_UNDER_TEST"] = mutant
            failed: list[str] = []

            class Failures:
                @staticmethod
                def pytest_runtest_logreport(report):
                    if report.failed:
                        failed.append(report.nodeid)

            code = pytest.main(["-q", "-n0", "-p", "no:cacheprovider", "--no-header", *test_files, *extra],
                               plugins=[Failures()])
            os.write(write, json.dumps(failed).encode())
            os._exit(int(code))
        os.close(write)
        deadline = time.monotonic() + TIMEOUT
        done, status = os.waitpid(pid, os.WNOHANG)
        while not done:
            if time.monotonic() > deadline:      # a mutant that loops for ever: mutmut's "timeout"
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                os.close(read)
                return TIMED_OUT, []
            time.sleep(0.05)
            done, status = os.waitpid(pid, os.WNOHANG)
        with os.fdopen(read) as pipe:
            failed = json.loads(pipe.read() or "[]")
        return os.waitstatus_to_exitcode(status), failed

    import sixk_grammar
    sixk_grammar.parse("FORM 6-K")        # the parser loaded once, before the forks
    _, broken = outcome("none", [])
    deselect = [option for nodeid in broken for option in ("--deselect", nodeid)]
    baseline, _ = outcome("none", ["-x", *deselect])
    if baseline != 0:     # e.g. a test file that does not import against the copied source: every mutant would "fail"
        print(f"the tests given do not pass with no mutant (pytest exit code {baseline}): nothing recorded",
              file=sys.stderr)
        print("{}")
        sys.exit(2)
    codes = {name: outcome(name, ["-x", *deselect])[0] for name in sys.stdin.read().split()}
    print(f"left out, failing with no mutant: {broken}", file=sys.stderr)
    print(json.dumps({name: (TIMED_OUT if code == TIMED_OUT else 1) for name, code in codes.items() if code}))


RULES_COPY = ROOT / "mutants-rules"
_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "mutants", "mutants-rules", "__pycache__", "*.egg-info",
                                     ".hypothesis", ".pytest_cache")


def rule_bodies() -> Path:
    """Copy the project into RULES_COPY (again: sources and tests refreshed,
    mutmut's results kept) with its rules undecorated."""
    import libcst as cst   # mutmut's own dependency

    class Undecorate(cst.CSTTransformer):
        """``@rule(...) def f`` becomes ``def f`` then ``f = rule(...)(f)``."""

        def leave_Module(self, original, updated):
            body = []
            for statement in updated.body:
                decorators = getattr(statement, "decorators", ())
                call = decorators[0].decorator if len(decorators) == 1 else None
                if isinstance(call, cst.Call) and getattr(call.func, "value", None) == "rule":
                    name = statement.name.value
                    body += [statement.with_changes(decorators=[]), cst.SimpleStatementLine([cst.Assign(
                        [cst.AssignTarget(cst.Name(name))], cst.Call(call, [cst.Arg(cst.Name(name))]))])]
                else:
                    body.append(statement)
            return updated.with_changes(body=body)

    # copied with fresh times, so that mutmut sees what changed since the last copy
    shutil.copytree(ROOT, RULES_COPY, ignore=_NOT_COPIED, dirs_exist_ok=True, copy_function=shutil.copy)
    for path in (RULES_COPY / "sixk_grammar" / "lint" / "rules").glob("*.py"):
        path.write_text(cst.parse_module(path.read_text(encoding="utf-8")).visit(Undecorate()).code, encoding="utf-8")
    return RULES_COPY


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["run", "score", "survivors", "recheck", "rule-bodies", "_recheck"])
    parser.add_argument("names", nargs="*", help="module names under sixk_grammar (default: the core); "
                                                 "for recheck, test files")
    parser.add_argument("--modules", nargs="*", help="recheck: the modules whose survivors to recheck")
    parser.add_argument("--sample", type=int, help="run: this many untried mutants of each module, drawn at random "
                                                   "(module names exact, e.g. transform.cover)")
    parser.add_argument("--seed", type=int, default=0, help="run --sample: the draw's seed")
    args = parser.parse_args(argv)
    if args.action == "_recheck":
        _recheck_here(args.names)
        return 0
    if args.action == "recheck":
        return recheck(args.names, args.modules or list(CORE))
    if args.action == "rule-bodies":
        copy = rule_bodies().relative_to(Path.cwd()) if RULES_COPY.is_relative_to(Path.cwd()) else RULES_COPY
        print(f"now: cd {copy} && python tools/mutation.py run lint.rules [--sample N]", file=sys.stderr)
        return 0
    modules = args.names or list(CORE)
    if args.action == "run":
        return run(modules, args.sample, args.seed)
    if args.action == "score":
        print(score(modules))
        return 0
    for module in modules:
        survivors(module)
    return 0


if __name__ == "__main__":
    sys.exit(main())
