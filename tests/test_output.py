"""check's output formats, in process and exact: concise, full, json,
github, the footer and the statistics (SARIF is validated against the
official schema in test_cli_check)."""
from __future__ import annotations

import json

from sixk_grammar.lint import check
from sixk_grammar.lint import output
from test_rules import SEED, edited, replace

#: Line 43 with a curly apostrophe (SK203, error, safe fix) and a tab after it (SK204, warning, safe fix).
TEXT = edited(SEED, replace(43, "Inc.", "Inc.\u2019"), replace(43, " (the", "\t(the"))
FINDINGS = check(TEXT, path="f.txt")
LINE = TEXT.split("\n")[42]


def test_concise_and_full_lines():
    assert [output.concise(f) for f in FINDINGS] == [
        "f.txt:43:21: SK203 [*] [error] invalid character U+2019 RIGHT SINGLE QUOTATION MARK",
        "f.txt:43:22: SK204 [*] [warning] tab character; use spaces"]
    assert output.full(FINDINGS[1], LINE) == (
        "f.txt:43:22: SK204 [*] [warning] tab character; use spaces\n"
        '  43 | Hanaro Telecom, Inc.\u2019   (the "Company") is furnishing under cover of Form 6-K:\n'
        "     |                      ^\n")
    assert output.concise(FINDINGS[0], color=True) == (
        "\033[1mf.txt\033[0m:43:21: \033[1;31mSK203\033[0m [*] [\033[31merror\033[0m] "
        "invalid character U+2019 RIGHT SINGLE QUOTATION MARK")


def test_an_unsafe_fix_is_marked_apart():
    long = edited(SEED, replace(43, "Form 6-K:", "Form 6-K:" + " x" * 10))
    (finding,) = [f for f in check(long) if f.code == "SK201"]
    assert output.concise(finding).startswith("-:43:81: SK201 [-] [error] line is 95 columns long")


def test_github_annotations_escape_the_path_and_the_message():
    assert [output.github(f) for f in FINDINGS] == [
        "::error file=f.txt,line=43,col=21,endLine=43,endColumn=21,title=SK203::SK203 invalid character U+2019 "
        "RIGHT SINGLE QUOTATION MARK",
        "::warning file=f.txt,line=43,col=22,endLine=43,endColumn=22,title=SK204::SK204 tab character; use spaces"]
    (odd,) = [f for f in check(TEXT, path="a:b,c%.txt") if f.code == "SK204"]
    assert output.github(odd).startswith("::warning file=a%3Ab%2Cc%25.txt,line=43,")


def test_json_findings():
    (first, _) = json.loads(output.as_json(FINDINGS, base="https://example.com/docs/"))
    assert first == {
        "code": "SK203", "name": "invalid-character", "severity": "error",
        "message": "invalid character U+2019 RIGHT SINGLE QUOTATION MARK", "filename": "f.txt",
        "location": {"row": 43, "column": 21}, "end_location": {"row": 43, "column": 21},
        "url": "https://example.com/docs/rules/SK203.md", "fix": {"applicability": "safe"}}


def test_the_footer_counts_problems_fixes_and_files():
    assert output.footer(FINDINGS, 1) == "Found 2 problems (1 error, 1 warning) in 1 file.\n2 fixable with --fix."
    assert output.footer([], 3, fixed=2) == "Fixed 2 problems. All checks passed (3 files)."
    assert output.footer(FINDINGS[:1], 2, fixed=1) == (
        "Fixed 1 problem. Found 1 problem (1 error, 0 warnings) in 2 files.\n1 fixable with --fix.")


def test_statistics_most_frequent_first():
    twice = edited(TEXT, replace(45, "Exhibit", "Exhibit\u2019"))
    assert output.statistics(check(twice)) == ("     2  SK203  [error] invalid-character\n"
                                              "     1  SK204  [warning] tab-character")
