"""The flat row of a parse: every column from its own place in the dict
(values checked against the seed's label file and the filing's text)."""
from __future__ import annotations

from pathlib import Path

import pytest

import sixk_grammar
from sixk_grammar.records import FIELD_NAMES, record

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def parsed(path: Path) -> dict:
    return {"source": path.name} | sixk_grammar.parse(path.read_bytes())


def test_the_seed_row_has_its_labelled_facts():
    row = record(parsed(CORPUS / "seeds" / "hanaro-2003-04.txt"))
    assert list(row) == list(FIELD_NAMES)
    assert row == {
        "source": "hanaro-2003-04.txt", "form_type": "6-K", "complete": True, "truncated": False,
        "syntax_error_count": 0, "accession_number": None, "cik": None, "company_conformed_name": None,
        "filed_as_of": None, "period_of_report": None, "registrant": "HANARO TELECOM, INC.",
        "registrant_english": None, "report_month": "2003-04", "commission_file_number": None,
        "annual_report_form": "20-F", "rule_12g3_2b": "no", "file_number_82": None, "paper_101b1": None,
        "paper_101b7": None, "signature_date": "2003-04-08", "signer_name": "Kyu June Hwang",
        "signer_title": "Managing Director", "signer_count": 1, "exhibit_numbers": "99.1", "exhibit_count": 1,
        "pages": 4, "line_count": 97, "encoding": "utf-8", "error": None}


def test_the_envelope_columns_come_from_the_envelope_and_its_first_filer():
    row = record(parsed(CORPUS / "real" / "filings" / "r030.txt"))
    assert {key: row[key] for key in ("accession_number", "cik", "company_conformed_name", "filed_as_of",
                                      "period_of_report", "commission_file_number", "truncated",
                                      "syntax_error_count", "encoding", "complete")} == {
        "accession_number": "0001193125-03-003545", "cik": "0000932470",
        "company_conformed_name": "TELECOM ARGENTINA STET FRANCE TELECOM SA", "filed_as_of": "2003-05-06",
        "period_of_report": "2003-04-30", "commission_file_number": "001-13464", "truncated": True,
        "syntax_error_count": 1, "encoding": "utf-8", "complete": False}


def test_an_unreadable_source_has_only_its_name_and_reason():
    row = record({"source": "gone.txt", "error": "no such file"})
    assert row == dict.fromkeys(FIELD_NAMES) | {"source": "gone.txt", "error": "no such file"}


@pytest.fixture
def seed():
    return parsed(CORPUS / "seeds" / "hanaro-2003-04.txt")


def test_the_first_signature_gives_the_signer_and_all_are_counted(seed):
    second = {"date": "2003-05-01", "name": "Someone Else", "title": "Director"}
    row = record(seed | {"signatures": [*seed["signatures"], second]})
    assert (row["signer_name"], row["signer_title"], row["signature_date"], row["signer_count"]) == (
        "Kyu June Hwang", "Managing Director", "2003-04-08", 2)
    unsigned = record(seed | {"signatures": []})
    assert (unsigned["signer_name"], unsigned["signer_title"], unsigned["signature_date"],
            unsigned["signer_count"]) == (None, None, None, 0)


def test_exhibit_numbers_are_joined_and_unnumbered_ones_only_counted(seed):
    exhibits = [{"number": "1"}, {"number": None}, {"number": "99.2"}]
    row = record(seed | {"exhibits": exhibits})
    assert (row["exhibit_numbers"], row["exhibit_count"]) == ("1;99.2", 3)
    none_numbered = record(seed | {"exhibits": [{"number": None}]})
    assert (none_numbered["exhibit_numbers"], none_numbered["exhibit_count"]) == (None, 1)


def test_a_parse_that_kept_an_error_carries_it(seed):
    assert record(seed | {"error": "the signature section failed"})["error"] == "the signature section failed"


def test_no_envelope_and_a_filer_less_envelope_give_empty_columns(seed):
    envelope = {"accession_number": "0000950103-03-000001", "filed_as_of": None, "period_of_report": None,
                "filer": None}
    row = record(seed | {"envelope": envelope})
    assert (row["accession_number"], row["cik"], row["company_conformed_name"]) == (
        "0000950103-03-000001", None, None)
