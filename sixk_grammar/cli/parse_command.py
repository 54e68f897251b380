"""``parse PATH...``: each filing's dict, or a table with one row per filing.

Inputs are files, folders (searched recursively), archives and ``-``; the
work runs on ``--jobs`` processes and results are written as they come, in
the order of the sources' names, so the output is the same for any number
of jobs and memory stays flat however many filings there are.
"""
from __future__ import annotations

import contextlib
import os
import sys

from ..sources import DEFAULT_INCLUDE, Source, discover
from .check_command import DASK_TIMEOUT
from .writers import FORMATS, OutputError, format_for, open_output, writer_for


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "parse", help="print the facts of each filing as JSON, or a table (CSV, Parquet)",
        description="Parse Form 6-K filings: files, folders (searched recursively), .zip, .tar, .tar.gz "
                    "and .tgz archives (read without unpacking; a member is named ARCHIVE!member), or - "
                    "for standard input.  Exit 0 when every filing parsed completely, 1 when one was "
                    "partial or had syntax errors, 2 when one could not be read or on usage errors.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a filing, a folder, an archive, or -")
    parser.add_argument("--output-format", "--format", dest="output_format", choices=FORMATS,
                        help="json (default for one filing), jsonl (default for several), pretty, "
                             "csv or parquet (one row per filing; parquet needs -o and the [parquet] extra); "
                             "by default the -o file's extension (.json, .jsonl, .csv, .parquet) says which")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here (replaced only once the run is done) instead of standard output; "
                             "with --dask, the folder of the Parquet dataset")
    parser.add_argument("--include", metavar="GLOB", action="append",
                        help="file names to read inside folders and archives (default *.txt, *.htm, *.html); "
                             "repeatable")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run on an existing Dask scheduler and write a Parquet dataset to -o DIR "
                             "([dask] and [parquet] extras)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.dask:
        return run_on_dask(args)
    include = args.include or DEFAULT_INCLUDE
    found = discover(args.paths, include)
    for note in found.notes(include):
        print(f"sixk_grammar: {note}", file=sys.stderr)
    # a path that does not exist has its row, with the reason, among the others
    sources = sorted(found.sources + [Source(path, path, problem="no such file or directory")
                                      for path in found.missing], key=lambda source: source.name)
    if not sources:
        print("sixk_grammar: no filing found in " + ", ".join(args.paths), file=sys.stderr)
        return EXIT_OK
    try:
        output_format = format_for(args.output_format, args.output, len(sources) > 1 or len(args.paths) > 1)
        write = writer_for(output_format, args.output)
    except OutputError as error:
        raise UsageError(str(error)) from None
    status = EXIT_OK
    table = output_format in ("csv", "parquet")
    from ..parallel import ordered_map   # not needed by the other commands
    from ..jobs import carried, jobs_for, parse_job

    with _opened(args.output, output_format) as stream:
        with write(stream, single=output_format == "json" and len(sources) == 1) as emit:
            work = ordered_map(parse_job, jobs_for(sources, table), min(args.jobs, len(sources)), weight=carried,
                               total=len(sources))
            for result in _progress(work, sources):
                if result.get("error"):
                    print(f"sixk_grammar: {result['source']}: {result['error']}", file=sys.stderr)
                    status = EXIT_USAGE
                elif not result["complete"] and status == EXIT_OK:
                    status = EXIT_FINDINGS
                emit(result)
    return status


@contextlib.contextmanager
def _opened(path: str | None, output_format: str):
    """The output stream; an -o that cannot be written is a usage error."""
    from . import UsageError

    try:
        with open_output(path, binary=output_format == "parquet") as stream:
            yield stream
    except OutputError as error:
        raise UsageError(str(error)) from None


def _progress(results, sources: list[Source]):
    """A progress bar on a terminal, for more than a few filings."""
    from ..lint.runner import PROGRESS_THRESHOLD

    if not (sys.stderr.isatty() and not os.environ.get("CI") and len(sources) > PROGRESS_THRESHOLD):
        return results
    from tqdm import tqdm

    return tqdm(results, total=len(sources), file=sys.stderr, unit="file", leave=False)


def run_on_dask(args) -> int:
    """The same rows as a local run, computed on a Dask cluster, written as a
    Parquet dataset (a folder of files)."""
    from . import EXIT_OK, UsageError

    if (args.output_format or "parquet") != "parquet" or not args.output:
        raise UsageError("--dask writes a Parquet dataset: give --output-format parquet and -o DIR")
    try:
        from distributed import Client

        from ..dask import records
    except ImportError:
        raise UsageError('--dask needs the [dask] extra: pip install "sixk_grammar[dask]"') from None
    try:
        client = Client(args.dask, timeout=DASK_TIMEOUT)
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {args.dask}: {error}") from None
    with client:
        records(args.paths).to_parquet(args.output, write_index=False)
    return EXIT_OK
