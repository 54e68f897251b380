"""Check filings: read them, run the rules, in parallel processes."""
from __future__ import annotations

import sys

from ..api import analyse, decode
from ..parallel import ordered_map
from ..sources import Source, read_all
from .config import Config
from .context import Context
from .registry import REGISTRY, Finding, all_rules

#: A progress bar shows for more files than this, on a terminal only.
PROGRESS_THRESHOLD = 40


def unreadable(data: bytes | None, error: str | None, max_bytes: int) -> str | None:
    """Why a file cannot be checked at all (SK001), or None."""
    if error:
        return error
    if data is None or not data.strip():
        return "the file is empty"
    if len(data) > max_bytes:
        return f"the file is {len(data) / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit"
    if b"\x00" in data[:65536]:
        return "the file is binary (it holds NUL bytes)"
    return None


def check_bytes(path: str, data: bytes | None, codes: set[str], max_bytes: int,
                read_error: str | None = None) -> list[Finding]:
    """All findings for one file's bytes, sorted."""
    problem = unreadable(data, read_error, max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    return _findings(path, problem, text, encoding, codes)


def check_file(job: tuple) -> list[Finding]:
    """check_bytes for a source, without keeping its bytes while it is parsed
    (so peak memory stays near twice the file, not three times)."""
    source, read, codes, max_bytes = job
    data, error = read if read is not None else read_all(source)
    del read
    problem = unreadable(data, error and f"cannot read the file: {error}", max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    del data
    return _findings(source.name, problem, text, encoding, set(codes))


def _findings(path: str, problem: str | None, text: str, encoding: str | None, codes: set[str]) -> list[Finding]:
    all_rules()   # registers the rules in whatever process runs this (pool or Dask worker)
    if problem:
        return [Finding(path, 1, 1, "SK001", problem, 1, 1)] if "SK001" in codes else []
    context = Context(path, analyse(text, encoding))
    findings: list[Finding] = []
    for code in sorted(codes):
        findings.extend(REGISTRY[code].check(context) or ())
    return sorted(set(findings))


def run(sources: list[Source], config: Config, jobs: int, progress: bool = False) -> list[Finding]:
    """Findings for every source, sorted by path, line and column whatever ``jobs`` is."""
    max_bytes = int(config.max_size_mb * 2**20)
    work = ((source, read_all(source) if source.read_here else None,
             frozenset(config.codes_for(source.name)), max_bytes) for source in sources)
    from tqdm import tqdm   # here, not at import: `parse` starts faster without it

    show = progress and len(sources) > PROGRESS_THRESHOLD
    findings: list[Finding] = []
    with tqdm(total=len(sources), file=sys.stderr, unit="file", leave=False, disable=not show) as bar:
        for result in ordered_map(check_file, work, jobs if len(sources) > 1 else 1):
            findings.extend(result)
            bar.update()
    return sorted(findings)
