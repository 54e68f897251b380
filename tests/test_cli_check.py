"""`python -m sixk_grammar check`, `rule` and `rules`, run in subprocesses."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import CORPUS, ROOT, SEEDS

# The official SARIF 2.1.0 schema, vendored (MIT licence, from the @microsoft/jest-sarif package).
SCHEMA = json.loads((ROOT / "tests" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def run(*args, cwd=None, env=None, stdin=None):
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "sixk_grammar", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd or ROOT, env=environment, input=stdin)


@pytest.fixture(scope="module")
def dirty(tmp_path_factory) -> Path:
    """A folder with one clean seed and one seed carrying three defects (the
    seed with its last line ended, which the seeds lack: SK209)."""
    folder = tmp_path_factory.mktemp("filings")
    text = SEEDS[0].read_text(encoding="utf-8") + "\n"
    (folder / "clean.txt").write_text(text, encoding="utf-8")
    bad = text.replace("Company's", "Company\u2019s", 1).replace("Hanaro Telecom, Inc. (the", "Hanaro\tTelecom, Inc. (the", 1)
    (folder / "bad.txt").write_text(bad.replace("November 2002", "Novembr 2002", 1), encoding="utf-8")
    (folder / "notes.md").write_text("not a filing", encoding="utf-8")
    return folder


def test_clean_seeds_exit_0():
    """The seeds end without a line end after </TABLE>: the one thing reported
    (SK209, a warning), and fixable."""
    done = run("check", *map(str, SEEDS))
    assert done.returncode == 0, done.stdout
    assert [line.split()[1:3] for line in done.stdout.splitlines()[:2]] == [["SK209", "[*]"]] * 2
    assert done.stdout.splitlines()[-1] == "2 fixable with --fix."


def test_concise_output_sorted_with_footer_and_exit_1(dirty):
    done = run("check", str(dirty))
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert lines[0].startswith(f"{dirty / 'bad.txt'}:15:26: SK303 [error]")
    assert any(":43:" in line and "SK204 [*] [warning]" in line for line in lines)
    assert lines[-2:] == ["Found 3 problems (2 errors, 1 warning) in 2 files.", "2 fixable with --fix."]


def test_full_output_shows_the_line_and_a_caret(dirty):
    done = run("check", "--output-format", "full", str(dirty / "bad.txt"))
    assert "  15 |                          For the month of Novembr 2002" in done.stdout
    assert "     |                          ^" in done.stdout


def test_json_output(dirty):
    done = run("check", "--output-format", "json", str(dirty))
    findings = json.loads(done.stdout)
    assert done.returncode == 1 and len(findings) == 3
    first = findings[0]
    assert set(first) == {"code", "name", "severity", "message", "filename", "location", "end_location", "url",
                          "fix"}
    assert first["location"] == {"row": 15, "column": 26} and first["url"].endswith("/docs/rules/SK303.md") and first["url"].startswith("https://")


def test_sarif_output_validates_against_the_official_schema(dirty):
    done = run("check", "--output-format", "sarif", str(dirty))
    log = json.loads(done.stdout)
    jsonschema.validate(log, SCHEMA)
    driver = log["runs"][0]["tool"]["driver"]
    assert len(driver["rules"]) >= 34 and driver["rules"][0]["id"] == "SK001"
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"SK203", "SK204", "SK303"}


def test_github_format_chosen_by_github_actions(dirty):
    done = run("check", str(dirty / "bad.txt"), env={"GITHUB_ACTIONS": "true"})
    assert done.stdout.splitlines()[0].startswith(f"::error file={dirty / 'bad.txt'},line=15,col=26,")
    assert "::warning " in done.stdout and "Found" not in done.stdout


def test_statistics(dirty):
    done = run("check", "--statistics", str(dirty))
    assert done.stdout.splitlines()[0].split() == ["1", "SK203", "[error]", "invalid-character"]


def test_selection_and_exit_zero(dirty):
    assert run("check", "--select", "SK204", str(dirty)).returncode == 0   # a warning only
    assert run("check", "--ignore", "SK2,SK3", str(dirty)).returncode == 0
    assert run("check", "--select", "SK1", "--extend-select", "SK303", str(dirty)).returncode == 1
    assert run("check", "--exit-zero", str(dirty)).returncode == 0


def test_jobs_1_and_2_give_identical_output():
    one = run("check", "--jobs", "1", str(CORPUS))
    two = run("check", "--jobs", "2", str(CORPUS))
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1
    assert "r030.txt:55:1: SK101" in one.stdout


def test_config_in_pyproject_suppresses(dirty, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sixk_grammar]\nignore = ["SK204"]\nper-file-ignores = {"bad.txt" = ["SK303", "SK203"]}\n',
        encoding="utf-8")
    done = run("check", str(dirty), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "All checks passed (2 files)."


def test_config_errors_and_usage_errors_exit_2(dirty, tmp_path):
    (tmp_path / "bad.toml").write_text("select = [", encoding="utf-8")
    done = run("check", "--config", str(tmp_path / "bad.toml"), str(dirty))
    assert done.returncode == 2 and "not valid TOML" in done.stderr and "Traceback" not in done.stderr
    (tmp_path / "unknown.toml").write_text('select = ["XX9"]', encoding="utf-8")
    assert run("check", "--config", str(tmp_path / "unknown.toml"), str(dirty)).returncode == 2
    assert run("check", "--select", "NOPE", str(dirty)).returncode == 2
    assert run("check", str(dirty / "missing.txt")).returncode == 2
    assert run("check", "--jobs", "0", str(dirty)).returncode == 2
    assert run("check", "--exit-zero", "--output-format", "xml", str(dirty)).returncode == 2


def test_unreadable_inputs_are_findings(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes(SEEDS[0].read_bytes().replace(b"Inc.", b"Inc.\xe9", 1))
    done = run("check", "--output-format", "json", str(tmp_path))
    codes = {(Path(f["filename"]).name, f["code"]) for f in json.loads(done.stdout)}
    assert {("empty.txt", "SK001"), ("binary.txt", "SK001"), ("latin.txt", "SK001")} <= codes
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_stdin_and_include(dirty):
    done = run("check", "-", stdin=(dirty / "clean.txt").read_text(encoding="utf-8"))
    assert done.returncode == 0
    assert "3 files" in run("check", "--include", "*.txt", "--include", "*.md", str(dirty)).stdout


def test_rule_and_rules():
    listing = run("rules")
    assert listing.returncode == 0 and listing.stdout.splitlines()[0].split()[:3] == ["SK001", "unreadable-input", "error"]
    page = run("rule", "SK201")
    assert page.returncode == 0 and page.stdout.startswith("# SK201 line-too-long")
    for section in ("## What it checks", "## Why", "## Example", "## Fix", "Source:"):
        assert section in page.stdout
    assert run("rule", "SK999").returncode == 2


def test_rule_pages_in_docs_are_current():
    """docs/rules is generated from the rules' docstrings: regenerate after a change."""
    from sixk_grammar.cli.rule_command import index_page
    from sixk_grammar.lint.registry import all_rules
    folder = ROOT / "docs" / "rules"
    for rule in all_rules():
        assert (folder / f"{rule.code}.md").read_text(encoding="utf-8") == rule.doc, rule.code
    assert (folder / "README.md").read_text(encoding="utf-8") == index_page()
