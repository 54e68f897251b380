"""The conformance linter: ``python -m sixk_grammar check``.

    >>> from sixk_grammar.lint import check, fix
    >>> [f.code for f in check(open("filing.txt", "rb").read())]
    >>> fixed_text, applied = fix(open("filing.txt", encoding="utf-8").read())
"""
from __future__ import annotations

import os

from ..api import readable
from .config import Config
from .fixes import fix
from .registry import Finding, Rule, all_rules
from .runner import check_bytes


def check(source: str | bytes | os.PathLike, path: str | None = None, config: Config | None = None) -> list[Finding]:
    """The findings for one filing's text, bytes, or the file a path names
    (``os.PathLike``), sorted.  ``path`` is the name findings carry (the
    file's path by default, else "-")."""
    if isinstance(source, os.PathLike) and path is None:
        path = os.fspath(source)
    source = readable(source, "check")
    path = path or "-"
    data = source.encode("utf-8") if isinstance(source, str) else source
    config = config or Config()
    return check_bytes(path, data, config.codes_for(path), int(config.max_size_mb * 2**20))


__all__ = ["check", "fix", "Config", "Finding", "Rule", "all_rules"]
