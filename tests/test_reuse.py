"""Reusing the grammar: the grammar command, the standalone parser, schemas."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from hypothesis import given

import sixk_grammar
from conftest import CORPUS, REAL, ROOT, SEEDS
from sixk_grammar.schema import load
from sixk_grammar.strategies import filings

FILES = SEEDS + REAL

CANONICAL = """
def canonical(node):
    if hasattr(node, "children"):
        return [str(node.data), [canonical(child) for child in node.children]]
    return [str(node.type), str(node)]


def outcome(parser, text):
    try:
        return canonical(parser.parse(text))
    except Exception as error:
        return ["error", type(error).__name__, getattr(error, "line", None), getattr(error, "column", None)]
"""

STANDALONE_RUN = CANONICAL + """
import json, sys
sys.path.insert(0, sys.argv[1])
try:
    import lark
except ImportError:
    pass
else:
    raise SystemExit("lark is importable: the test would prove nothing")
import sixk_parser
parser = sixk_parser.Lark_StandAlone()
results = {}
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8", errors="replace").read().replace("\\r\\n", "\\n")
    results[path] = outcome(parser, text if text.endswith("\\n") else text + "\\n")
print(json.dumps(results))
"""


def test_standalone_parser_gives_the_library_tree_without_lark(tmp_path):
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "export", "standalone", "-o",
                           str(tmp_path / "sixk_parser.py")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # -S: no site-packages, so neither lark nor sixk_grammar can be imported.
    run = subprocess.run([sys.executable, "-S", "-c", STANDALONE_RUN, str(tmp_path), *map(str, FILES)],
                         capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == library_outcomes(FILES)


def library_outcomes(paths) -> dict:
    """{path: canonical tree (or error)} from the library's parser, as the other parsers print it."""
    namespace: dict = {}
    exec(CANONICAL, namespace)
    parser = sixk_grammar.get_parser()
    outcomes = {}
    for path in paths:
        text = open(path, encoding="utf-8", errors="replace").read().replace("\r\n", "\n")
        outcomes[str(path)] = namespace["outcome"](parser, text if text.endswith("\n") else text + "\n")
    return outcomes


def test_grammar_command_prints_files_and_path():
    path = subprocess.run([sys.executable, "-m", "sixk_grammar", "grammar", "--path"], capture_output=True,
                          text=True, timeout=60).stdout.strip()
    assert path == str(sixk_grammar.grammar_path())
    entry = subprocess.run([sys.executable, "-m", "sixk_grammar", "grammar"], capture_output=True,
                           text=True, timeout=60).stdout
    assert entry == (sixk_grammar.grammar_path() / "sixk.lark").read_text(encoding="utf-8")
    missing = subprocess.run([sys.executable, "-m", "sixk_grammar", "grammar", "nope"], capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 2 and "choose one of" in missing.stderr


@pytest.fixture(scope="module")
def parse_validator():
    schema = load("parse")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_corpus_parses_match_the_schema(path, parse_validator):
    parse_validator.validate(sixk_grammar.parse(path.read_bytes()))


@given(filings())
def test_generated_parses_match_the_schema(parse_validator, model_and_text):
    parse_validator.validate(sixk_grammar.parse(model_and_text[1]))


def test_schema_rejects_a_broken_dict(parse_validator):
    result = sixk_grammar.parse(SEEDS[0].read_bytes())
    result["cover"]["report_month"] = "November 2002"
    with pytest.raises(jsonschema.ValidationError):
        parse_validator.validate(result)


def test_check_json_matches_its_schema():
    schema = load("check")
    jsonschema.Draft202012Validator.check_schema(schema)
    done = subprocess.run([sys.executable, "-m", "sixk_grammar", "check", "--output-format", "json", str(CORPUS)],
                          capture_output=True, text=True, timeout=300)
    findings = json.loads(done.stdout)
    assert findings
    jsonschema.validate(findings, schema)


def test_schema_command_prints_the_schemas():
    for which in ("parse", "check"):
        done = subprocess.run([sys.executable, "-m", "sixk_grammar", "schema", which], capture_output=True,
                              text=True, timeout=60)
        assert json.loads(done.stdout) == load(which)
    assert (ROOT / "sixk_grammar" / "schema" / "sixk-6k.schema.json").is_file()


def test_another_form_reuses_the_signature_and_table_sections():
    """examples/form8k: an 8-K grammar importing signature.lark and tables.lark."""
    sys.path.insert(0, str(ROOT / "examples" / "form8k"))
    try:
        import parse_8k
    finally:
        sys.path.pop(0)
    parse_8k.parser(strict=True)   # composes without conflicts
    text = (ROOT / "examples" / "form8k" / "sample_8k.txt").read_text(encoding="utf-8")
    tree = parse_8k.parser().parse(text)
    assert [t.data for t in tree.children if hasattr(t, "data")] == ["table", "signature_block"]
    (signer,) = parse_8k.signers(text)
    assert (signer["name"], signer["title"], signer["date"]) == ("Jane Roe", "Chief Financial Officer", "2003-03-03")
    assert signer["registrant"] == "ACME CORPORATION"
