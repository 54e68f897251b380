"""Check filings: read them, run the rules, in parallel processes."""
from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass

from ..api import BINARY, UTF8_BOM, analyse, binary, decode
from ..files import replaced_atomically
from ..jobs import carried
from ..parallel import ordered_map
from ..sources import STDIN, Source, read_all
from .config import Config
from .context import Context
from .fixes import fix_text, mark_fixable, unified_diff
from .registry import REGISTRY, Finding, all_rules

#: A progress bar shows for more files than this, on a terminal only.
PROGRESS_THRESHOLD = 40


def unreadable(data: bytes | None, error: str | None, max_bytes: int) -> str | None:
    """Why a file cannot be checked at all (SK001), or None."""
    if error:
        return error
    if data is None or not data or data.isspace():   # isspace() copies nothing; strip() would
        return "the file is empty"
    if len(data) > max_bytes:
        return f"the file is {len(data) / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit"
    if binary(data):
        return BINARY
    return None


def check_bytes(path: str, data: bytes | None, codes: set[str], max_bytes: int,
                read_error: str | None = None) -> list[Finding]:
    """All findings for one file's bytes, sorted."""
    problem = unreadable(data, read_error, max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    return _findings(path, problem, text, encoding, codes, bool(data) and data.startswith(UTF8_BOM))


def check_file(job: tuple) -> list[Finding]:
    """check_bytes for a source, without keeping its bytes while it is parsed
    (so peak memory stays near twice the file, not three times)."""
    source, read, codes, max_bytes = job
    data, error = read if read is not None else read_all(source)
    del read
    problem = unreadable(data, error and f"cannot read the file: {error}", max_bytes)
    text, encoding = decode(data) if not problem else ("", None)
    bom = bool(data) and data.startswith(UTF8_BOM)
    del data
    return _findings(source.name, problem, text, encoding, set(codes), bom)


def _findings(path: str, problem: str | None, text: str, encoding: str | None, codes: set[str],
              bom: bool = False) -> list[Finding]:
    all_rules()   # registers the rules in whatever process runs this (pool or Dask worker)
    if problem:
        return [Finding(path, 1, 1, "SK001", problem, 1, 1)] if "SK001" in codes else []
    return _rule_findings(path, analyse(text, encoding, bom), codes, text)


def _rule_findings(path: str, analysis, codes, source: str | None = None) -> list[Finding]:
    """Every selected rule's findings on an analysed text, marked when fixable
    (as --fix would repair them, given the ``source`` text)."""
    context = Context(path, analysis)
    findings: list[Finding] = []
    for code in sorted(codes):
        findings.extend(REGISTRY[code].check(context) or ())
    return mark_fixable(context, sorted(set(findings)), source)


@dataclass
class FixResult:
    """What ``check --fix`` or ``--diff`` did with one source."""

    findings: list[Finding]         # what remains (with --diff: what was found)
    fixed: int = 0                  # findings the fixes repaired
    diff: str = ""                  # the change, as a unified diff
    text: str | None = None         # the fixed text of standard input, for standard output
    message: str | None = None      # why a fix was not written


def fix_file(job: tuple) -> FixResult:
    """Fix one source: write a file in place (atomically, keeping its mode), or
    give the fixed text of standard input back; with ``write`` off, only the
    diff.  A source that cannot be read, or parsed to its end, is left alone."""
    source, read, codes, max_bytes, unsafe, write = job
    data, error = read if read is not None else read_all(source)
    del read
    problem = unreadable(data, error and f"cannot read the file: {error}", max_bytes)
    if problem:
        return FixResult(_findings(source.name, problem, "", None, set(codes)))
    text, encoding = decode(data)
    bom = data.startswith(UTF8_BOM)
    del data
    all_rules()
    done = fix_text(text, set(codes), unsafe, source.name, encoding, bom)

    def found_before():
        return _rule_findings(source.name, done.before, codes, text)

    if write and source.name == STDIN:   # standard input comes back whole, fixed or not
        return FixResult(_remaining(source.name, done.after, codes, unsafe), len(done.applied), text=done.text)
    if done.text == text or not write:
        return FixResult(_remaining(source.name, done.before, codes, unsafe) if write else found_before(),
                         len(done.applied), unified_diff(source.name, text, done.text) if done.text != text else "")
    if source.member is not None:
        return FixResult(found_before(), message="not fixed: a member of an archive is not rewritten")
    try:
        with replaced_atomically(source.path, binary=True) as handle:
            handle.write((b"\xef\xbb\xbf" if bom else b"") + done.text.encode(encoding or "utf-8"))
    except OSError as failure:
        return FixResult(found_before(), message=f"not fixed: cannot write it: {failure.strerror or failure}")
    return FixResult(_remaining(source.name, done.after, codes, unsafe), len(done.applied))


def _remaining(path: str, fixed, codes, unsafe: bool) -> list[Finding]:
    """The findings of a fixed text (its analysis).  A fix still proposed there
    was tried and refused (it would have changed a fact): it is not offered again."""
    tried = ("safe", "unsafe") if unsafe else ("safe",)
    return [dataclasses.replace(f, fix="") if f.fix in tried else f for f in _rule_findings(path, fixed, codes)]


def _jobs(sources: list[Source], configs: Config | dict[str, Config], *extra):
    """The jobs for the sources, each with the rules and size limit of its
    configuration (one for all, or one per source's name)."""
    for source in sources:
        config = configs[source.name] if isinstance(configs, dict) else configs
        yield (source, read_all(source) if source.read_here else None,
               frozenset(config.codes_for(source.name)), int(config.max_size_mb * 2**20), *extra)


def _run(function, work, count: int, jobs: int, progress: bool):
    """``function`` over the jobs, in order, with a progress bar on a terminal."""
    from tqdm import tqdm   # here, not at import: `parse` starts faster without it

    show = progress and count > PROGRESS_THRESHOLD
    with tqdm(total=count, file=sys.stderr, unit="file", leave=False, disable=not show) as bar:
        for result in ordered_map(function, work, jobs if count > 1 else 1, weight=carried, total=count):
            yield result
            bar.update()


def run(sources: list[Source], config: Config | dict[str, Config], jobs: int, progress: bool = False) -> list[Finding]:
    """Findings for every source, sorted by path, line and column whatever
    ``jobs`` is (``config``: one for all, or one per source's name)."""
    findings: list[Finding] = []
    for result in _run(check_file, _jobs(sources, config), len(sources), jobs, progress):
        findings.extend(result)
    return sorted(findings)


def run_fixes(sources: list[Source], config: Config | dict[str, Config], jobs: int, unsafe: bool, write: bool,
              progress: bool = False) -> list[tuple[Source, FixResult]]:
    """``fix_file`` for every source, in order."""
    results = _run(fix_file, _jobs(sources, config, unsafe, write), len(sources), jobs, progress)
    return list(zip(sources, results))
