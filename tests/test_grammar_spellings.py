"""Every spelling the grammar lists, read by the terminal that lists it.

The grammar's terminals hold the wording filers use: twelve month names,
thirty-odd legal forms, street words, box shapes, file-number labels.  The
corpus writes only some of them, so a reviewer's edit that drops "A/S" or
"Aug" from a pattern would pass every corpus test (tools/grammar_mutation.py
measured 27.5% of such edits killed before this file).  Each case below is
one spelling, with the text the terminal must take from it (None: the
terminal must not match there).  The layouts the spellings come from are in
docs/layouts.md; the dict-level cases at the end show a few of them through
``parse``.
"""
from __future__ import annotations

import re

import pytest

import sixk_grammar
from sixk_grammar.lint.rules.signature import comparable_name, names_match
from sixk_grammar.parser import terminal_pattern
from test_rules import SEED, delete, edited, insert, replace

# (terminal, text, what the terminal takes from the text's start).
# Text after the expected match is the context the terminal looks at.
#: Every legal form the grammar lists, as registrants write it.
LEGAL_FORMS = ("Inc.", "Incorporated", "Corp.", "Corporation", "Co.", "Company", "Ltd", "Limited", "LLC", "plc",
               "N.V.", "NV", "B.V.", "S.A.", "S.A.B.", "S.p.A.", "S.A.A.", "S.E.", "AG", "Aktiengesellschaft", "ASA",
               "A/S", "AB", "Oyj", "GmbH", "K.K.", "Kabushiki Kaisha", "Tbk", "Bhd", "Berhad", "Pty", "Pte", "Ltda",
               "de C.V.", "SAB de C.V.", "S.A. de C.V.")

SPELLINGS = [
    # ------------------------------------------------ lines (common.lark) ---
    # blank lines hold blanks and the "|" cell bars of flattened tables
    ("cover__NL", "\n  \n | \n", "\n  \n | \n"),
    ("cover__FORM_TITLE", "FORM 6-K | \n | \n", "FORM 6-K | \n | \n"),
    ("PAGE_BREAK", "<PAGE> | \n | \nText", "<PAGE> | \n | \n"),
    # a phrase breaks its line between words, with cells around the break
    ("cover__REPORT_TITLE", "REPORT | \n | \n | OF FOREIGN PRIVATE ISSUER", "REPORT | \n | \n | OF FOREIGN PRIVATE ISSUER"),
    ("cover__REPORT_TITLE", "REPORT OF FOREIGN PRIVATE ISSUER", "REPORT OF FOREIGN PRIVATE ISSUER"),
    # ------------------------------------------------------------ dates ---
    *[("cover__PERIOD_DATE", month, month) for month in (
        "January 2003", "Feb 2003", "Mar. 2003", "April 2003", "May 2003", "June 2003", "Jul 2003",
        "August 2003", "Sept. 2003", "October 2003", "Nov 2003", "Dec 2003", "May 1999")],
    *[("cover__BARE_DATE", date, date) for date in ("1st May 2003", "2nd May 2003", "3rd May 2003", "4th May 2003")],
    # the year in a cell of its own, on the next line
    ("cover__PERIOD_DATE", "March | \n | , 2004", "March | \n | , 2004"),
    *[("signature__SIGNATURE_DATE", date, date) for date in ("1999/11/18", "2002-05-03", "2002.12.31")],
    ("cover__PERIOD_DATE", "01/2004", "01/2004"),
    ("cover__PERIOD_DATE", "11-1999", "11-1999"),
    ("cover__PERIOD_DATE", "Jan-04", "Jan-04"),
    # a prefix needs a date after it: a day may lead it, with its suffix
    *[("cover__PERIOD_PREFIX", f"Dated {day} May 2003", "Dated ") for day in ("1st", "2nd", "3rd", "4th")],
    # ------------------------------------------------------------ pages ---
    ("PAGE_BREAK", "<PAGE>   2\n", "<PAGE>   2\n"),
    ("PAGE_BREAK", "<PAGE> - 2 -\n", "<PAGE> - 2 -\n"),
    ("PAGE_COUNTER", "Page 2 of 16\n", "Page 2 of 16\n"),
    ("cover__PAGE_COUNTER", "Page 2\n", "Page 2\n"),
    ("cover__PAGE_COUNTER", "2 of 16\n", "2 of 16\n"),
    ("cover__PAGE_COUNTER", "- 2 -\n", "- 2 -\n"),
    ("cover__PAGE_COUNTER", "2\nACME", "2\n"),            # a bare number at the top of the input
    # ------------------------------------------- names end at a legal form ---
    *[("cover__NAME_TEXT", f"ACME {form} Hovedgaden 12", f"ACME {form}") for form in LEGAL_FORMS],
    # ----------------------------------- an address ends the words before it ---
    *[("cover__TEXT", f"ACME HOLDINGS {street}", "ACME HOLDINGS") for street in (
        "Avenida Paulista 1000", "Avenue Road", "Av. Brasil 500", "Via Roma 12", "Viale Europa 190",
        "Calle 72", "Carrera 7", "Rua Funchal 418", "Rue de Rome", "Jalan Sudirman 1", "Paseo de la Reforma",
        "Piazza Affari 6", "Corso Italia 3", "Boulevard Haussmann", "Blvd. Haussmann", "P.O. Box 12",
        "Postfach 100", "Apartado 4", "Casilla 9", "Private Bag 92", "Suite 400", "Level 12", "Floor 3",
        "Unit 5", "Room 101", "1400 - 570 Granville Street", "2-1, Ohtemachi", "12345 | \n")],
    ("cover__ADDRESS_TEXT", "Jalan Sudirman Kav. 52", "Jalan Sudirman Kav. 52"),
    # --------------------------------------------------- heading anchors ---
    ("cover__RULE_REFERENCE", "Pursuant to Rules 13a-16 or 15d-16 under the Securities Exchange Act of 1934",
     "Pursuant to Rules 13a-16 or 15d-16 under the Securities Exchange Act of 1934"),
    ("cover__RULE_REFERENCE", "Pursuant to Section 13a-16 or 15d-16 of the Securities Exchange Act",
     "Pursuant to Section 13a-16 or 15d-16 of the Securities Exchange Act"),
    ("cover__UNITED_STATES", "UNITED STATES\n", "UNITED STATES\n"),
    ("cover__UNITED_STATES", "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "UNITED STATES"),
    *[("cover__FORM_NOTICE", notice, notice) for notice in (
        "Persons who are to respond to the collection of information contained in this form are not "
        "required to respond unless the form displays a currently valid OMB control number.",
        "Persons who potentially are to respond to the collection of information contained in this form "
        "are not required to respond unless the form displays a currently valid OMB control number.",
        "Potential persons who are to respond to the collection of information contained in this form "
        "are not required to respond unless the form displays a currently valid OMB control number.")],
    # --------------------------------------------------------- periods ---
    *[("cover__PERIOD_PREFIX", f"{prefix} September 30, 2002", f"{prefix} ") for prefix in (
        "For the month of", "For the month ended", "For the month ending", "For the quarter ended",
        "For the quarterly period ended", "For the period ended", "For the year ended",
        "For the three months ended", "For the six months ended", "For the nine months ending",
        "For the twelve months ended", "For the period of", "For the period from")],
    *[("cover__PERIOD_DATE", span, span) for span in (
        "October 22 - 29, 2004", "28 March to 3 April 2003", "December 28, 2003 through January 3, 2004",
        "October 28 until November 3, 2004")],
    ("cover__SEQUENCE_NUMBER", "(No. 3)", "(No. 3)"),
    ("cover__SEQUENCE_NUMBER", "Report No. 4", "Report No. 4"),
    # what stands after a prefix when it is not a date
    *[("cover__PERIOD_TEXT", text, text) for text in (
        "Novembr 1st, 2002", "Novembr 2nd, 2002", "Novembr 3rd, 2002", "Novembr 4th, 2002", "____, 20__",
        "Novembr ____")],
    # ---------------------------------------------------- file numbers ---
    *[("cover__FILE_NUMBER_LABEL", f"{label} 1-14700", f"{label} ") for label in (
        "Commission File Number", "Commission File Numbers", "SEC File No.", "SEC File Nos.")],
    ("cover__FILE_NUMBER_LABEL", "Commission File Number | \n | 1-14700", "Commission File Number | \n | "),
    ("cover__FILE_NUMBER", "1-1234l5", "1-1234l5"),
    *[("cover__FILE_NUMBER", numbers, numbers) for numbers in (
        "1-14700, 1-14701", "1-14700 and 1-14701", "1-14700 & 1-14701")],
    # --------------------------------------------------------- captions ---
    ("cover__NAME_CAPTION", "(Name of Registrant)", "(Name of Registrant)"),
    ("cover__NAME_CAPTION", "(Name of Registrant\n", "(Name of Registrant\n"),
    *[("cover__OTHER_CAPTION", caption, caption) for caption in (
        "(Registrant's telephone number, including area code)", "(Telephone number)",
        "(I.R.S. Employer Identification No.)", "(Zip Code)", "(Commission File Number)",
        "(Commission File No.)")],
    # ---------------------------------------- numbered lines of the cover ---
    ("cover__COVER_ENTRY", "1. Press release", "1."),
    ("cover__COVER_ENTRY", "ii) Notice of meeting", "ii)"),
    ("cover__COVER_ENTRY", "a) Letter to shareholders", "a)"),
    ("cover__COVER_ENTRY", "1.\nPress release", "1.\n"),
    # ----------------------------------- text stops before a cover anchor ---
    *[("cover__TEXT", f"ACME {anchor}", "ACME") for anchor in (
        "Pursuant to Rule 13a-16", "Pursuant to Section 13a-16", "OMB Approval", "OMB Number: 3235-0116",
        "Persons who are to respond", "Persons who potentially are to respond", "Potential persons who are to respond",
        "(Exact name of registrant", "(Name of registrant", "(Translation of name", "(Address of office",
        "(Jurisdiction of incorporation", "(State or other jurisdiction", "(Registrant's name",
        "Indicate by check mark", 'If "Yes" is marked', "SIGNATURES", "Pursuant to the requirements of",
        "Exhibit 99.1", "EX-99.1", "Report of Foreign Private Issuer", "Report on Form 6-K", "Expires: July 31, 2008",
        "Estimated average burden", "(No. 3)", "Report No. 4", "SEC 1815 (04-09)", "For the month of May 2003",
        "Dated May 2, 2003", "As of May 2, 2003", "Date of Report: May 2003", "Commission File Number 1-1",
        "FORM 6-K", "UNITED STATES SECURITIES", "Washington, D.C.", "* Note: Regulation S-T Rule 101(b)(1)",
        "<B>x")],
    # ... and before an answer line: an option, then what answers are made of
    *[("cover__TEXT", f"Results {answers}", "Results") for answers in (
        "Form 20-F | X", "Form 20-F\n", "Form 20-F ____", "Form 20-F X", "Form 20-F Form 40-F", "20-F 40-F",
        "Yes No")],
    # ------------------------------------------------------- questions ---
    *[("cover__ANNUAL_REPORT_PROMPT", prompt, prompt) for prompt in (
        "Indicate by check mark whether the registrant files annual reports under cover of Form 20-F.",
        "Indicate by check mark whether the registrant files annual reports under cover of Form 40-F.")],
    *[("cover__CHECK_TEXT", f"Is this a question?\n{start}", "Is this a question?\n") for start in (
        " | Form 20-F X", "Indicate by check mark whether", 'If "Yes" is marked, indicate')],
    # --------------------------------------------------------- answers ---
    ("cover__OPTION_20F", "From 20-F X", "From 20-F "),
    ("cover__OPTION_20F", "Form 20-F X", "Form 20-F "),
    *[("cover__EMPTY_BOX", box, box) for box in ("[ _ ]", "| _ |", "/ /", "( )")],
    *[("cover__BLANK", blank, blank) for blank in ("____", "----", "......")],
    *[("cover__NOT_APPLICABLE", text, text) for text in ("N/A", "Not applicable", "None")],
    ("cover__NO_FILE_NUMBER_82", "82- ___", "82- ___"),
    # -------------------------------------------------------- envelope ---
    *[("envelope__SEC_DOCUMENT_OPEN", f"<{kind}-DOCUMENT>0000950123-02-011183.txt : 20021118\n",
       f"<{kind}-DOCUMENT>0000950123-02-011183.txt : 20021118\n") for kind in ("SEC", "IMS")],
    *[("envelope__SEC_DOCUMENT_CLOSE", f"</{kind}-DOCUMENT>\n", f"</{kind}-DOCUMENT>\n") for kind in ("SEC", "IMS")],
    *[("envelope__SEC_HEADER_OPEN", f"<{kind}-HEADER>0000950123-02-011183.hdr.sgml : 20021118\n",
       f"<{kind}-HEADER>0000950123-02-011183.hdr.sgml : 20021118\n") for kind in ("SEC", "IMS")],
    *[("envelope__SEC_HEADER_CLOSE", f"</{kind}-HEADER>\n", f"</{kind}-HEADER>\n") for kind in ("SEC", "IMS")],
    # ------------------------------------------------------- signatures ---
    ("signature__SIGNATURE_HEADING", "SIGNATURES\n", "SIGNATURES"),
    ("signature__SIGNATURE_HEADING", "SIGNATURES Pursuant to the requirements", "SIGNATURES "),
    *[("signature__SIGNATURE_LEGEND", legend, legend) for legend in (
        "Pursuant to the requirements of the Act, the registrant has duly caused this report to be signed "
        "by the undersigned, thereunto duly authorized in Madrid.",
        *[f"Pursuant to the requirements of the Act, the registrant has duly caused this report to be signed "
          f"by the undersigned, thereunto duly authorized,\n{place} the place below." for place in (
              "in", "on", "at", "this", "as of")])],
    ("signature__OPENING_BY_LABEL", "By: /s/ Kyu June Hwang", "By:"),
    ("signature__OPENING_BY_LABEL", "By | /s/ Kyu June Hwang", "By"),
    ("signature__OPENING_BY_LABEL", "By | \nKyu June Hwang", "By"),
    ("signature__TITLE_LABEL", "Title: Managing Director", "Title:"),
    ("signature__TITLE_LABEL", "Its: Managing Director", "Its:"),
    *[("signature__NAME_TITLE_LABEL", f"{label} Kyu June Hwang", label) for label in (
        "Name and Title:", "Name & Title:", "Name/Title:")],
    # a signer's words stop before a label, a typed signature, a caption
    *[("signature__SIGNATURE_TEXT", f"Kyu June Hwang {field}", "Kyu June Hwang") for field in (
        "Name: Kyu", "Title: Director", "Its: Director", "Name and Title", "/s/ Kyu", "(Registrant)")],
    *[("signature__SIGNATURE_CAPTION", caption, caption) for caption in (
        "(Signature)", "(Name)", "(Printed Name)", "(Print Name)", "(Name and Title)", "(Name & Title)",
        "(Title)", "(Date)")],
    # ------------------------------------------------------------ body ---
    # an HTML document is known by the tag of an element that lays out a page
    *[("HTML_TEXT", f"{tag}Report\n", f"{tag}Report\n") for tag in (
        "<html>", "<head>", "<body>", "<title>", '<meta charset="utf-8">', '<link rel="x">', "<style>", "<p>",
        "<div>", '<font size="2">', "<br>", "<hr/>", "<center>", "<tr>", "<td>", "<th>", "<tbody>", "<thead>",
        '<img src="a.jpg">', "<h2>", "<ul>", "<ol>", "<li>", "<blockquote>", "<ix:header>",
        '<table border="0">', "<!DOCTYPE html>")],
    *[("XML_TEXT", f"<{tag}>\n<a/>\n", f"<{tag}>\n<a/>\n") for tag in ("XBRL", "XML", "JSON")],
    *[("BINARY_TAG", f"<{tag}>\n", f"<{tag}>\n") for tag in ("PDF", "GRAPHIC", "ZIP", "EXCEL")],
    *[("BINARY_CLOSE", f"</{tag}>\n", f"</{tag}>\n") for tag in ("PDF", "GRAPHIC", "ZIP", "EXCEL")],
    # uuencoded lines stop before the line that closes their document
    *[("UU_LINES", f"M86)C\n | </{tag}>\n", "M86)C\n") for tag in ("TEXT", "PDF", "GRAPHIC", "ZIP", "EXCEL")],
    ("EXHIBIT_NUMBER", "Exhibit No. 99.1 Press release", "Exhibit No. 99.1"),
    ("EXHIBIT_NUMBER", "EX-99.1 Press release", "EX-99.1"),
    *[("LIST_NUMBER", f"{number} Press release", number) for number in ("99.1", "1.", "(a)", "a)", "ii)")],
    # a number alone at a page's foot is the page's, not an exhibit's
    *[("INDEX_NUMBER", f"2{end}", None) for end in (" | \n\n<PAGE>", "\n</TEXT>", "\n")],
    ("INDEX_NUMBER", "2 Press release", "2"),
    *[("EXHIBIT_INDEX_HEADING", f"{heading}\n", f"{heading}\n") for heading in (
        "INDEX TO EXHIBITS", "INDEX OF EXHIBITS", "Exhibit No. Description", "Exhibit Number Description",
        "Exhibit # Description", "Exhibit | \n | Description", "Exhibit Description of Exhibits",
        "Exhibit Description of the Documents")],
    # body text stops before a signature heading, alone or before its legend
    *[("BODY_TEXT", f"The Company reports.\n{heading}\n", "The Company reports.\n") for heading in (
        "SIGNATURES", "SIGNATURES Pursuant to the requirements of the Act, the registrant has duly caused this "
        "report to be signed by the undersigned.")],
    # ---------------------------------------------------------- tables ---
    ("tables__MARKER_END", "  \n | \n", "  \n | \n"),
    *[("TABLE_ROWS", f"99.1  Press release\n | {tag}\n", "99.1  Press release\n") for tag in (
        "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>", "<FN>", "</FN>", "<F1>", "<PAGE>")],
]


def _case_id(case: tuple) -> str:
    """Letters, digits and "_" only: mutmut hands the ids back to pytest."""
    terminal, text, _taken = case
    return re.sub(r"\W+", "_", f"{terminal}-{text}")[:60]


@pytest.mark.parametrize("terminal, text, taken", SPELLINGS, ids=[_case_id(case) for case in SPELLINGS])
def test_each_spelling_is_read_by_its_terminal(terminal, text, taken):
    found = terminal_pattern(terminal).match(text)
    assert (found and found.group()) == taken, (terminal, text)


def test_a_bare_page_number_counts_at_a_page_foot_only():
    """"151" on a line of its own in an address is a house number; before
    <PAGE> or at the end of the input it is the page's number."""
    counter = terminal_pattern("cover__PAGE_COUNTER")
    text = "Seoul\n2\n<PAGE>\n151\n24 Maroussi\n3\n"
    assert counter.match(text, 6).group() == "2\n"
    assert counter.match(text, text.index("151")) is None
    assert counter.match(text, text.index("3\n")).group() == "3\n"


# ------------------------------------------------------ through parse() ---

def uncaptioned_cover(first_line: str) -> dict:
    """The seed's cover with its name and street on one uncaptioned line (a
    cover flattened from HTML)."""
    return sixk_grammar.parse(edited(SEED, replace(18, "HANARO TELECOM, INC.", first_line), delete(19)))["cover"]


@pytest.mark.parametrize("form", ["A/S", "S.p.A.", "Kabushiki Kaisha", "Tbk", "Berhad", "de C.V."])
def test_an_uncaptioned_name_ends_at_its_legal_form(form):
    cover = uncaptioned_cover(f"ACME {form} Hovedgaden Road, Copenhagen")
    assert cover["registrant"] == f"ACME {form}"
    assert cover["address"].startswith("Hovedgaden Road, Copenhagen, Kukje")


@pytest.mark.parametrize("form", LEGAL_FORMS)
def test_the_checks_compare_names_without_every_legal_form_the_grammar_lists(form):
    """SK406 and SK603 read the grammar's own list: "ACME S.A.B." and "Acme"
    are one registrant, and no stray letter of the form is left."""
    assert comparable_name(f"The ACME {form}") == comparable_name(f"ACME, {form.upper()}") == "acme"
    assert names_match(f"ACME {form}", "Acme")


@pytest.mark.parametrize("street", ["Via Roma 12", "Jalan Sudirman 1", "Blvd. Haussmann 2", "P.O. Box 12", "Suite 400"])
def test_an_uncaptioned_name_ends_where_its_address_starts(street):
    cover = uncaptioned_cover(f"ACME HOLDINGS {street}")
    assert (cover["registrant"], cover["address"].split(", Kukje")[0]) == ("ACME HOLDINGS", street)


@pytest.mark.parametrize("written, month", [
    ("Aug 2003", "2003-08"), ("Sept. 2003", "2003-09"), ("Dec 1999", "1999-12"), ("01/2004", "2004-01"),
    ("Jan-04", "2004-01")])
def test_report_months_in_every_spelling(written, month):
    cover = sixk_grammar.parse(edited(SEED, replace(15, "November 2002", written)))["cover"]
    assert (cover["report_month"], cover["report_month_text"]) == (month, written)


@pytest.mark.parametrize("line, answer", [
    ("Form 20-F ( )   Form 40-F (X)", "40-F"), ("Form 20-F /X/   Form 40-F / /", "20-F"),
    ("From 20-F X   From 40-F", "20-F"), ("Form 20-F ......   Form 40-F X", "40-F")])
def test_answers_in_every_box_shape(line, answer):
    text = edited(SEED, replace(30, "Form 20-F   X       Form 40-F", line), delete(31))
    assert sixk_grammar.parse(text)["cover"]["annual_report_form"] == answer


def test_two_file_numbers_joined_by_a_word():
    text = edited(SEED, insert(16, "", "SEC File Nos. 1-14700 and 1-14701"))
    assert sixk_grammar.parse(text)["cover"]["commission_file_number"] == "1-14700 and 1-14701"


OMB_BOX = ["                                          OMB APPROVAL",
           "                                          OMB Number: 3235-0116",
           "                                          Expires: July 31, 2008",
           "                                          Estimated average burden",
           "                                          hours per response ... 6.20", ""]
SEC_NOTICE = ["Persons who potentially are to respond to the collection of information contained in this form "
              "are not required to respond unless the form displays a currently valid OMB control number.", ""]


@pytest.mark.parametrize("edits", [
    [insert(1, *OMB_BOX)],                                  # the OMB box over the title: its date is no period
    [insert(1, *SEC_NOTICE)],                               # the SEC's notice
    [insert(1, "                                      - 1 -")],   # a page counter at the top
    [insert(17, "<R>")],                                    # a stray tag over the name
    [replace(15, "November 2002", "November 2002 (No. 3)")],   # the report's number after its period
    [insert(24, "                          (82-2) 6266-4114",
            "          (Registrant's telephone number, including area code)")],
])
def test_what_a_cover_prints_besides_its_facts_is_never_one(edits):
    """The seed with its name uncaptioned (the registrant is then the first
    text after the title lines) and one more printed item on its cover: the
    heading anchors, not free text, must take each item."""
    cover = sixk_grammar.parse(edited(SEED, delete(19), *edits))["cover"]
    assert (cover["registrant"], cover["report_month"], cover["report_month_text"], cover["title"]) == (
        "HANARO TELECOM, INC.", "2002-11", "November 2002", "FORM 6-K")
    assert cover["address"].startswith("Kukje Electronics Center Bldg., 24th Floor")
