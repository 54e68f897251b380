"""Archives to tables: `parse` over folders and archives, in parallel, to CSV
and Parquet, one row per filing, every value the dict's own."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile

import pytest

import sixk_grammar
from conftest import REAL, SEEDS
from sixk_grammar.records import FIELD_NAMES, FIELDS
from test_envelope import submission


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "sixk_grammar", *args], capture_output=True,
                          timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def archive_folder(tmp_path_factory):
    """Real filings as files, in a .zip (under a folder), in a .tar.gz, a full
    submission, and a zip member that cannot be read (its data is corrupt)."""
    folder = tmp_path_factory.mktemp("filings")
    for path in SEEDS + REAL[:10]:
        shutil.copy(path, folder / path.name)
    (folder / "submission.txt").write_text(submission(20), encoding="utf-8")
    (folder / "notes.md").write_text("not a filing", encoding="utf-8")   # not *.txt: not read
    with zipfile.ZipFile(folder / "bulk.zip", "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in REAL[10:16]:
            bundle.write(path, f"2003/{path.name}")
        bundle.writestr("2003/readme.csv", "not a filing")
    with tarfile.open(folder / "more.tar.gz", "w:gz") as bundle:
        for path in reversed(REAL[16:22]):   # not in name order inside the archive
            bundle.add(path, f"q2/{path.name}")
    with zipfile.ZipFile(folder / "bad.zip", "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("broken.txt", "FORM 6-K\n" * 50)
    data = bytearray((folder / "bad.zip").read_bytes())
    data[data.index(b"FORM 6-K") + 2] ^= 0xFF        # the stored data no longer matches its CRC
    (folder / "bad.zip").write_bytes(bytes(data))
    return folder


def expected_names(folder) -> list[str]:
    names = [str(folder / p.name) for p in SEEDS + REAL[:10]] + [str(folder / "submission.txt")]
    names += [f"{folder / 'bulk.zip'}!2003/{p.name}" for p in REAL[10:16]]
    names += [f"{folder / 'more.tar.gz'}!q2/{p.name}" for p in REAL[16:22]]
    return sorted(names + [f"{folder / 'bad.zip'}!broken.txt"])


def source_bytes(name: str) -> bytes:
    archive, _, member = name.partition("!")
    if not member:
        return open(name, "rb").read()
    if archive.endswith(".zip"):
        return zipfile.ZipFile(archive).read(member)
    return tarfile.open(archive).extractfile(member).read()


def csv_cell(value) -> str:
    return "" if value is None else str(value)


def test_csv_of_a_folder_with_archives(archive_folder, tmp_path):
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"facts-{jobs}.csv"
        done = run("parse", str(archive_folder), "--output-format", "csv", "-o", str(out), "--jobs", jobs)
        assert done.returncode == 2, done.stderr        # one member cannot be read
        bad = f"{archive_folder / 'bad.zip'}!broken.txt"
        assert bad.encode() in done.stderr and b"Traceback" not in done.stderr
        outputs[jobs] = out.read_bytes()
    assert outputs["1"] == outputs["2"]                 # byte-identical for any number of jobs
    rows = list(csv.DictReader(io.StringIO(outputs["1"].decode("utf-8"))))
    assert tuple(rows[0]) == FIELD_NAMES
    assert [row["source"] for row in rows] == expected_names(archive_folder)
    for row in rows:
        if row["source"].endswith("broken.txt"):
            assert row["error"].startswith("cannot read it") and row["registrant"] == ""
            continue
        expected = sixk_grammar.record({"source": row["source"]} | sixk_grammar.parse(source_bytes(row["source"])))
        assert row == {key: csv_cell(value) for key, value in expected.items()}


def test_parquet_reads_back_with_typed_columns(archive_folder, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    done = run("parse", str(archive_folder), "--output-format", "parquet", "-o", str(out), "--jobs", "2")
    assert done.returncode == 2, done.stderr
    table = pq.read_table(out)
    types = {name: str(table.schema.field(name).type) for name in FIELD_NAMES}
    assert types["complete"] == "bool" and types["pages"] == "int64" and types["signature_date"] == "date32[day]"
    assert [field.name for field in table.schema] == list(FIELD_NAMES)
    rows = table.to_pylist()
    assert [row["source"] for row in rows] == expected_names(archive_folder)
    dates = [name for name, kind in FIELDS if kind == "date"]
    for row in rows:
        if row["error"]:
            continue
        expected = sixk_grammar.record({"source": row["source"]} | sixk_grammar.parse(source_bytes(row["source"])))
        for name in dates:
            expected[name] = dt.date.fromisoformat(expected[name]) if expected[name] else None
        assert row == expected
    envelope_row = next(row for row in rows if row["source"].endswith("submission.txt"))
    assert envelope_row["filed_as_of"] == dt.date(2002, 12, 2) and envelope_row["cik"] == "0001108691"


def test_record_takes_the_first_signature_and_the_envelopes_filer():
    result = sixk_grammar.parse(submission())
    row = sixk_grammar.record({"source": "s.txt"} | result)
    assert row["accession_number"] == result["envelope"]["accession_number"]
    assert row["company_conformed_name"] == "HANARO TELECOM INC"
    assert (row["signature_date"], row["signer_name"], row["signer_title"]) == (
        "2002-11-18", "Kyu June Hwang", "Managing Director")
    assert (row["exhibit_numbers"], row["exhibit_count"], row["signer_count"]) == ("99.1", 1, 1)
    assert row["complete"] is True and row["error"] is None
    assert sixk_grammar.record({"source": "x", "error": "no such file"}) == dict.fromkeys(
        FIELD_NAMES) | {"source": "x", "error": "no such file"}


def test_json_of_several_filings_is_one_array(tmp_path):
    done = run("parse", "--output-format", "json", str(SEEDS[0]), str(SEEDS[1]))
    assert done.returncode == 0, done.stderr
    assert [item["source"] for item in json.loads(done.stdout)] == [str(SEEDS[0]), str(SEEDS[1])]


def test_parquet_needs_an_output_file():
    done = run("parse", str(SEEDS[0]), "--output-format", "parquet")
    assert done.returncode == 2
    assert b"-o FILE" in done.stderr and b"Traceback" not in done.stderr


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from sixk_grammar.cli import main

    monkeypatch.setitem(sys.modules, "pyarrow", None)   # as if the extra were not installed
    status = main(["parse", str(SEEDS[0]), "--output-format", "parquet", "-o", str(tmp_path / "x.parquet")])
    assert status == 2
    assert '[parquet] extra' in capsys.readouterr().err
    assert not (tmp_path / "x.parquet").exists()


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    done = run("parse", str(SEEDS[0]), "--output-format", "csv", "-o", str(tmp_path / "missing" / "out.csv"))
    assert done.returncode == 2
    assert b"does not exist" in done.stderr and b"Traceback" not in done.stderr


def test_a_new_output_file_gets_ordinary_permissions(tmp_path):
    out = tmp_path / "facts.csv"
    assert run("parse", str(SEEDS[0]), "--output-format", "csv", "-o", str(out)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["facts.csv"]   # no temporary file left


def test_check_reads_archives_too(archive_folder):
    done = run("check", str(archive_folder / "more.tar.gz"), "--output-format", "json")
    findings = json.loads(done.stdout)
    assert {f["filename"].split("!")[0] for f in findings} == {str(archive_folder / "more.tar.gz")}
    assert len({f["filename"] for f in findings}) == 6


def test_batches_bound_what_they_carry_and_results_keep_their_order():
    from sixk_grammar.parallel import _batches, ordered_map

    sizes = [1, 5, 5, 5, 20, 1, 1]
    batches = list(_batches(sizes, 3, weight=lambda size: size, max_weight=10))
    assert batches == [[1, 5], [5, 5], [20], [1, 1]]   # an item heavier than the bound goes alone
    assert list(ordered_map(abs, range(-300, 0), jobs=2, batch=7)) == [abs(n) for n in range(-300, 0)]


def test_a_binary_file_is_an_error_row_not_garbage_facts(tmp_path):
    """A PDF saved as .txt in an archive folder: its row says why it has no
    facts, instead of a registrant read from its bytes."""
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01ACME HOLDINGS LIMITED\n" * 50)
    out = tmp_path / "facts.csv"
    done = run("parse", str(tmp_path / "scan.txt"), "--output-format", "csv", "-o", str(out))
    assert done.returncode == 2 and b"binary" in done.stderr and b"Traceback" not in done.stderr
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    assert row["error"] == "the file is binary (it holds NUL bytes)" and row["registrant"] == ""
