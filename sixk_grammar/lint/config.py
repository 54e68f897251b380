"""Which rules run on which files: ``[tool.sixk_grammar]`` and the command line.

A filing cannot carry suppression comments, so configuration is the only
way to turn a finding off: ``ignore`` for every file, ``per-file-ignores``
for files matching a glob.
"""
from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from ..sources import DEFAULT_INCLUDE
from .registry import all_rules

KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "include", "max-size"}
DEFAULT_MAX_SIZE_MB = 256


class ConfigError(Exception):
    """A configuration file or option that cannot be used (exit code 2)."""


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    max_size_mb: float = DEFAULT_MAX_SIZE_MB
    source: str | None = None

    def codes_for(self, path: str) -> set[str]:
        """The rule codes that run on ``path``."""
        known = [r.code for r in all_rules()]
        chosen = expand(self.select + self.extend_select, known)
        chosen -= expand(self.ignore, known)
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                chosen -= expand(codes, known)
        return chosen


def expand(selectors: list[str], known: list[str]) -> set[str]:
    """'SK2' selects SK201..SK207, 'ALL' selects everything; unknown ones fail."""
    chosen: set[str] = set()
    for selector in selectors:
        selector = selector.strip().upper()
        if not selector:
            continue
        matched = known if selector == "ALL" else [code for code in known if code.startswith(selector)]
        if not matched:
            raise ConfigError(f"unknown rule selector {selector!r}")
        chosen.update(matched)
    return chosen


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.sixk_grammar] table, upwards from start."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "sixk_grammar" in _read(candidate).get("tool", {}):
                    return candidate
            except ConfigError:
                return candidate
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from None


def load(path: Path | None) -> Config:
    """Settings from a pyproject.toml ([tool.sixk_grammar]) or a plain TOML file."""
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("sixk_grammar", data if path.name != "pyproject.toml" else {})
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    config = Config(source=str(path))
    for key, attribute in (("select", "select"), ("ignore", "ignore"),
                           ("extend-select", "extend_select"), ("include", "include")):
        if key in table:
            value = table[key]
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise ConfigError(f"{path}: {key} must be a list of strings")
            setattr(config, attribute, value)
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict) or not all(isinstance(v, list) for v in ignores.values()):
        raise ConfigError(f"{path}: per-file-ignores must map globs to lists of codes")
    config.per_file_ignores = ignores
    if "max-size" in table:
        if not isinstance(table["max-size"], (int, float)) or table["max-size"] <= 0:
            raise ConfigError(f"{path}: max-size must be a positive number of megabytes")
        config.max_size_mb = float(table["max-size"])
    known = [r.code for r in all_rules()]
    for selectors in (config.select, config.ignore, config.extend_select, *ignores.values()):
        expand(selectors, known)   # fail early on unknown codes
    return config
