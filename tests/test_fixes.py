"""`check --fix`: repairs that provably change no fact."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from hypothesis import event, given, strategies as st

import sixk_grammar
from conftest import REAL, SEEDS, read
from sixk_grammar.lint import check, fix
from sixk_grammar.lint.fixes import facts, unified_diff
from sixk_grammar.strategies import filings, mutants
from test_envelope import submission

SEED = read(SEEDS[0])


def run(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "sixk_grammar", *args], capture_output=True, text=True,
                          timeout=300, input=stdin, cwd=cwd)


def dirtied(text: str) -> str:
    """The seed as a word processor leaves it: curly quotes, a dash, a tab, trailing blanks."""
    text = text.replace("Company's", "Company\u2019s", 1).replace('(the "Company")', "(the \u201cCompany\u201d)", 1)
    text = text.replace("Hanaro Telecom, Inc. (the", "Hanaro Telecom, Inc.\t(the", 1)
    return text.replace("regarding the\n", "regarding the  \n", 1).replace("2002, regarding", "2002 \u2013 regarding", 1)


def fixable(findings, *codes):
    return [f for f in findings if f.fix == "safe" and (not codes or f.code in codes)]


def test_fix_repairs_characters_tabs_blanks_and_the_final_line_end():
    fixed, applied = fix(dirtied(SEED))
    assert sorted({f.code for f in applied}) == ["SK203", "SK204", "SK208", "SK209"]
    assert fixable(check(fixed)) == []
    assert "Company's operations" in fixed and '(the "Company")' in fixed and "2002 - regarding" in fixed
    assert "Inc.    (the" in fixed                    # the tab became the spaces to its column
    assert fixed.endswith("</TABLE>\n")
    assert fix(fixed) == (fixed, [])                  # idempotent
    assert facts(sixk_grammar.parse(fixed)) == facts(sixk_grammar.parse(dirtied(SEED)))


def test_nothing_inside_a_table_is_touched():
    text = SEED.replace("Company's operations for the third", "Company\u2019s operations\tfor the third") + "\n"
    fixed, applied = fix(text)
    assert applied == [] and fixed == text            # the only defects stand in the <TABLE>
    assert [f.code for f in check(text) if f.code in ("SK203", "SK204")] == ["SK203", "SK204"]
    assert fixable(check(text)) == []


def test_a_fix_that_would_change_a_fact_is_not_made():
    """An en dash in the commission file number: with a hyphen the cover would
    state a file number it does not state now.  The dash stays, and so does
    its finding; --fix says it left it."""
    text = SEED.replace("For the month of November 2002",
                        "For the month of November 2002\n\nCommission File Number 0\u201330470", 1) + "\n"
    assert sixk_grammar.parse(text)["cover"]["commission_file_number"] is None
    fixed, applied = fix(text)
    assert applied == [] and fixed == text
    assert [f.code for f in check(text) if f.code == "SK203"] == ["SK203"]
    done = run("check", "--fix", "-", stdin=text)
    assert done.stdout == text
    assert [line for line in done.stderr.splitlines() if "SK203" in line][0].split()[1:3] == ["SK203", "[error]"]


def test_unsafe_rewrap_of_a_long_body_paragraph():
    long = SEED.replace("is furnishing under cover of Form 6-K:",
                        "is furnishing under cover of Form 6-K the exhibits listed below, which it has made "
                        "public in Korea:", 1) + "\n"
    assert fix(long)[1] == []                         # the re-wrap is unsafe: not without asking
    fixed, applied = fix(long, unsafe=True)
    assert [f.code for f in applied] == ["SK201"]
    assert "SK201" not in [f.code for f in check(fixed)]
    assert max(len(line) for line in fixed.split("\n")[40:46]) <= 80
    assert facts(sixk_grammar.parse(fixed)) == facts(sixk_grammar.parse(long))


def test_cover_and_signature_lines_are_not_rewrapped():
    long = SEED.replace("HANARO TELECOM, INC.\n", "HANARO TELECOM, INC." + " " * 70 + "X\n", 1) + "\n"
    fixed, _ = fix(long, unsafe=True)
    assert "SK201" in [f.code for f in check(fixed)]   # no body paragraph to re-wrap there


def test_crlf_files_keep_their_line_ends():
    text = dirtied(SEED).replace("\n", "\r\n")
    fixed, _ = fix(text)
    assert fixed.count("\r\n") == fixed.count("\n") and fixed.endswith("</TABLE>\r\n")


def test_old_mac_files_are_fixed_by_their_own_lines():
    """Lines that end with CR alone (old Mac text) are numbered by their CRs,
    by the rules and by the fixes alike; the fixed file keeps its CRs."""
    text = dirtied(SEED).replace("\n", "\r")
    fixed, applied = fix(text)
    assert applied and "\n" not in fixed
    assert fixed == fix(dirtied(SEED))[0].replace("\n", "\r")


@pytest.mark.parametrize("path", SEEDS + REAL, ids=lambda p: p.stem)
def test_fix_on_every_real_filing(path, tmp_path, capsys):
    """--fix on a copy: no SK203/SK204 finding with an ASCII repair is left, the
    facts are unchanged, a second --fix changes nothing, and --diff shows
    exactly what --fix writes.  (In-process: the CLI's own main.)"""
    from sixk_grammar.cli import main

    copy = tmp_path / path.name
    shutil.copy(path, copy)
    before = copy.read_text(encoding="utf-8")
    status = main(["check", "--diff", "--jobs", "1", str(copy)])
    diff = capsys.readouterr().out
    assert copy.read_text(encoding="utf-8") == before          # --diff changes nothing
    main(["check", "--fix", "--jobs", "1", str(copy)])
    after = copy.read_text(encoding="utf-8")
    assert diff == (unified_diff(str(copy), before, after) if after != before else "")
    assert status == (1 if after != before else 0)
    assert fixable(check(after), "SK203", "SK204") == []
    assert facts(sixk_grammar.parse(after)) == facts(sixk_grammar.parse(before))
    untouched = lambda findings: [(f.code, f.line) for f in findings if not f.fix]   # noqa: E731
    assert untouched(check(after)) == untouched(check(before))   # a fix hides nothing else (a cut, say)
    main(["check", "--fix", "--jobs", "1", str(copy)])
    assert copy.read_text(encoding="utf-8") == after           # idempotent


def test_cli_fix_rewrites_in_place_keeping_the_mode_and_reports_what_remains(tmp_path):
    target = tmp_path / "filing.txt"
    target.write_text(dirtied(SEED).replace("November 2002", "Novembr 2002", 1), encoding="utf-8")
    os.chmod(target, 0o640)
    done = run("check", "--fix", str(target))
    assert done.returncode == 1                                # SK303 remains: no fix for it
    assert [line.split()[1] for line in done.stdout.splitlines()[:-1]] == ["SK303"]
    assert done.stdout.splitlines()[-1].startswith("Fixed 6 problems. Found 1 problem")
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["filing.txt"]    # no temporary file left
    clean = tmp_path / "clean.txt"
    clean.write_text(dirtied(SEED), encoding="utf-8")
    assert run("check", "--fix", str(clean)).returncode == 0        # nothing remains: exit 0


def test_concise_output_marks_fixable_findings(tmp_path):
    target = tmp_path / "filing.txt"
    target.write_text(dirtied(SEED), encoding="utf-8")
    lines = run("check", str(target)).stdout.splitlines()
    assert all(" [*] " in line for line in lines[:-2])
    assert lines[-1] == "6 fixable with --fix."


def test_fix_from_standard_input_writes_the_fixed_text():
    done = run("check", "--fix", "-", stdin=dirtied(SEED))
    assert done.returncode == 0
    assert done.stdout == fix(dirtied(SEED))[0]
    assert "Fixed 6 problems" in done.stderr


def test_a_file_that_cannot_be_written_is_left_untouched(tmp_path, monkeypatch, capsys):
    from sixk_grammar.cli import main
    from sixk_grammar.lint import runner

    target = tmp_path / "filing.txt"
    target.write_text(dirtied(SEED), encoding="utf-8")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(runner, "replaced_atomically", refused)
    assert main(["check", "--fix", "--jobs", "1", str(target)]) == 2
    assert "not fixed: cannot write it: Permission denied" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == dirtied(SEED)


def test_an_interrupted_write_leaves_the_file_as_it_was(tmp_path):
    from sixk_grammar.files import replaced_atomically

    target = tmp_path / "filing.txt"
    target.write_text("original\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with replaced_atomically(target) as handle:
            handle.write("half of the new te")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["filing.txt"]


def test_archive_members_are_not_rewritten(tmp_path):
    import zipfile

    archive = tmp_path / "bulk.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("filing.txt", dirtied(SEED))
    done = run("check", "--fix", str(archive))
    assert done.returncode == 2 and "a member of an archive is not rewritten" in done.stderr
    assert zipfile.ZipFile(archive).read("filing.txt").decode() == dirtied(SEED)


# ------------------------------------------------------------- properties ---

def _with_word_processor_damage(text: str, draw_tab: bool, draw_long: bool) -> str:
    """A word processor's curly apostrophe and em dash in the narrative the
    strategy writes ("X's company, ACME, is furnishing ..."), a tab, a long line."""
    text = text.replace("'s company", "\u2019s company", 1)
    text = re.sub(r",(\s+)is furnishing", "\u2014\\1is furnishing", text, count=1)
    assert "\u2019" in text and "\u2014" in text
    if draw_tab:
        text = text.replace("Washington, D.C. 20549", "Washington,\tD.C. 20549", 1)
    if draw_long:
        text = text.replace("home country.", "home country, as the rules of its exchange ask of it.", 1)
    return text


DAMAGED = st.tuples(filings(), st.booleans(), st.booleans()).map(
    lambda t: _with_word_processor_damage(t[0][1], t[1], t[2]))


def _protected(text: str) -> list[str]:
    """<TABLE> blocks and uuencoded blocks, exactly as written."""
    return re.findall(r"(?s)<TABLE>.*?</TABLE>|begin [0-7]{3} .*?\nend\n", text.replace("\r\n", "\n"))


@given(st.one_of(DAMAGED, filings().flatmap(lambda pair: mutants(pair[1])).map(lambda m: m[0])),
       st.booleans())
def test_fix_properties(text, unsafe):
    """Idempotent; no fixable finding left; facts unchanged; tables and
    uuencoded data byte-identical."""
    fixed, _ = fix(text, unsafe=unsafe)
    for finding in check(text):
        if finding.fix:
            event(f"fixable: {finding.code} ({finding.fix})")
    event(f"unsafe fixes: {unsafe}")
    assert fix(fixed, unsafe=unsafe)[0] == fixed
    assert [f for f in check(fixed) if f.fix == "safe" or (unsafe and f.fix)] == []
    assert facts(sixk_grammar.parse(fixed)) == facts(sixk_grammar.parse(text))
    assert _protected(fixed) == _protected(text)


def test_uuencoded_data_keeps_its_trailing_blanks():
    text = submission().replace("M" + "A" * 60 + "\n", "M" + "A" * 58 + "  \n", 1)
    fixed, _ = fix(text)
    assert _protected(fixed) == _protected(text) and "A" * 58 + "  \n" in fixed


def test_a_long_paragraph_is_wrapped_once_however_many_lines_are_long(monkeypatch):
    """Counting, not timing: marking 3,000 long lines of one paragraph as
    fixable wraps that paragraph once to propose the fix and once to try it
    as --fix would (it was once per line: quadratic)."""
    import textwrap

    calls = []
    wrap = textwrap.wrap
    monkeypatch.setattr(textwrap, "wrap", lambda *args, **kwargs: calls.append(1) or wrap(*args, **kwargs))
    cut = SEED.index("<PAGE>\nHanaro")
    long_line = "A line of narrative text that goes on past the eighty columns that Rule 305 allows it.\n"
    findings = check(SEED[:cut] + "<PAGE>\n" + long_line * 3000)
    assert len([f for f in findings if f.code == "SK201" and f.fix == "unsafe"]) == 3000
    assert len(calls) == 2


def test_fix_reads_bytes_in_their_encoding_and_names_the_path():
    """Windows-1252 bytes (a curly apostrophe is 0x92): decoded, repaired to
    ASCII, and each repair reported at its place in the named file."""
    damaged = SEED.replace("Inc. (the", "Inc.\u2019 (the").replace("Form 6-K:", "Form 6-K:  ")
    fixed, applied = fix(damaged.encode("cp1252"), path="filing.txt")
    assert "Inc.' (the" in fixed and "Form 6-K:\n" in fixed
    assert [(f.code, f.path, f.line, f.column) for f in applied] == [
        ("SK203", "filing.txt", 43, 21), ("SK208", "filing.txt", 43, 77), ("SK209", "filing.txt", 78, 9)]
    assert [f.path for f in fix(damaged)[1]] == ["-", "-", "-"]


def test_the_diff_of_a_fix_is_a_unified_diff_that_marks_a_missing_last_line_end():
    assert unified_diff("filing.txt", "a\nb\n", "a\nc\n") == "--- filing.txt\n+++ filing.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
    assert unified_diff("filing.txt", "a\nb", "a\nc") == (
        "--- filing.txt\n+++ filing.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        "+c\n\\ No newline at end of file\n")
    assert unified_diff("filing.txt", "a\n", "a\n") == ""


def test_a_rewrap_breaks_no_word_and_no_hyphenated_word():
    """--unsafe-fixes re-wraps at 80 columns between words only: a compound
    stays whole, an address longer than a line stands alone on its line."""
    address = "http://www.hanaro.com/ir/results/2002/q3/press-release-announcement-of-the-third-quarter.html"
    long = SEED.replace("is furnishing under cover of Form 6-K:", "is furnishing under cover of Form 6-K well-known "
                        f"non-interest-bearing exhibits at {address} below:", 1) + "\n"
    fixed, applied = fix(long, unsafe=True)
    assert [f.code for f in applied] == ["SK201"]
    assert fixed.split("\n")[42:47] == [
        'Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K',
        "well-known non-interest-bearing exhibits at", address, "below:", ""]


def test_blanks_after_a_last_line_without_its_line_end_are_left_to_the_filer():
    """The last entry of the exhibit list ends the document, its blanks and
    no line end after it: SK208 is reported but not fixed (a fix there would
    end the input with a line end and hide a cut)."""
    lines = SEED.split("\n")[:68] + ["", "99.1    Press release dated November 14, 2002.  "]
    text = "\n".join(lines)
    assert [(f.code, f.line, f.fix) for f in check(text) if f.code == "SK208"] == [("SK208", 70, "")]
    assert fix(text) == (text, [])


def test_a_refused_repair_does_not_stop_the_others_of_its_rule():
    """Two SK203 findings: the en dash in the file number would make a number
    appear (a fact), the curly apostrophe in the body changes none.  The
    repairs are tried one by one when together they change a fact: the
    apostrophe is repaired, the dash stays, and check says which is which."""
    text = SEED.replace("For the month of November 2002",
                        "For the month of November 2002\n\nCommission File Number 0\u201330470", 1)
    text = text.replace("Company's", "Company\u2019s", 1) + "\n"
    assert [(f.line, f.fix) for f in check(text) if f.code == "SK203"] == [(17, ""), (48, "safe")]
    fixed, applied = fix(text)
    assert [(f.code, f.line, f.column) for f in applied] == [("SK203", 48, 57)]
    assert "0\u201330470" in fixed and "Company's" in fixed


def test_check_offers_the_fixes_that_fix_makes_whatever_the_encoding():
    """A Windows-1252 file and a UTF-8 file with a byte-order mark: check
    marks the curly apostrophe fixable ([*]) as --fix then repairs it."""
    text = SEED.replace("Company's", "Company\u2019s", 1) + "\n"
    for data in (text.encode("cp1252"), ("\ufeff" + text).encode("utf-8")):
        assert [(f.code, f.line, f.fix) for f in check(data) if f.code == "SK203"] == [("SK203", 46, "safe")]
        assert "Company's" in fix(data)[0]


def test_the_repairs_kept_one_by_one_are_all_made_in_one_pass_from_the_end():
    """The refused dash with two repairs that change no fact (a curly
    apostrophe, curly quotes): both are made, each reported once, the later
    line first (the repairs are taken from the end of the text backwards)."""
    text = SEED.replace("For the month of November 2002",
                        "For the month of November 2002\n\nCommission File Number 0\u201330470", 1)
    text = text.replace("Company's", "Company\u2019s", 1).replace('(the "Company")', "(the \u201cCompany\u201d)", 1) + "\n"
    assert [(f.line, f.fix) for f in check(text) if f.code == "SK203"] == [(17, ""), (45, "safe"), (48, "safe")]
    fixed, applied = fix(text)
    assert [(f.code, f.line, f.column) for f in applied] == [("SK203", 48, 57), ("SK203", 45, 27)]
    assert "0\u201330470" in fixed and "Company's" in fixed and '(the "Company")' in fixed


def test_a_rewrap_keeps_the_first_lines_indent_and_the_hanging_indent_of_the_rest():
    old = 'Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K:'
    new = ('  Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K the exhibits\n'
           '      listed below, which it has made public in Korea through the Korea Exchange and its own\n'
           '      web site on the same day:')
    long = SEED.replace(old, new, 1) + "\n"
    assert [(f.line, f.column, f.end_line, f.end_column) for f in check(long) if f.code == "SK201"] == [
        (43, 81, 43, 90), (44, 81, 44, 93)]       # from the 81st column to the line's end
    fixed, _ = fix(long, unsafe=True)
    start = fixed.index("  Hanaro Telecom")
    assert fixed[start:].split("\n")[:3] == [
        '  Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K the',
        "      exhibits listed below, which it has made public in Korea through the Korea",
        "      Exchange and its own web site on the same day:"]


def test_a_two_line_paragraph_keeps_its_hanging_indent_too():
    old = 'Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K:'
    new = ('Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K the exhibits listed\n'
           '    below, which it has made public in Korea.')
    fixed, _ = fix(SEED.replace(old, new, 1) + "\n", unsafe=True)
    start = fixed.index("Hanaro Telecom, Inc. (the")
    assert fixed[start:].split("\n")[:2] == [
        'Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K the',
        "    exhibits listed below, which it has made public in Korea."]
