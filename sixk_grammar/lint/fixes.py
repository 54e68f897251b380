"""``check --fix``: repair what can be repaired, and prove no fact changed.

    fixed, applied = fix(text)                 # safe fixes
    fixed, applied = fix(text, unsafe=True)    # and the re-wrap of long lines

Each fixable rule's fixer proposes line edits for its findings.  A rule's
edits are kept only if the fixed text parses to the same facts as the
original: the same dict, positions aside, once the same character repairs are
applied to the original's values (and lines aside for the re-wrap).  An edit
that would change a fact in any other way is dropped and its finding stays.
Rules are fixed in turn, and again, until nothing changes.
"""
from __future__ import annotations

import dataclasses
import difflib
import re

from ..api import Analysis, analyse, decode
from .config import Config
from .context import Context
from .edits import Edit, apply
from .registry import REGISTRY, Finding, all_rules
from .rules.text import ascii_equivalent

#: Rounds over the fixable rules before giving up on reaching a fixed point.
MAX_ROUNDS = 10
#: Keys of the dict that say where something stands, not what it is.
POSITION_KEYS = {"line", "column", "end_line", "end_column", "positions", "line_count"}
_BLANKS = re.compile(r"\s+")


def facts(result: dict):
    """The parse dict as facts: positions dropped, text values with their
    characters repaired and their blanks (line ends included) collapsed."""
    if isinstance(result, dict):
        return {key: facts(value) for key, value in result.items() if key not in POSITION_KEYS}
    if isinstance(result, list):
        return [facts(value) for value in result]
    if isinstance(result, str):
        return _BLANKS.sub(" ", ascii_equivalent(result)).strip()
    return result


def fixable_rules(codes: set[str], unsafe: bool) -> list:
    """The selected rules that can fix, safe ones first."""
    rules = [rule for rule in all_rules() if rule.fixer and rule.code in codes]
    return [r for r in rules if r.fix_safety == "safe"] + ([r for r in rules if r.fix_safety == "unsafe"]
                                                          if unsafe else [])


def mark_fixable(context: Context, findings: list[Finding], source: str | None = None) -> list[Finding]:
    """The findings, each saying whether ``--fix`` (or ``--fix
    --unsafe-fixes``) repairs it.  With the ``source`` text the fixes are
    tried as --fix tries them: a fix that would change a fact is refused
    there, so it is never offered here, and the counts of check, --diff and
    --fix agree.  Without it, a finding is fixable when its rule proposes an
    edit."""
    proposed = {(f.code, f.line, f.column): REGISTRY[f.code].fix_safety for f in findings
                if REGISTRY[f.code].fixer is not None and REGISTRY[f.code].fixer(context, f)}
    if proposed and source is not None:
        codes = {code for code, _, _ in proposed}
        analysis = context.analysis
        safe = _repaired(source, codes, False, context.path, analysis)
        unsafe = (_repaired(source, codes, True, context.path, analysis)
                  if "unsafe" in proposed.values() else set())
        # by code and line: a safe fix before it may move a finding along its line (a tab expanded)
        proposed = {key: ("safe" if key[:2] in safe else "unsafe") for key in proposed if key[:2] in safe | unsafe}
    return [dataclasses.replace(f, fix=proposed[(f.code, f.line, f.column)])
            if (f.code, f.line, f.column) in proposed else f for f in findings]


def _repaired(source: str, codes: set[str], unsafe: bool, path: str, analysis: Analysis) -> set[tuple]:
    """(code, line) of the findings that --fix repairs in ``source``."""
    done = fix_text(source, codes, unsafe, path, analysis.result["encoding"], analysis.bom, analysis)
    return {(f.code, f.line) for f in done.applied}


def fix(source: str | bytes, unsafe: bool = False, config: Config | None = None,
        path: str = "-") -> tuple[str, list[Finding]]:
    """``(fixed_text, applied)``: the text with every fix that changes no fact,
    and the findings those fixes repaired (as found before each fix).  A text
    the parser cannot read to its end is left as it is."""
    text, encoding = decode(source) if isinstance(source, (bytes, bytearray)) else (source, None)
    done = fix_text(text, (config or Config()).codes_for(path), unsafe, path, encoding)
    return done.text, done.applied


@dataclasses.dataclass
class Fixed:
    """What fix_text did: the text, the findings repaired, and the analyses of
    the text before and after (so that nobody parses them again)."""

    text: str
    applied: list[Finding]
    before: Analysis
    after: Analysis


def fix_text(text: str, codes: set[str], unsafe: bool, path: str = "-", encoding: str | None = None,
             bom: bool = False, before: Analysis | None = None) -> Fixed:
    """fix() for decoded text, with the rules ``codes`` selects (``bom``: its
    bytes began with a byte-order mark, which the fixed file keeps;
    ``before``: the text's analysis, when it has one)."""
    analysis = before = before or analyse(text, encoding, bom)
    if analysis.tree is None:
        return Fixed(text, [], before, before)
    original = facts(analysis.result)
    applied: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        changed = False
        for rule in fixable_rules(codes, unsafe):
            context = Context(path, analysis)
            proposals = [(finding, rule.fixer(context, finding)) for finding in rule.check(context) or ()]
            proposals = [(finding, edits) for finding, edits in proposals if edits]
            if not proposals:
                continue
            kept = _keep_factual(text, proposals, original, encoding)
            if kept is not None:
                text, analysis, fixed = kept
                applied.extend(fixed)
                changed = True
        if not changed:
            break
    analysis.bom = bom
    return Fixed(text, applied, before, analysis)


def _keep_factual(text: str, proposals, original, encoding: str | None):
    """(fixed text, its analysis, the findings fixed): all the proposals' edits
    if together they change no fact, else each one that changes none, taken
    from the end of the text backwards (so that no kept edit moves the lines
    of one still to come); None if none can be kept."""
    groups: dict[tuple[Edit, ...], list[Finding]] = {}
    for finding, edits in proposals:   # findings that propose the same edits (one paragraph)
        groups.setdefault(tuple(edits), []).append(finding)
    together = _verified(text, [edit for edits in groups for edit in edits], original, encoding)
    if together is not None:
        return together + ([finding for findings in groups.values() for finding in findings],)
    kept, fixed = None, []
    for edits in sorted(groups, key=lambda edits: -min(edit.first for edit in edits)):
        candidate = _verified(kept[0] if kept else text, list(edits), original, encoding)
        if candidate is not None:
            kept = candidate
            fixed.extend(groups[edits])
    return kept + (fixed,) if kept else None


def _verified(text: str, edits: list[Edit], original, encoding: str | None):
    """(fixed text, its analysis) when the edits keep every fact, else None."""
    fixed = apply(text, edits)
    if fixed == text:
        return None
    analysis = analyse(fixed, encoding)
    return (fixed, analysis) if facts(analysis.result) == original else None


def unified_diff(path: str, before: str, after: str) -> str:
    """What a fix changes, as ``diff -u`` shows it (and ``patch`` applies it):
    a last line without its line end is marked so."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=path, tofile=path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
