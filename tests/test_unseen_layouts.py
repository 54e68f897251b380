"""The layout classes that failed on filings nobody here had seen (issue 15),
one test each, built on real corpus files.

Where a real file shows the class, the test reads that file as it is; where
the corpus has no instance, the test edits a real file the way other filer
agents lay the same thing out (the edit is in the test).  Every expectation
was checked against the filing's text.
"""
from __future__ import annotations

import re

import pytest

import sixk_grammar
from conftest import CORPUS, read
from sixk_grammar.lint import check

REAL = CORPUS / "real" / "filings"
HTML = CORPUS / "html" / "filings"


def real(name: str) -> str:
    return read(REAL / f"{name}.txt")


def facts(text: str) -> dict:
    return sixk_grammar.parse(text)


# ------------------------------------------------- 1. HTML as filed ---

def _credicorp() -> str:
    """h004 (Credicorp, Broadridge), in its <DOCUMENT> wrapper."""
    return read(HTML / "h004.htm")


def _html_variants() -> dict[str, str]:
    source = _credicorp()
    html = source[source.index("<html>"):source.index("</TEXT>")]
    body = html[html.index("<body"):html.index("</body>") + len("</body>")]
    inner = body[body.index(">") + 1:-len("</body>")]
    return {
        "bare": html,
        "after blank lines": "\n\n   " + html,
        "a fragment in its <DOCUMENT>": source.replace(html, inner),
        "a bare fragment": inner,
        "a <title> first": "<title>6-K</title>\n" + inner,
        "an inline XBRL <XBRL> wrapper": source.replace("<TEXT>\n", "<TEXT>\n<XBRL>\n").replace(
            "</TEXT>", "</XBRL>\n</TEXT>"),
    }


@pytest.mark.parametrize("variant", list(_html_variants()))
def test_html_is_read_whatever_comes_before_it(variant):
    result = facts(_html_variants()[variant])
    cover = result["cover"]
    assert (cover["registrant"], cover["report_month"], cover["annual_report_form"]) == (
        "CREDICORP LTD.", "2025-02", "20-F")
    assert [(s["name"], s["title"], s["date"]) for s in result["signatures"]] == [
        ("Milagros Cigüeñas", "Authorized Representative", "2025-02-14")]


def test_a_stray_inline_tag_does_not_make_plain_text_html():
    """A plain-text seed with "<B>" in its body stays plain text (SK207 names the tag)."""
    text = read(CORPUS / "seeds" / "hanaro-2002-11.txt")
    lines = text.split("\n")
    lines.insert(44, "<B>Press release</B>")
    result = sixk_grammar.parse("\n".join(lines))
    assert result["cover"]["registrant"] == "HANARO TELECOM, INC." and result["signatures"]
    assert "SK207" in {finding.code for finding in check("\n".join(lines))}


# ------------------------------------ 2. phrases broken across lines ---

def test_anchors_broken_after_their_first_word():
    """r068 (Top Tankers): "UNITED" / "STATES", "Commission" / "File Number",
    "TOP" / "TANKERS INC.", "(Translation" / "of registrant's name ...)",
    "Form" / "20-F [ X ] Form 40-F" / "[ ]"."""
    cover = facts(real("r068"))["cover"]
    assert (cover["registrant"], cover["report_month"], cover["annual_report_form"],
            cover["rule_12g3_2b"]) == ("TOP TANKERS INC.", "2007-07", "20-F", "no")


def test_label_and_index_heading_broken_across_lines():
    """r060 (AstraZeneca): "Commission File" / "Number: 001-11960", "For
    March" / "2008", "INDEX TO" / "EXHIBITS", descriptions over lines."""
    result = facts(real("r060"))
    cover = result["cover"]
    assert (cover["registrant"], cover["commission_file_number"], cover["report_month"]) == (
        "AstraZeneca PLC", "001-11960", "2008-03")
    assert [e["number"] for e in result["exhibits"]] == [str(n) for n in range(1, 9)]
    assert result["exhibits"][0]["description"] == "Press release entitled, “Publication of Annual Report”, dated 6 March 2008."


# ------------------------------------------ 3. boxes before the title ---

def test_omb_box_dates_are_never_the_period():
    """r050 (Gold City): "OMB APPROVAL" ... "Expires: August 31, 2005" before
    the title; the period is "For the month of: April 2004"."""
    assert facts(real("r050"))["cover"]["report_month"] == "2004-04"


def test_sec_1815_notice_before_the_title():
    """r015 (VSNL) with an OMB box and the SEC 1815 notice put before its title."""
    notice = ("OMB APPROVAL\nOMB Number: 3235-0116\nExpires: March 31, 2027\nEstimated average burden\n"
              "hours per response . . . 7.5\nSEC 1815 (04-09)\nPersons who are to respond to the collection of "
              "information contained in this form are not required to respond unless the form displays a "
              "currently valid OMB control number.\n")
    cover = facts(notice + real("r015"))["cover"]
    assert (cover["registrant"], cover["report_month"]) == ("VIDESH SANCHAR NIGAM LIMITED", "2004-11")


# ---------------------------------------------------- 4. period wording ---

@pytest.mark.parametrize("name,month", [
    ("r058", "2004-10"),   # "For the period October 22 — 29, 2004"
    ("r044", "1996-09"),   # "For the quarterly period ended September 30, 1996"
    ("r063", "2004-04"),   # "For the month of April, 2004 (Report No. 5)"
])
def test_period_wording(name, month):
    assert facts(real(name))["cover"]["report_month"] == month


@pytest.mark.parametrize("period,month", [
    ("FOR PERIOD ENDED:\nNovember 30, 2004", "2004-11"),
    ("Report of November 8, 2004", "2004-11"),
    ("For the month of 12 November, 2004", "2004-11"),
    ("November 2004 (No. 3)", "2004-11"),
])
def test_period_lines_in_other_words(period, month):
    """r015's period line ("For the month November 2004") written as other agents write it."""
    result = facts(real("r015").replace("For the month November 2004", period))
    assert result["cover"]["report_month"] == month
    assert result["cover"]["registrant"] == "VIDESH SANCHAR NIGAM LIMITED"   # "(No. 3)" is no part of it


# ------------------------------------------------------------- 5. names ---

@pytest.mark.parametrize("name,registrant", [
    ("r071", "Smedvig asa"),             # "Smedvig asa" / "Finnestadveien 28, 4001 Stavanger, Norway"
    ("r063", "RETALIX LTD."),            # "(Formerly Point of Sale Ltd.)" under it
    ("r074", "Bayer Aktiengesellschaft"),   # over "Bayer Corporation*" and the translation caption
    ("r051", "ABN AMRO Holding N.V. ABN AMRO BANK N.V."),   # two registrants, one legal form
])
def test_registrant_names(name, registrant):
    assert facts(real(name))["cover"]["registrant"] == registrant


def test_exact_name_above_a_captioned_translation():
    cover = facts(real("r074"))["cover"]
    assert cover["registrant_english"] == "Bayer Corporation"


def test_a_street_that_ends_with_its_number_starts_the_address():
    """r080 (Novartis): "Lichtstrasse 35" / "4056 Basel" / "Switzerland"."""
    assert facts(real("r080"))["cover"]["address"] == "Lichtstrasse 35, 4056 Basel, Switzerland"


def test_file_number_typed_with_a_letter_l():
    cover = facts(real("r015").replace("001-15118", "l-15118"))["cover"]
    assert (cover["commission_file_number"], cover["registrant"]) == ("1-15118", "VIDESH SANCHAR NIGAM LIMITED")


# ------------------------------------------------------- 6. check marks ---

@pytest.mark.parametrize("name,form,rule", [
    ("r086", "20-F", "no"),    # "Form 20-F" / "____X___ Form 40-F ___"; "Yes ___ No" / "___X____"
    ("r038", "20-F", "no"),    # "(Check One) Form 20-F þ Form 40-F o"
    ("r081", "20-F", "no"),    # "(Check One) Form 20-F  x   Form 40-F"
    ("r050", "20-F", None),    # "Form 20-F XXX Form 40-F........."
    ("r044", "20-F", "no"),    # "From 20-F  X  Form 40-F ."
    ("r082", "20-F", "no"),    # "⊠" and "⃞"
])
def test_check_marks(name, form, rule):
    cover = facts(real(name))["cover"]
    assert (cover["annual_report_form"], cover["rule_12g3_2b"]) == (form, rule)


def test_a_mark_glued_to_the_next_label():
    text = real("r041").replace("Form 20-F __X__ Form 40-F _____", "Form 20-F XForm 40-F _____")
    assert facts(text)["cover"]["annual_report_form"] == "20-F"


def test_both_boxes_empty_is_no_answer_and_the_linter_says_so():
    text = real("r041").replace("Form 20-F __X__ Form 40-F", "Form 20-F _____ Form 40-F")
    assert facts(text)["cover"]["annual_report_form"] is None
    assert "SK305" in {finding.code for finding in check(text)}     # the question is not answered


# --------------------------------------------------------- 7. signatures ---

def _signed(block: str) -> list[tuple]:
    """r026 (Acrex) with its signature block laid out as ``block``."""
    text = real("r026")
    start, end = text.index("Signatures"), text.index("Exhibit Index")
    result = facts(text[:start] + block + "\n" + text[end:])
    return [(s["name"], s["title"], s["date"]) for s in result["signatures"]]


LEGEND = ("Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused "
          "this report to be signed on its behalf by the undersigned, thereunto duly authorized.\n")


@pytest.mark.parametrize("block", [
    # no "By:", no "/s/": registrant, name and title right-aligned, the date flush left below
    "Signatures\n" + LEGEND + " " * 40 + "ACREX VENTURES LTD.\n" + " " * 40 + "Carl R. Jonsson\n" + " " * 40
    + "Director\nJune 7, 2004\n",
    # only the legend, with the place and date, then "/s/" and the title in parentheses
    LEGEND.replace("authorized.", "authorized, in Vancouver, on 7 June 2004.")
    + "ACREX VENTURES LTD.\n/s/ Carl R. Jonsson\n(Director)\n",
    # the same legend broken before its place and date
    LEGEND.replace("authorized.", "authorized,\nin Vancouver, on 7 June 2004.")
    + "ACREX VENTURES LTD.\n/s/ Carl R. Jonsson\n(Director)\n",
    # "Date:" before "By:" in cells
    "Signatures\n" + LEGEND + "ACREX VENTURES LTD.\nDate: June 7, 2004\tBy:\t/s/ Carl R. Jonsson\n"
    "\tName:\tCarl R. Jonsson\n\tTitle:\tDirector\n",
], ids=["unlabelled", "legend-with-date", "legend-broken", "date-before-by"])
def test_signature_layouts(block):
    assert _signed(block) == [("Carl R. Jonsson", "Director", "2004-06-07")]


def test_name_and_title_on_one_line():
    block = ("Signatures\n" + LEGEND + "ACREX VENTURES LTD.\nBy: /s/ Carl R. Jonsson\n"
             "Carl R. Jonsson, President and C.E.O.\nDate: June 7, 2004\n")
    assert _signed(block) == [("Carl R. Jonsson", "President and C.E.O.", "2004-06-07")]


def test_title_over_lines():
    block = ("Signatures\n" + LEGEND + "ACREX VENTURES LTD.\nBy: /s/ Carl R. Jonsson\nName: Carl R. Jonsson\n"
             "Title: Executive Vice President,\nChief Financial Officer and\nHead of Investor Relations\n"
             "Date: June 7, 2004\n")
    assert _signed(block) == [("Carl R. Jonsson",
                               "Executive Vice President, Chief Financial Officer and Head of Investor Relations",
                               "2004-06-07")]


@pytest.mark.parametrize("name,signer", [
    ("r087", ("Sarah Billington", "Manager Shareholder Services", "2003-03-28")),   # glued by the rendering
    ("r069", ("Nikolas P. Tsakos", "President", "2004-03-26")),     # name and title under "/s/", cells between
    ("r078", ("Hank H. C. Wang", "Senior Managing Director Finance Department", "2005-05-10")),  # wrapped title
    ("r022", ("Ryutaro Kusama", "Chief Manager, General Affairs Corporate Administration Division",
              "2004-08-12")),
    ("r071", ("Alf C. Thorkildsen", "Chief Financial Officer", "2003-07-31")),   # an unlabelled date line
    ("r077", ("Hank H. C. Wang", None, "2003-11-12")),   # "Name:  Ha" cut by the end of the input
])
def test_real_signature_blocks(name, signer):
    first = facts(real(name))["signatures"][0]
    assert (first["name"], first["title"], first["date"]) == signer


# ------------------------------------------------------------ 8. exhibits ---

@pytest.mark.parametrize("name,numbers", [
    ("r080", ["1", "2", "3", "4"]),   # numbered under "Enclosures:"
    ("r072", ["I", "II", "III"]),     # Roman, after "Material Contained in this Report:"
    ("r051", ["1", "2"]),             # after "Schedule of Information Contained in this Report:"
    ("r087", ["1"]),                  # "CONTENTS" on a cover with no check boxes
    ("r050", [str(n) for n in range(1, 13)]),   # listed on the cover, above the check boxes
    ("r059", ["1", "2"]),             # "CONTENTS OF REPORT" over cells
    ("r038", []),                     # an agenda after "the following matters": no exhibits
])
def test_exhibit_lists(name, numbers):
    assert [e["number"] for e in facts(real(name))["exhibits"]] == numbers


def test_exhibits_named_in_sentences():
    """r026 (Acrex), its exhibit index removed and its body naming its exhibits."""
    text = real("r026")
    text = text[:text.index("Exhibit Index")]
    text = text.replace("Signatures\n", "On June 7, 2004 the Company issued the press release attached hereto as "
                                        "Exhibit 99.1.  Exhibit 99.2, annexed hereto, is the notice of its "
                                        "meeting.\nSignatures\n", 1)
    assert [e["number"] for e in facts(text)["exhibits"]] == ["99.1", "99.2"]


def test_an_exhibit_named_in_a_sentence_is_on_the_line_that_names_it():
    text = real("r026")
    text = text[:text.index("Exhibit Index")]
    text = text.replace("Signatures\n", "On June 7, 2004 the Company issued the press release\nattached hereto as "
                        "Exhibit 99.1.\nThe notice of its meeting is\nExhibit 99.2, annexed hereto.\nSignatures\n", 1)
    assert [(e["number"], e["line"]) for e in facts(text)["exhibits"]] == [("99.1", 21), ("99.2", 23)]
    assert text.split("\n")[20] == "attached hereto as Exhibit 99.1."


def test_the_following_colon_dash():
    text = real("r087").replace("CONTENTS", "This report comprises the following:-")
    assert [e["number"] for e in facts(text)["exhibits"]] == ["1"]


def test_a_page_number_after_an_exhibit_table_is_no_exhibit():
    table = ('<p>EXHIBIT INDEX</p><table><tr><td>Exhibit</td><td>Description</td></tr><tr><td>99.1</td>'
             '<td>Press release dated February 14, 2025</td></tr></table><p style="text-align:center">2</p>')
    for end in ('<hr style="page-break-after:always"/>', ""):
        html = _credicorp().replace("</body>", table + end + "</body>")
        assert [e["number"] for e in facts(html)["exhibits"]] == ["99.1"]


# ------------------------------------------ 9. never lose a whole result ---

def test_an_exception_in_one_section_costs_that_section_only(monkeypatch):
    import sixk_grammar.transform.document as document

    def broken(block):
        raise RuntimeError("a bug")

    monkeypatch.setattr(document, "read_signers", broken)
    result = sixk_grammar.parse(real("r069"))
    assert result["signatures"] == []
    assert result["cover"]["registrant"] == "TSAKOS ENERGY NAVIGATION LIMITED"
    assert [e["number"] for e in result["exhibits"]] == ["1", "2"]
    (problem,) = [e for e in result["syntax_errors"] if "internal error" in e["message"]]
    assert problem["message"].startswith("internal error while reading the signatures")


# ------------------------------------------------ 10. say what was not read ---

def test_old_mac_line_ends_are_lines():
    text = real("r015")
    mac = sixk_grammar.parse(text.replace("\n", "\r"))
    assert mac["cover"] == sixk_grammar.parse(text)["cover"]


def test_utf16_with_its_byte_order_mark_is_text():
    text = real("r015")
    result = sixk_grammar.parse(text.encode("utf-16"))
    assert result["encoding"] == "utf-16"
    assert result["cover"]["registrant"] == "VIDESH SANCHAR NIGAM LIMITED"


def test_cut_files_are_truncated_whole_ones_are_not():
    assert sixk_grammar.parse(read(CORPUS / "seeds" / "hanaro-2002-11.txt"))["truncated"] is False
    assert sixk_grammar.parse(read(HTML / "h004.htm"))["truncated"] is False
    for name in ("r032", "r050", "r075", "r077"):    # cut at 2,000 bytes, mid-line or before the signature
        assert sixk_grammar.parse(real(name))["truncated"] is True, name
    html = read(HTML / "h004.htm")
    assert sixk_grammar.parse(html[:len(html) // 2])["truncated"] is True


def test_truncated_is_in_the_row():
    row = sixk_grammar.record({"source": "r050.txt"} | sixk_grammar.parse(real("r050")))
    assert row["truncated"] is True


MARKUP = re.compile(r"<\s*/?\s*[a-z!?][^<>]*>|&(?:[a-z]+|#\d+);", re.IGNORECASE)


def test_a_phrase_cut_short_never_runs_into_the_next_document():
    """r088 is cut inside the cover's paper-filing note (no closing period).
    In a submission, the next document's lines are not part of the note, and
    the next document's signature (HTML press release) is not the 6-K's."""
    release = ("<HTML><BODY>\n<div><font size=\"2\">Date: November 18, 2002 By: /s/ Kyu June Hwang</font></div>\n"
               "<p>Indicate the reasons. The company announced its results for the quarter.</p>\n</BODY></HTML>")
    submission = ("<SEC-DOCUMENT>0000950103-05-000001.txt : 20051130\n<SEC-HEADER>0000950103-05-000001.hdr.sgml : "
                  "20051130\nACCESSION NUMBER:\t\t0000950103-05-000001\n</SEC-HEADER>\n"
                  f"<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<TEXT>\n{real('r088').rstrip()}\n</TEXT>\n</DOCUMENT>\n"
                  f"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n{release}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    parsed = sixk_grammar.parse(submission)
    assert parsed["signatures"] == [] and parsed["syntax_errors"] == []
    assert parsed["cover"]["registrant"] == "BRITISH AIRWAYS Plc"
