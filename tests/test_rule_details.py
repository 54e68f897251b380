"""What each rule reports where the fixtures of test_rules do not look.

Each rule's own fixture shows it firing at column 1 of a seed whose cover is
line 1.  These state the rest: findings at the column an indented item starts
on and at a cover that starts later, the messages of second problems, and the
loops that must go on past an item they skip (an undated signer, an
unnumbered exhibit, an unnamed document, a well-formed image).
"""
from __future__ import annotations

import re

import pytest

import sixk_grammar
from sixk_grammar.api import analyse
from sixk_grammar.lint import check
from test_envelope import submission
from test_html_rules import CIK, CREDICORP, ENVELOPE, _envelope, _in_body, changed, ix_header, position
from test_rules import LINE_82, SEED, delete, edited, insert, replace


def findings(text: str, *codes: str) -> list[tuple]:
    return [(f.code, f.line, f.column, f.message) for f in check(text) if f.code in codes]


# -- the cover ---------------------------------------------------------------

LATER = "\n\n"      # two blank lines before the seed: its cover starts on line 3


@pytest.mark.parametrize("edits,code,message", [
    ([delete(4)], "SK301", 'no "FORM 6-K" title on the cover'),
    ([delete(15)], "SK302", "no report period on the cover"),
    ([delete(18, 24)], "SK304", "no registrant name on the cover"),
    ([delete(27, 31)], "SK305", "the 20-F/40-F question is missing"),
])
def test_a_missing_cover_item_is_reported_where_the_cover_starts(edits, code, message):
    assert sixk_grammar.parse(LATER + SEED)["cover"]["line"] == 3
    assert findings(LATER + edited(SEED, *edits), code) == [(code, 3, 1, message)]


def test_a_text_without_a_cover_has_its_cover_items_reported_on_line_1():
    text = "Some press release text.\nMore text.\n\nSIGNATURES\n"
    assert findings(text, "SK301", "SK302", "SK304", "SK305") == [
        ("SK301", 1, 1, 'no "FORM 6-K" title on the cover'), ("SK302", 1, 1, "no report period on the cover"),
        ("SK304", 1, 1, "no registrant name on the cover"), ("SK305", 1, 1, "the 20-F/40-F question is missing")]


def test_a_blank_period_is_named_blank():
    text = edited(SEED, replace(15, "November 2002", "      "))
    assert findings(text, "SK303") == [("SK303", 15, 26, "report period '(blank)' is not a month and year")]


@pytest.mark.parametrize("rule", ["1", "7"])
def test_either_paper_box_before_november_2002_is_obsolete_where_its_question_starts(rule):
    box = ["     (Indicate by check mark if the registrant is submitting the Form 6-K in paper as",
           f"permitted by Regulation S-T Rule 101(b)({rule}): ____)"]
    text = edited(SEED, replace(15, "November", "October"), insert(31, *box))
    assert findings(text, "SK310") == [
        ("SK310", 32, 6, "the Rule 101(b) paper box joined the form in 2002-11, after 2002-10")]


def test_an_indented_82_line_is_reported_where_its_words_start():
    text = edited(SEED, insert(39, "", "     " + LINE_82[0], LINE_82[1]))
    assert sixk_grammar.parse(text)["cover"]["positions"]["file_number_82"] == [41, 6]
    assert findings(text, "SK309") == [("SK309", 41, 6, "No is marked but file number 82-1234 is given")]


# -- the envelope ------------------------------------------------------------

def test_exhibit_numbers_match_document_types_in_any_case():
    text = (submission().replace("<TYPE>EX-99.1", "<TYPE>EX-99.1A")
            .replace("99.1   ", "99.1a  ").replace("Exhibit 99.1", "Exhibit 99.1a"))
    assert [e["number"] for e in sixk_grammar.parse(text)["exhibits"]] == ["99.1a"]
    assert findings(text, "SK502", "SK605") == []


def test_a_cut_submission_is_not_held_to_its_exhibit_documents():
    """Cut inside its first document, a submission lists exhibit 99.3 whose
    document may have been in what was cut: SK101, not SK605."""
    lines = submission().replace("99.1   ", "99.3   ").split("\n")
    cut = "\n".join(lines[:130]) + "\n"
    assert [e["number"] for e in sixk_grammar.parse(cut)["exhibits"]] == ["99.3"]
    assert [f.code for f in check(cut) if f.code.startswith("SK6")] == []


# -- exhibits ----------------------------------------------------------------

def test_a_number_listed_twice_after_an_unnumbered_exhibit():
    """Two exhibit indexes: one naming a press release without a number, one
    listing 99.1 twice."""
    text = edited(SEED, insert(77, "99.1              a second press release."),
                  insert(67, "                                  EXHIBIT INDEX", "", "Press release", ""))
    assert [(e["number"], e["line"]) for e in sixk_grammar.parse(text)["exhibits"]] == [
        (None, 70), ("99.1", 80), ("99.1", 82)]
    assert findings(text, "SK501") == [("SK501", 82, 1, "exhibit 99.1 is listed twice (first on line 80)")]


def test_an_indented_body_reference_is_reported_where_its_number_starts():
    text = edited(SEED, replace(45, "Exhibit 99.1", "   Exhibit 99.2"))
    assert findings(text, "SK502") == [("SK502", 45, 4, "exhibit 99.2 is not in the exhibit index")]


# -- the signature -----------------------------------------------------------

def test_a_late_signature_after_an_undated_one_is_reported():
    second = [line.replace("Kyu June Hwang", "Hee Chul Kim").replace("November 18, 2002", "November 18, 2001")
              for line in SEED.split("\n")[57:65]]
    text = edited(SEED, replace(62, "Date: November 18, 2002", "                       "),
                  insert(79, "", "<PAGE>", "                                   SIGNATURES", "", *second))
    assert [(s["date"], s["line"]) for s in sixk_grammar.parse(text)["signatures"]] == [
        (None, 62), ("2001-11-18", 88)]
    assert findings(text, "SK402", "SK407") == [
        ("SK402", 62, 1, "the signature has no date"),
        ("SK407", 88, 1, "signed on 2001-11-18, outside the report month 2002-11")]


def test_in_a_cut_submission_a_by_line_whose_next_line_ended_is_judged():
    """A submission cut inside its 6-K: a "By:" with nothing typed needs the
    line after it whole, and that line, the input's last, ended."""
    text = submission().replace("By: /s/ Kyu June Hwang", "By:")
    through_the_rule = "\n".join(text.split("\n")[:92]) + "\n"
    assert findings(through_the_rule, "SK101", "SK404") == [
        ("SK404", 91, 1, "no typed /s/ signature"),
        ("SK101", 92, 1, "the input ends inside an open section (</TEXT>, </DOCUMENT>, </SEC-DOCUMENT> missing)")]


@pytest.mark.parametrize("text,expected", [
    ("FORM 6-K. Exhibit 99.1: a press release, as follows:\n",            # the sentence on line 1
     ("SK101", 1, 1, "the input ends mid-sentence (after a comma or colon) before any signature block")),
    ("FORM 6-K. Exhibit 99.1: press release.\nThe answer is: X\n",       # a colon before the last word
     ("SK401", 2, 1, "no signature block")),
])
def test_where_a_mid_sentence_end_is_looked_for(text, expected):
    assert findings(text, "SK101", "SK401") == [expected]


def test_a_one_line_6k_without_a_signature_is_reported_on_its_line():
    assert findings("FORM 6-K. Exhibit 99.1: press release.\n", "SK401") == [("SK401", 1, 1, "no signature block")]


# -- syntax and tags ---------------------------------------------------------

def test_a_syntax_problem_is_reported_at_its_column():
    assert findings(edited(SEED, insert(76, "   <TABLE>")), "SK100") == [
        ("SK100", 77, 4, "unexpected '<TABLE>' (expected </TABLE>, CAPTION_TAG, COLUMN_START, FOOTNOTES_TAG, "
                         "PAGE_BREAK, TABLE_ROWS)")]


def test_a_submission_cut_inside_a_table_is_cut_not_a_table_left_open():
    """With </TEXT> and the rest missing too, the table is open because the
    input stops: SK101 names what is missing, SK205 says nothing."""
    lines = submission().split("\n")
    assert lines[99] == "<TABLE>"
    cut = "\n".join(lines[:100]) + "\n"
    assert findings(cut, "SK101", "SK205") == [
        ("SK101", 100, 1, "the input ends inside an open section (</TABLE>, </TEXT>, </DOCUMENT>, "
                          "</SEC-DOCUMENT> missing)")]


def test_a_plain_document_ending_inside_its_last_table_has_a_table_left_open():
    """The seed is a document alone: nothing else is missing, so its last line
    whole, the unclosed table is SK205's."""
    assert findings(edited(SEED, replace(78, "</TABLE>", "")), "SK101", "SK205") == [
        ("SK205", 71, 1, "<TABLE> is never closed")]


def test_a_one_line_input_is_cut_on_line_1():
    assert findings("hello world", "SK101") == [("SK101", 1, 1, "the input ends inside the cover page")]


@pytest.mark.parametrize("edits,expected", [
    ([insert(44, "   </TABLE>")], ("SK205", 45, 4, "</TABLE> without an open <TABLE>")),
    ([replace(71, "<TABLE>", "   <TABLE>"), replace(78, "</TABLE>", "")], ("SK205", 71, 4, "<TABLE> is never closed")),
    ([insert(44, "   <B>bold</B>")], ("SK207", 45, 4, "unknown tag <B>")),
])
def test_tags_are_reported_at_their_column(edits, expected):
    assert findings(edited(SEED, *edits), expected[0]) == [expected]


def test_every_rule_runs_on_an_input_whose_recovery_gave_up():
    """No tree at all: only the syntax problems are reported, every other
    rule has nothing to read and says nothing."""
    text = "FORM 6-K\n" + "<TABLE>\n<S> <C>\n" * 250
    assert analyse(text).tree is None
    found = check(text)
    assert {f.code for f in found} == {"SK100"} and len(found) == 202
    assert (found[-1].line, found[-1].message.split(" (")[0]) == (
        404, "the parser could not recover; the rest of the input was not read")


# -- characters and blanks ---------------------------------------------------

@pytest.mark.parametrize("char,name", [("\r", "CARRIAGE RETURN"), ("\x01", "control character")])
def test_characters_without_a_unicode_name_are_named(char, name):
    text = edited(SEED, replace(43, "Inc.", "Inc." + char))
    assert findings(text, "SK203") == [("SK203", 43, 21, f"invalid character U+{ord(char):04X} {name}")]


def test_a_tab_that_starts_a_line_is_reported():
    assert findings(edited(SEED, replace(43, "Hanaro", "\tHanaro")), "SK204") == [
        ("SK204", 43, 1, "tab character; use spaces")]


def test_trailing_blanks_span_from_the_last_character_to_the_line_end():
    (finding,) = [f for f in check(edited(SEED, replace(43, "Form 6-K:", "Form 6-K:   "))) if f.code == "SK208"]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (43, 76, 43, 79)


def test_blanks_on_a_last_line_cut_off_are_the_cuts():
    cut = SEED[:SEED.index("Managing Director") + len("Managing Director")] + "   "
    assert findings(cut, "SK101", "SK208") == [("SK101", 65, 1, "the input ends in the middle of a line")]


# -- HTML --------------------------------------------------------------------

@pytest.mark.parametrize("markup,expected", [
    ('<img src="javascript:go()">', [("SK703", "<img> has a javascript: src: active content")]),
    ('<img src="logo.gif?v=1?x">', []),                                       # the query starts at the first "?"
    ('<img src="logo.gif"><img src="logo.png">', [("SK705", "<img src='logo.png'>: not a .gif or .jpg image")]),
    ('<img src="javascript:go()"><img src="logo.png">', [("SK703", "<img> has a javascript: src: active content"),
                                                        ("SK705", "<img src='logo.png'>: not a .gif or .jpg image")]),
    ('<img src="' + "a" * 70 + '.png">', [("SK705", f"<img src={'a' * 60!r}>: not a .gif or .jpg image")]),
])
def test_images_one_by_one(markup, expected):
    assert [(f.code, f.message) for f in check(_in_body(CREDICORP, markup)) if f.code in ("SK703", "SK705")] == expected


def test_a_link_to_this_document_may_hold_hashes_after_its_name():
    text = _envelope(_in_body(CREDICORP, '<a href="ef20043470_6k.htm#a#b">x</a>'))
    assert findings(text, "SK704") == []


def test_a_link_to_no_document_is_reported_where_it_stands():
    text = _envelope(_in_body(CREDICORP, '<a href="ex99-9.htm">missing</a>'))
    assert findings(text, "SK704") == [
        ("SK704", *position(text, '<a href="ex99'), "a link to 'ex99-9.htm', which is no document of the submission")]


def test_every_problem_of_a_file_name_is_told():
    text = changed(CREDICORP, "<FILENAME>ef20043470_6k.htm", "<FILENAME>_6k.html")
    assert [f.message for f in check(text) if f.code == "SK710"] == [
        "file name '_6k.html': not a letter or digit first, then letters, digits, '.', '-', '_'; not .htm"]


def test_a_document_without_a_name_does_not_hide_the_next_ones():
    exhibit = ('<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.html\n<TEXT>\n<html><body>'
               '<p>more</p></body></html>\n</TEXT>\n</DOCUMENT>\n')
    text = _envelope(CREDICORP.rstrip("\n") + "\n" + exhibit).replace("PUBLIC DOCUMENT COUNT:\t\t1",
                                                                     "PUBLIC DOCUMENT COUNT:\t\t2")
    unnamed = text.replace("<FILENAME>ef20043470_6k.htm\n", "", 1)
    assert findings(unnamed, "SK710") == [
        ("SK710", *position(unnamed, "<FILENAME>ex99"), "file name 'ex99-1.html': not .htm")]


EMPTY_FACTS = ('<div style="display:none"><ix:header><ix:hidden>'
               '<ix:nonNumeric name="dei:DocumentType" contextRef="c1">6-K</ix:nonNumeric>'
               '<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c1"></ix:nonNumeric>'
               '<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c1"></ix:nonNumeric>'
               '</ix:hidden></ix:header></div>')
SECOND_FILER = ("FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tCREDICORP CAPITAL\n"
                "\t\tCENTRAL INDEX KEY:\t\t\t0001140625\n</SEC-HEADER>")


def _under(envelope: str, document: str) -> str:
    return envelope + document + "</SEC-DOCUMENT>\n"


def ix_messages(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in check(text) if f.code in ("SK712", "SK713", "SK714")]


@pytest.mark.parametrize("text,expected", [
    # empty facts are missing ones (SK712), not a CIK or name that differs
    (_envelope(_in_body(CREDICORP, EMPTY_FACTS)),
     [("SK712", "the inline XBRL header lacks dei:EntityCentralIndexKey, dei:EntityRegistrantName")]),
    # a header without a CIK has nothing to compare
    (_under(ENVELOPE.replace(f"\t\tCENTRAL INDEX KEY:\t\t\t{CIK}\n", ""),
            _in_body(CREDICORP, ix_header("6-K", cik="0001140625"))), []),
    # only leading zeros are ignored
    (_envelope(_in_body(CREDICORP, ix_header("6-K", cik="X0001001290"))),
     [("SK713", "dei:EntityCentralIndexKey 'X0001001290' is not the filer's CIK (1001290)")]),
    # co-registrants: each filer's CIK named
    (_under(ENVELOPE.replace("</SEC-HEADER>", SECOND_FILER), _in_body(CREDICORP, ix_header("6-K", cik="42"))),
     [("SK713", "dei:EntityCentralIndexKey '42' is not the filer's CIK (1001290, 1140625)")]),
    # the EDGAR header's company name counts as much as the cover's
    (_under(ENVELOPE.replace("CREDICORP LTD", "ACME HOLDINGS"),
            _in_body(CREDICORP, ix_header("6-K", name="Acme Holdings Ltd"))), []),
    (_under(ENVELOPE.replace("CREDICORP LTD", "ACME HOLDINGS"),
            _in_body(CREDICORP, ix_header("6-K", name="Equinor ASA"))),
     [("SK714", "dei:EntityRegistrantName 'Equinor ASA', the cover names 'CREDICORP LTD.'")]),
    # a cover with its exact name only (no translation), no header: the cover's one name
    (_in_body(re.sub(r"Translation of[^<]*", "Exact name of registrant as specified in its charter)", CREDICORP, count=1),
              ix_header("6-K", name="Equinor ASA")),
     [("SK714", "dei:EntityRegistrantName 'Equinor ASA', the cover names 'CREDICORP LTD.'")]),
])
def test_the_inline_xbrl_facts_compared_with_the_header(text, expected):
    assert ix_messages(text) == expected
