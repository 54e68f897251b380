"""Output formats: concise, full, json, github, sarif, and the statistics."""
from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote

from .. import __version__
from .registry import Finding, Rule

HUMAN_FORMATS = ("concise", "full")
FORMATS = ("concise", "full", "json", "github", "sarif")
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def concise(finding: Finding) -> str:
    """``path:line:col: CODE [*] [severity] message``; ``[*]`` when --fix can
    repair it (``[-]`` when only --unsafe-fixes can)."""
    marker = {"safe": "[*] ", "unsafe": "[-] "}.get(finding.fix, "")
    return (f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {marker}"
            f"[{finding.severity}] {finding.message}")


def full(finding: Finding, source_line: str) -> str:
    gutter = str(finding.line)
    caret = " " * (finding.column - 1) + "^"
    return (f"{concise(finding)}\n  {gutter} | {source_line.rstrip()}\n"
            f"  {' ' * len(gutter)} | {caret}\n")


def as_json(findings: list[Finding]) -> str:
    return json.dumps([{
        "code": f.code, "name": f.rule.name, "severity": f.severity, "message": f.message,
        "filename": f.path, "location": {"row": f.line, "column": f.column},
        "end_location": {"row": f.end_line, "column": f.end_column}, "url": f.rule.url,
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


def sarif(findings: list[Finding], rules: list[Rule]) -> str:
    index = {rule.code: position for position, rule in enumerate(rules)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "sixk_grammar", "version": __version__,
                "rules": [{
                    "id": rule.code, "name": rule.name,
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


def footer(findings: list[Finding], files: int, fixed: int = 0) -> str:
    """The summary: problems found (after --fix, those that remain), fixed, fixable."""
    done = f"Fixed {fixed} problem{'s' if fixed != 1 else ''}. " if fixed else ""
    if not findings:
        return f"{done}All checks passed ({files} file{'s' if files != 1 else ''})."
    severities = Counter(f.severity for f in findings)
    line = (f"{done}Found {len(findings)} problem{'s' if len(findings) != 1 else ''} "
            f"({severities['error']} errors, {severities['warning']} warnings) "
            f"in {files} file{'s' if files != 1 else ''}.")
    fixes = Counter(f.fix for f in findings if f.fix)
    if fixes["safe"]:
        line += f"\n{fixes['safe']} fixable with --fix."
    if fixes["unsafe"]:
        line += f"\n{fixes['unsafe']} more fixable with --fix --unsafe-fixes."
    return line


def statistics(findings: list[Finding]) -> str:
    counts = Counter(f.code for f in findings)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        finding = next(f for f in findings if f.code == code)
        lines.append(f"{count:6d}  {code}  [{finding.severity}] {finding.rule.name}")
    return "\n".join(lines)
