"""The writers of `parse`'s output formats, in process: exact text for each
format, the format an -o file asks for, and the errors a user sees."""
from __future__ import annotations

import csv
import io
import sys

import pytest

import sixk_grammar
from conftest import SEEDS, read
from sixk_grammar.cli.writers import OutputError, WRITERS, format_for, open_output, pretty, writer_for
from sixk_grammar.records import FIELD_NAMES, record


def written(output_format: str, results: list, single: bool = False) -> str:
    stream = io.StringIO()
    with WRITERS[output_format](stream, single) as emit:
        for result in results:
            emit(result)
    return stream.getvalue()


def test_json_writes_one_object_or_an_array_item_by_item():
    assert written("json", [{"a": 1}], single=True) == '{\n  "a": 1\n}\n'
    assert written("json", [{"a": 1}, {"b": "\u00e9"}]) == '[\n{"a": 1},\n{"b": "\u00e9"}\n]\n'
    assert written("json", []) == "[]\n"


def test_jsonl_writes_a_line_a_filing():
    assert written("jsonl", [{"a": 1}, {"b": None}]) == '{"a": 1}\n{"b": null}\n'


def test_csv_has_a_header_and_empty_cells_for_nulls():
    result = sixk_grammar.parse(read(SEEDS[0]))
    result["source"] = "hanaro.txt"
    text = written("csv", [record(result)])
    assert text.splitlines()[0] == ",".join(FIELD_NAMES)
    (row,) = csv.DictReader(io.StringIO(text))
    assert (row["source"], row["registrant"], row["report_month"], row["commission_file_number"]) == (
        "hanaro.txt", "HANARO TELECOM, INC.", "2002-11", "")


def test_pretty_summarises_a_filing_and_an_unreadable_file():
    result = sixk_grammar.parse(read(SEEDS[0]))
    result["source"] = "hanaro.txt"
    assert pretty(result).split("\n") == [
        "hanaro.txt: 6-K, complete, 4 page(s)",
        "  registrant           HANARO TELECOM, INC.",
        "  report month         2002-11",
        "  file number          -",
        "  annual report form   20-F",
        "  rule 12g3-2(b)       no",
        "  signed 2002-11-18 by Kyu June Hwang (Managing Director)",
        "  exhibit 99.1: a press release dated November 14, 2002, regarding the annou"]
    assert pretty({"source": "x.bin", "error": "binary"}) == "x.bin: cannot be read: binary"
    assert pretty(_partial_with_gaps()).split("\n") == [
        "cut.txt: not a 6-K, partial, 1 page(s)",
        "  registrant           -",
        "  report month         -",
        "  file number          -",
        "  annual report form   -",
        "  rule 12g3-2(b)       -",
        "  signed - by - (-)",
        "  exhibit -: ",
        "  line 1:1: no Form 6-K found: no 6-K title, report title, rule reference or 20-F/40-F question, and no "
        "6-K document in an EDGAR envelope"]
    broken = sixk_grammar.parse(read(SEEDS[0]).replace("<S>", "<TABLE>\n<S>", 1))
    broken["source"] = "b.txt"
    assert pretty(broken).split("\n")[-1].startswith("  line 75:1: unexpected '<TABLE>'")


def _partial_with_gaps() -> dict:
    """A page that is no 6-K: no form type, not read whole; and a signer and
    an exhibit with none of their fields (what the summary prints for gaps)."""
    result = sixk_grammar.parse("ACME CORP\nFor the month of Ma")
    assert (result["form_type"], result["complete"], result["pages"]) == (None, False, 1)
    result["source"] = "cut.txt"
    result["signatures"] = [{"date": None, "name": None, "title": None}]
    result["exhibits"] = [{"number": None, "description": None}]
    return result


@pytest.mark.parametrize("requested,path,several,expected", [
    (None, None, False, "json"), (None, None, True, "jsonl"), (None, "out.CSV", True, "csv"),
    (None, "out.parquet", True, "parquet"), (None, "out.jsonl", False, "jsonl"), (None, "out.json", True, "json"),
    ("pretty", "out.json", False, "pretty"), ("csv", "out.csv", True, "csv"), ("jsonl", "out.txt", True, "jsonl"),
])
def test_the_output_format_comes_from_the_option_then_the_extension(requested, path, several, expected):
    assert format_for(requested, path, several) == expected


def test_an_extension_that_contradicts_the_option_is_an_error():
    with pytest.raises(OutputError, match=r"^--output-format jsonl does not match out.csv \(a csv file\)$"):
        format_for("jsonl", "out.csv", True)
    with pytest.raises(OutputError, match=r"^--output-format csv does not match out.json \(a json file\)$"):
        format_for("csv", "out.json", False)
    with pytest.raises(OutputError, match=r"^--output-format pretty does not match out.csv \(a csv file\)$"):
        format_for("pretty", "out.csv", False)


def test_parquet_needs_a_file():
    with pytest.raises(OutputError, match="^parquet output needs a file: give -o FILE$"):
        writer_for("parquet", None)
    assert writer_for("csv", None) is WRITERS["csv"]


def test_parquet_without_pyarrow_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)     # what an install without the extra has
    with pytest.raises(OutputError) as raised:
        writer_for("parquet", "out.parquet")
    assert str(raised.value) == 'parquet output needs the [parquet] extra: pip install "sixk_grammar[parquet]"'


def test_an_output_that_cannot_be_written_is_a_one_line_error(tmp_path):
    with pytest.raises(OutputError, match="its folder does not exist"):
        with open_output(str(tmp_path / "missing" / "out.csv"), binary=False):
            pass
    with pytest.raises(OutputError, match="it is a folder"):
        with open_output(str(tmp_path), binary=False):
            pass


def test_an_output_file_appears_only_once_written_whole(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with open_output(str(target), binary=False) as stream:
            stream.write("new\n")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    with open_output(str(target), binary=False) as stream:
        stream.write("new\n")
    assert target.read_text() == "new\n"


def test_parquet_has_typed_columns_and_flushes_a_row_group_at_a_time(tmp_path, monkeypatch):
    """Dates as dates, booleans, integers and text; a missing date stays null;
    each ROW_GROUP rows are written as they fill, the rest at the end."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from sixk_grammar.cli import writers

    monkeypatch.setattr(writers, "ROW_GROUP", 2)
    result = sixk_grammar.parse(read(SEEDS[0]))
    rows = []
    for number in range(5):
        result["source"] = f"{number}.txt"
        rows.append(record(result))
    rows[4]["signature_date"] = None
    path = tmp_path / "out.parquet"
    with path.open("wb") as stream, WRITERS["parquet"](stream, False) as emit:
        for row in rows:
            emit(row)
    table = pq.read_table(path)
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert table.schema.field("report_month").type == pa.string()
    assert (table.schema.field("complete").type, table.schema.field("syntax_error_count").type,
            table.schema.field("signature_date").type) == (pa.bool_(), pa.int64(), pa.date32())
    assert table.column("source").to_pylist() == [f"{n}.txt" for n in range(5)]
    assert table.column("signature_date").to_pylist() == [dt.date(2002, 11, 18)] * 4 + [None]
    assert table.column("complete").to_pylist() == [True] * 5
    assert rows[0]["signature_date"] == "2002-11-18"        # the rows given are not changed
