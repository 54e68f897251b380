"""A refactoring guard: every corpus file's dict equals the one recorded in
tests/golden/corpus-dicts.json.

A change meant to change output runs ``python tools/golden.py``, reads every
difference it prints against the filing text, and records the new dicts
with ``--write`` only when each difference is a correction."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import CORPUS, ROOT

import sixk_grammar

sys.path.insert(0, str(ROOT / "tools"))
from golden import corpus_files  # noqa: E402

GOLDEN = json.loads((ROOT / "tests" / "golden" / "corpus-dicts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_dict_is_unchanged(name):
    assert sixk_grammar.parse((CORPUS / name).read_bytes()) == GOLDEN[name]


def test_every_corpus_file_has_its_recorded_dict():
    assert sorted(GOLDEN) == corpus_files()
