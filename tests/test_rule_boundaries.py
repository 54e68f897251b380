"""The edges of the rules' thresholds and leniencies, on the Nov 2002 seed.

Each rule's own fixture (test_rules) shows it firing once; these state where
it stops: the last day a signature date is plausible, which spellings of the
registrant still match the cover, and when a cut input holds a line whole.
"""
from __future__ import annotations

import datetime as dt

import pytest

import sixk_grammar

from sixk_grammar.lint import check
from sixk_grammar.lint.rules.signature import LATE_DAYS, comparable_name, names_match
from test_envelope import submission
from test_rules import LINE_82, SEED, delete, edited, insert, replace

DATE_LINE = 62          # "Date: November 18, 2002      By: /s/ Kyu June Hwang"; report month November 2002


def codes(text: str) -> list[str]:
    return [finding.code for finding in check(text)]


@pytest.mark.parametrize("signed,late", [
    ("November 1, 2002", False),     # the month's first day
    ("October 31, 2002", True),      # the day before it
    ("March 2, 2003", False),        # 92 days after November 30
    ("March 3, 2003", True),         # 93 days after
    ("November 18, 2003", True),     # a year late
])
def test_a_signature_date_is_plausible_from_the_month_to_92_days_after_it(signed, late):
    assert LATE_DAYS == 92
    text = edited(SEED, replace(DATE_LINE, "November 18, 2002", signed))
    assert ("SK407" in codes(text)) is late


@pytest.mark.parametrize("signed_for,matches", [
    ("HANARO TELECOM, INC.", True),
    ("Hanaro Telecom Inc", True),           # case and punctuation
    ("HANARO TELECOM", True),               # no legal form
    ("HANARO TELECOM CO., LTD.", True),     # another legal form
    ("HANARO", True),                       # a part of the cover's name
    ("HANARO TELEVISION, INC.", False),
    ("ACME HOLDINGS LTD.", False),
])
def test_the_registrant_over_the_signature_is_compared_leniently(signed_for, matches):
    text = edited(SEED, replace(58, "HANARO TELECOM, INC.", signed_for))
    assert ("SK406" in codes(text)) is not matches


def test_comparable_names_drop_case_punctuation_and_legal_forms():
    assert comparable_name("Hanaro Telecom, Inc.") == "hanarotelecom"
    assert comparable_name("The Procter & Gamble Company") == "procterandgamble"
    assert comparable_name("Grupo Televisa, S.A. de C.V.") == "grupotelevisa"
    assert comparable_name("Banco Itaú S.p.A.") == "bancoita"
    assert comparable_name(None) == ""
    assert names_match("HANARO", "Hanaro Telecom Inc.")
    assert names_match("Hanaro Telecom Inc.", "HANARO")
    assert not names_match("", "Hanaro")
    assert not names_match("Inc.", "Hanaro")           # nothing left to compare
    assert not names_match("Hanaro", "KT Corp")


UNSIGNED = edited(SEED, replace(DATE_LINE, "/s/ ", ""))
BY_LINE_END = UNSIGNED.index("Kyu June Hwang") + len("Kyu June Hwang")


def test_a_by_line_cut_before_its_end_is_not_judged():
    """The input stops inside the By line: a /s/ may have followed."""
    assert "SK404" not in codes(UNSIGNED[:BY_LINE_END])


def test_a_by_line_that_ended_before_the_cut_is_judged():
    cut = UNSIGNED[:BY_LINE_END + 1]
    assert cut.endswith("Hwang\n")
    assert "SK404" in codes(cut)
    assert "SK404" in codes(cut + "                                                ------")


def test_an_empty_by_needs_the_line_after_it_whole():
    """'By:' with nothing typed: the /s/ may be on the next line."""
    empty = edited(SEED, replace(DATE_LINE, "/s/ Kyu June Hwang", ""))
    after_by = empty.index("By:") + len("By:")
    next_line_end = empty.index("\n", empty.index("\n", after_by) + 1)
    assert "SK404" not in codes(empty[:next_line_end])
    assert "SK404" in codes(empty[:next_line_end + 1])


def findings(text: str, code: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in check(text) if f.code == code]


NARRATIVE = 43      # 'Hanaro Telecom, Inc. (the "Company") is furnishing under cover of Form 6-K:', 75 columns
IN_TABLE = 77       # "                  Company's operations ... 2002.", 86 columns, inside <TABLE>


@pytest.mark.parametrize("padding,too_long", [(5, False), (6, True)])
def test_narrative_lines_may_take_80_columns(padding, too_long):
    text = edited(SEED, replace(NARRATIVE, "Form 6-K:", "Form 6-K:" + "x" * padding))
    expected = [(NARRATIVE, 81, "line is 81 columns long (limit 80)")] if too_long else []
    assert findings(text, "SK201") == expected


def test_a_tab_counts_to_its_next_stop_in_the_line_length():
    """'Hanaro' + a tab takes 8 columns, not 7: 80 characters show as 81."""
    text = edited(SEED, replace(NARRATIVE, "Hanaro ", "Hanaro\t"),
                  replace(NARRATIVE, "Form 6-K:", "Form 6-K:xxxxx"))
    assert findings(text, "SK201") == [(NARRATIVE, 80, "line is 81 columns long (limit 80)")]


@pytest.mark.parametrize("padding,too_long", [(46, False), (47, True)])
def test_table_lines_may_take_132_columns(padding, too_long):
    text = edited(SEED, replace(IN_TABLE, "2002.", "2002." + "x" * padding))
    expected = [(IN_TABLE, 133, "table line is 133 columns long (limit 132)")] if too_long else []
    assert findings(text, "SK202") == expected
    assert findings(text, "SK201") == []      # the narrative limit does not hold in a table


def test_invalid_characters_are_reported_once_per_kind_a_line():
    text = edited(SEED, replace(NARRATIVE, '"Company")', "\u201cCompany\u201d) \u00a5 \u00a5 \u00a5"))
    assert findings(text, "SK203") == [
        (NARRATIVE, 27, "invalid character U+201C LEFT DOUBLE QUOTATION MARK (and 1 more on this line)"),
        (NARRATIVE, 38, "invalid character U+00A5 YEN SIGN (and 2 more on this line)")]


def test_a_lone_invalid_character_is_named_alone():
    text = edited(SEED, replace(NARRATIVE, "Inc.", "Inc.\u2019"))
    assert findings(text, "SK203") == [(NARRATIVE, 21, "invalid character U+2019 RIGHT SINGLE QUOTATION MARK")]


def test_a_tab_is_reported_once_a_line_at_the_first():
    text = edited(SEED, replace(NARRATIVE, "Hanaro Telecom, Inc. ", "Hanaro\tTelecom,\tInc. "))
    assert findings(text, "SK204") == [(NARRATIVE, 7, "tab character; use spaces")]


def test_trailing_blanks_are_counted_from_the_last_character():
    text = edited(SEED, replace(NARRATIVE, "Form 6-K:", "Form 6-K: \t "))
    assert findings(text, "SK208") == [(NARRATIVE, 76, "3 blank(s) at the end of the line")]


PERIOD = 15     # "For the month of November 2002"


NEXT_YEAR = dt.date.today().year + 1


@pytest.mark.parametrize("year,plausible", [(1992, False), (1993, True), (NEXT_YEAR, True), (NEXT_YEAR + 1, False)])
def test_a_report_year_is_plausible_from_edgars_first_year_to_next_year(year, plausible):
    text = edited(SEED, replace(PERIOD, "November 2002", f"November {year}"))
    expected = [] if plausible else [(PERIOD, 26, f"report period year {year} is implausible")]
    assert findings(text, "SK303") == expected


PAPER_LINES = ["     (Indicate by check mark if the registrant is submitting the Form 6-K in paper as",
               "permitted by Regulation S-T Rule 101(b)(1): ____)"]


@pytest.mark.parametrize("month,obsolete", [("October 2002", True), ("November 2002", False),
                                            ("December 2002", False)])
def test_the_paper_box_is_obsolete_only_before_november_2002(month, obsolete):
    text = edited(SEED, replace(PERIOD, "November 2002", month), insert(31, "", *PAPER_LINES))
    assert bool(findings(text, "SK310")) is obsolete


@pytest.mark.parametrize("month,obsolete", [("October 2008", False), ("November 2008", True)])
def test_the_rule_12g3_question_is_obsolete_after_october_2008(month, obsolete):
    text = edited(SEED, replace(PERIOD, "November 2002", month))
    expected = [(33, 6, "the Rule 12g3-2(b) question left the form before 2008-11")] if obsolete else []
    assert findings(text, "SK310") == expected


def test_both_annual_forms_marked_are_reported_at_the_second_mark():
    text = edited(SEED, replace(30, "Form 40-F", "Form 40-F   X"))
    assert findings(text, "SK306") == [(30, 60, "both Form 20-F and Form 40-F are marked")]


def test_both_answers_of_rule_12g3_are_reported_at_the_second_mark():
    text = edited(SEED, replace(38, "Yes           No   X", "Yes   X       No   X"))
    assert findings(text, "SK307") == [(38, 53, "both Yes and No are marked")]


def test_no_answer_to_rule_12g3_is_reported_at_the_question():
    text = edited(SEED, replace(38, "No   X", "No    "))
    assert findings(text, "SK307") == [(33, 6, "neither Yes nor No is marked")]


THROUGH_THE_EXHIBIT_LIST = "\n".join(SEED.split("\n")[:47]) + "\n\n"    # the seed up to its signature page


@pytest.mark.parametrize("ending,expected", [
    ("Very truly yours,\n", (49, "the input ends mid-sentence (after a comma or colon) before any signature block")),
    ("as follows:\n", (49, "the input ends mid-sentence (after a comma or colon) before any signature block")),
    ("Very truly yours,\n" + "| \n" * 18, (49, "the input ends mid-sentence (after a comma or colon) "
                                                "before any signature block")),      # cell bars are blank
    ("Very truly yours,\n" + "\n" * 19, (49, "the input ends mid-sentence (after a comma or colon) "
                                              "before any signature block")),        # the last 20 lines are read
    ("Very truly yours,\n" + "\n" * 20, (69, "no signature block")),
    ("The end.\n", (49, "no signature block")),
    ("The end", (49, "the input ends mid-line before any signature block")),
])
def test_how_an_input_ending_before_the_signature_is_reported(ending, expected):
    found = [(f.line, f.message) for f in check(THROUGH_THE_EXHIBIT_LIST + ending) if f.code in ("SK101", "SK401")]
    columns = [f.column for f in check(THROUGH_THE_EXHIBIT_LIST + ending) if f.code in ("SK101", "SK401")]
    assert (found, columns) == ([expected], [1])


def test_an_input_ending_on_the_cover_or_inside_the_signature_block():
    assert findings("\n".join(SEED.split("\n")[:20]), "SK101") == [(19, 1, "the input ends inside the cover page")]
    cut = SEED[:SEED.index("Managing Director") + len("Managing")]
    assert findings(cut, "SK101") == [(65, 1, "the input ends in the middle of a line")]


def test_a_number_listed_twice_names_its_first_line():
    text = edited(SEED, insert(77, "99.1              a second press release."))
    assert findings(text, "SK501") == [(78, 1, "exhibit 99.1 is listed twice (first on line 76)")]


def test_exhibits_without_numbers_are_never_duplicates():
    text = edited(SEED, delete(69, 78), insert(68, "", "Description", "Press release", "Press release"))
    assert [e["number"] for e in sixk_grammar.parse(text)["exhibits"]] == [None, None]
    assert findings(text, "SK501") == []


def test_an_exhibit_the_body_names_but_the_index_lacks():
    text = edited(SEED, replace(45, "99.1", "99.2"))
    assert findings(text, "SK502") == [(45, 1, "exhibit 99.2 is not in the exhibit index")]


def test_a_yes_without_its_82_number_is_reported_at_the_question():
    text = edited(SEED, replace(38, "Yes           No   X", "Yes   X       No    "))
    assert findings(text, "SK308") == [(33, 6, "Yes is marked but no 82- file number is given")]


def test_an_82_number_after_no_is_reported_at_its_line():
    text = edited(SEED, insert(39, "", *LINE_82))
    assert findings(text, "SK309") == [(41, 1, "No is marked but file number 82-1234 is given")]


@pytest.mark.parametrize("old,new,expected", [
    ("SUBMISSION TYPE:\t6-K", "SUBMISSION TYPE:\t6-K/A", [
        ("SK601", 24, 1, "<TYPE>6-K differs from the header's 6-K/A"),
        ("SK601", 33, 1, "the cover says 'FORM 6-K' but the submission is 6-K/A")]),
    ("<TYPE>6-K\n", "<TYPE>6-K/A\n", [("SK601", 24, 1, "<TYPE>6-K/A differs from the header's 6-K")]),
    ("<TYPE>6-K\n", "", []),                                                # no type: nothing to compare
    ("SUBMISSION TYPE:\t6-K", "SUBMISSION TYPE:\t10-K", [
        ("SK601", 1, 1, "submission type '10-K' is not 6-K or 6-K/A"),
        ("SK601", 24, 1, "<TYPE>6-K differs from the header's 10-K")]),
    ("REPORT:\t20021130", "REPORT:\t20030430", [("SK602", 44, 26, "period of report 2003-04-30 is outside 2002-11")]),
    ("REPORT:\t20021130", "REPORT:\t20021101", []),                         # any day of the month
    ("NAME:\t\t\tHANARO TELECOM INC", "NAME:\t\t\tHanaro Telecom Co Ltd", []),   # compared leniently
    ("NAME:\t\t\tHANARO TELECOM INC", "NAME:\t\t\tACME CORP", [
        ("SK603", 47, 1, "the header names 'ACME CORP', the cover 'HANARO TELECOM, INC.'")]),
    ("COUNT:\t\t3", "COUNT:\t\t5", [("SK604", 1, 1, "the header counts 5 documents, 3 are present")]),
    ("<TYPE>EX-99.1", "<TYPE>EX-99.9", [("SK605", 105, 1, "exhibit 99.1 has no <TYPE>EX-99.1 document")]),
    ("<TYPE>EX-99.1", "<TYPE>ex-99.1", []),                                 # types in any case
    ("      FORM 6-K\n", "      FORM 6-K/A\n", [
        ("SK601", 33, 1, "the cover says 'FORM 6-K/A' but the submission is 6-K")]),
    ("      FORM 6-K\n", "      FORM 6-K / A\n", [                            # spaced as some covers print it
        ("SK601", 33, 1, "the cover says 'FORM 6-K / A' but the submission is 6-K")]),
])
def test_the_envelope_rules_messages_and_edges(old, new, expected):
    text = submission().replace(old, new, 1)
    assert [(f.code, f.line, f.column, f.message) for f in check(text) if f.code.startswith("SK6")] == expected


def test_an_amendment_whose_cover_has_no_title_is_not_compared_with_it():
    amendment = submission().replace("TYPE:\t6-K", "TYPE:\t6-K/A").replace("<TYPE>6-K\n", "<TYPE>6-K/A\n")
    untitled = amendment.replace("      FORM 6-K\n", "\n", 1)
    assert [f.code for f in check(untitled) if f.code.startswith("SK6")] == []


def test_a_submission_cut_after_its_header_has_no_document_to_compare():
    text = submission()
    header_only = text[:text.index("</SEC-HEADER>") + len("</SEC-HEADER>\n")]
    assert [f.code for f in check(header_only)] == ["SK101"]


@pytest.mark.parametrize("line,expected", [
    ("<S>       <C>", [("SK206", 45, 1, "<S> outside a table"), ("SK206", 45, 11, "<C> outside a table")]),
    ("<CAPTION>", [("SK206", 45, 1, "<CAPTION> outside a table")]),
    ("</FN>", [("SK206", 45, 1, "</FN> outside a table")]),
    ("<F12>", [("SK206", 45, 1, "<F12> outside a table")]),
    ("</TABLE>", [("SK205", 45, 1, "</TABLE> without an open <TABLE>")]),
    ("<R>", []), ("<PAGE>", []),                       # tags a text document may hold anywhere
    ("<B>Bold</B>", [("SK207", 45, 1, "unknown tag <B>")]),
])
def test_tags_out_of_place_in_a_text_document(line, expected):
    found = [(f.code, f.line, f.column, f.message) for f in check(edited(SEED, insert(44, line)))
             if f.code in ("SK205", "SK206", "SK207")]
    assert found == expected


@pytest.mark.parametrize("edits,code,expected", [
    ([delete(4)], "SK301", [(1, 1, 'no "FORM 6-K" title on the cover')]),
    ([delete(15)], "SK302", [(1, 1, "no report period on the cover")]),
    ([replace(15, "November", "Novembr")], "SK303", [(15, 26, "report period 'Novembr 2002' is not a month and year")]),
    # a blank form's period, kept as typed
    ([replace(15, "November 2002", "____, 20__")], "SK303", [(15, 26, "report period '____, 20__' is not a month and year")]),
    ([delete(18, 24)], "SK304", [(1, 1, "no registrant name on the cover")]),
    ([delete(27, 31)], "SK305", [(1, 1, "the 20-F/40-F question is missing")]),
    ([replace(30, "   X   ", "       ")], "SK305", [(27, 6, "neither Form 20-F nor Form 40-F is marked")]),
    ([replace(30, "   X   ", "       "), insert(31, " " * 38 + "N/A")], "SK305", []),      # answered "not applicable"
    ([replace(38, "No   X", "No    "), insert(39, " " * 38 + "N/A")], "SK307", []),
])
def test_the_cover_rules_messages_and_positions(edits, code, expected):
    assert findings(edited(SEED, *edits), code) == expected


@pytest.mark.parametrize("lines", [12, 16, 20])
def test_a_cover_cut_short_is_reported_as_cut_not_as_missing_items(lines):
    """What would come after the cut (period, registrant, check boxes) is not
    reported missing: SK101 alone says the input stops on the cover."""
    cut = "\n".join(SEED.split("\n")[:lines])
    assert [(f.code, f.message) for f in check(cut)] == [("SK101", "the input ends inside the cover page")]


@pytest.mark.parametrize("first, second, same", [
    ("ACME & SONS LTD", "Acme and Sons Limited", True),          # "&" is "and"
    ("Grupo Televisa, S.A.B.", "GRUPO TELEVISA SAB DE CV", True),  # legal forms left out, "S.A.B." whole
    ("ACME CO. HOLDINGS", "Acme Holdings", True),                # wherever they stand
    ("Hanaro Telecom, Inc.", "HANARO", True),                    # one name holding the other
    ("Hanaro Telecom, Inc.", "Korea Telecom Corp.", False),
    ("Inc.", "ACME", False),                                     # nothing left to compare
])
def test_names_compared_leniently(first, second, same):
    assert names_match(first, second) is same


def title_cut(*edits_and_keep) -> str:
    """The seed's signer without a title, the input cut after ``keep`` (the
    first after the signer's name)."""
    *edits, keep = edits_and_keep
    text = edited(SEED, delete(65), *edits)
    return text[:text.index(keep, text.index("Name:  Kyu")) + len(keep)]


@pytest.mark.parametrize("cut, expected", [
    (title_cut("Name:  Kyu J"), []),                                       # cut inside the block: SK101's
    (title_cut(delete(65), "<PA"), []),                                    # cut on the line after the block
    (title_cut("\n<PA"), [(62, 1, "the signer's title is missing")]),      # a line later: the block is whole
])
def test_a_block_the_cut_may_have_shortened_is_not_judged(cut, expected):
    assert findings(cut, "SK101") and findings(cut, "SK405") == expected


def signature_under_by(*edits) -> str:
    """The seed with the signature in the cell under "By:" (a flattened table)."""
    return edited(SEED, replace(62, "By: /s/ Kyu June Hwang", "By:"),
                  insert(62, "                                                | Kyu June Hwang"), *edits)


@pytest.mark.parametrize("text, keep, expected", [
    (signature_under_by(), "| Kyu June Hw", []),                            # the signature's own line is cut
    (signature_under_by(insert(46, "Kyu June Hwang is the Managing Director.")), "| Kyu June Hw", []),
    (signature_under_by(), "Name:  Kyu", [(62, 1, "no typed /s/ signature")]),   # its line is whole
    (edited(SEED, replace(62, "By: /s/ Kyu June Hwang", "By:")), "Name:  Kyu",   # nothing typed, a whole line after
     [(62, 1, "no typed /s/ signature")]),
    (edited(SEED, replace(62, "By: /s/ Kyu June Hwang", "By:")), "------", []),  # nothing typed, the next line cut
])
def test_a_signature_is_judged_only_when_its_line_is_whole(text, keep, expected):
    cut = text[:text.index(keep, text.index("By:")) + len(keep)]
    assert findings(cut, "SK101") and findings(cut, "SK404") == expected


def test_a_signer_with_neither_name_nor_title_is_told_both():
    text = edited(SEED, replace(62, "/s/ Kyu June Hwang", "/s/"), delete(64, 65))
    assert findings(text, "SK405") == [(62, 1, "the signer's name and title are missing")]



def test_a_file_read_as_another_encoding_is_told_which():
    latin = SEED.encode("utf-8").replace(b"Inc.", b"Inc.\xe9", 1)
    assert [(f.line, f.column, f.message) for f in check(latin) if f.code == "SK001"] == [
        (1, 1, "the file is not valid UTF-8; it was read as cp1252")]


def test_a_missing_title_is_reported_where_the_cover_starts():
    lines = submission().split("\n")
    untitled = "\n".join(line for line in lines if line.strip() != "FORM 6-K")
    assert findings(untitled, "SK301") == [(30, 1, 'no "FORM 6-K" title on the cover')]


def test_a_syntax_problem_with_nothing_expected_has_no_expected_list():
    assert findings("x", "SK100") == [(1, 1, "no Form 6-K found: no 6-K title, report title, rule reference or "
                                             "20-F/40-F question, and no 6-K document in an EDGAR envelope")]


def test_a_syntax_problem_lists_six_of_what_was_expected():
    text = edited(SEED, insert(72, "<TABLE>"))          # eight terminals could follow; six are named
    assert findings(text, "SK100") == [(73, 1, "unexpected '<TABLE>' (expected </CAPTION>, </TABLE>, CAPTION_TAG, "
                                               "CAPTION_TEXT, COLUMN_START, FOOTNOTES_TAG)")]
