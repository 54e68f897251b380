"""Shared fixtures: the bundled corpus, and hypothesis profiles (HYPOTHESIS_PROFILE)."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
REAL = sorted((CORPUS / "real" / "filings").glob("*.txt"))
HTML = sorted((CORPUS / "html" / "filings").glob("*.htm"))

# Profiles (HYPOTHESIS_PROFILE): "ci" (default) draws new examples on every
# run, from a seed printed at the top of the report and again on failure
# (rerun with SIXK_HYPOTHESIS_SEED=<seed>); "dev" and "thorough" (10,000
# examples a property: docs/robustness.md) draw more.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True, suppress_health_check=_QUIET)
settings.register_profile("dev", max_examples=500, deadline=None, print_blob=True, suppress_health_check=_QUIET)
settings.register_profile("thorough", max_examples=10_000, deadline=None, print_blob=True,
                          suppress_health_check=_QUIET)
# tools/mutation.py: the tests run once per mutant, the properties with a few examples and no
# shrinking (a mutant that fails a property is killed at once, not after minutes spent minimising)
settings.register_profile("mutation", max_examples=10, deadline=None, suppress_health_check=_QUIET, database=None,
                          phases=(Phase.explicit, Phase.reuse, Phase.generate))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
#: One seed for the whole run, shared by pytest-xdist's workers (they inherit the environment).
SEED = int(os.environ.setdefault("SIXK_HYPOTHESIS_SEED", str(random.SystemRandom().randrange(2**32))))


def pytest_configure(config):
    import hypothesis.core
    hypothesis.core.global_force_seed = SEED


def pytest_report_header(config):
    return f"hypothesis seed: {SEED} (rerun with SIXK_HYPOTHESIS_SEED={SEED})"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if exitstatus:
        terminalreporter.write_line(f"hypothesis seed of this run: SIXK_HYPOTHESIS_SEED={SEED}")


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
