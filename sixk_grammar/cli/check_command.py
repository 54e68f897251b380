"""``check [PATH ...]``: the conformance linter, with ruff's options and exit codes."""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from ..lint import output
from ..lint.config import Config, ConfigError, expand, find_config, load
from ..lint.registry import all_rules


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "check", help="check filings against the 6-K conformance rules",
        description="Check Form 6-K filings (plain documents or full EDGAR submissions). "
                    "Exit 0 when nothing at error severity is found, 1 when something is, "
                    "2 on usage, configuration or internal errors.")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files, folders (searched recursively), .zip/.tar/.tar.gz/.tgz archives "
                             "(a member is named ARCHIVE!member), or - for standard input")
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (ALL)")
    parser.add_argument("--ignore", metavar="CODES", help="codes or prefixes not to run")
    parser.add_argument("--extend-select", metavar="CODES", help="codes or prefixes to add to the selection")
    parser.add_argument("--output-format", choices=output.FORMATS,
                        help="concise (default; github when GITHUB_ACTIONS=true), full, json, github, sarif")
    parser.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--include", metavar="GLOB", action="append",
                        help="file names to check inside folders and archives (default *.txt); repeatable")
    parser.add_argument("--config", metavar="FILE", help="a TOML file (default: the nearest pyproject.toml "
                        "with [tool.sixk_grammar])")
    parser.add_argument("--quiet", action="store_true", help="print findings only, no summary")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run on an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 ([dask] extra)")
    parser.add_argument("--fix", action="store_true",
                        help="repair what has a safe fix, in place (standard input: the fixed text to "
                             "standard output); only what remains is reported")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also the unsafe fixes (re-wrapping long lines)")
    parser.add_argument("--diff", action="store_true",
                        help="print what --fix would change, as a unified diff, and change nothing "
                             "(exit 1 if there is something to fix)")
    parser.set_defaults(run=run)


def _codes(text: str | None) -> list[str]:
    return [code for code in (text or "").split(",") if code.strip()]


def settings(args) -> Config:
    """The configuration file's settings with the command line's on top."""
    path = Path(args.config) if args.config else find_config(Path.cwd())
    if args.config and not path.is_file():
        raise ConfigError(f"cannot read {args.config}: no such file")
    config = load(path)
    known = [rule.code for rule in all_rules()]
    if args.select:
        config.select = _codes(args.select)
    if args.extend_select:
        config.extend_select = config.extend_select + _codes(args.extend_select)
    if args.ignore:
        config.ignore = config.ignore + _codes(args.ignore)
    for selectors in (config.select, config.extend_select, config.ignore):
        expand(selectors, known)
    if args.include:
        config.include = args.include
    return config


def run(args) -> int:
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        config = settings(args)
    except ConfigError as error:
        print(f"sixk_grammar: {error}", file=sys.stderr)
        return EXIT_USAGE
    from ..lint.runner import run as run_checks   # not needed by the other commands
    from ..sources import discover

    files, problems = discover(args.paths, config.include)
    for problem in problems:
        print(f"sixk_grammar: {problem}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    output_format = args.output_format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "concise")
    progress = sys.stderr.isatty() and not os.environ.get("CI")
    if args.fix or args.diff:
        if args.dask:
            raise UsageError("--fix and --diff run on this machine: leave out --dask")
        return run_fixes(args, files, config, output_format, progress)
    if args.dask:
        findings = run_on_dask(args.dask, [s.name for s in files if s.member is None and s.name != "-"], config)
    else:
        findings = run_checks(files, config, args.jobs, progress=progress)
    print_findings(findings, output_format, args, len(files))
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def run_fixes(args, files, config: Config, output_format: str, progress: bool) -> int:
    """--fix: write the fixes and report what remains.  --diff: print the
    fixes as a diff and change nothing."""
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
    from ..lint.runner import run_fixes as fix_all

    results = fix_all(files, config, args.jobs, args.unsafe_fixes, write=args.fix and not args.diff,
                      progress=progress)
    status = EXIT_OK
    for source, result in results:
        if result.message:
            print(f"sixk_grammar: {source.name}: {result.message}", file=sys.stderr)
            status = EXIT_USAGE
    if args.diff:
        diffs = [result.diff for _, result in results if result.diff]
        sys.stdout.write("".join(diffs))
        fixable = sum(result.fixed for _, result in results)
        print(f"Would fix {fixable} problem{'s' if fixable != 1 else ''} in {len(diffs)} "
              f"file{'s' if len(diffs) != 1 else ''}.", file=sys.stderr)
        return status or (EXIT_FINDINGS if diffs else EXIT_OK)
    for _, result in results:
        if result.text is not None:   # standard input: the fixed text goes to standard output
            sys.stdout.write(result.text)
    findings = sorted(f for _, result in results for f in result.findings)
    stdin = any(result.text is not None for _, result in results)
    if not stdin or output_format != "concise":
        print_findings(findings, output_format, args, len(files), sum(r.fixed for _, r in results))
    else:   # the fixed text holds standard output: the findings go to standard error
        with contextlib.redirect_stdout(sys.stderr):
            print_findings(findings, output_format, args, len(files), sum(r.fixed for _, r in results))
    if status or args.exit_zero:
        return status
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def run_on_dask(address: str, files: list[str], config: Config):
    """The same findings as a local run, computed on a Dask cluster."""
    from . import UsageError

    try:
        from distributed import Client

        from ..dask import check_bag, from_record
    except ImportError:
        raise UsageError('--dask needs the [dask] extra: pip install "sixk_grammar[dask]"') from None
    try:
        client = Client(address, timeout=30)
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        records = check_bag(files, config).compute()
    return sorted(from_record(record) for record in records)


def print_findings(findings, output_format: str, args, files: int, fixed: int = 0) -> None:
    if args.statistics:
        if findings:
            print(output.statistics(findings))
    elif output_format == "json":
        print(output.as_json(findings))
    elif output_format == "sarif":
        print(output.sarif(findings, all_rules()))
    elif output_format == "github":
        for finding in findings:
            print(output.github(finding))
    elif output_format == "full":
        for finding in findings:
            print(output.full(finding, finding.source_line))
    else:
        for finding in findings:
            print(output.concise(finding))
    if output_format in output.HUMAN_FORMATS and not args.quiet:
        print(output.footer(findings, files, fixed))
