"""Every labelled filing of the corpus (real text and HTML as filed): its
human-labelled facts come out of parse().

A fact the parser does not read yet is listed in KNOWN_MISSES with the reason;
the test checks that it still differs, so the list cannot go stale.
"""
from __future__ import annotations

import re

import pytest

from conftest import HTML, REAL, label_of, read
from sixk_grammar.dates import iso_date, iso_month


def _text(value):
    if value is None:
        return None
    text = str(value).translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text).strip().strip(".,;:-_ ").replace("/s/", "").strip().lower() or None


def _number(value):
    return None if value is None else re.sub(r"[\s_]+", "", str(value)).strip(".,;:-").upper() or None


def _file_number(value):
    """'001-14700' and '1-14700' are one file number."""
    text = _number(value)
    return None if text is None else "-".join(part.lstrip("0") or "0" for part in text.split("-"))


#: (file, field): why the parser's value differs from the label.
KNOWN_MISSES: dict[tuple[str, str], str] = {
}

FIELDS = ("registrant", "report_month", "commission_file_number", "annual_report_form", "rule_12g3_2b",
          "file_number_82", "signature_date", "signer_name", "signer_title", "exhibits")


def facts(result: dict) -> dict:
    """The labelled fields of a parse result, normalised as the labels are."""
    cover = result["cover"]
    signer = result["signatures"][0] if result["signatures"] else {}
    return {"registrant": _text(cover["registrant"]), "report_month": cover["report_month"],
            "commission_file_number": _file_number(cover["commission_file_number"]),
            "annual_report_form": cover["annual_report_form"], "rule_12g3_2b": cover["rule_12g3_2b"],
            "file_number_82": cover["file_number_82"], "signature_date": signer.get("date"),
            "signer_name": _text(signer.get("name")), "signer_title": _text(signer.get("title")),
            "exhibits": [e["number"] for e in result["exhibits"]]}


def labelled(label: dict) -> dict:
    return {"registrant": _text(label["registrant"]),
            "report_month": iso_month(label["report_month"]) if label["report_month"] else None,
            "commission_file_number": _file_number(label["commission_file_number"]),
            "annual_report_form": label["annual_report_form"], "rule_12g3_2b": label["rule_12g3_2b"],
            "file_number_82": label["file_number_82"],
            "signature_date": iso_date(label["signature_date"]) if label["signature_date"] else None,
            "signer_name": _text(label["signer_name"]), "signer_title": _text(label["signer_title"]),
            "exhibits": [e["number"] for e in label["exhibits"]]}


@pytest.mark.parametrize("path", REAL + HTML, ids=lambda p: p.stem)
def test_labelled_facts(path, parse):
    label, result = label_of(path), parse(read(path))
    got, want = facts(result), labelled(label)
    for field in FIELDS:
        if (path.stem, field) in KNOWN_MISSES:
            assert got[field] != want[field], f"{path.stem} {field} is read now: drop it from KNOWN_MISSES"
        else:
            assert got[field] == want[field], field
    if (path.stem, "exhibits") not in KNOWN_MISSES:
        for exhibit, expected in zip(result["exhibits"], label["exhibits"]):
            assert (exhibit["description"] or "").startswith(expected["description_starts"].rstrip())


def test_known_misses_name_labelled_files():
    stems = {path.stem for path in REAL + HTML}
    assert all(stem in stems and field in FIELDS for stem, field in KNOWN_MISSES)
