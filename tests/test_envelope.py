"""The EDGAR envelope around a 6-K: header fields, documents, opaque contents."""
from __future__ import annotations

import pytest

from lark import Token

from conftest import SEEDS, read
from sixk_grammar import analyse
from sixk_grammar.lint import check

HEADER = """<SEC-DOCUMENT>0001047469-03-007783.txt : 20030306
<SEC-HEADER>0001047469-03-007783.hdr.sgml : 20030306
<ACCEPTANCE-DATETIME>20030306123456
ACCESSION NUMBER:\t\t0001047469-03-007783
CONFORMED SUBMISSION TYPE:\t6-K
PUBLIC DOCUMENT COUNT:\t\t3
CONFORMED PERIOD OF REPORT:\t20021130
FILED AS OF DATE:\t\t20021202

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tHANARO TELECOM INC
\t\tCENTRAL INDEX KEY:\t\t\t0001108691

\tFILING VALUES:
\t\tFORM TYPE:\t\t6-K
\t\tSEC FILE NUMBER:\t000-30470

\tFORMER COMPANY:
\t\tFORMER CONFORMED NAME:\tOLD NAME
\t\tDATE OF NAME CHANGE:\t19990101
</SEC-HEADER>
"""


def submission(pdf_lines: int = 50, graphic: bool = False) -> str:
    """A whole submission whose exhibit is a uuencoded PDF (``graphic``: a
    GRAPHIC document, its uuencoded image the text of the document itself)."""
    uuencoded = "begin 644 report.pdf\n" + ("M" + "A" * 60 + "\n") * pdf_lines + "`\nend\n"
    binary = ("<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>logo.jpg\n<TEXT>\n" + uuencoded if graphic else
              "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>dex991.pdf\n<TEXT>\n<PDF>\n" + uuencoded + "</PDF>\n")
    return (HEADER
            + "<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<FILENAME>d6k.txt\n<DESCRIPTION>FORM 6-K\n<TEXT>\n"
            + read(SEEDS[0]) + "</TEXT>\n</DOCUMENT>\n"
            + binary + "</TEXT>\n</DOCUMENT>\n"
            + "<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>3\n<FILENAME>dex992.htm\n<TEXT>\n"
            + "<HTML><BODY><P>Press <B>release</B></P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
            + "</SEC-DOCUMENT>\n")


def test_header_and_documents():
    result = analyse(submission()).result
    envelope = result["envelope"]
    assert result["complete"] is True, result["syntax_errors"]
    assert envelope["accession_number"] == "0001047469-03-007783"
    assert envelope["submission_type"] == "6-K" and result["form_type"] == "6-K"
    assert envelope["period_of_report"] == "2002-11-30"
    assert envelope["filed_as_of"] == "2002-12-02"
    assert envelope["public_document_count"] == 3
    assert envelope["filer"]["company_conformed_name"] == "HANARO TELECOM INC"
    assert envelope["filer"]["cik"] == "0001108691"
    assert envelope["filer"]["sec_file_number"] == "000-30470"
    assert envelope["filer"]["former_company"] == {"former_conformed_name": "OLD NAME",
                                                  "date_of_name_change": "19990101"}
    assert [(d["type"], d["sequence"], d["filename"]) for d in envelope["documents"]] == [
        ("6-K", "1", "d6k.txt"), ("EX-99.1", "2", "dex991.pdf"), ("EX-99.2", "3", "dex992.htm")]
    assert result["cover"]["registrant"] == "HANARO TELECOM, INC."
    assert result["signatures"][0]["date"] == "2002-11-18"


def test_a_uuencoded_block_costs_a_few_tokens_however_long():
    for lines, chunks in ((10, 1), (5000, 2), (9000, 3)):
        tree = analyse(submission(lines)).tree
        tokens = list(tree.scan_values(lambda v: isinstance(v, Token)))
        assert len(list(tree.find_data("uuencoded"))) == 1
        assert sum(t.type == "UU_LINES" for t in tokens) == chunks   # 4,096 lines a chunk
        assert len(tokens) < 400   # not one token per line of binary data
        assert all(t == "" for t in tokens if t.type == "UU_LINES")   # the data is not kept


def test_privacy_enhanced_wrapper():
    wrapped = ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n"
               "Originator-Name: webmaster@www.sec.gov\nMIC-Info: RSA-MD5,RSA,\n AbCd==\n\n"
               + submission() + "-----END PRIVACY-ENHANCED MESSAGE-----\n")
    result = analyse(wrapped).result
    assert result["complete"] is True and result["envelope"]["accession_number"]


def test_truncated_submission_keeps_the_header():
    text = submission()
    result = analyse(text[: text.index("SIGNATURES")]).result
    assert result["complete"] is False
    assert result["envelope"]["filer"]["cik"] == "0001108691"
    assert result["cover"]["annual_report_form"] == "20-F"


def test_every_cut_of_a_submission_recovers():
    """Found by the thorough profile: a cut right after an exhibit's <TEXT>, or inside
    <TYPE>, left nothing to close with and the whole cover was lost."""
    text = submission(pdf_lines=3)
    for cut in range(0, len(text), 3):
        result = analyse(text[:cut]).result
        assert not [e for e in result["syntax_errors"] if "could not recover" in e["message"]], cut
        if cut > text.index("For the month of November 2002") + 40:
            assert result["cover"]["report_month"] == "2002-11", cut


@pytest.mark.parametrize("graphic", [False, True], ids=["pdf", "graphic"])
def test_checking_a_big_binary_block_holds_no_copy_of_it(graphic):
    """Memory, not time (tracemalloc counts allocations exactly): checking a
    submission whose PDF, or GRAPHIC document, is 200,000 uuencoded lines
    holds the text once, not a token, a line list or a set of line numbers
    the size of the block."""
    import tracemalloc

    from sixk_grammar.lint import check

    text = submission(200_000, graphic)
    check(submission(3))   # the parser and the rules are loaded outside the count
    tracemalloc.start()
    try:
        check(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2.5 * len(text), (peak, len(text))   # the bytes and the text: 2x


def test_repeated_blocks_become_lists_and_the_header_fills_gaps():
    """Two FORMER COMPANY blocks and two FILERs are lists; a header field
    given twice keeps its first value; a count in words is no count; with no
    ACCESSION NUMBER line, the number is the one the <SEC-DOCUMENT> line names."""
    former = ("\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\tOLDER NAME\n\t\tDATE OF NAME CHANGE:\t19980101\n"
              "\tFORMER COMPANY:\n\t\tFORMER CONFORMED NAME:\tOLDEST NAME\n\t\tDATE OF NAME CHANGE:\t19970101\n")
    filer = ("\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tHANARO CO-REGISTRANT LTD\n"
             "\t\tCENTRAL INDEX KEY:\t\t\t0001999999\n")
    text = (submission().replace("ACCESSION NUMBER:\t\t0001047469-03-007783\n", "")
            .replace("PUBLIC DOCUMENT COUNT:\t\t3", "PUBLIC DOCUMENT COUNT:\t\tthree")
            .replace("FILED AS OF DATE:\t\t20021202\n", "FILED AS OF DATE:\t\t20021202\nFILED AS OF DATE:\t\t20021203\n")
            .replace("</SEC-HEADER>", former + filer + "</SEC-HEADER>")
            .replace("<DESCRIPTION>FORM 6-K", "<DESCRIPTION>FORM 6-K > NOVEMBER"))
    result = analyse(text).result
    assert result["syntax_errors"] == []
    envelope = result["envelope"]
    assert envelope["accession_number"] == "0001047469-03-007783"
    assert (envelope["filed_as_of"], envelope["public_document_count"]) == ("2002-12-02", None)
    assert envelope["filer"]["former_company"] == [
        {"former_conformed_name": "OLD NAME", "date_of_name_change": "19990101"},
        {"former_conformed_name": "OLDER NAME", "date_of_name_change": "19980101"},
        {"former_conformed_name": "OLDEST NAME", "date_of_name_change": "19970101"}]
    assert [(f["company_conformed_name"], f["cik"]) for f in envelope["filers"]] == [
        ("HANARO TELECOM INC", "0001108691"), ("HANARO CO-REGISTRANT LTD", "0001999999")]
    assert envelope["header"] == {"submission_type": "6-K", "public_document_count": "three",
                                  "period_of_report": "20021130", "filed_as_of": "20021202"}
    assert envelope["documents"] == [
        {"type": "6-K", "sequence": "1", "filename": "d6k.txt", "description": "FORM 6-K > NOVEMBER", "line": 36},
        {"type": "EX-99.1", "sequence": "2", "filename": "dex991.pdf", "description": None, "line": 121},
        {"type": "EX-99.2", "sequence": "3", "filename": "dex992.htm", "description": None, "line": 183}]


def test_the_header_fills_what_the_cover_lacks_and_nothing_else():
    whole = submission()
    period = whole.index("\n", whole.index("For the month of")) + 1
    numbered = whole[:period] + "\n                        Commission File Number 0-30470\n" + whole[period:]
    assert analyse(numbered).result["cover"]["commission_file_number"] == "0-30470"    # the cover's own
    assert analyse(whole).result["cover"]["commission_file_number"] == "000-30470"     # the header's SEC FILE NUMBER
    nameless = whole.replace("HANARO TELECOM, INC.\n                            (Name of the Registrant)",
                             "\n                            (Name of the Registrant)", 1)
    assert analyse(nameless).result["cover"]["registrant"] == "HANARO TELECOM INC"     # COMPANY CONFORMED NAME
    assert analyse(whole).result["cover"]["registrant"] == "HANARO TELECOM, INC."
    bare = "<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER:\t1\n</SEC-HEADER>\n</SEC-DOCUMENT>\n"
    assert analyse(bare).result["cover"]["registrant"] is None                        # no filer at all


def test_the_accession_number_is_the_headers_when_the_first_line_has_none():
    text = submission().replace("<SEC-DOCUMENT>0001047469-03-007783.txt : 20030306", "<SEC-DOCUMENT>filing.txt", 1)
    assert analyse(text).result["envelope"]["accession_number"] == "0001047469-03-007783"


def test_a_scalar_field_given_nested_fields_has_no_value():
    """The contract's scalar fields are strings or None: a CONFORMED
    SUBMISSION TYPE line left empty with a block of fields under it (a
    hostile or broken header) gives None, not the block as a dict."""
    text = submission().replace("CONFORMED SUBMISSION TYPE:\t6-K\n",
                                "CONFORMED SUBMISSION TYPE:\n\tCOMPANY DATA:\n\t\tCENTRAL INDEX KEY:\t0000000001\n", 1)
    envelope = analyse(text).result["envelope"]
    assert envelope["submission_type"] is None and envelope["header"]["submission_type"] is None
    assert envelope["accession_number"] == "0001047469-03-007783"


def test_a_document_with_an_empty_text_is_listed():
    """An exhibit whose <TEXT> holds nothing (a placeholder a filer left)."""
    result = analyse(submission().replace("<HTML><BODY><P>Press <B>release</B></P></BODY></HTML>\n", "")).result
    assert result["complete"] is True and result["syntax_errors"] == []
    assert [(d["type"], d["filename"]) for d in result["envelope"]["documents"]] == [
        ("6-K", "d6k.txt"), ("EX-99.1", "dex991.pdf"), ("EX-99.2", "dex992.htm")]


def test_a_table_never_closed_ends_with_its_document():
    """The 6-K's </TABLE> is missing: the table ends at its </TEXT>, the
    documents after it are read, and the table is reported once (SK205)."""
    text = submission().replace("</TABLE></TEXT>", "\n</TEXT>", 1)
    result = analyse(text).result
    assert [error["message"] for error in result["syntax_errors"]] == ["</TABLE> missing before '</TEXT>'"]
    assert [d["type"] for d in result["envelope"]["documents"]] == ["6-K", "EX-99.1", "EX-99.2"]
    assert [(f.code, f.line, f.message) for f in check(text) if f.severity == "error"] == [
        ("SK205", 100, "<TABLE> is never closed")]
