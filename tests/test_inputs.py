"""Any input gives a dict: bytes, encodings, line ends, empty, binary, hostile."""
from __future__ import annotations

import pytest

from sixk_grammar.api import NO_6K

from conftest import SEEDS, read

CONTRACT_KEYS = {"form_type", "complete", "syntax_errors", "envelope", "pages", "cover",
                 "signatures", "exhibits"}


def test_bytes_and_text_agree(parse):
    text = read(SEEDS[0])
    from_bytes = parse(text.encode("utf-8"))
    from_text = parse(text)
    assert from_bytes["encoding"] == "utf-8" and from_text["encoding"] is None
    from_bytes.pop("encoding"), from_text.pop("encoding")
    assert from_bytes == from_text


def test_crlf_line_ends_keep_positions(parse):
    text = read(SEEDS[0])
    lf, crlf = parse(text), parse(text.replace("\n", "\r\n"))
    assert crlf["cover"] == lf["cover"] and crlf["signatures"] == lf["signatures"]


def test_windows_1252_bytes_are_read(parse):
    result = parse("FORM 6-K\nFor the month of May 2003\n\u201cACME\u201d S.A.\n".encode("cp1252"))
    assert result["encoding"] == "cp1252"
    assert result["cover"]["report_month"] == "2003-05"


@pytest.mark.parametrize("source", [
    "", "\n", b"", b"\x00\x01\x02\xff\xfe" * 200, "\r" * 50, "<PAGE>\n" * 500,
    "<TABLE>\n" * 300, "</TABLE>\n" * 50, "x" * 200_000, "\x00" * 1000,
    "<SEC-DOCUMENT>\n<DOCUMENT>\n<TEXT>\n", "begin 644 x\nM" + "A" * 60 + "\n",
    "Indicate by check mark whether " * 500, "Form 20-F X " * 1000,
])
def test_hostile_input_yields_a_dict(source, parse):
    result = parse(source)
    assert CONTRACT_KEYS <= set(result)
    assert not [e for e in result["syntax_errors"] if "internal error" in e["message"]]


@pytest.mark.parametrize("source", ["", "hello world\n", "The quick brown fox.\nBy: John Smith\nTitle: Director\n"])
def test_input_without_a_6k_says_so_and_reads_nothing(source, parse):
    result = parse(source)
    assert result["form_type"] is None and result["complete"] is False
    assert [e["message"] for e in result["syntax_errors"]] == [NO_6K]
    assert result["cover"]["registrant"] is None and result["signatures"] == [] == result["exhibits"]


def test_random_text_gives_no_names(parse):
    """50 MB of random text once gave a registrant and six signatures."""
    import random
    import string
    chooser = random.Random(7)
    text = "".join(chooser.choice(string.ascii_letters + "  \n.,:") for _ in range(300_000))
    result = parse(text)
    assert result["form_type"] is None and NO_6K in [e["message"] for e in result["syntax_errors"]]
    assert (result["cover"]["registrant"], result["signatures"], result["exhibits"]) == (None, [], [])


MODERN_COVER = """UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549
FORM 6-K
REPORT OF FOREIGN PRIVATE ISSUER
PURSUANT TO RULE 13a-16 OR 15d-16
UNDER THE SECURITIES EXCHANGE ACT OF 1934
For the month of March 2011
Commission File Number: 001-12345
ACME HOLDINGS LIMITED
(Translation of registrant's name into English)
1 Harbour Road, Hong Kong
(Address of principal executive offices)
Indicate by check mark whether the registrant files or will file annual reports under cover of Form 20-F or Form 40-F.
Form 20-F  \u2327            Form 40-F  \u2610
"""


def test_printer_box_glyphs_on_a_modern_cover(parse):
    cover = parse(MODERN_COVER)["cover"]
    assert (cover["registrant"], cover["report_month"], cover["commission_file_number"]) == (
        "ACME HOLDINGS LIMITED", "2011-03", "001-12345")
    assert cover["annual_report_form"] == "20-F"
    assert parse(MODERN_COVER.replace("\u2327", "\u2610", 1).replace("40-F  \u2610", "40-F  \u2612"))[
        "cover"]["annual_report_form"] == "40-F"
