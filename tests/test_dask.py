"""The Dask path gives exactly the plain CLI's findings, on a real LocalCluster."""
from __future__ import annotations

import subprocess
import sys

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
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "check", "--dask", "tcp://127.0.0.1:9",
                           str(CORPUS / "seeds")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
