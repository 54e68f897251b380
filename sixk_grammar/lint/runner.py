"""Check files: find them, read them, run the rules, in parallel processes."""
from __future__ import annotations

import fnmatch
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..api import analyse, decode
from .config import Config
from .context import Context
from .registry import REGISTRY, Finding, all_rules

STDIN = "-"
#: A progress bar shows for more files than this, on a terminal only.
PROGRESS_THRESHOLD = 40


def discover(paths: list[str], include: list[str]) -> tuple[list[str], list[str]]:
    """Files to check (sorted, unique) and one-line problems with the paths."""
    files: set[str] = set()
    problems = []
    for path in paths:
        if path == STDIN:
            files.add(STDIN)
            continue
        target = Path(path)
        if target.is_dir():
            for folder, _, names in os.walk(target):
                for name in names:
                    if any(fnmatch.fnmatch(name, pattern) for pattern in include):
                        files.add(str(Path(folder) / name))
        elif target.exists():
            files.add(str(target))
        else:
            problems.append(f"{path}: no such file or directory")
    return sorted(files), problems


def unreadable(path: str, data: bytes | None, error: str | None, max_bytes: int) -> str | None:
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


def _read(path: str) -> tuple[bytes | None, str | None]:
    if path == STDIN:
        return sys.stdin.buffer.read(), None
    try:
        return Path(path).read_bytes(), None
    except OSError as error:
        return None, f"cannot read the file: {error.strerror or error}"


def check_bytes(path: str, data: bytes | None, codes: set[str], max_bytes: int,
                read_error: str | None = None) -> list[Finding]:
    """All findings for one file's bytes, sorted."""
    problem = unreadable(path, data, read_error, max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    return _findings(path, problem, text, encoding, codes)


def check_file(job: tuple[str, frozenset, int]) -> list[Finding]:
    """check_bytes for a path, without keeping the file's bytes while it is parsed
    (so peak memory stays near twice the file, not three times)."""
    path, codes, max_bytes = job
    data, error = _read(path)
    problem = unreadable(path, data, error, max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    del data
    return _findings(path, problem, text, encoding, set(codes))


def _findings(path: str, problem: str | None, text: str, encoding: str | None, codes: set[str]) -> list[Finding]:
    all_rules()   # registers the rules in whatever process runs this (pool or Dask worker)
    if problem:
        return [Finding(path, 1, 1, "SK001", problem, 1, 1)] if "SK001" in codes else []
    context = Context(path, analyse(text, encoding))
    findings: list[Finding] = []
    for code in sorted(codes):
        findings.extend(REGISTRY[code].check(context) or ())
    return sorted(set(findings))


def run(files: list[str], config: Config, jobs: int, progress: bool = False) -> list[Finding]:
    """Findings for every file, sorted by path, line and column whatever ``jobs`` is."""
    max_bytes = int(config.max_size_mb * 2**20)
    work = [(path, frozenset(config.codes_for(path)), max_bytes) for path in files]
    local = [job for job in work if job[0] == STDIN]
    shared = [job for job in work if job[0] != STDIN]
    findings: list[Finding] = []
    for job in local:
        findings.extend(check_file(job))
    from tqdm import tqdm   # here, not at import: `parse` starts faster without it

    show = progress and len(shared) > PROGRESS_THRESHOLD
    with tqdm(total=len(shared), file=sys.stderr, unit="file", leave=False, disable=not show) as bar:
        if jobs <= 1 or len(shared) <= 1:
            for result in map(check_file, shared):
                findings.extend(result)
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                chunk = max(1, len(shared) // (jobs * 8))
                for result in pool.map(check_file, shared, chunksize=chunk):
                    findings.extend(result)
                    bar.update()
    return sorted(findings)
