"""Every real filing of the corpus: its human-labelled facts come out of parse()."""
from __future__ import annotations

import re

import pytest

from conftest import REAL, label_of, read
from sixk_grammar.dates import iso_date, iso_month


def _text(value):
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().strip(".,;:-_ ").replace("/s/", "").strip().lower() or None


def _number(value):
    return None if value is None else re.sub(r"[\s_]+", "", str(value)).strip(".,;:-").upper() or None


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_labelled_facts(path, parse):
    label, result = label_of(path), parse(read(path))
    cover = result["cover"]
    signer = result["signatures"][0] if result["signatures"] else {}
    assert _text(cover["registrant"]) == _text(label["registrant"])
    assert cover["report_month"] == (iso_month(label["report_month"]) if label["report_month"] else None)
    assert _number(cover["commission_file_number"]) == _number(label["commission_file_number"])
    assert cover["annual_report_form"] == label["annual_report_form"]
    assert cover["rule_12g3_2b"] == label["rule_12g3_2b"]
    assert cover["file_number_82"] == label["file_number_82"]
    assert signer.get("date") == (iso_date(label["signature_date"]) if label["signature_date"] else None)
    assert _text(signer.get("name")) == _text(label["signer_name"])
    assert _text(signer.get("title")) == _text(label["signer_title"])
    assert [e["number"] for e in result["exhibits"]] == [e["number"] for e in label["exhibits"]]
    for exhibit, labelled in zip(result["exhibits"], label["exhibits"]):
        assert (exhibit["description"] or "").startswith(labelled["description_starts"].rstrip())
