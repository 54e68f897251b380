"""check's output formats, in process and exact: concise, full, json,
github, sarif (valid against the official schema), the footer and the
statistics."""
from __future__ import annotations

import json

import sixk_grammar
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


def test_sarif_in_process_is_valid_and_exact(tmp_path):
    """Every result points at its rule (ruleId and ruleIndex), its level, its
    region and its file as a URI; every rule carries its page and defaults."""
    import jsonschema

    from conftest import ROOT
    from sixk_grammar.lint.registry import all_rules

    rules = all_rules()
    (tab,) = [f for f in check(TEXT, path="dir\\a b.txt") if f.code == "SK204"]
    log = json.loads(output.sarif([*FINDINGS, tab], rules, base="https://example.com/docs/"))
    jsonschema.validate(log, json.loads((ROOT / "tests" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8")))
    assert (log["version"], log["$schema"]) == ("2.1.0", "https://json.schemastore.org/sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "sixk_grammar", sixk_grammar.__version__, "https://example.com/docs/")
    assert [entry["id"] for entry in driver["rules"]] == [rule.code for rule in rules]
    sk204 = next(rule for rule in rules if rule.code == "SK204")
    assert driver["rules"][rules.index(sk204)] == {
        "id": "SK204", "name": "tab-character", "helpUri": "https://example.com/docs/rules/SK204.md",
        "shortDescription": {"text": sk204.summary}, "fullDescription": {"text": sk204.summary},
        "help": {"text": sk204.doc, "markdown": sk204.doc},
        "defaultConfiguration": {"level": "warning"}, "properties": {"source": sk204.source}}
    assert {entry["defaultConfiguration"]["level"] for entry in driver["rules"]} == {"error", "warning", "note"}
    first, second, third = run["results"]
    assert first == {
        "ruleId": "SK203", "ruleIndex": [rule.code for rule in rules].index("SK203"), "level": "error",
        "message": {"text": "invalid character U+2019 RIGHT SINGLE QUOTATION MARK"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "f.txt"},
            "region": {"startLine": 43, "startColumn": 21, "endLine": 43, "endColumn": 21}}}]}
    assert (second["ruleId"], second["ruleIndex"], second["level"]) == ("SK204", rules.index(sk204), "warning")
    assert third["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir/a%20b.txt"


def test_sarif_regions_never_end_before_they_start():
    """A finding with no end of its own (end 0) ends where it starts, column 1 at least."""
    from dataclasses import replace as copy

    from sixk_grammar.lint.registry import all_rules

    bare = copy(FINDINGS[0], end_line=0, end_column=0)
    (result,) = json.loads(output.sarif([bare], all_rules(), base="b/"))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 43, "startColumn": 21, "endLine": 43, "endColumn": 1}


def test_statistics_json_counts_each_code_and_its_safe_fixes():
    twice = edited(TEXT, replace(45, "Exhibit", "Exhibit\u2019"))
    assert json.loads(output.statistics_json(check(twice))) == [
        {"code": "SK203", "name": "invalid-character", "severity": "error", "count": 2, "fixable": 2},
        {"code": "SK204", "name": "tab-character", "severity": "warning", "count": 1, "fixable": 1}]
    long = edited(SEED, replace(43, "Form 6-K:", "Form 6-K:" + " x" * 10))
    (entry,) = [e for e in json.loads(output.statistics_json(check(long))) if e["code"] == "SK201"]
    assert (entry["count"], entry["fixable"]) == (1, 0)      # an unsafe fix is not counted as fixable


def test_the_docs_address_comes_from_the_configuration_then_the_metadata(monkeypatch):
    assert output.docs_url("https://example.com/d") == "https://example.com/d/"
    assert output.docs_url("https://example.com/d/") == "https://example.com/d/"
    assert output.docs_url() == "https://github.com/sixk-grammar/sixk_grammar/blob/main/docs/"   # pyproject's
    import importlib.metadata

    entries = {"Project-URL": ["Homepage, https://h.example", "documentation , https://d.example/x,y"]}
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: type("M", (), {
        "get_all": lambda self, key: entries.get(key) if name == "sixk_grammar" else None})())
    assert output.docs_url() == "https://d.example/x,y/"
    entries["Project-URL"] = ["Documentation, https://d.example/z/"]
    assert output.docs_url() == "https://d.example/z/"
    entries["Project-URL"] = ["Homepage, https://h.example"]
    assert output.docs_url() == output.DOCS_URL
    entries.clear()
    assert output.docs_url() == output.DOCS_URL

    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "metadata", missing)
    assert output.docs_url() == output.DOCS_URL


def test_a_finding_without_a_fix_has_no_marker_and_no_fix_object():
    (finding,) = [f for f in check(edited(SEED, replace(15, "November 2002", "Novembre 2002"))) if f.code == "SK303"]
    assert finding.fix == ""
    assert output.concise(finding).startswith("-:15:") and " SK303 [error] " in output.concise(finding)
    assert json.loads(output.as_json([finding]))[0]["fix"] is None


def test_json_texts_are_indented_by_two_and_keep_non_ascii_characters():
    (finding,) = [f for f in check(TEXT, path="r\u00e9sum\u00e9.txt") if f.code == "SK204"]
    text = output.as_json([finding], base="b/")
    assert text.startswith('[\n  {\n    "code": "SK204",\n') and '"filename": "r\u00e9sum\u00e9.txt"' in text
    log = output.sarif([finding], [finding.rule], base="b/")
    assert log.startswith('{\n  "$schema": ') and '"uri": "r%C3%A9sum%C3%A9.txt"' in log
    assert '"text": "tab character; use spaces"' in log
    (entry,) = [f for f in check(TEXT) if f.code == "SK203"]
    assert "U+2019" in output.sarif([entry], [entry.rule], base="b/")
    assert output.statistics_json([finding]).startswith('[\n  {\n    "code": "SK204",\n')
    assert "\u00e9" in output.sarif([finding], [finding.rule], base="b/\u00e9/")


def test_statistics_put_the_most_frequent_first_then_the_lower_code():
    tabs = edited(SEED, replace(43, " (the", "\t(the"), replace(45, " ", "\t"))
    one_each = edited(SEED, replace(43, "Inc.", "Inc.\u2019"), replace(43, " (the", "\t(the"))
    assert [line.split()[1] for line in output.statistics(check(one_each)).split("\n")] == ["SK203", "SK204"]
    tab_first = edited(SEED, replace(43, " (the", "\t(the"), replace(45, "Exhibit", "Exhibit\u2019"))
    assert [line.split()[1] for line in output.statistics(check(tab_first)).split("\n")] == ["SK203", "SK204"]
    more_tabs = edited(tabs, replace(43, "Inc.", "Inc.\u2019"))
    counted = [(line.split()[0], line.split()[1]) for line in output.statistics(check(more_tabs)).split("\n")]
    assert counted == [("2", "SK204"), ("1", "SK203")]


def test_github_escapes_line_ends_and_percent_in_the_message_but_not_its_colons():
    (finding,) = [f for f in check(TEXT, path="f.txt") if f.code == "SK204"]
    from dataclasses import replace as copy

    odd = copy(finding, message="50% done:\r\nnext, then")
    assert output.github(odd).endswith("::SK204 50%25 done:%0D%0Anext, then")


def test_full_keeps_the_lines_indent_and_colours_its_first_line():
    (finding,) = [f for f in check(TEXT, path="f.txt") if f.code == "SK204"]
    shown = output.full(finding, "   indented\t(the  \n", color=True)
    assert shown.split("\n")[0] == output.concise(finding, color=True)
    assert shown.split("\n")[1] == "  43 |    indented     (the"     # tab stops every 8 columns


def test_the_footer_names_unsafe_fixes_and_never_pluralises_info():
    long = edited(SEED, replace(43, "Form 6-K:", "Form 6-K:" + " x" * 10))
    unsafe = [f for f in check(long) if f.code == "SK201"]
    assert output.footer(unsafe, 1) == (
        "Found 1 problem (1 error, 0 warnings) in 1 file.\n1 more fixable with --fix --unsafe-fixes.")
    assert output.footer(unsafe + FINDINGS, 1).endswith(
        "\n2 fixable with --fix.\n1 more fixable with --fix --unsafe-fixes.")
    assert output.plural(2, "info") == "2 info" and output.plural(2, "error") == "2 errors"
    assert output.plural(1, "error") == "1 error" and output.plural(0, "warning") == "0 warnings"
