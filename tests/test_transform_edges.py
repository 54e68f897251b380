"""What the transformer makes of layouts the corpus shows rarely, each on the
Nov 2002 seed with its cover or exhibit index laid out another way (the
layouts are those of real filings; docs/layouts.md names them)."""
from __future__ import annotations

import pytest

import sixk_grammar
from conftest import REAL, read
from test_html_rules import CREDICORP, _envelope
from test_rules import SEED, delete, edited, insert, replace

REAL_002 = next(path for path in REAL if path.stem == "r002")

INDEX_HEADING = 68      # "EXHIBIT INDEX"; lines 69-78 hold its <TABLE>
TRANSLATION_CAPTION = "                  (Translation of registrant's name into English)"


def exhibits_under_the_heading(*lines: str) -> list[dict]:
    return sixk_grammar.parse(edited(SEED, delete(69, 78), insert(INDEX_HEADING, "", *lines)))["exhibits"]


def test_descriptions_without_numbers_are_the_first_paragraph_under_the_heading():
    found = exhibits_under_the_heading("Description", "  Press release dated November 14, 2002",
                                       "Quarterly results presentation", "", "Some later text.")
    assert found == [
        {"line": 71, "end_line": 71, "number": None, "description": "Press release dated November 14, 2002"},
        {"line": 72, "end_line": 72, "number": None, "description": "Quarterly results presentation"}]


def test_a_number_alone_takes_the_cells_that_go_on_with_its_sentence():
    """A table flattened to text puts the number in a cell of its own and the
    description's lines in cells under it: a line goes on when it starts
    with a small letter or a figure, or the line above stops mid-sentence."""
    found = exhibits_under_the_heading(
        "Exhibit No. | Description", "99.1",
        "| Press release regarding the",        # 72: ends in "the"
        "| Company's results",                  # 73: goes on after "the"
        "| and its 2002 dividend.",             # 74: a small letter
        "| 3Q figures",                         # 75: a figure
        "| Unrelated note",                     # 76: a new sentence: not the exhibit's
        "99.2", "| Presentation")
    assert found == [
        {"line": 71, "end_line": 75, "number": "99.1",
         "description": "Press release regarding the Company's results and its 2002 dividend. 3Q figures"},
        {"line": 77, "end_line": 78, "number": "99.2", "description": "Presentation"}]


def registrants(company: str, english: str) -> tuple[str, str]:
    """The cover's names when an uncaptioned name stands over a captioned translation."""
    text = edited(SEED, replace(18, "HANARO TELECOM, INC.", company), replace(19, "(Name of the Registrant)", english),
                  insert(19, TRANSLATION_CAPTION))
    cover = sixk_grammar.parse(text)["cover"]
    return cover["registrant"], cover["registrant_english"]


def test_a_complete_name_over_a_translation_is_the_exact_name():
    assert registrants("Bayer Aktiengesellschaft", "Bayer Corporation") == ("Bayer Aktiengesellschaft",
                                                                             "Bayer Corporation")


def test_two_names_with_one_legal_form_are_two_registrants_filing_together():
    """ "N.V." and "NV" are one legal form: the names are not a translation pair."""
    assert registrants("ACME HOLDING N.V.", "ACME BANK NV") == ("ACME HOLDING N.V. ACME BANK NV", "ACME BANK NV")


def signer(signature: str, name_and_title: str) -> tuple:
    """The seed's signer with one "Name and Title:" cell under the signature."""
    text = edited(SEED, replace(62, "/s/ Kyu June Hwang", signature), delete(65),
                  replace(64, "Name:  Kyu June Hwang", name_and_title))
    found = sixk_grammar.parse(text)["signatures"][0]
    return found["signature"], found["name"], found["title"]


def test_a_name_and_title_cell_is_split_after_the_signed_name():
    assert signer("/s/ Kyu June Hwang", "Name and Title: Kyu June Hwang, Managing Director") == (
        "/s/ Kyu June Hwang", "Kyu June Hwang", "Managing Director")
    assert signer("/s/ \u201cKyu June Hwang\u201d", "Name and Title: Kyu June Hwang - Managing Director") == (
        "/s/ \u201cKyu June Hwang\u201d", "Kyu June Hwang", "Managing Director")
    assert signer("/s/ Kyu June Hwang", "Name and Title: Kyu June Hwang, Director, Region X") == (
        "/s/ Kyu June Hwang", "Kyu June Hwang", "Director, Region X")       # only separators are stripped


def test_a_name_and_title_cell_is_split_at_the_comma_before_an_office():
    """The signature is initials: the name ends where the office begins."""
    assert signer("/s/ K. J. Hwang", "Name and Title: Kyu June Hwang, Managing Director") == (
        "/s/ K. J. Hwang", "Kyu June Hwang", "Managing Director")
    assert signer("/s/ K. J. Hwang", "Name and Title: Hwang, Kyu June") == (
        "/s/ K. J. Hwang", "Hwang, Kyu June", None)


def test_a_name_and_title_cell_holding_an_office_is_the_title():
    assert signer("/s/ Kyu June Hwang", "Name and Title: Managing Director") == (
        "/s/ Kyu June Hwang", "Kyu June Hwang", "Managing Director")


def test_descriptions_under_column_headings_and_a_blank_line_are_read():
    found = exhibits_under_the_heading("Description", "", "Press release", "Presentation")
    assert [(e["line"], e["description"]) for e in found] == [(72, "Press release"), (73, "Presentation")]


@pytest.mark.parametrize("written", ["82-1234", "82- 1234", "82 - 1234"])
def test_an_82_number_is_read_without_its_blanks(written):
    text = edited(SEED, replace(38, "Yes           No   X", "Yes   X       No    "),
                  insert(39, "", 'If "Yes" is marked, indicate below the file number assigned to the registrant',
                         f"in connection with Rule 12g3-2(b): {written}"))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["rule_12g3_2b"], cover["file_number_82"]) == ("yes", "82-1234")


MONTHS = [("January", "01"), ("Jan.", "01"), ("February", "02"), ("Feb", "02"), ("March", "03"), ("Mar.", "03"),
          ("April", "04"), ("Apr", "04"), ("May", "05"), ("June", "06"), ("Jun.", "06"), ("July", "07"),
          ("Jul", "07"), ("August", "08"), ("Aug.", "08"), ("September", "09"), ("Sept.", "09"), ("Sep", "09"),
          ("October", "10"), ("Oct.", "10"), ("November", "11"), ("Nov", "11"), ("December", "12"), ("Dec.", "12")]


@pytest.mark.parametrize("month,number", MONTHS)
def test_every_month_spelling_is_a_month_on_a_one_line_cover_and_in_a_signature(month, number):
    """A cover flattened onto one line is split at its anchors, the period
    among them: the month names are what the grammar knows a date by."""
    lines = SEED.split("\n")
    cover = " ".join(line.strip() for line in lines[:24] if line.strip()).replace("November 2002", f"{month} 2002")
    text = "\n".join([cover] + lines[24:]).replace("Date: November 18, 2002", f"Date: {month} 18, 2002")
    result = sixk_grammar.parse(text)
    assert (result["cover"]["report_month"], result["cover"]["registrant"]) == (f"2002-{number}", "HANARO TELECOM, INC.")
    assert result["signatures"][0]["date"] == f"2002-{number}-18"


RIGHT = " " * 48        # the seed's signature column


@pytest.mark.parametrize("lines,expected", [
    (["Date: November 18, 2002", "", RIGHT + "Kyu June Hwang", RIGHT + "Managing Director"],
     ("Kyu June Hwang", "Managing Director", "2002-11-18")),
    ([RIGHT + "Name: Kyu June Hwang", RIGHT + "Managing Director"], ("Kyu June Hwang", None, None)),
    ([RIGHT + "Kyu June Hwang", RIGHT + "Title: Managing Director"], ("Kyu June Hwang", "Managing Director", None)),
    ([RIGHT + "Name and Title: Kyu June Hwang, Managing Director"], ("Kyu June Hwang", "Managing Director", None)),
    ([RIGHT + "Kyu June Hwang", RIGHT + "Managing Director"], ("Kyu June Hwang", "Managing Director", None)),
    ([RIGHT + "Kyu June Ho Park Lee Kim", RIGHT + "Managing Director"],       # six words: still a name
     ("Kyu June Ho Park Lee Kim", "Managing Director", None)),
])
def test_a_block_signed_without_by_or_s_takes_its_labelled_or_aligned_signer(lines, expected):
    """No "By:" and no "/s/": any labelled field makes the block's signer;
    with no label, the name under the registrant with a title after it."""
    text = edited(SEED, delete(62, 65), insert(61, *lines))
    assert [(s["signature"], s["name"], s["title"], s["date"]) for s in sixk_grammar.parse(text)["signatures"]] == [
        (None, *expected)]


def test_the_name_in_an_upper_case_signature_is_read_without_the_s():
    text = edited(SEED, replace(62, "/s/ Kyu June Hwang", "/S/ KYU JUNE HWANG"), delete(64, 65))
    signer = sixk_grammar.parse(text)["signatures"][0]
    assert (signer["signature"], signer["name"]) == ("/S/ KYU JUNE HWANG", "KYU JUNE HWANG")


@pytest.mark.parametrize("lines,expected", [
    ([RIGHT + "Kyu June Hwang", RIGHT + "Spokesperson"], ("Kyu June Hwang", "Spokesperson")),   # a title by its place
    ([RIGHT + "Managing Director"], ("Kyu June Hwang", "Managing Director")),    # a title alone: the name is the /s/ one
    ([RIGHT + "Kyu June Hwang", RIGHT + "Managing Director", RIGHT + "Finance Department"],
     ("Kyu June Hwang", "Managing Director Finance Department")),                  # a title over two lines
])
def test_unlabelled_lines_under_a_signature(lines, expected):
    text = edited(SEED, delete(64, 65), insert(63, *lines))
    assert [(s["name"], s["title"]) for s in sixk_grammar.parse(text)["signatures"]] == [expected]


@pytest.mark.parametrize("lines,answer,marks", [
    (["     Form 20-F   X       Form 40-F"], "20-F", [True, False]),             # a mark follows its option
    (["     [X] Form 20-F       [ ] Form 40-F"], "20-F", [True, False]),         # boxes before their options
    (["     [ ] Form 20-F       [X] Form 40-F"], "40-F", [False, True]),
    (["     Form 20-F", "     ___X___ Form 40-F ___"], "20-F", [True, False]),   # the mark opening the next line
    (["     Form 20-F              Form 40-F", "         X                     ____"], "20-F", [True, False]),
    (["     Form 20-F              Form 40-F", "         ____                  X"], "40-F", [False, True]),
    (["     Form 20-F              Form 40-F", "                                X"], "40-F", [False, True]),  # by column
    (["     Form 20-F              Form 40-F", "         X"], "20-F", [True, False]),
    (["     Form 20-F ____          Form 40-F ____", "                               X"], "40-F", [False, True]),
    (["     Form 20-F  X            Form 40-F  X"], None, [True, True]),         # both: no answer (SK306)
    (["     Form 20-F              Form 40-F", "  X"], "20-F", [True, False]),       # left of both: the first
    (["     Form 20-F              Form 40-F", " " * 28 + "X"], "40-F", [False, True]),   # under an option's first letter
    (["     Form 20-F              Form 40-F", " " * 27 + "X"], "20-F", [True, False]),   # one column before it
])
def test_where_a_mark_stands_says_which_form_it_answers(lines, answer, marks):
    cover = sixk_grammar.parse(edited(SEED, delete(30, 31), insert(29, *lines)))["cover"]
    options = cover["marks"]["annual_report_form"]["options"]
    assert (cover["annual_report_form"], [(o["option"], o["marked"]) for o in options]) == (
        answer, list(zip(["20-F", "40-F"], marks)))


def test_a_lone_box_cannot_say_which_form():
    cover = sixk_grammar.parse(edited(SEED, delete(30, 31), insert(29, "     ____")))["cover"]
    assert cover["annual_report_form"] is None
    assert [(o["option"], o["marked"]) for o in cover["marks"]["annual_report_form"]["options"]] == [("box", False)]


@pytest.mark.parametrize("box,answer", [("____", "no"), ("__X__", "yes"), ("[X]", "yes"), ("[ ]", "no")])
def test_a_lone_box_answers_a_yes_or_no_question(box, answer):
    paper = ["     Indicate by check mark if the registrant is submitting the Form 6-K in paper as",
             f"permitted by Regulation S-T Rule 101(b)(1): {box}"]
    cover = sixk_grammar.parse(edited(SEED, insert(31, "", *paper)))["cover"]
    assert cover["paper_101b1"] == answer


@pytest.mark.parametrize("written,number", [
    ("0-30470", "0-30470"), ("0 - 30470", "0-30470"),                  # blanks around the dash
    ("l-30470", "1-30470"), ("001-3l234", "001-31234"),                # a letter l typed for the figure 1
    ("L-30470", "1-30470"),
    ("N/A", None),
])
def test_a_commission_file_number_as_typed(written, number):
    text = edited(SEED, insert(16, "", f"                    Commission File Number: {written}"))
    assert sixk_grammar.parse(text)["cover"]["commission_file_number"] == number


@pytest.mark.parametrize("lines,address", [
    (["", "                              Seoul, Korea"], None),              # no line starts an address
    (["                              Seoul, Korea"], None),
    (["", "                   1445-3 Seocho-dong, Seoul, Korea"], "1445-3 Seocho-dong, Seoul, Korea"),
    (["                   1445-3 Seocho-dong, Seoul, Korea"], "1445-3 Seocho-dong, Seoul, Korea"),
])
def test_an_uncaptioned_address_under_the_name_starts_as_an_address_does(lines, address):
    """No captions at all: the lines under the name are its address only when
    one begins as addresses do (here a house number)."""
    cover = sixk_grammar.parse(edited(SEED, delete(19, 24), insert(18, *lines)))["cover"]
    assert (cover["registrant"], cover["address"]) == ("HANARO TELECOM, INC.", address)


PRESS_RELEASE = ("a press release dated November 14, 2002, regarding the announcement of the results of the "
                 "Company's operations for the third quarter ended September 30, 2002.")


@pytest.mark.parametrize("row, number", [
    ("99.1\ta press release dated", "99.1"), ("99.1 \t \ta press release dated", "99.1"),
    ("99.1    \ta press release dated", "99.1"), ("Exhibit 99.1\ta press release dated", "99.1"),
    ("99.1\ta press release dated\t", "99.1")])
def test_table_cells_split_at_tabs_rather_than_at_the_column_markers(row, number):
    """A row whose cells a tab separates: "a press release" starts before the
    <C> marker's column, and is not cut there; the first cell may hold blanks."""
    text = edited(SEED, replace(76, "99.1              a press release dated", row))
    assert [(e["number"], e["description"], e["line"]) for e in sixk_grammar.parse(text)["exhibits"]] == [
        (number, PRESS_RELEASE, 76)]


def test_a_table_of_one_marked_column_and_an_entry_on_the_inputs_last_line():
    assert exhibits_of(edited(SEED, replace(75, "<S>               <C>", "<S>"))) == [(76, 77, "99.1", PRESS_RELEASE)]
    last = edited(SEED, delete(69, 78), insert(68, "", "99.1 Press release")).rstrip("\n")
    assert exhibits_of(last) == [(70, 70, "99.1", "Press release")]



def test_a_description_line_that_starts_like_a_number_stays_in_its_column():
    """<S> and <C> mark the columns: a line whose number column is empty goes
    on with the description above, even when its text starts with "1."."""
    text = edited(SEED, replace(77, "                  Company's operations", "                  1. Company's operations"))
    assert [(e["number"], e["line"], e["end_line"]) for e in sixk_grammar.parse(text)["exhibits"]] == [("99.1", 76, 77)]
    assert "the results of the 1. Company's operations" in sixk_grammar.parse(text)["exhibits"][0]["description"]


@pytest.mark.parametrize("edit", [
    replace(77, "                  Company's operations", " Company's operations"),   # a continuation not aligned
    replace(75, "<S>               <C>", "<S>               <C>      <C>"),            # a marker inside the text
    replace(75, "<S>               <C>", "<S>      <C>"),                              # a marker left of it
])
def test_column_markers_never_cut_a_description_inside_a_word(edit):
    """The columns say where the number stands; the description is all the
    row holds after it, so markers set where no column starts cut no word."""
    exhibits = sixk_grammar.parse(edited(SEED, edit))["exhibits"]
    assert [(e["number"], e["description"], e["line"], e["end_line"]) for e in exhibits] == [
        ("99.1", PRESS_RELEASE, 76, 77)]


def exhibits_of(text: str) -> list[tuple]:
    return [(e["line"], e["end_line"], e["number"], e["description"]) for e in sixk_grammar.parse(text)["exhibits"]]


@pytest.mark.parametrize("lines, expected", [
    (["99.1 Press release", " of the Company"], (70, 71, "99.1", "Press release of the Company")),   # indented: goes on
    (["99.1 Press release regarding the", "Company's results"],            # not indented, after a number on the
     (70, 70, "99.1", "Press release regarding the")),                     # same line: a new line of its own
    (["99.1", "| Press release", "|", "| of the Company"], (70, 71, "99.1", "Press release")),   # a row of bars ends it
    (["99.1", "| Press release", "| Xerox agreement"], (70, 71, "99.1", "Press release")),       # a capital starts anew
    (["99.1 Press release regarding the", "     Company's Annex X"],
     (70, 71, "99.1", "Press release regarding the Company's Annex X")),
])
def test_where_a_description_under_the_heading_ends(lines, expected):
    assert exhibits_of(edited(SEED, delete(69, 78), insert(68, "", *lines))) == [expected]


def test_an_exhibit_tables_rows_as_typed():
    row = "a press release dated November 14, 2002, regarding the announcement of the results of the"
    assert exhibits_of(edited(SEED, replace(76, row, "Press release 99.1 of the Company"), delete(77))) == [
        (76, 76, "99.1", "Press release 99.1 of the Company")]          # the number again in the description
    assert exhibits_of(edited(SEED, replace(76, "              " + row, ""))) == [
        (76, 77, "99.1", "Company's operations for the third quarter ended September 30, 2002.")]   # number alone
    in_the_body = exhibits_of(edited(SEED, replace(76, "99.1 ", "EX-99.1"), delete(68)))    # no index heading:
    assert [(line, number) for line, _, number, _ in in_the_body] == [(45, "99.1"), (75, "99.1")]   # "EX-" counts


def test_a_block_with_only_a_name_and_title_cell_is_signed_by_it():
    text = edited(SEED, replace(62, "Date: November 18, 2002                     By: /s/ Kyu June Hwang", ""),
                  delete(63, 65), insert(62, " " * 48 + "Name and Title: Kyu June Hwang, Managing Director"))
    assert [(s["signature"], s["name"], s["title"]) for s in sixk_grammar.parse(text)["signatures"]] == [
        (None, "Kyu June Hwang", "Managing Director")]


def test_a_run_on_name_stops_at_an_office_word_up_to_the_longest_name():
    """A name on one line with its title after it (a flattened page): an
    office word right after the longest name a name can be still starts the
    title; later, the name is cut at that length and no title is guessed."""
    from sixk_grammar.transform.signature import NAME_WORDS, _run_on_name

    name = " ".join(["Jose", "Maria", "de", "la", "Cruz", "Ortega"][:NAME_WORDS])
    assert _run_on_name(f"{name} President and Chief Executive Officer") == (
        name, "President and Chief Executive Officer")
    assert _run_on_name(f"{name} Garcia President") == (name, None)


def test_a_title_keeps_at_most_its_longest_length_of_words():
    from sixk_grammar.transform.signature import TITLE_WORDS, _title_words

    words = [f"Word{chr(97 + i)}" for i in range(TITLE_WORDS + 1)]
    assert _title_words(" ".join(words)) == " ".join(words[:TITLE_WORDS])
    assert _title_words(" ".join(words[:TITLE_WORDS])) == " ".join(words[:TITLE_WORDS])


def test_a_date_alone_on_its_line_under_an_uncaptioned_name_leaves_it_the_registrant():
    """"HANARO TELECOM, INC." then "November 18, 2002" on the next line: the
    date does not end the title lines, so the name above it is the company's."""
    cover = sixk_grammar.parse(edited(SEED, replace(19, "(Name of the Registrant)", "November 18, 2002")))["cover"]
    assert (cover["registrant"], cover["positions"]["registrant"]) == ("HANARO TELECOM, INC.", 18)
    assert cover["address"].startswith("Kukje Electronics Center Bldg.") and cover["report_month"] == "2002-11"


def test_a_cover_that_opens_with_its_name_and_a_date_keeps_the_name_the_registrant():
    """No title lines at all (a cover cut down to its name, as some agents'
    HTML renders it): the date under the name is still no anchor that would
    make the address the first run after the title lines."""
    text = edited(SEED, replace(19, "(Name of the Registrant)", "November 18, 2002"), delete(2, 17))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["registrant"], cover["positions"]["registrant"]) == ("HANARO TELECOM, INC.", 2)
    assert cover["address"].startswith("Kukje Electronics Center Bldg.") and cover["report_month"] == "2002-11"


def _exhibits_under(*block: str) -> list[tuple]:
    """(number, description) of the exhibits when ``block`` replaces the
    seed's list of contents and its exhibit index."""
    text = edited(SEED, delete(66, 79), delete(43, 47), insert(42, *block, ""))
    return [(exhibit["number"], exhibit["description"]) for exhibit in sixk_grammar.parse(text)["exhibits"]]


@pytest.mark.parametrize("intro,numbers", [
    (("This report contains the", "following:"), ["1"]),     # the introducing words run over a line end
    (("This report holds the", "numbers:"), []),              # a colon alone introduces nothing
])
def test_numbered_lines_after_a_sentence_that_introduces_exhibits_are_exhibits(intro, numbers):
    exhibits = _exhibits_under(*intro, "", "1.   A press release dated November 14, 2002, regarding the results.")
    assert [number for number, _description in exhibits] == numbers


def test_roman_entry_numbers_keep_their_letters():
    """"X." and "XI.": the letters a cell bar or blank is stripped from are
    not stripped from the number itself."""
    assert _exhibits_under("EXHIBIT INDEX", "", "X.", "Press release", "XI.", "Notice of meeting") == [
        ("X", "Press release"), ("XI", "Notice of meeting")]


@pytest.mark.parametrize("heading", ["CONTENTS", "EXHIBIT INDEX"])
def test_a_cell_bar_after_a_number_in_its_own_cell_changes_nothing(heading):
    """Text rendered from a table puts "|" after a cell: "1 |" on its own
    line is read as "1" (a bare number under CONTENTS is a page number)."""
    plain = _exhibits_under(heading, "", "1", "Press release dated November 14, 2002")
    assert _exhibits_under(heading, "", "1 |", "Press release dated November 14, 2002") == plain
    assert plain == ([] if heading == "CONTENTS" else [("1", "Press release dated November 14, 2002")])


def test_a_rule_of_cell_bars_under_a_description_ends_it():
    """r002 as filed, its "|" lines indented as some renderings indent them:
    a line of bars is blank, so the description ends on the line above."""
    lines = read(REAL_002).split("\n")
    assert lines[23:26] == ["|", "Notice of Annual Meeting and Proxy Circular", "|"]
    lines[23] = lines[25] = "    |    "
    exhibits = sixk_grammar.parse("\n".join(lines))["exhibits"]
    assert [(e["number"], e["line"], e["end_line"], e["description"]) for e in exhibits] == [
        ("99.1", 23, 25, "Notice of Annual Meeting and Proxy Circular"), ("99.2", 27, 29, "Form of Proxy")]


def test_an_exhibit_index_whose_prose_introduces_its_numbered_lines_lists_them():
    """Under "EXHIBIT INDEX", a paragraph (longer than a line of prose can be)
    that introduces exhibits keeps the list open: "1." below it is an exhibit."""
    prose = ["The documents listed below are furnished to the Securities and Exchange",
             "Commission under cover of this report on Form 6-K by the Company, each of them",
             "as made public in the Republic of Korea during the month, and are made part of",
             "this report as the following:"]
    text = edited(SEED, delete(70, 79),
                  insert(69, *prose, "", "1.   A press release dated November 14, 2002, regarding the results.", ""))
    assert [(e["number"], e["line"]) for e in sixk_grammar.parse(text)["exhibits"]] == [("1", 75)]


def test_a_name_without_its_legal_form_over_a_translation_is_not_the_exact_name():
    """The uncaptioned line above a translation is the exact name only when it
    ends with its legal form; a parenthetical line under it leaves it short."""
    text = edited(SEED, delete(18, 24), insert(
        17, "                              HANARO TELEKOMMUNIKATION",
        "                              (Incorporated in Korea)",
        "", "                              HANARO TELECOM, INC.", TRANSLATION_CAPTION, "",
        "                   Kukje Electronics Center Bldg., 24th Floor",
        "                    (Address of Principal Executive Offices)"))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["registrant"], cover["registrant_english"]) == ("HANARO TELECOM, INC.", "HANARO TELECOM, INC.")


@pytest.mark.parametrize("caption", [["                    (Name and Address of Registrant)"], []])
def test_an_address_that_runs_on_from_the_names_line_keeps_every_line(caption):
    """Flattened HTML: the name's line goes on with the address, whose other
    lines follow."""
    text = edited(SEED, delete(18, 24), insert(
        17, "                              HANARO TELECOM, INC. Kukje Electronics Center Bldg., 24th Floor",
        "                          Seocho-dong 1445-3, Seocho-ku", "                              Seoul, Korea 137-728",
        *caption))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["registrant"], cover["address"]) == (
        "HANARO TELECOM, INC.",
        "Kukje Electronics Center Bldg., 24th Floor, Seocho-dong 1445-3, Seocho-ku, Seoul, Korea 137-728")


@pytest.mark.parametrize("repeated", [[], ["                              HANARO TELECOM, INC."]])
def test_under_a_name_caption_a_name_and_address_block_is_the_address(repeated):
    """"(Name of the Registrant)" under the name, then the address block
    captioned "(Name and Address of ...)": the block is the address, whether
    it repeats the name or not (its first line was taken for a name and
    dropped)."""
    text = edited(SEED, replace(24, "(Address of Principal Executive Offices)",
                                "(Name and Address of Principal Executive Offices)"), insert(20, *repeated))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["registrant"], cover["address"]) == (
        "HANARO TELECOM, INC.",
        "Kukje Electronics Center Bldg., 24th Floor, Seocho-dong 1445-3, Seocho-ku, Seoul, Korea 137-728")


def test_a_name_without_legal_form_ends_at_the_blank_line_of_a_name_and_address_block():
    """"HANARO TELECOM", a blank line, the address, then "(Name and Address
    of ...)": the blank line, not a legal form, ends the name."""
    text = edited(SEED, replace(24, "(Address of Principal Executive Offices)",
                                "(Name and Address of Principal Executive Offices)"),
                  replace(18, "HANARO TELECOM, INC.", "HANARO TELECOM"), delete(19))
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["registrant"], cover["address"]) == (
        "HANARO TELECOM",
        "Kukje Electronics Center Bldg., 24th Floor, Seocho-dong 1445-3, Seocho-ku, Seoul, Korea 137-728")


def test_a_signature_block_typed_inside_a_table_is_read_from_its_rows():
    """The seed's "Date: ... By: ..." lines wrapped in <TABLE> ... </TABLE>:
    the block reads the table's rows with its own vocabulary."""
    signatures = sixk_grammar.parse(edited(SEED, insert(65, "</TABLE>"), insert(59, "<TABLE>")))["signatures"]
    assert [(s["name"], s["title"], s["date"], s["registrant"]) for s in signatures] == [
        ("Kyu June Hwang", "Managing Director", "2002-11-18", "HANARO TELECOM, INC.")]


def test_an_explicit_exhibit_under_prose_that_introduces_none_is_listed():
    """Under "EXHIBIT INDEX", a paragraph about something else closes the
    list to bare numbers, not to "Exhibit 99.1", an exhibit wherever it stands."""
    prose = ["The Company held its annual general meeting of shareholders on November 14, 2002, at its",
             "head office in Seoul, where the shareholders approved the financial statements for the year",
             "and the appointment of two outside directors, as the board of directors had proposed to them.", ""]
    exhibits = exhibits_under_the_heading(*prose, "Exhibit 99.1  Press release dated November 14, 2002", "")
    assert [(e["number"], e["description"]) for e in exhibits] == [("99.1", "Press release dated November 14, 2002")]


def test_a_table_of_figures_in_the_body_lists_no_exhibits():
    """A <TABLE> outside an exhibit index lists only rows numbered "Exhibit
    ...": its "1.", "2." are lines of figures."""
    text = edited(SEED, delete(66, 79), insert(47, "", "<TABLE>", "<S>    <C>",
                                               "1.     Net revenue for the month                 100",
                                               "2.     Net income for the month                   10", "</TABLE>", ""))
    assert [e["number"] for e in sixk_grammar.parse(text)["exhibits"]] == ["99.1"]


def signers_of(*block: str, registrant=("HANARO TELECOM, INC.",)) -> list[tuple]:
    """The seed with its signature block (lines 58-66) replaced by the
    registrant's lines and ``block``."""
    text = edited(SEED, delete(58, 66), insert(57, *(" " * 44 + line for line in registrant), "", *block, ""))
    return [(s["registrant"], s["name"], s["title"], s["date"]) for s in sixk_grammar.parse(text)["signatures"]]


def test_a_row_of_two_signers_under_a_signer_takes_its_own_titles():
    assert signers_of(
        "Date: November 18, 2002                     By: /s/ Kyu June Hwang",
        "                                                Name:  Kyu June Hwang",
        "                                                Title: Managing Director", "",
        "                      By: /s/ Hee Chul Kim                By: /s/ Jin Ho Park",
        "                      Name:  Hee Chul Kim                 Name:  Jin Ho Park",
        "                      Title: Chief Financial Officer      Title: Director") == [
        ("HANARO TELECOM, INC.", "Kyu June Hwang", "Managing Director", "2002-11-18"),
        ("HANARO TELECOM, INC.", "Hee Chul Kim", "Chief Financial Officer", "2002-11-18"),
        ("HANARO TELECOM, INC.", "Jin Ho Park", "Director", "2002-11-18")]


def test_the_name_typed_in_a_signature_is_that_signers_whichever_column_holds_it():
    found = signers_of("Date: November 18, 2002",
                       "                      By: /s/ Hee Chul Kim                By: /s/ Jin Ho Park",
                       "                      Name:  Jin Ho Park                  Name:  Hee Chul Kim")
    assert [name for _, name, _, _ in found] == ["Hee Chul Kim", "Jin Ho Park"]


def test_a_registrant_broken_after_its_first_word_is_joined():
    found = signers_of("Date: November 18, 2002                     By: /s/ Kyu June Hwang",
                       "                                                Name:  Kyu June Hwang",
                       registrant=("HANARO", "TELECOM, INC."))
    assert found == [("HANARO TELECOM, INC.", "Kyu June Hwang", None, "2002-11-18")]


def test_a_title_runs_on_for_at_most_four_lines():
    found = signers_of("Date: November 18, 2002                     By: /s/ Kyu June Hwang",
                       "                                                Name:  Kyu June Hwang",
                       "                                                Title: Senior Vice President",
                       "                                                Head of Corporate Finance",
                       "                                                Head of Investor Relations",
                       "                                                Head of Treasury",
                       "                                                Head of Legal Affairs")
    assert found[0][2] == "Senior Vice President Head of Corporate Finance Head of Investor Relations Head of Treasury"


def test_the_first_unlabelled_date_is_the_blocks():
    found = signers_of("                                            By: /s/ Kyu June Hwang",
                       "                                                Name:  Kyu June Hwang", "",
                       "November 18, 2002", "                                            November 19, 2002")
    assert found == [("HANARO TELECOM, INC.", "Kyu June Hwang", None, "2002-11-18")]


def test_a_submission_with_no_6k_typed_document_reads_its_first():
    """A filing agent's wrong <TYPE> on the only document: it is still the 6-K."""
    cover = sixk_grammar.parse(_envelope(CREDICORP.replace("<TYPE>6-K", "<TYPE>EX-99", 1)))["cover"]
    assert (cover["registrant"], cover["report_month"]) == ("CREDICORP LTD.", "2025-02")
