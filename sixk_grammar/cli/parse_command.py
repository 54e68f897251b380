"""``parse FILE... [--format json|jsonl|pretty]``: print the contract's dict."""
from __future__ import annotations

import json
import sys

from ..api import parse
from .inputs import read_source


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "parse", help="print the facts of each filing as JSON",
        description="Parse Form 6-K filings and print each one's dict. "
                    "Exit 0 when every file parsed completely, 1 when one was partial "
                    "or had syntax errors, 2 on usage or read errors.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a filing, or - for standard input")
    parser.add_argument("--format", choices=("json", "jsonl", "pretty"),
                        help="json (default for one file), jsonl (default for several), pretty")
    parser.set_defaults(run=run)


def run(args) -> int:
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

    output_format = args.format or ("json" if len(args.files) == 1 else "jsonl")
    results, status = [], EXIT_OK
    for path in args.files:
        data, problem = read_source(path)
        if problem:
            print(f"sixk_grammar: {problem}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        result = {"source": path} | parse(data)
        if not result["complete"] and status == EXIT_OK:
            status = EXIT_FINDINGS
        results.append(result)
        if output_format == "jsonl":
            print(json.dumps(result, ensure_ascii=False), flush=True)
        elif output_format == "pretty":
            print(pretty(result), flush=True)
    if output_format == "json" and results:
        document = results[0] if len(args.files) == 1 else results
        print(json.dumps(document, indent=2, ensure_ascii=False))
    return status


def pretty(result: dict) -> str:
    """A short human summary of one filing."""
    cover = result["cover"]
    lines = [f"{result['source']}: {result['form_type'] or 'not a 6-K'}, "
             f"{'complete' if result['complete'] else 'partial'}, {result['pages']} page(s)"]
    for label, value in (("registrant", cover["registrant"]), ("report month", cover["report_month"]),
                         ("file number", cover["commission_file_number"]),
                         ("annual report form", cover["annual_report_form"]),
                         ("rule 12g3-2(b)", cover["rule_12g3_2b"])):
        lines.append(f"  {label:20s} {value if value is not None else '-'}")
    for signer in result["signatures"]:
        lines.append(f"  signed {signer['date'] or '-'} by {signer['name'] or '-'}"
                     f" ({signer['title'] or '-'})")
    for exhibit in result["exhibits"]:
        lines.append(f"  exhibit {exhibit['number']}: {(exhibit['description'] or '')[:60]}")
    for error in result["syntax_errors"]:
        lines.append(f"  line {error['line']}:{error['column']}: {error['message']}")
    return "\n".join(lines)
