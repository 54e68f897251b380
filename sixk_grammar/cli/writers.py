"""The output formats of ``parse``: each writes results as they come.

json, jsonl and pretty write each filing's dict (with its ``source``); csv
and parquet write one flat row per filing (``sixk_grammar.record``).
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys

from ..files import replaced_atomically
from ..records import FIELD_NAMES, FIELDS

FORMATS = ("json", "jsonl", "pretty", "csv", "parquet")
#: Rows per Parquet row group: what is held in memory before it is written.
ROW_GROUP = 10_000


class OutputError(Exception):
    """An output that cannot be written as asked (exit code 2)."""


@contextlib.contextmanager
def open_output(path: str | None, binary: bool):
    """Standard output, or a file replaced only once everything is written."""
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    stack = contextlib.ExitStack()
    try:
        handle = stack.enter_context(replaced_atomically(path, binary=binary))
    except (FileNotFoundError, NotADirectoryError):
        raise OutputError(f"cannot write {path}: its folder does not exist") from None
    except IsADirectoryError:
        raise OutputError(f"cannot write {path}: it is a folder") from None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    with stack:
        yield handle


#: The output format an -o file's extension asks for.
EXTENSIONS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".json": "json"}


def format_for(requested: str | None, path: str | None, several: bool) -> str:
    """The output format: --output-format, else the -o file's extension, else
    json for one filing and jsonl for several.  An extension that says
    otherwise than --output-format is an error, never a file in the wrong format."""
    implied = next((name for suffix, name in EXTENSIONS.items() if path and path.lower().endswith(suffix)), None)
    if requested and implied and requested != implied and not (requested == "pretty" and implied == "json"):
        raise OutputError(f"--output-format {requested} does not match {path} (a {implied} file)")
    return requested or implied or ("jsonl" if several else "json")


def writer_for(output_format: str, path: str | None):
    """The writer of a format: a context manager over (stream, single) that
    yields the function taking each result."""
    if output_format == "parquet":
        if path is None:
            raise OutputError("parquet output needs a file: give -o FILE")
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise OutputError('parquet output needs the [parquet] extra: pip install "sixk_grammar[parquet]"') from None
    return WRITERS[output_format]


@contextlib.contextmanager
def write_json(stream, single: bool):
    """One dict, or a JSON array written item by item."""
    if single:
        yield lambda result: stream.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return
    count = 0

    def emit(result):
        nonlocal count
        stream.write(("[\n" if count == 0 else ",\n") + json.dumps(result, ensure_ascii=False))
        count += 1

    yield emit
    stream.write("\n]\n" if count else "[]\n")


@contextlib.contextmanager
def write_jsonl(stream, single: bool):
    yield lambda result: stream.write(json.dumps(result, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def write_pretty(stream, single: bool):
    yield lambda result: stream.write(pretty(result) + "\n")


@contextlib.contextmanager
def write_csv(stream, single: bool):
    """The stdlib csv conventions: a header row, empty cells for nulls."""
    rows = csv.DictWriter(stream, fieldnames=FIELD_NAMES)
    rows.writeheader()
    yield rows.writerow


@contextlib.contextmanager
def write_parquet(stream, single: bool):
    """Typed columns (dates as dates, booleans, integers), written a row group
    at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    dates = [name for name, kind in FIELDS if kind == "date"]
    buffered: list[dict] = []
    with pq.ParquetWriter(stream, schema) as writer:
        def flush():
            writer.write_table(pa.Table.from_pylist(buffered, schema=schema))
            buffered.clear()

        def emit(row):
            row = dict(row)
            for name in dates:
                if row[name]:
                    row[name] = dt.date.fromisoformat(row[name])
            buffered.append(row)
            if len(buffered) >= ROW_GROUP:
                flush()

        yield emit
        if buffered:
            flush()


def parquet_schema():
    """The Arrow schema of the flat record."""
    import pyarrow as pa

    types = {"string": pa.string(), "bool": pa.bool_(), "int": pa.int64(), "date": pa.date32()}
    return pa.schema([(name, types[kind]) for name, kind in FIELDS])


WRITERS = {"json": write_json, "jsonl": write_jsonl, "pretty": write_pretty,
           "csv": write_csv, "parquet": write_parquet}


def pretty(result: dict) -> str:
    """A short human summary of one filing."""
    if "cover" not in result:
        return f"{result['source']}: cannot be read: {result['error']}"
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
        lines.append(f"  exhibit {exhibit['number'] or '-'}: {(exhibit['description'] or '')[:60]}")
    for error in result["syntax_errors"]:
        lines.append(f"  line {error['line']}:{error['column']}: {error['message']}")
    return "\n".join(lines)
