"""The Dask path gives exactly the plain CLI's findings, on a real LocalCluster."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import CORPUS

distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_check_dask_gives_the_cli_findings(cluster):
    plain = subprocess.run([sys.executable, "-m", "sixk_grammar", "check", str(CORPUS)],
                           capture_output=True, text=True, timeout=600)
    on_dask = subprocess.run([sys.executable, "-m", "sixk_grammar", "check", "--dask",
                              cluster.scheduler_address, str(CORPUS)], capture_output=True, text=True, timeout=600)
    assert on_dask.returncode == plain.returncode == 1, on_dask.stderr
    assert on_dask.stdout == plain.stdout


def test_check_bag_api(cluster):
    from sixk_grammar.dask import check_bag

    with distributed.Client(cluster):
        records = check_bag(str(CORPUS / "real" / "filings" / "*.txt")).compute()
    assert {r["code"] for r in records} >= {"SK101", "SK201"}
    assert all(r["path"].endswith(".txt") for r in records)


def test_unreachable_scheduler_is_a_usage_error():
    """A short wait for the scheduler (SIXK_GRAMMAR_DASK_TIMEOUT), not the default 30 seconds."""
    environment = os.environ | {"SIXK_GRAMMAR_DASK_TIMEOUT": "2"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "check", "--dask", "tcp://127.0.0.1:9",
                           str(CORPUS / "seeds")], capture_output=True, text=True, timeout=120, env=environment)
    assert done.returncode == 2 and "cannot reach the Dask scheduler" in done.stderr
    assert "Traceback" not in done.stderr and time.monotonic() - started < 25


def _local_rows(paths):
    import sixk_grammar

    return [sixk_grammar.record({"source": str(p)} | sixk_grammar.parse(p.read_bytes())) for p in paths]


def _comparable(rows):
    """Rows as plain values: dates as ISO strings, missing values as None."""
    import pandas as pd

    out = []
    for row in rows:
        out.append({key: (None if value is None or value is pd.NA or value is pd.NaT else
                          value.date().isoformat() if isinstance(value, pd.Timestamp) else
                          bool(value) if isinstance(value, bool) or type(value).__name__ == "bool_" else
                          int(value) if type(value).__name__.startswith("int") else value)
                    for key, value in row.items()})
    return out


def test_records_on_a_cluster_equal_the_local_rows(cluster):
    from sixk_grammar.dask import records

    paths = sorted((CORPUS / "real" / "filings").glob("*.txt"))[:12] + sorted((CORPUS / "seeds").glob("*.txt"))
    with distributed.Client(cluster):
        frame = records([str(p) for p in paths]).compute()
    got = sorted(_comparable(frame.to_dict("records")), key=lambda row: row["source"])
    assert got == sorted(_local_rows(paths), key=lambda row: row["source"])
    assert str(frame["signature_date"].dtype).startswith("datetime64") and str(frame["pages"].dtype) == "Int64"


def test_parse_dask_writes_a_parquet_dataset_with_the_local_rows(cluster, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = CORPUS / "seeds"
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "parse", "--dask", cluster.scheduler_address,
                           "--output-format", "parquet", "-o", str(tmp_path / "dataset"), str(folder / "*.txt")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rows = pq.read_table(tmp_path / "dataset").to_pylist()
    got = sorted(({k: (v.date().isoformat() if hasattr(v, "date") and v is not None else v) for k, v in row.items()}
                  for row in rows), key=lambda row: row["source"])
    assert got == _local_rows(sorted(folder.glob("*.txt")))


def test_parse_dask_needs_parquet_and_a_folder():
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "parse", "--dask", "tcp://127.0.0.1:9",
                           str(CORPUS / "seeds")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "-o DIR" in done.stderr and "Traceback" not in done.stderr
