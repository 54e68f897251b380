"""Input cut anywhere, even mid-line, still yields every field it contains."""
from __future__ import annotations

import json

import pytest

import sixk_grammar
from conftest import ROOT, SEEDS, read
from test_rules import LINE_82, SEED, edited, insert

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


def _cut(text: str, line: int, keep: str) -> str:
    """``text`` cut mid-line: its first ``line - 1`` lines, then ``line`` up to the end of ``keep``."""
    lines = text.split("\n")
    return "\n".join(lines[:line - 1] + [lines[line - 1][:lines[line - 1].index(keep) + len(keep)]])


@pytest.mark.parametrize("line,keep,position,dropped", [
    (18, "HANARO TELECOM, IN", "registrant", ("registrant",)),                    # the last of three words cut
    (18, "HANARO TELECOM, INC.", "registrant", ("registrant",)),                  # whole words, but the line is cut
    (15, "November 20", "period", ("report_month", "report_month_text")),        # on the period's own line
])
def test_a_value_the_cut_runs_through_is_dropped_with_its_position(line, keep, position, dropped):
    cover = sixk_grammar.parse(_cut(SEED, line, keep))["cover"]
    assert [cover[key] for key in dropped] == [None] * len(dropped) and cover["positions"][position] is None
    assert set(cover) == set(sixk_grammar.parse(SEED)["cover"])


def test_an_82_number_the_cut_runs_through_is_dropped_with_its_position():
    text = edited(SEED, insert(39, *LINE_82))
    cover = sixk_grammar.parse(_cut(text, 41, "82-12"))["cover"]
    assert (cover["file_number_82"], cover["file_number_82_text"], cover["positions"]["file_number_82"]) == (
        None, None, None)
    whole = sixk_grammar.parse(_cut(text, 41, "82-1234") + "\n")["cover"]
    assert (whole["file_number_82"], whole["positions"]["file_number_82"]) == ("82-1234", [40, 1])
