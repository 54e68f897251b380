"""The conformance linter: ``python -m sixk_grammar check``.

    >>> from sixk_grammar.lint import check, fix
    >>> [f.code for f in check(open("filing.txt", "rb").read())]
    >>> fixed_text, applied = fix(open("filing.txt", encoding="utf-8").read())
"""
from __future__ import annotations

from .config import Config
from .fixes import fix
from .registry import Finding, Rule, all_rules
from .runner import check_bytes


def check(source: str | bytes, path: str = "-", config: Config | None = None) -> list[Finding]:
    """The findings for one filing's text or bytes, sorted."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    config = config or Config()
    return check_bytes(path, data, config.codes_for(path), int(config.max_size_mb * 2**20))


__all__ = ["check", "fix", "Config", "Finding", "Rule", "all_rules"]
