"""Show how today's dicts differ from the recorded ones, and record them.

    python tools/golden.py            # print every difference, value by value
    python tools/golden.py --write    # print them, then record today's dicts

``tests/golden/corpus-dicts.json`` holds the dict of every corpus file; the
test ``tests/test_unchanged.py`` fails on any difference.  A change that
means to change a dict runs this, reads each difference against the filing
text, and records the new dicts only when every difference is a correction.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sixk_grammar  # noqa: E402

CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "tests" / "golden" / "corpus-dicts.json"
#: What the golden covers: every filing of the corpus, plain text and HTML.
PATTERNS = ("*.txt", "*.htm", "*.html")


def corpus_files() -> list[str]:
    return sorted(str(path.relative_to(CORPUS)) for pattern in PATTERNS for path in CORPUS.rglob(pattern))


def today() -> dict:
    return {name: sixk_grammar.parse((CORPUS / name).read_bytes()) for name in corpus_files()}


def differences(old, new, path: str = ""):
    """(path, old value, new value) for every leaf that differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from differences(old.get(key), new.get(key), f"{path}.{key}")
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new)):
            yield from differences(a, b, f"{path}[{index}]")
    elif old != new:
        yield path, old, new


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="record today's dicts after printing the differences")
    args = parser.parse_args(argv)
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    current = today()
    changed = 0
    for name in sorted(set(recorded) | set(current)):
        found = list(differences(recorded.get(name), current.get(name)))
        if found:
            changed += 1
            print(name)
            for path, old, new in found:
                print(f"  {path or '(whole)'}: {json.dumps(old, ensure_ascii=False)[:160]}"
                      f"\n  {' ' * len(path or '(whole)')}  -> {json.dumps(new, ensure_ascii=False)[:160]}")
    print(f"{changed} of {len(current)} files differ")
    if args.write:
        GOLDEN.write_text(json.dumps(current, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
