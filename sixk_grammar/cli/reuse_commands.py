"""Commands for tools that reuse the grammar: ``grammar``, ``export``, ``schema``."""
from __future__ import annotations

import io
import sys
from pathlib import Path

from ..parser import GRAMMAR_ENTRY, get_parser, grammar_path
from ..schema import schema_text


def add_parser(commands) -> None:
    grammar = commands.add_parser("grammar", help="print the grammar, or where it is installed",
                                  description="Print a grammar file (the entry point, sixk.lark, "
                                              "by default), or with --path the folder holding them.")
    grammar.add_argument("name", nargs="?", default=GRAMMAR_ENTRY,
                         help="a file of the grammar: sixk, envelope, cover, signature, tables, common")
    grammar.add_argument("--path", action="store_true", help="print the grammar folder's path")
    grammar.set_defaults(run=run_grammar)

    export = commands.add_parser("export", help="write a parser other tools can use without this package",
                                 description="standalone: a dependency-free Python LALR parser made by "
                                             "Lark's standalone generator (its output is under MPL-2.0).")
    export.add_argument("kind", choices=("standalone",))
    export.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: standard output)")
    export.set_defaults(run=run_export)

    schema = commands.add_parser("schema", help="print the JSON Schema of parse's dict or check's JSON",
                                 description="Print a JSON Schema (draft 2020-12).")
    schema.add_argument("which", nargs="?", choices=("parse", "check"), default="parse")
    schema.set_defaults(run=run_schema)


def run_grammar(args) -> int:
    from . import UsageError

    folder = grammar_path()
    if args.path:
        print(folder)
        return 0
    name = args.name if args.name.endswith(".lark") else args.name + ".lark"
    path = folder / Path(name).name
    if not path.is_file():
        choices = ", ".join(sorted(p.stem for p in folder.glob("*.lark")))
        raise UsageError(f"no grammar file {args.name!r}; choose one of {choices}")
    sys.stdout.write(path.read_text(encoding="utf-8"))
    return 0


def standalone_source() -> str:
    """Lark's standalone parser for this grammar, with the library's options."""
    from lark.tools.standalone import gen_standalone

    out = io.StringIO()
    gen_standalone(get_parser(cache=False), out=out)
    return out.getvalue()


def run_export(args) -> int:
    source = standalone_source()
    if args.output:
        Path(args.output).write_text(source, encoding="utf-8")
    else:
        sys.stdout.write(source)
    return 0


def run_schema(args) -> int:
    sys.stdout.write(schema_text(args.which))
    return 0
