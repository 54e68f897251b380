"""The two complete seed filings: the whole dict, and the facts a person labelled."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SEEDS, label_of, read


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_its_checked_golden_dict(path, parse):
    golden = json.loads((ROOT / "tests" / "golden" / (path.stem + ".json")).read_text(encoding="utf-8"))
    assert parse(read(path)) == golden


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_facts_from_its_label(path, parse):
    label, result = label_of(path), parse(read(path))
    cover, signer = result["cover"], result["signatures"][0]
    assert result["complete"] is True and result["syntax_errors"] == []
    assert cover["registrant"] == label["registrant"]
    assert cover["report_month_text"] == label["report_month"]
    assert cover["commission_file_number"] == label["commission_file_number"]
    assert cover["annual_report_form"] == label["annual_report_form"]
    assert cover["rule_12g3_2b"] == label["rule_12g3_2b"]
    assert cover["file_number_82"] == label["file_number_82"]
    assert signer["date_text"] == label["signature_date"]
    assert signer["name"] == label["signer_name"]
    assert signer["title"] == label["signer_title"]
    assert [e["number"] for e in result["exhibits"]] == [e["number"] for e in label["exhibits"]]
    for exhibit, labelled in zip(result["exhibits"], label["exhibits"]):
        assert exhibit["description"].startswith(labelled["description_starts"])
        assert exhibit["description"].endswith(".")   # in full, not cut at a line end
