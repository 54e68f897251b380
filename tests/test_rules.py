"""Each rule: a failing fixture with the exact code, line and column, and a passing one.

Fixtures are the Nov 2002 seed (or an EDGAR submission around it) with one
edit, so that every rule is tried on a real filing's layout.
"""
from __future__ import annotations

import pytest

from conftest import SEEDS, read
from sixk_grammar.lint import check
from sixk_grammar.lint.registry import all_rules
from test_envelope import submission
from test_html_rules import CHANGES

SEED = read(SEEDS[0]) + "\n"   # hanaro-2002-11, as a finished file: its last line ended


def edited(text: str, *edits) -> str:
    lines = text.split("\n")
    for edit in edits:
        lines = edit(lines)
    return "\n".join(lines)


def replace(number, old, new):
    def apply(lines):
        assert old in lines[number - 1], (number, old, lines[number - 1])
        return lines[:number - 1] + [lines[number - 1].replace(old, new, 1)] + lines[number:]
    return apply


def delete(first, last=None):
    return lambda lines: lines[:first - 1] + lines[(last or first):]


def insert(after, *new):
    return lambda lines: lines[:after] + list(new) + lines[after:]


PAPER_BOX = ["Indicate by check mark if the registrant is submitting the Form 6-K in paper as",
             "permitted by Regulation S-T Rule 101(b)(1): ____"]
LINE_82 = ["If \"Yes\" is marked, indicate below the file number assigned to the registrant",
           "in connection with Rule 12g3-2(b): 82-1234"]

# code, the edited text, the (line, column) of the finding.
CASES = [
    ("SK001", "", (1, 1)),
    ("SK100", edited(SEED, insert(76, "<TABLE>")), (77, 1)),
    ("SK101", SEED[:SEED.index("Pursuant to the req") + 19], (53, 1)),
    ("SK201", edited(SEED, replace(43, "Form 6-K:", "Form 6-K:" + " x" * 10)), (43, 81)),
    ("SK202", edited(SEED, replace(77, "2002.", "2002." + " x" * 30)), (77, 133)),
    ("SK203", edited(SEED, replace(43, "Inc.", "Inc.\u2019")), (43, 21)),
    ("SK204", edited(SEED, replace(43, " (the", "\t(the")), (43, 21)),
    ("SK205", edited(SEED, replace(78, "</TABLE>", "")), (71, 1)),
    ("SK206", edited(SEED, insert(44, "<S>       <C>")), (45, 1)),
    ("SK207", edited(SEED, insert(44, "<B>Press release</B>")), (45, 1)),
    ("SK208", edited(SEED, replace(43, "Form 6-K:", "Form 6-K:   ")), (43, 76)),
    ("SK209", SEED.rstrip("\n"), (78, 9)),
    ("SK301", edited(SEED, delete(4)), (1, 1)),
    ("SK302", edited(SEED, delete(15)), (1, 1)),
    ("SK303", edited(SEED, replace(15, "November", "Novembr")), (15, 26)),
    ("SK304", edited(SEED, delete(18, 24)), (1, 1)),
    ("SK305", edited(SEED, replace(30, "   X   ", "       ")), (27, 6)),
    ("SK306", edited(SEED, replace(30, "Form 40-F", "Form 40-F   X")), (30, 60)),
    ("SK307", edited(SEED, replace(38, "No   X", "No    ")), (33, 6)),
    ("SK308", edited(SEED, replace(38, "Yes           No   X", "Yes   X       No    ")), (33, 6)),
    ("SK309", edited(SEED, insert(39, *LINE_82)), (40, 1)),
    ("SK310", edited(SEED, replace(15, "November", "October"), insert(31, *PAPER_BOX)), (32, 1)),
    ("SK401", edited(SEED, delete(49, 66)), (60, 1)),
    ("SK402", edited(SEED, replace(62, "Date: November 18, 2002", "                       ")), (62, 1)),
    ("SK403", edited(SEED, replace(62, "November 18, 2002", "November 31, 2002")), (62, 1)),
    ("SK404", edited(SEED, replace(62, "/s/ ", "")), (62, 1)),
    ("SK405", edited(SEED, delete(65)), (62, 1)),
    ("SK406", edited(SEED, replace(58, "HANARO TELECOM, INC.", "ACME HOLDINGS LTD.")), (62, 1)),
    ("SK407", edited(SEED, replace(62, "2002", "2001")), (62, 1)),
    ("SK501", edited(SEED, insert(77, "99.1              a second press release.")), (78, 1)),
    ("SK502", edited(SEED, replace(45, "99.1", "99.2")), (45, 1)),
    ("SK601", submission().replace("SUBMISSION TYPE:\t6-K", "SUBMISSION TYPE:\t10-K"), (1, 1)),
    ("SK602", submission().replace("REPORT:\t20021130", "REPORT:\t20030430"), (44, 26)),
    ("SK603", submission().replace("NAME:\t\t\tHANARO TELECOM INC", "NAME:\t\t\tACME CORP"), (47, 1)),
    ("SK604", submission().replace("COUNT:\t\t3", "COUNT:\t\t5"), (1, 1)),
    ("SK605", submission().replace("<TYPE>EX-99.1", "<TYPE>EX-99.9"), (105, 1)),
]

#: What each failing fixture's finding says (read against its edit).
MESSAGES = {
    'SK001': 'the file is empty',
    'SK100': "unexpected '<TABLE>' (expected </TABLE>, CAPTION_TAG, COLUMN_START, FOOTNOTES_TAG, PAGE_BREAK, "
             "TABLE_ROWS)",
    'SK101': 'the input ends mid-line before any signature block',
    'SK201': 'line is 95 columns long (limit 80)',
    'SK202': 'table line is 146 columns long (limit 132)',
    'SK203': 'invalid character U+2019 RIGHT SINGLE QUOTATION MARK',
    'SK204': 'tab character; use spaces',
    'SK205': '<TABLE> is never closed',
    'SK206': '<S> outside a table',
    'SK207': 'unknown tag <B>',
    'SK208': '3 blank(s) at the end of the line',
    'SK209': 'no line end after the last line',
    'SK301': 'no "FORM 6-K" title on the cover',
    'SK302': 'no report period on the cover',
    'SK303': "report period 'Novembr 2002' is not a month and year",
    'SK304': 'no registrant name on the cover',
    'SK305': 'neither Form 20-F nor Form 40-F is marked',
    'SK306': 'both Form 20-F and Form 40-F are marked',
    'SK307': 'neither Yes nor No is marked',
    'SK308': 'Yes is marked but no 82- file number is given',
    'SK309': 'No is marked but file number 82-1234 is given',
    'SK310': 'the Rule 101(b) paper box joined the form in 2002-11, after 2002-10',
    'SK401': 'no signature block',
    'SK402': 'the signature has no date',
    'SK403': "signature date 'November 31, 2002' is not a real date",
    'SK404': 'no typed /s/ signature',
    'SK405': "the signer's title is missing",
    'SK406': "signed for 'ACME HOLDINGS LTD.', but the cover names 'HANARO TELECOM, INC.'",
    'SK407': 'signed on 2001-11-18, outside the report month 2002-11',
    'SK501': 'exhibit 99.1 is listed twice (first on line 76)',
    'SK502': 'exhibit 99.2 is not in the exhibit index',
    'SK601': "submission type '10-K' is not 6-K or 6-K/A",
    'SK602': 'period of report 2003-04-30 is outside 2002-11',
    'SK603': "the header names 'ACME CORP', the cover 'HANARO TELECOM, INC.'",
    'SK604': 'the header counts 5 documents, 3 are present',
    'SK605': 'exhibit 99.1 has no <TYPE>EX-99.1 document',
}


def _codes_at(text):
    return [(f.code, f.line, f.column) for f in check(text)]


@pytest.mark.parametrize("code,text,position", CASES, ids=[case[0] for case in CASES])
def test_failing_fixture(code, text, position):
    assert (code, *position) in _codes_at(text)
    (finding,) = [f for f in check(text) if (f.code, f.line, f.column) == (code, *position)]
    assert finding.message == MESSAGES[code]


@pytest.mark.parametrize("code", [case[0] for case in CASES])
def test_passing_fixture(code):
    passing = submission() if code.startswith("SK6") else SEED
    assert code not in [f.code for f in check(passing)]


def test_every_rule_has_a_fixture():
    """Plain-text fixtures here, HTML ones in test_html_rules."""
    assert {rule.code for rule in all_rules()} == {case[0] for case in CASES} | {case[0] for case in CHANGES}


def test_the_envelope_fixture_is_clean():
    assert check(submission()) == []
