"""JSON Schemas (draft 2020-12) of what sixk_grammar prints: parse's dict, check's JSON."""
from __future__ import annotations

import json
from importlib import resources

FILES = {"parse": "sixk-6k.schema.json", "check": "sixk-lint.schema.json"}


def schema_text(which: str = "parse") -> str:
    return resources.files(__package__).joinpath(FILES[which]).read_text(encoding="utf-8")


def load(which: str = "parse") -> dict:
    return json.loads(schema_text(which))
