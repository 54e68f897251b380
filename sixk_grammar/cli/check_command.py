"""``check [PATH ...]``: the conformance linter, with ruff's options and exit codes."""
from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from pathlib import Path

from ..files import replaced_atomically
from ..lint import output
from ..lint.config import Config, ConfigError, expand, find_config, load
from ..lint.registry import all_rules
from ..sources import DEFAULT_EXCLUDE, MEMBER_SEPARATOR, STDIN, Source


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "check", help="check filings against the 6-K conformance rules",
        description="Check Form 6-K filings (plain text or HTML documents, or whole EDGAR submissions). "
                    "Exit 0 when nothing at error severity is found, 1 when something is, 2 on usage, "
                    "configuration or internal errors and when a path cannot be read, 130 when interrupted.")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files, folders (searched recursively), .zip/.tar/.tar.gz/.tgz archives "
                             "(a member is named ARCHIVE!member), or - for standard input")
    parser.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to run (ALL)")
    parser.add_argument("--ignore", metavar="CODES", help="codes or prefixes not to run")
    parser.add_argument("--extend-select", metavar="CODES", help="codes or prefixes to add to the selection")
    parser.add_argument("--output-format", choices=output.FORMATS,
                        help="concise (default; github when GITHUB_ACTIONS=true), full, json, github, sarif")
    parser.add_argument("-o", "--output-file", metavar="FILE",
                        help="write the report here (replaced once it is complete) instead of standard output")
    parser.add_argument("--statistics", action="store_true",
                        help="count findings per rule instead of listing them (JSON with --output-format json)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--include", metavar="GLOB", action="append",
                        help="file names to check inside folders and archives (default *.txt, *.htm, *.html); "
                             "repeatable")
    parser.add_argument("--exclude", metavar="GLOBS",
                        help="comma-separated names or paths not to search in folders, instead of the defaults "
                             f"({', '.join(DEFAULT_EXCLUDE)})")
    parser.add_argument("--extend-exclude", metavar="GLOBS", help="names or paths to exclude besides the defaults")
    parser.add_argument("--config", metavar="FILE", help="a TOML file for every path (default: for each file, the "
                        "nearest sixk_grammar.toml, .sixk_grammar.toml or pyproject.toml with "
                        "[tool.sixk_grammar] above it)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name standard input is reported under (and configured as)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary or notes")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also say which configuration each file used, and which files were skipped")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="color the concise and full formats (auto: on a terminal, unless NO_COLOR is set)")
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


class Settings:
    """The configuration of each checked file: the nearest configuration file
    above it (or --config for all), with the command line's options on top."""

    def __init__(self, args):
        self.args = args
        if args.config and not Path(args.config).is_file():
            raise ConfigError(f"cannot read {args.config}: no such file")
        self.fixed = Path(args.config) if args.config else None
        self._by_folder: dict[Path, Config] = {}
        self.default = self.for_folder(Path.cwd())

    def for_folder(self, folder: Path) -> Config:
        """The configuration above ``folder``; with none there, the current
        folder's (files outside the project are checked as the project's)."""
        folder = folder.resolve()
        if folder not in self._by_folder:
            path = self.fixed or find_config(folder)
            self._by_folder[folder] = (self.default if path is None and self._by_folder
                                       else self._with_options(load(path)))
        return self._by_folder[folder]

    def for_path(self, name: str) -> Config:
        """The configuration of a source (an archive member: its archive's; standard input: --stdin-filename's)."""
        if name == STDIN:
            name = self.args.stdin_filename or name
        file = name.split(MEMBER_SEPARATOR, 1)[0]
        return self.default if name == STDIN else self.for_folder(Path(os.path.abspath(file)).parent)

    def _with_options(self, config: Config) -> Config:
        args = self.args
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
        if args.exclude is not None:
            config.exclude = _codes(args.exclude)
        if args.extend_exclude:
            config.extend_exclude = config.extend_exclude + _codes(args.extend_exclude)
        return config


def settings(args) -> Config:
    """The configuration of the current folder with the command line's on top."""
    return Settings(args).default


def _color(choice: str, stream) -> bool:
    if choice == "auto":
        return stream.isatty() and not os.environ.get("NO_COLOR")
    return choice == "always"


def run(args) -> int:
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.stdin_filename and args.paths == ["."]:
        args.paths = [STDIN]
    try:
        configured = Settings(args)
    except ConfigError as error:
        print(f"sixk_grammar: {error}", file=sys.stderr)
        return EXIT_USAGE
    config = configured.default
    from ..lint.runner import run as run_checks   # not needed by the other commands
    from ..sources import discover

    found = discover(args.paths, config.include, config.excludes)
    status = EXIT_OK
    for path in found.missing:
        print(f"sixk_grammar: {path}: no such file or directory", file=sys.stderr)
        status = EXIT_USAGE
    if not args.quiet:
        for note in found.notes(config.include):
            print(f"sixk_grammar: {note}", file=sys.stderr)
    files = [_renamed(source, args.stdin_filename) for source in found.sources]
    if not files:
        if not found.missing:
            print("sixk_grammar: no filing found in " + ", ".join(args.paths), file=sys.stderr)
        return status
    try:
        configs = {source.name: configured.for_path(source.name) for source in files}
    except ConfigError as error:
        print(f"sixk_grammar: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.verbose:
        for name, used in configs.items():
            print(f"sixk_grammar: {name}: configuration {used.source or '(defaults)'}", file=sys.stderr)
    output_format = args.output_format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "concise")
    progress = sys.stderr.isatty() and not os.environ.get("CI")
    if args.fix or args.diff:
        if args.dask:
            raise UsageError("--fix and --diff run on this machine: leave out --dask")
        return run_fixes(args, files, configs, output_format, progress) or status
    if args.dask:
        findings = run_on_dask(args.dask, [s.name for s in files if s.member is None and s.name != "-"], config)
    else:
        findings = run_checks(files, configs, args.jobs, progress=progress)
    with report(args) as stream:
        print_findings(findings, output_format, args, len(files), stream=stream, base=config.docs_url)
    if status or args.exit_zero:
        return status
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def _renamed(source: Source, stdin_filename: str | None) -> Source:
    """Standard input under the name --stdin-filename gives it."""
    if source.name == STDIN and stdin_filename:
        return dataclasses.replace(source, name=stdin_filename, path=STDIN)
    return source


@contextlib.contextmanager
def report(args):
    """Where the report goes: standard output, or --output-file written at once when complete."""
    from . import UsageError

    if not args.output_file:
        yield sys.stdout
        return
    try:
        with replaced_atomically(args.output_file) as stream:
            yield stream
    except (FileNotFoundError, NotADirectoryError):
        raise UsageError(f"cannot write {args.output_file}: its folder does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"cannot write {args.output_file}: it is a folder") from None
    except PermissionError:
        raise UsageError(f"cannot write {args.output_file}: permission denied") from None


def run_fixes(args, files, configs: dict[str, Config], output_format: str, progress: bool) -> int:
    """--fix: write the fixes and report what remains.  --diff: print the
    fixes as a diff and change nothing."""
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
    from ..lint.runner import run_fixes as fix_all

    results = fix_all(files, configs, args.jobs, args.unsafe_fixes, write=args.fix and not args.diff,
                      progress=progress)
    status = EXIT_OK
    for source, result in results:
        if result.message:
            print(f"sixk_grammar: {source.name}: {result.message}", file=sys.stderr)
            status = EXIT_USAGE
    if args.diff:
        diffs = [result.diff for _, result in results if result.diff]
        with report(args) as stream:
            stream.write("".join(diffs))
        fixable = sum(result.fixed for _, result in results)
        print(f"Would fix {output.plural(fixable, 'problem')} in {output.plural(len(diffs), 'file')}.",
              file=sys.stderr)
        return status or (EXIT_FINDINGS if diffs else EXIT_OK)
    for _, result in results:
        if result.text is not None:   # standard input: the fixed text goes to standard output
            sys.stdout.write(result.text)
    findings = sorted(f for _, result in results for f in result.findings)
    stdin = any(result.text is not None for _, result in results)
    fixed = sum(r.fixed for _, r in results)
    base = next(iter(configs.values())).docs_url if configs else None
    if args.output_file or not stdin or output_format != "concise":
        with report(args) as stream:
            print_findings(findings, output_format, args, len(files), fixed, stream, base)
    else:   # the fixed text holds standard output: the findings go to standard error
        print_findings(findings, output_format, args, len(files), fixed, sys.stderr, base)
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
        client = Client(address, timeout=DASK_TIMEOUT)
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        records = check_bag(files, config).compute()
    return sorted(from_record(record) for record in records)


#: Seconds to wait for a Dask scheduler (SIXK_GRAMMAR_DASK_TIMEOUT overrides).
DASK_TIMEOUT = float(os.environ.get("SIXK_GRAMMAR_DASK_TIMEOUT", "30"))


def print_findings(findings, output_format: str, args, files: int, fixed: int = 0, stream=None,
                   base: str | None = None) -> None:
    stream = stream or sys.stdout
    color = _color(getattr(args, "color", "never"), stream) and output_format in output.HUMAN_FORMATS
    base = output.docs_url(base)

    def say(text: str) -> None:
        print(text, file=stream)

    if args.statistics:
        if output_format == "json":
            say(output.statistics_json(findings))
        elif findings:
            say(output.statistics(findings))
    elif output_format == "json":
        say(output.as_json(findings, base))
    elif output_format == "sarif":
        say(output.sarif(findings, all_rules(), base))
    elif output_format == "github":
        for finding in findings:
            say(output.github(finding))
    elif output_format == "full":
        for finding in findings:
            say(output.full(finding, finding.source_line, color))
    else:
        for finding in findings:
            say(output.concise(finding, color))
    if output_format in output.HUMAN_FORMATS and not args.quiet:
        say(output.footer(findings, files, fixed))
