"""6. Grammar self-consistency: strings drawn from the grammar itself parse.

``hypothesis.extra.lark.from_lark`` walks the grammar's rules; each terminal is
drawn from the examples below (free-text terminals would otherwise draw any
text, and most terminals use lookaheads that hypothesis cannot generate).
Each example is checked against its terminal's own pattern.
"""
from __future__ import annotations

import re

from hypothesis import example, given, strategies as st
from hypothesis.extra.lark import from_lark

import sixk_grammar
from sixk_grammar.parser import kind

# Examples by terminal kind (the section namespace does not matter).  Each
# carries the blanks it needs around it: from_lark joins tokens directly.
EXAMPLES = {
    "BLANKS": [" "], "CELL_BAR": ["|"], "NL": ["\n", "\n\n"],
    "PAGE_BREAK": ["<PAGE>\n", "<PAGE>   2\n"], "PAGE_COUNTER": ["2\n", "Page 3 of 9\n"],
    "BODY_TEXT": ["The Company reports its results.\n", "Revenue rose.\n\nNet income fell.\n"],
    "INDEX_TEXT": ["Exhibit Description\n"], "ENTRY_DESCRIPTION": ["Press release dated May 2, 2003\n"],
    "ENCLOSURE_TEXT": ["A copy of the letter to the exchange.\n"],
    "LIST_NUMBER": ["Exhibit 99.1 ", "1. "], "INDEX_NUMBER": ["99.1 ", "2\n"],
    "EXHIBIT_INDEX_HEADING": ["EXHIBIT INDEX\n"], "CONTENTS_HEADING": ["CONTENTS\n"],
    "ENCLOSURE_HEADING": ["Enclosure:\n"], "STRAY_TAG": ["<R>\n", "</R>\n"],
    "HTML_TEXT": ["<HTML><BODY>x</BODY></HTML>\n"], "XML_TEXT": ["<XBRL>x</XBRL>\n"],
    "BINARY_TAG": ["<PDF>\n"], "BINARY_CLOSE": ["</PDF>\n"],
    "UU_BEGIN": ["begin 644 a.pdf\n"], "UU_LINES": ["M86)C\n`\n"], "UU_END": ["end\n"],
    "TABLE_ROWS": ["99.1       Press release\n"], "CAPTION_TEXT": ["Exhibit    Description\n"],
    "TABLE_OPEN": ["<TABLE>\n"], "REGION_TABLE_OPEN": ["<TABLE>\n"], "TABLE_CLOSE": ["</TABLE>\n"],
    "CAPTION_TAG": ["<CAPTION>\n"], "CAPTION_CLOSE": ["</CAPTION>\n"], "COLUMN_START": ["<S> "],
    "COLUMN_NEXT": ["<C> "], "MARKER_CELL": ["Revenues "], "MARKER_END": ["\n"],
    "FOOTNOTES_TAG": ["<FN>\n"], "FOOTNOTES_CLOSE": ["</FN>\n"], "FOOTNOTE_MARK": ["<F1> "],
    "TEXT": [" Seoul, Korea ", " Annual report "], "NAME_TEXT": [" Acme Holdings Ltd.\n"],
    "ADDRESS_TEXT": [" 24 Harbour Road, Seoul "],
    "RULE": [" ----- ", " ===== "],
    "FORM_TITLE": [" FORM 6-K "], "REPORT_TITLE": [" REPORT OF FOREIGN PRIVATE ISSUER "],
    "RULE_REFERENCE": [" Pursuant to Rule 13a-16 or 15d-16 of the Securities Exchange Act of 1934 "],
    "UNITED_STATES": [" UNITED STATES\n"], "COMMISSION_HEADING": [" SECURITIES AND EXCHANGE COMMISSION "],
    "WASHINGTON": [" Washington, D.C. 20549 "], "PERIOD_PREFIX": [" For the month of "],
    "PERIOD_DATE": [" June 2002 "], "PERIOD_TEXT": [" Novembr 2002 "], "BARE_DATE": [" March 5, 2003 "],
    "FILE_NUMBER_LABEL": [" Commission File Number "], "FILE_NUMBER": [" 1-14700 "],
    "EXACT_NAME_CAPTION": [" (Exact name of registrant as specified in its charter) "],
    "NAME_CAPTION": [" (Name of Registrant) "],
    "TRANSLATION_CAPTION": [" (Translation of registrant's name into English) "],
    "NAME_AND_ADDRESS_CAPTION": [" (Name and address of principal executive office) "],
    "ADDRESS_CAPTION": [" (Address of principal executive offices) "],
    "JURISDICTION_CAPTION": [" (Jurisdiction of incorporation or organization) "],
    "OTHER_CAPTION": [" (Registrant's telephone number) "],
    "ANNUAL_REPORT_PROMPT": [" Indicate by check mark whether the registrant files or will file annual "
                             "reports under cover of Form 20-F or Form 40-F. "],
    "RULE_12G3_PROMPT": [" Indicate by check mark whether the registrant by furnishing the information "
                         "contained in this Form is also thereby furnishing the information to the "
                         "Commission pursuant to Rule 12g3-2(b) under the Securities Exchange Act of 1934. "],
    "PAPER_101B1_PROMPT": [" Indicate by check mark if the registrant is submitting the Form 6-K in paper "
                           "as permitted by Regulation S-T Rule 101(b)(1): "],
    "PAPER_101B7_PROMPT": [" Indicate by check mark if the registrant is submitting the Form 6-K in paper "
                           "as permitted by Regulation S-T Rule 101(b)(7): "],
    "OTHER_CHECK_PROMPT": [" Indicate by check mark which applies: "],
    "FILE_NUMBER_82_PROMPT": [' If "Yes" is marked, indicate below the file number assigned to the '
                              "registrant in connection with Rule 12g3-2(b): "],
    "FORM_NOTICE": [" OMB APPROVAL\n", " Expires: August 31, 2005\n", " SEC 1815 (04-09)\n"],
    "SEQUENCE_NUMBER": [" (Report No. 4) "], "CHECK_ONE": [" (Check One) "],
    "COVER_ENTRY": ["\n1. ", "\nii)\n"], "ENTRY_TEXT": ["Press release dated May 6, 2004\n"],
    "COVER_NOTE": [" Note: Regulation S-T Rule 101(b)(1) only permits the submission in paper. "],
    "CHECK_TEXT": ["(Check one)\n", "Mark one of the following:\n"],
    "OPTION_20F": [" Form 20-F "], "OPTION_40F": [" Form 40-F "], "OPTION_YES": [" Yes "],
    "OPTION_NO": [" No "], "MARKED_BOX": [" [X] ", " |X| "], "EMPTY_BOX": [" [ ] ", " |_| "],
    "MARK": [" X ", " ___X___ "], "BLANK": [" ____ ", " --- "], "NOT_APPLICABLE": [" N/A "],
    "FILE_NUMBER_82": [" 82-1234 "], "NO_FILE_NUMBER_82": [" 82-____ "],
    "SIGNATURE_HEADING": [" SIGNATURES\n"], "SIGNATURE_LEGEND": [
        " Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
        "caused this report to be signed on its behalf by the undersigned, thereunto duly authorized. "],
    "OPENING_LEGEND": [" Pursuant to the requirements of the Securities Exchange Act of 1934, the "
                       "registrant has duly caused this report to be signed by the undersigned. "],
    "DATE_LABEL": [" Date: "], "OPENING_DATE_LABEL": [" Date: "], "BY_LABEL": [" By: "],
    "OPENING_BY_LABEL": [" By: "], "NAME_LABEL": [" Name: "], "TITLE_LABEL": [" Title: "],
    "NAME_TITLE_LABEL": [" Name and Title: "], "REGISTRANT_CAPTION": [" (Registrant) "],
    "CONFORMED_SIGNATURE": [" /s/ Kyu June Hwang  "], "SIGNATURE_DATE": [" November 18, 2002 "],
    "SIGNATURE_TEXT": [" Managing Director  "], "SIGNATURE_CAPTION": [" (Signature) "],
    "EXHIBIT_NUMBER": ["Exhibit 1 ", "EX-99.1 "],
    "PEM_BEGIN": ["-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n"], "PEM_END": ["-----END PRIVACY-ENHANCED MESSAGE-----\n"],
    "PEM_FIELDS": ["Proc-Type: 2001,MIC-CLEAR\n\n"],
    "SEC_DOCUMENT_OPEN": ["<SEC-DOCUMENT>0001-02-000003.txt : 20030506\n"], "SEC_DOCUMENT_CLOSE": ["</SEC-DOCUMENT>\n"],
    "SEC_HEADER_OPEN": ["<SEC-HEADER>0001.hdr.sgml : 20030506\n"], "SEC_HEADER_CLOSE": ["</SEC-HEADER>\n"],
    "HEADER_KEY": ["ACCESSION NUMBER:"], "NESTED_KEY": ["\tCOMPANY DATA:"], "DEEP_KEY": ["\t\tCENTRAL INDEX KEY:"],
    "HEADER_VALUE": ["\t0000932470"], "HEADER_TAG": ["<ACCEPTANCE-DATETIME>20030506154453"],
    "HEADER_TEXT": ["LINE WITHOUT LABEL"],
    "DOCUMENT_OPEN": ["<DOCUMENT>\n"], "DOCUMENT_CLOSE": ["</DOCUMENT>\n"], "MAIN_TYPE": ["<TYPE>6-K\n"],
    "OTHER_TYPE": ["<TYPE>EX-99.1\n"], "SEQUENCE_TAG": ["<SEQUENCE>1\n"], "FILENAME_TAG": ["<FILENAME>d6k.txt\n"],
    "DESCRIPTION_TAG": ["<DESCRIPTION>FORM 6-K\n"], "DOCUMENT_TAG": ["<PDF-FILE>x\n"],
    "TEXT_OPEN": ["<TEXT>\n"], "TEXT_CLOSE": ["</TEXT>\n"],
}


def _terminals():
    return sixk_grammar.get_parser().terminals


# What must follow an example for the terminal's lookahead to hold.
FOLLOWED_BY = {"CHECK_TEXT": "Form 20-F  X   Form 40-F ___\n", "INDEX_NUMBER": "Press release\n"}


def _takes_all(pattern, form, following="") -> bool:
    """The terminal matches the whole form but for blanks after it."""
    match = pattern.match(form + following)
    return bool(match) and match.end() <= len(form) and not form[match.end():].strip()


def test_every_example_matches_its_terminal():
    for terminal in _terminals():
        pattern = re.compile(terminal.pattern.to_regexp(), re.IGNORECASE)
        name = kind(str(terminal.name))
        for sample in EXAMPLES[name]:
            forms = [sample, sample.lstrip(" "), sample.strip(" "), sample.strip(" \t"), sample.strip(" |"),
                     sample.lstrip("\n")]   # a terminal that stands at a line start carries the line end before it
            assert any(_takes_all(pattern, form, FOLLOWED_BY.get(name, "")) for form in forms if form), (
                terminal.name, sample)


def _strings():
    explicit = {t.name: st.sampled_from(EXAMPLES[kind(str(t.name))]) for t in _terminals()}
    return from_lark(sixk_grammar.get_parser(cache=False), explicit=explicit)   # keeps .grammar


@given(_strings())
@example("<TABLE>\n<FN>\n<F1> 99.1       Press release\n</TABLE>\n")   # thorough run: footnotes
def test_strings_drawn_from_the_grammar_parse(text):
    sixk_grammar.get_parser().parse(text + "\n")
