"""Any input gives a dict: bytes, encodings, line ends, empty, binary, hostile."""
from __future__ import annotations

import pytest

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


def test_empty_input_is_complete_and_empty(parse):
    result = parse("")
    assert result["complete"] is True
    assert result["form_type"] is None and result["cover"]["registrant"] is None
