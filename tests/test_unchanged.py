"""Speed and memory work changes no output: every corpus file's dict equals
the one recorded before that work (tests/golden/corpus-dicts.json).

One change since was made on purpose: r030's 6-K is an HTML document, read
since HTML 6-Ks are rendered as text (its title on line 54, one page; its
cover is cut after the title, so the registrant stays the envelope's)."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, ROOT

import sixk_grammar

GOLDEN = json.loads((ROOT / "tests" / "golden" / "corpus-dicts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_dict_is_unchanged(name):
    assert sixk_grammar.parse((CORPUS / name).read_bytes()) == GOLDEN[name]


def test_every_corpus_file_has_its_recorded_dict():
    assert sorted(GOLDEN) == sorted(str(path.relative_to(CORPUS)) for path in CORPUS.rglob("*.txt"))
