"""Parsing and checking archives beyond one machine, with Dask (the [dask] extra).

    from sixk_grammar.dask import check_bag, records
    findings = check_bag("s3://bucket/edgar/6-K/**/*.txt", storage_options={"anon": True})
    findings.filter(lambda f: f["severity"] == "error").count().compute()
    table = records("s3://bucket/edgar/6-K/**/*.txt")      # a dask DataFrame, one row per filing
    table.to_parquet("s3://bucket/tables/6-K/")

Paths are local paths, globs, or any fsspec URL (s3://, gs://, https://, ...);
each file is read, parsed or checked by a worker.  With a
``distributed.Client`` connected to a scheduler, ``compute()`` runs on its
cluster.  (Archives are read by the local commands: ``parse`` and ``check``.)
"""
from __future__ import annotations

from .jobs import parsed
from .lint.config import Config
from .lint.registry import Finding
from .lint.runner import check_bytes
from .records import FIELDS, record


def _expand(paths, storage_options) -> list[str]:
    import fsspec

    urls: list[str] = []
    for path in [paths] if isinstance(paths, str) else list(paths):
        for opened in fsspec.open_files(path, mode="rb", **(storage_options or {})):
            urls.append(opened.full_name if "://" in path else opened.path)
    return sorted(set(urls))


def _read_url(url: str, storage_options: dict) -> tuple[bytes | None, str | None]:
    import fsspec

    try:
        with fsspec.open(url, "rb", **storage_options) as handle:
            return handle.read(), None
    except OSError as problem:
        return None, f"cannot read the file: {problem}"


def _check_url(url: str, codes: frozenset, max_bytes: int, storage_options: dict) -> list[dict]:
    data, error = _read_url(url, storage_options)
    return [as_record(f) for f in check_bytes(url, data, set(codes), max_bytes, error)]


def _parse_url(url: str, storage_options: dict) -> dict:
    return parsed(url, [_read_url(url, storage_options)])


def parse_bag(paths, storage_options: dict | None = None, partition_size: int = 50):
    """A dask.bag of parse dicts (each with its ``source``) for every file ``paths`` names."""
    import dask.bag as db

    storage_options = storage_options or {}
    urls = _expand(paths, storage_options)
    return db.from_sequence(urls, partition_size=partition_size).map(_parse_url, storage_options)


def records(paths, storage_options: dict | None = None, partition_size: int = 50):
    """A dask DataFrame with one row per filing: ``sixk_grammar.record``'s
    columns, typed (dates as datetime64, booleans, nullable integers)."""
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype=_DTYPES[kind]) for name, kind in FIELDS})
    bag = parse_bag(paths, storage_options, partition_size).map(record)
    return bag.to_dataframe(meta=meta).map_partitions(_typed, meta=meta)


_DTYPES = {"string": "string", "bool": "boolean", "int": "Int64", "date": "datetime64[ns]"}


def _typed(frame):
    """A partition's columns in the flat record's types."""
    import pandas as pd

    for name, kind in FIELDS:
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        else:
            frame[name] = frame[name].astype(_DTYPES[kind])
    return frame


def as_record(finding: Finding) -> dict:
    """A finding as a plain dict (what the bag holds)."""
    return {"path": finding.path, "line": finding.line, "column": finding.column, "code": finding.code,
            "message": finding.message, "end_line": finding.end_line, "end_column": finding.end_column,
            "source_line": finding.source_line, "severity": finding.severity, "name": finding.rule.name,
            "fix": finding.fix}


def from_record(record: dict) -> Finding:
    return Finding(record["path"], record["line"], record["column"], record["code"], record["message"],
                   record["end_line"], record["end_column"], record["source_line"], record["fix"])


def check_bag(paths, config: Config | None = None, storage_options: dict | None = None,
              partition_size: int = 50):
    """A dask.bag of finding records for every file ``paths`` names."""
    import dask.bag as db

    config = config or Config()
    storage_options = storage_options or {}
    urls = _expand(paths, storage_options)
    max_bytes = int(config.max_size_mb * 2**20)
    jobs = [(url, frozenset(config.codes_for(url))) for url in urls]
    bag = db.from_sequence(jobs, partition_size=partition_size)
    return bag.map(lambda job: _check_url(job[0], job[1], max_bytes, storage_options)).flatten()
