"""Where `parse` spends its time: a cProfile of the corpus, grouped by stage.

    python benchmarks/stages.py            # seeds and real filings x20, pure parser
    python benchmarks/stages.py --rounds 5 --markdown

Every function's own time (tottime) goes to one stage, chosen by where the
function lives; the table gives each stage's share of the profiled run.
The parser is warmed up first, so building the lexer's regular expressions
(once per process) is not counted.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (stage, test on (file, function name)), first match wins.
STAGES = (
    ("regex matching (`re.Pattern.match`, `.sub`, `.search`)",
     lambda f, n: f == "~" and ("of 're.Pattern' objects" in n)),
    ("Lark lexer (`lexer.py`, per token)", lambda f, n: f.endswith("lark/lexer.py")),
    ("Lark parser steps (`lalr_parser_state.py`, `lalr_parser.py`)",
     lambda f, n: "lark/parsers/" in f or f.endswith("lark/grammar.py")),
    ("Lark tree building (`parse_tree_builder.py`)", lambda f, n: f.endswith("parse_tree_builder.py")),
    ("Lark Transformer walk (`visitors.py`, `tree.py`)",
     lambda f, n: f.endswith("lark/visitors.py") or f.endswith("lark/tree.py")),
    ("sixk_grammar: page count (`api.count_pages`)", lambda f, n: f.endswith("api.py") and "count_pages" in n),
    ("sixk_grammar: `kind()` name lookups", lambda f, n: f.endswith("parser.py") and n.startswith("kind")),
    ("sixk_grammar: Transformer callbacks and `assemble`", lambda f, n: "sixk_grammar" in f),
    ("other (builtins: isinstance, list, str methods ...)", lambda f, n: True),
)


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "corpus").rglob("*.txt"))]


def profile(rounds: int) -> tuple[list[tuple[str, float]], float]:
    """Each stage's share of the time, and the seconds profiled."""
    import sixk_grammar

    corpus = texts()
    previous = os.environ.get("SIXK_GRAMMAR_PURE")
    os.environ["SIXK_GRAMMAR_PURE"] = "1"
    try:
        for text in corpus:   # build the lexer's regular expressions before profiling
            sixk_grammar.parse(text)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(rounds):
            for text in corpus:
                sixk_grammar.parse(text)
        profiler.disable()
    finally:
        if previous is None:
            del os.environ["SIXK_GRAMMAR_PURE"]
        else:
            os.environ["SIXK_GRAMMAR_PURE"] = previous
    stats = pstats.Stats(profiler).stats
    totals = {stage: 0.0 for stage, _ in STAGES}
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.items():
        stage = next(stage for stage, test in STAGES if test(filename, name))
        totals[stage] += tottime
    whole = sum(totals.values())
    return [(stage, totals[stage] / whole) for stage, _ in STAGES], whole


def _regex_profile(work, corpus, rounds: int) -> tuple[float, float, float]:
    """Calls of compiled patterns, their own time (ms) and the whole time (ms), a document."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for text in corpus:
            work(text)
    profiler.disable()
    calls = regex = whole = 0.0
    for (_file, _line, name), (_cc, count, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():
        whole += tottime
        if "of 're.Pattern' objects" in name:
            calls, regex = calls + count, regex + tottime
    documents = rounds * len(corpus)
    return calls / documents, 1e3 * regex / documents, 1e3 * whole / documents


def regex_cost(rounds: int) -> dict:
    """The regular expressions' share of the pure parser against the floor's
    (one expression a line), on the corpus, with the same profiler."""
    import sixk_grammar
    from run import floor

    corpus = texts()
    previous = os.environ.get("SIXK_GRAMMAR_PURE")
    os.environ["SIXK_GRAMMAR_PURE"] = "1"
    try:
        for text in corpus:
            sixk_grammar.parse(text)
        parse = _regex_profile(sixk_grammar.parse, corpus, rounds)
    finally:
        if previous is None:
            del os.environ["SIXK_GRAMMAR_PURE"]
        else:
            os.environ["SIXK_GRAMMAR_PURE"] = previous
    floor_cost = _regex_profile(floor, corpus, rounds)
    return {"parse_calls": parse[0], "parse_regex_ms": parse[1], "parse_ms": parse[2],
            "floor_calls": floor_cost[0], "floor_regex_ms": floor_cost[1], "floor_ms": floor_cost[2]}


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--rounds", type=int, default=20)
    options.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = options.parse_args(argv)
    shares, whole = profile(args.rounds)
    files = len(texts()) * args.rounds
    if args.markdown:
        print(f"| stage ({files} parses, {whole:.2f} s profiled) | share |\n|---|---:|")
        for stage, share in shares:
            print(f"| {stage} | {100 * share:.0f}% |")
    else:
        for stage, share in shares:
            print(f"{100 * share:5.1f}%  {stage}")
        print(f"{whole:.2f} s profiled over {files} parses")


if __name__ == "__main__":
    main()
