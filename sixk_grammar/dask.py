"""Checking archives beyond one machine, with Dask (the [dask] extra).

    from sixk_grammar.dask import check_bag
    findings = check_bag("s3://bucket/edgar/6-K/**/*.txt", storage_options={"anon": True})
    findings.filter(lambda f: f["severity"] == "error").count().compute()

Paths are local paths, globs, or any fsspec URL (s3://, gs://, https://, ...);
each file is read and checked by a worker.  With a ``distributed.Client``
connected to a scheduler, ``compute()`` runs on its cluster.
"""
from __future__ import annotations

from .lint.config import Config
from .lint.registry import Finding
from .lint.runner import check_bytes


def _expand(paths, storage_options) -> list[str]:
    import fsspec

    urls: list[str] = []
    for path in [paths] if isinstance(paths, str) else list(paths):
        for opened in fsspec.open_files(path, mode="rb", **(storage_options or {})):
            urls.append(opened.full_name if "://" in path else opened.path)
    return sorted(set(urls))


def _check_url(url: str, codes: frozenset, max_bytes: int, storage_options: dict) -> list[dict]:
    import fsspec

    try:
        with fsspec.open(url, "rb", **storage_options) as handle:
            data, error = handle.read(), None
    except OSError as problem:
        data, error = None, f"cannot read the file: {problem}"
    return [as_record(f) for f in check_bytes(url, data, set(codes), max_bytes, error)]


def as_record(finding: Finding) -> dict:
    """A finding as a plain dict (what the bag holds)."""
    return {"path": finding.path, "line": finding.line, "column": finding.column, "code": finding.code,
            "message": finding.message, "end_line": finding.end_line, "end_column": finding.end_column,
            "source_line": finding.source_line, "severity": finding.severity, "name": finding.rule.name}


def from_record(record: dict) -> Finding:
    return Finding(record["path"], record["line"], record["column"], record["code"], record["message"],
                   record["end_line"], record["end_column"], record["source_line"])


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
