"""Rule metadata and the registry every rule module adds itself to.

A rule is a function taking a ``Context`` and yielding ``Finding``s.  Its
docstring is the rule's documentation page: what it checks, why, a failing
example, the fix, and the source.  ``python -m sixk_grammar rule CODE``
prints it, and docs/rules/ holds the same pages.

A rule may declare a fixer: a function taking the context and one finding and
returning the edits that repair it (or None where it cannot), and whether the
repair is ``safe`` (``check --fix``) or ``unsafe`` (``--unsafe-fixes`` too).
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Callable, Iterable

SEVERITIES = ("error", "warning", "info")
FIX_SAFETIES = ("safe", "unsafe")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    source: str
    check: Callable
    fixer: Callable | None = None
    fix_safety: str | None = None      # "safe" or "unsafe" when there is a fixer

    @property
    def fix_note(self) -> str:
        if self.fix_safety == "safe":
            return "Fixable: **safe** (`check --fix`)."
        if self.fix_safety == "unsafe":
            return "Fixable: **unsafe** (`check --fix --unsafe-fixes`)."
        return "Fixable: no."

    @property
    def doc(self) -> str:
        """The rule's documentation page, in Markdown."""
        body = inspect.cleandoc(self.check.__doc__ or "")
        return (f"# {self.code} {self.name}\n\n{self.summary}\n\n"
                f"Default severity: **{self.severity}**.  Source: {self.source}.  {self.fix_note}\n\n{body}\n")

    @property
    def url(self) -> str:
        return f"docs/rules/{self.code}.md"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file; sorted by path, line, column, then code."""

    path: str
    line: int
    column: int
    code: str
    message: str
    end_line: int = 0
    end_column: int = 0
    source_line: str = field(default="", compare=False)
    fix: str = field(default="", compare=False)     # "safe" or "unsafe" when a fix is available

    @property
    def rule(self) -> Rule:
        return REGISTRY[self.code]

    @property
    def severity(self) -> str:
        return self.rule.severity


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, summary: str, source: str,
         fixer: Callable | None = None, fix_safety: str | None = None):
    """Register the decorated check function as a rule (with its fixer)."""
    if severity not in SEVERITIES:
        raise ValueError(f"{code}: unknown severity {severity!r}")
    if (fixer is None) != (fix_safety is None) or fix_safety not in (None, *FIX_SAFETIES):
        raise ValueError(f"{code}: a fixer needs a fix_safety of {FIX_SAFETIES}")

    def register(check: Callable[..., Iterable[Finding]]):
        if code in REGISTRY:
            raise ValueError(f"{code} is registered twice")
        REGISTRY[code] = Rule(code, name, severity, summary, source, check, fixer, fix_safety)
        return check

    return register


def all_rules() -> list[Rule]:
    from . import rules  # noqa: F401 - importing the package registers every rule
    return [REGISTRY[code] for code in sorted(REGISTRY)]
