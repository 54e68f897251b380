"""Shared fixtures: the bundled corpus, and hypothesis profiles (HYPOTHESIS_PROFILE)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
REAL = sorted((CORPUS / "real" / "filings").glob("*.txt"))
HTML = sorted((CORPUS / "html" / "filings").glob("*.htm"))

settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def label_of(path: Path) -> dict:
    """The human label of a corpus file (seeds keep theirs beside the text)."""
    beside = path.with_suffix(".json")
    if beside.exists():
        return json.loads(beside.read_text(encoding="utf-8"))
    return json.loads((path.parent.parent / "labels" / (path.stem + ".json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parse():
    import sixk_grammar
    return sixk_grammar.parse
