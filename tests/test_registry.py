"""The rule registry: what registering a rule checks, and what a rule's
metadata gives its page, its address and its findings' order."""
from __future__ import annotations

import pytest

from sixk_grammar.lint import registry
from sixk_grammar.lint.registry import Finding, Rule, all_rules, rule


@pytest.fixture
def empty(monkeypatch):
    """A registry of its own, so that no test rule reaches check()."""
    monkeypatch.setattr(registry, "REGISTRY", {})
    return registry


def check_nothing(context):
    """
    ## What it checks
    Nothing.
    """
    return iter(())


def test_a_rule_registers_with_its_metadata_and_returns_the_function(empty):
    assert rule("SK900", "nothing", "info", "Checks nothing.", "none")(check_nothing) is check_nothing
    assert empty.REGISTRY["SK900"] == Rule("SK900", "nothing", "info", "Checks nothing.", "none", check_nothing)


@pytest.mark.parametrize("arguments,message", [
    (dict(severity="fatal"), "SK900: unknown severity 'fatal'"),
    (dict(fixer=check_nothing), "SK900: a fixer needs a fix_safety of ('safe', 'unsafe')"),
    (dict(fix_safety="safe"), "SK900: a fixer needs a fix_safety of ('safe', 'unsafe')"),
    (dict(fixer=check_nothing, fix_safety="maybe"), "SK900: a fixer needs a fix_safety of ('safe', 'unsafe')"),
])
def test_a_rule_declared_wrongly_fails_when_its_module_loads(empty, arguments, message):
    options = dict(severity="error") | arguments
    severity = options.pop("severity")
    with pytest.raises(ValueError) as raised:
        rule("SK900", "nothing", severity, "Checks nothing.", "none", **options)
    assert str(raised.value) == message
    assert empty.REGISTRY == {}


def test_a_code_registered_twice_is_refused(empty):
    rule("SK900", "nothing", "warning", "s", "none", fixer=check_nothing, fix_safety="unsafe")(check_nothing)
    with pytest.raises(ValueError, match=r"^SK900 is registered twice$"):
        rule("SK900", "other", "warning", "s", "none")(check_nothing)
    assert empty.REGISTRY["SK900"].name == "nothing"


def test_the_page_the_address_and_the_fix_note():
    page = Rule("SK900", "nothing", "warning", "Checks nothing.", "Form 6-K", check_nothing).doc
    assert page == ("# SK900 nothing\n\nChecks nothing.\n\nDefault severity: **warning**.  Source: Form 6-K.  "
                    "Fixable: no.\n\n## What it checks\nNothing.\n")
    assert Rule("SK900", "n", "info", "s", "x", check_nothing, check_nothing, "safe").fix_note == (
        "Fixable: **safe** (`check --fix`).")
    assert Rule("SK900", "n", "info", "s", "x", check_nothing, check_nothing, "unsafe").fix_note == (
        "Fixable: **unsafe** (`check --fix --unsafe-fixes`).")
    assert Rule("SK900", "n", "info", "s", "x", lambda context: ()).doc.endswith("Fixable: no.\n\n\n")
    assert Rule("SK900", "n", "info", "s", "x", check_nothing).url == "docs/rules/SK900.md"


def test_the_registry_lists_every_rule_by_code():
    codes = [r.code for r in all_rules()]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) and codes[0] == "SK001"


def test_findings_sort_by_path_line_column_then_code_and_carry_their_rule():
    all_rules()                          # the rules registered, for Finding.rule
    later = Finding("a.txt", 2, 1, "SK101", "m")
    first = Finding("a.txt", 1, 9, "SK204", "m")
    same_place = Finding("a.txt", 1, 9, "SK203", "m")
    other_file = Finding("-", 9, 9, "SK999", "m")
    assert sorted([later, first, same_place, other_file]) == [other_file, same_place, first, later]
    assert Finding("a.txt", 1, 1, "SK204", "m", source_line="x", fix="safe") == Finding("a.txt", 1, 1, "SK204", "m")
    assert first.rule.name == "tab-character" and first.severity == "warning"
