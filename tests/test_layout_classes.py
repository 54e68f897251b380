"""The layout classes of filings nobody here has seen, one test each, built on
real corpus files.

Each test lays a real filing out as another filer agent or HTML converter
would (the transformation is in the test) and states what a careful reader
takes from the result; every expectation was checked against the filing's
text.  The classes are those of issue 9: answer lines on their own terms,
the registrant and its captions, report periods, signature blocks taken
from HTML tables, exhibit lists, and covers held on one line.
"""
from __future__ import annotations

import re

import pytest

import sixk_grammar
from conftest import CORPUS, read
from sixk_grammar.lint import check

REAL = CORPUS / "real" / "filings"


def real(name: str) -> str:
    return read(REAL / f"{name}.txt")


def one_line(text: str) -> str:
    """Text flattened into one line, as some converters leave a whole cover
    (an HTML filing has no <PAGE> tags)."""
    return re.sub(r"\s+", " ", text.replace("<PAGE>", " ")).strip() + "\n"


def without_questions(text: str) -> str:
    """The cover's check-box questions deleted: their answer lines stay."""
    question = re.compile(r"[(\[]?[ \t]*indicate\s+by\s+check\s+mark.*?(?:40-F|1934|\(\d\))[.:\])]*",
                          re.IGNORECASE | re.DOTALL)
    changed = question.sub("", text)
    assert changed != text
    return changed


# ----------------------------------------------------- 1. answer lines ---

def test_answer_lines_without_their_questions():
    """r004 (Mitsui, preserved): "Form 20-F  X     Form  40-F" and "Yes  No  X",
    with the marks on the line below the options, and no question above."""
    cover = sixk_grammar.parse(without_questions(real("r004")))["cover"]
    assert (cover["annual_report_form"], cover["rule_12g3_2b"]) == ("20-F", "no")


def test_answer_lines_without_questions_on_a_one_line_cover():
    """r019 (China Enterprises, one line): "Form 20-F X Form 40-F ----- -----
    Yes No X ----- -----" with the questions gone: both answers on one line."""
    cover = sixk_grammar.parse(without_questions(real("r019")))["cover"]
    assert (cover["annual_report_form"], cover["rule_12g3_2b"]) == ("20-F", "no")


def test_questions_in_other_words():
    """r009 (ECtel): the 20-F question worded "under cover of Form 20F or 40 F"."""
    text = real("r009").replace("Form 20-F or Form 40-F", "Form 20F or 40 F")
    cover = sixk_grammar.parse(text)["cover"]
    assert (cover["annual_report_form"], cover["rule_12g3_2b"]) == ("20-F", "no")


def test_repeated_yes_no_lines_without_questions():
    """r031 (Telecom Argentina): three "Yes ___ No X" lines (101(b)(1),
    101(b)(7), 12g3-2(b)) once their questions are gone: No is marked."""
    cover = sixk_grammar.parse(without_questions(real("r031")))["cover"]
    assert (cover["annual_report_form"], cover["rule_12g3_2b"]) == ("20-F", "no")


# ------------------------------------------------------- 2. registrant ---

def test_caption_with_nothing_above_it_names_no_registrant():
    """r024 (SK Telecom): the name above "(Translation of registrant's name
    into English)" blanked.  The address below is not the registrant, and the
    linter says the name is missing."""
    text = real("r024").replace("SK TELECOM CO., LTD.", "", 1)
    cover = sixk_grammar.parse(text)["cover"]
    assert cover["registrant"] is None
    assert "SK304" in {f.code for f in check(text)}


def test_blanked_name_above_an_address_is_missing_not_mismatched():
    """r026 (Acrex): the name line blanked leaves the address over its caption;
    SK304 (no registrant), not SK406 (signature names another company)."""
    text = real("r026").replace("ACREX VENTURES LTD.\n1400", "\n1400", 1)
    codes = {f.code for f in check(text)}
    assert sixk_grammar.parse(text)["cover"]["registrant"] is None
    assert "SK304" in codes and "SK406" not in codes


def test_name_running_into_the_address():
    """r026: "ACREX VENTURES LTD. 1400 - 570 Granville Street, ..." on one line."""
    text = real("r026").replace("ACREX VENTURES LTD.\n1400", "ACREX VENTURES LTD. 1400", 1)
    cover = sixk_grammar.parse(text)["cover"]
    assert cover["registrant"] == "ACREX VENTURES LTD."
    assert cover["address"].startswith("1400")


@pytest.mark.parametrize("name, registrant", [
    ("r020", "Harmony Gold Mining Company Limited"),      # "... Limited Suite No. 1 Private Bag X1"
    ("r003", "KT Corporation"),                           # "KT Corporation 206 Jungja-dong"
    ("r034", "LUXOTTICA GROUP S.p.A."),                   # "... S.p.A. VIA CANTU 2, MILAN"
    ("r032", "HYDRO ONE INC."),                           # "March 5, 2003 HYDRO ONE INC. ----"
])
def test_name_on_a_one_line_cover(name, registrant):
    assert sixk_grammar.parse(one_line(real(name)))["cover"]["registrant"] == registrant


def test_name_above_a_caption_in_text_without_blank_lines():
    """r007 (Ito-Yokado) flattened: the line above the name, "Report on
    Disclosure of Information of ITO-YOKADO CO., LTD.", ends another name."""
    text = "\n".join(line.strip() for line in real("r007").splitlines() if line.strip()) + "\n"
    assert sixk_grammar.parse(text)["cover"]["registrant"] == "ITO-YOKADO CO., LTD."


# ---------------------------------------------------------- 3. periods ---

@pytest.mark.parametrize("period, month", [
    ("|For the month of\n|\nNovember\n|, 2004", "2004-11"),   # cells of an HTML table
    ("For the month of Nov-04", "2004-11"),
    ("For the month of 11/2004", "2004-11"),
    ("As of November 30, 2004", "2004-11"),
    ("For the Quarter Ended November 30, 2004", "2004-11"),
    ("For November 30, 2004", "2004-11"),
])
def test_period_forms(period, month):
    """r015 (VSNL): "For the month November 2004" written other ways."""
    text = real("r015").replace("For the month November 2004", period, 1)
    cover = sixk_grammar.parse(text)["cover"]
    assert cover["report_month"] == month
    assert cover["registrant"] == "VIDESH SANCHAR NIGAM LIMITED"


# -------------------------------------------------------- 4. signatures ---

def test_name_and_title_labels_in_one_column():
    """r002 (Manulife): "|Name:" and "|Title:" in one column, the values in the next."""
    text = real("r002").replace("|Name:\n|Christer V. Ahlvik\n|Title:\n|Corporate Secretary",
                                "|Name:\n|Title:\n|Christer V. Ahlvik\n|Corporate Secretary")
    signer = sixk_grammar.parse(text)["signatures"][0]
    assert (signer["name"], signer["title"], signer["date"]) == (
        "Christer V. Ahlvik", "Corporate Secretary", "2003-03-31")


def test_date_label_in_a_cell_of_its_own_and_a_signature_caption():
    """r033 (Swisscom): "|Dated" / "|" / "September 30, 2003", and a
    "(Signature)" caption under the typed signature."""
    text = real("r033").replace("|Dated: September 30, 2003", "|Dated\n|\nSeptember 30, 2003")
    text = text.replace("|/s/ Stephan Wiederkehr", "|/s/ Stephan Wiederkehr\n(Signature)")
    signer = sixk_grammar.parse(text)["signatures"][0]
    assert (signer["date"], signer["name"]) == ("2003-09-30", "Stephan Wiederkehr")
    assert signer["title"] == "Senior Counsel Head of Corporate & Financial Law"


def test_quoted_names():
    """r026: 'By: "Carl R. Jonsson"' (curly quotes): the name without them."""
    signer = sixk_grammar.parse(real("r026"))["signatures"][0]
    assert signer["name"] == "Carl R. Jonsson"
    assert signer["signature"] == "\u201cCarl R. Jonsson\u201d"


def test_side_by_side_signers_on_one_line():
    """r002 with a second signer beside the first, flattened onto shared lines."""
    text = real("r002").replace(
        "|By:\n|/s/ \u201cChrister V. Ahlvik\u201d\n|Name:\n|Christer V. Ahlvik\n|Title:\n|Corporate Secretary",
        "By: /s/ Christer V. Ahlvik By: /s/ Jane Doe\nName: Christer V. Ahlvik Name: Jane Doe\n"
        "Title: Corporate Secretary Title: Treasurer")
    signers = sixk_grammar.parse(text)["signatures"]
    assert [(s["name"], s["title"]) for s in signers] == [
        ("Christer V. Ahlvik", "Corporate Secretary"), ("Jane Doe", "Treasurer")]


# ---------------------------------------------------------- 5. exhibits ---

def test_exhibit_lines_right_after_a_cover_without_questions():
    """r001 (Tesma) has "Exhibit 99.1" after its signature; here the list
    stands right after a cover that has no check-box part."""
    cover = real("r001").split("Indicate by check mark")[0]
    text = cover + "Exhibit 99.1 Notice of Meeting of the Registrant\nExhibit 99.2 Form of Proxy\n"
    assert [e["number"] for e in sixk_grammar.parse(text)["exhibits"]] == ["99.1", "99.2"]


def test_descriptions_without_numbers_under_an_exhibit_heading():
    """r026 without the "1" of its one exhibit: a null number, not one taken
    from the text (the "3" after it is the next page's counter)."""
    text = real("r026").replace("Description\n1\nAnnual", "Description\nAnnual", 1)
    exhibits = sixk_grammar.parse(text)["exhibits"]
    assert [(e["number"], e["description"]) for e in exhibits] == [
        (None, "Annual Information Form dated April 26, 2004")]


def test_numbered_paragraphs_of_a_press_release_are_not_exhibits():
    """r005 (Millea): "1. Revised forecast of ..." under "as follows." and a
    numbered list after "Highlights:" are the release's own text."""
    text = real("r005").replace("as follows.", "as follows:")
    assert sixk_grammar.parse(text)["exhibits"] == []


def test_exhibit_table_headed_by_its_columns():
    """r023 (SK Telecom) with its <TABLE> flattened to tab-separated cells
    under "Exhibit No.<tab>Description" and no "EXHIBIT INDEX" heading."""
    text = real("r023")
    body = text.index("SK Telecom is furnishing")
    rows = ("SK Telecom is furnishing under cover of Form 6-K:\n\nExhibit No.\t \tDescription\n"
            "99.1\t \tAn English summary of the filings made by SK Telecom Co., Ltd.\n"
            "99.2\t \tPress Release dated as of May 24, 2004 of SK Telecom Co., Ltd.\n")
    assert [e["number"] for e in sixk_grammar.parse(text[:body] + rows)["exhibits"]] == ["99.1", "99.2"]


# -------------------------------------------------- 6. one-line covers ---

@pytest.mark.parametrize("name", ["r004", "r009", "r013", "r024", "r031"])
def test_every_anchor_splits_a_one_line_cover(name):
    """The preserved covers flattened onto one line give the facts of the
    original: title, period, file number, names, captions, answers."""
    original = sixk_grammar.parse(real(name))["cover"]
    flat = sixk_grammar.parse(one_line(real(name)))["cover"]
    for key in ("title", "registrant", "report_month", "commission_file_number",
                "annual_report_form", "rule_12g3_2b", "file_number_82"):
        assert flat[key] == original[key], key


def test_signature_legend_splits_a_one_line_document():
    """r011 (Satmex) on one line: the body text stops at "SIGNATURES Pursuant
    to the requirements ...", and the block's fields are read."""
    signer = sixk_grammar.parse(one_line(real("r011")))["signatures"][0]
    assert (signer["date"], signer["name"]) == ("2000-03-03", "CYNTHIA M. PELINI")
    assert signer["registrant"] == "Satelites Mexicanos, S.A. de C.V."
