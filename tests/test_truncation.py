"""Input cut anywhere, even mid-line, still yields every field it contains."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SEEDS, read

# (path into the dict, the line that must be read whole for the value to be known)
def _requirements(golden: dict) -> list[tuple[tuple, int]]:
    cover, marks = golden["cover"], golden["cover"]["marks"]
    signer = golden["signatures"][0]
    marked = lambda key: max(o["line"] for o in marks[key]["options"] if o["marked"])  # noqa: E731
    return [
        (("cover", "registrant"), cover["positions"]["registrant"]),
        (("cover", "report_month"), cover["positions"]["period"][0]),
        (("cover", "annual_report_form"), marked("annual_report_form")),
        (("cover", "rule_12g3_2b"), marked("rule_12g3_2b")),
        (("signatures", 0, "date"), signer["line"]),
        (("signatures", 0, "signature"), signer["line"]),
        (("exhibits", 0, "number"), golden["exhibits"][0]["line"]),
    ]


def _dig(data, path):
    for key in path:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and len(data) > key else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_cut_keeps_the_fields_before_it(path, parse):
    text = read(path)
    golden = json.loads((ROOT / "tests" / "golden" / (path.stem + ".json")).read_text(encoding="utf-8"))
    line_ends = [index + 1 for index, char in enumerate(text) if char == "\n"]
    cuts = sorted(set(range(0, len(text) + 1, 23)) | set(line_ends) | {e - 1 for e in line_ends})
    for cut in cuts:
        result = parse(text[:cut])
        assert isinstance(result, dict)
        for field, line in _requirements(golden):
            if line_ends[line - 1] <= cut:
                assert _dig(result, field) == _dig(golden, field), (cut, field)


def test_a_cut_inside_a_table_is_reported_and_repaired(parse):
    text = read(SEEDS[0])
    cut = text.index("99.1   ") if "99.1   " in text else text.rindex("99.1")
    result = parse(text[:cut + 20])
    assert result["complete"] is False
    assert any("</TABLE>" in error["message"] for error in result["syntax_errors"])
    assert result["exhibits"] and result["exhibits"][0]["number"] == "99.1"
