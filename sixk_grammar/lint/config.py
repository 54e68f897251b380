"""Which rules run on which files: ``[tool.sixk_grammar]`` and the command line.

A filing cannot carry suppression comments, so configuration is the only
way to turn a finding off: ``ignore`` for every file, ``per-file-ignores``
for files matching a glob.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from ..sources import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, MEMBER_SEPARATOR, STDIN
from .registry import all_rules

KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "include", "exclude", "extend-exclude",
        "max-size", "docs-url"}
#: Configuration files, nearest first in each folder: the project's own, then pyproject.toml.
CONFIG_NAMES = ("sixk_grammar.toml", ".sixk_grammar.toml", "pyproject.toml")
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
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    max_size_mb: float = DEFAULT_MAX_SIZE_MB
    docs_url: str | None = None
    source: str | None = None

    @property
    def root(self) -> Path:
        """The folder per-file-ignores are relative to: the config file's (else the current one)."""
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    @property
    def excludes(self) -> list[str]:
        return self.exclude + self.extend_exclude

    def codes_for(self, path: str) -> set[str]:
        """The rule codes that run on ``path``."""
        known = [r.code for r in all_rules()]
        chosen = expand(self.select + self.extend_select, known)
        chosen -= expand(self.ignore, known)
        spellings = self._spellings(path)
        for pattern, codes in self.per_file_ignores.items():
            pattern = pattern.removeprefix("./")
            if any(fnmatch.fnmatch(spelling, pattern) for spelling in spellings):
                chosen -= expand(codes, known)
        return chosen

    def _spellings(self, path: str) -> list[str]:
        """``path`` as a per-file-ignores glob may spell it: relative to the
        config's folder, as given, and its name ("./x", "x" and "/abs/x" alike)."""
        member = path.split(MEMBER_SEPARATOR, 1)[0] if MEMBER_SEPARATOR in path else path
        names = [path.removeprefix("./"), Path(member).name]
        if path != STDIN:
            try:
                names.append(Path(os.path.abspath(member)).relative_to(self.root).as_posix())
            except ValueError:
                pass
        return names


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
    """The nearest configuration upwards from ``start`` (a folder): a
    sixk_grammar.toml or .sixk_grammar.toml, or a pyproject.toml with a
    [tool.sixk_grammar] table."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                if "sixk_grammar" in _read(candidate).get("tool", {}):
                    return candidate
            except ConfigError:
                return candidate
    return None


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as file:     # TOML is UTF-8 whatever the locale: tomllib decodes it
            return tomllib.load(file)
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
    for key, attribute in (("select", "select"), ("ignore", "ignore"), ("extend-select", "extend_select"),
                           ("include", "include"), ("exclude", "exclude"), ("extend-exclude", "extend_exclude")):
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
    if "docs-url" in table:
        if not isinstance(table["docs-url"], str) or not table["docs-url"].startswith(("http://", "https://")):
            raise ConfigError(f"{path}: docs-url must be an http(s) address")
        config.docs_url = table["docs-url"]
    known = [r.code for r in all_rules()]
    for selectors in (config.select, config.ignore, config.extend_select, *ignores.values()):
        expand(selectors, known)   # fail early on unknown codes
    return config
