"""Output formats: concise, full, json, github, sarif, and the statistics."""
from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote

from .. import __version__
from .registry import Finding, Rule
from .rules.text import TAB_WIDTH

HUMAN_FORMATS = ("concise", "full")
FORMATS = ("concise", "full", "json", "github", "sarif")
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


#: Where the rule pages are published; `docs-url` in the configuration overrides it.
DOCS_URL = "https://github.com/sixk-grammar/sixk_grammar/blob/main/docs/"
_COLORS = {"path": "1", "code": "1;31", "error": "31", "warning": "33", "info": "36"}


def docs_url(configured: str | None = None) -> str:
    """The documentation's base address: the configuration's, else the
    project's metadata (its Documentation URL), else DOCS_URL."""
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    try:
        from importlib.metadata import metadata
        for entry in metadata("sixk_grammar").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation":
                url = url.strip()
                return url if url.endswith("/") else url + "/"
    except Exception:  # noqa: BLE001 - not installed: the built-in address
        pass
    return DOCS_URL


def rule_url(rule: Rule, base: str | None = None) -> str:
    """The absolute address of a rule's page."""
    return (base or docs_url()) + rule.url.removeprefix("docs/")


def _paint(text: str, part: str, color: bool) -> str:
    return f"\033[{_COLORS[part]}m{text}\033[0m" if color else text


def concise(finding: Finding, color: bool = False) -> str:
    """``path:line:col: CODE [*] [severity] message``; ``[*]`` when --fix can
    repair it (``[-]`` when only --unsafe-fixes can)."""
    marker = {"safe": "[*] ", "unsafe": "[-] "}.get(finding.fix, "")
    return (f"{_paint(finding.path, 'path', color)}:{finding.line}:{finding.column}: "
            f"{_paint(finding.code, 'code', color)} {marker}"
            f"[{_paint(finding.severity, finding.severity, color)}] {finding.message}")


def full(finding: Finding, source_line: str, color: bool = False) -> str:
    """The finding, its line with tabs expanded, and a caret under its column."""
    gutter = str(finding.line)
    shown = source_line.rstrip().expandtabs(TAB_WIDTH)
    caret = " " * (len(source_line[:finding.column - 1].expandtabs(TAB_WIDTH))) + "^"
    return (f"{concise(finding, color)}\n  {gutter} | {shown}\n"
            f"  {' ' * len(gutter)} | {caret}\n")


def as_json(findings: list[Finding], base: str | None = None) -> str:
    return json.dumps([{
        "code": f.code, "name": f.rule.name, "severity": f.severity, "message": f.message,
        "filename": f.path, "location": {"row": f.line, "column": f.column},
        "end_location": {"row": f.end_line, "column": f.end_column}, "url": rule_url(f.rule, base),
        "fix": {"applicability": f.fix} if f.fix else None,
    } for f in findings], indent=2, ensure_ascii=False)


def _escape_github(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def github(finding: Finding) -> str:
    command = GITHUB_COMMANDS[finding.severity]
    return (f"::{command} file={_escape_github(finding.path, True)},line={finding.line},"
            f"col={finding.column},endLine={finding.end_line},endColumn={finding.end_column},"
            f"title={finding.code}::{_escape_github(f'{finding.code} {finding.message}')}")


def sarif(findings: list[Finding], rules: list[Rule], base: str | None = None) -> str:
    index = {rule.code: position for position, rule in enumerate(rules)}
    base = base or docs_url()
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "sixk_grammar", "version": __version__, "informationUri": base,
                "rules": [{
                    "id": rule.code, "name": rule.name, "helpUri": rule_url(rule, base),
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.summary},
                    "help": {"text": rule.doc, "markdown": rule.doc},
                    "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
                    "properties": {"source": rule.source},
                } for rule in rules],
            }},
            "results": [{
                "ruleId": f.code, "ruleIndex": index[f.code], "level": SARIF_LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": quote(f.path.replace("\\", "/"))},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": max(f.end_line, f.line), "endColumn": max(f.end_column, 1)},
                }}],
            } for f in findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 and word != 'info' else ''}"


def footer(findings: list[Finding], files: int, fixed: int = 0) -> str:
    """The summary: problems found (after --fix, those that remain), fixed, fixable."""
    done = f"Fixed {plural(fixed, 'problem')}. " if fixed else ""
    if not findings:
        return f"{done}All checks passed ({plural(files, 'file')})."
    severities = Counter(f.severity for f in findings)
    counts = [plural(severities[name], name) for name in ("error", "warning", "info")
              if severities[name] or name != "info"]
    line = f"{done}Found {plural(len(findings), 'problem')} ({', '.join(counts)}) in {plural(files, 'file')}."
    fixes = Counter(f.fix for f in findings if f.fix)
    if fixes["safe"]:
        line += f"\n{fixes['safe']} fixable with --fix."
    if fixes["unsafe"]:
        line += f"\n{fixes['unsafe']} more fixable with --fix --unsafe-fixes."
    return line


def _counts(findings: list[Finding]):
    """(code, count, a finding of it), most frequent first."""
    counts = Counter(f.code for f in findings)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        yield code, count, next(f for f in findings if f.code == code)


def statistics(findings: list[Finding]) -> str:
    return "\n".join(f"{count:6d}  {code}  [{finding.severity}] {finding.rule.name}"
                     for code, count, finding in _counts(findings))


def statistics_json(findings: list[Finding]) -> str:
    """The statistics as ruff writes them in JSON: one object per code."""
    return json.dumps([{"code": code, "name": finding.rule.name, "severity": finding.severity, "count": count,
                        "fixable": sum(1 for f in findings if f.code == code and f.fix == "safe")}
                       for code, count, finding in _counts(findings)], indent=2)
