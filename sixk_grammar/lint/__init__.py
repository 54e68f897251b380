"""The conformance linter: ``python -m sixk_grammar check``.

    >>> from sixk_grammar.lint import check
    >>> [f.code for f in check(open("filing.txt", "rb").read())]
"""
from __future__ import annotations

from .config import Config
from .registry import Finding, Rule, all_rules
from .runner import check_bytes


def check(source: str | bytes, path: str = "-", config: Config | None = None) -> list[Finding]:
    """The findings for one filing's text or bytes, sorted."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    config = config or Config()
    return check_bytes(path, data, config.codes_for(path), int(config.max_size_mb * 2**20))


__all__ = ["check", "Config", "Finding", "Rule", "all_rules"]
