"""Generate a JavaScript parser for the 6-K grammar with Lark.js (lark-js).

Lark.js reads the parse tables Lark serialises in its 1.1 format, so run this
in an environment of its own:

    python3 -m venv /tmp/larkjs && /tmp/larkjs/bin/pip install lark-js "lark==1.1.6"
    /tmp/larkjs/bin/python tools/build_js_parser.py -o sixk_parser.js

Then, in Node:  const parser = require('./sixk_parser.js').get_parser({g_regex_flags: 'i'});
"""
import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lark import Lark  # noqa: E402
from lark.grammar import Rule  # noqa: E402
from lark.lexer import TerminalDef  # noqa: E402
from larkjs.__main__ import __dir__ as LARKJS_DIR  # noqa: E402

from sixk_grammar.parser import GRAMMAR_ENTRY, PARSER_OPTIONS  # noqa: E402

# Options Lark >= 1.1.6 serialises but the Lark.js runtime does not know.
UNKNOWN_TO_LARKJS = ("strict", "cache_grammar", "ordered_sets")


def javascript_source() -> str:
    parser = Lark.open(str(ROOT / "grammar" / GRAMMAR_ENTRY), **PARSER_OPTIONS)
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    for option in UNKNOWN_TO_LARKJS:
        data["options"].pop(option, None)
    runtime = (Path(LARKJS_DIR) / "lark.js").read_text(encoding="utf-8")
    return (runtime + "\nvar DATA=%s;\n" % json.dumps(data, indent=1)
            + "\nvar MEMO=%s;\n" % json.dumps(memo, indent=1))


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("-o", "--output", required=True)
    Path(arguments.parse_args().output).write_text(javascript_source(), encoding="utf-8")
