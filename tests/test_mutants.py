"""Mutants of the seeds, one defect each, are reported with the rule naming it."""
from __future__ import annotations

import re

import pytest

from conftest import SEEDS, read
from sixk_grammar.lint import check


def remove_signature(text):
    start = text.index("SIGNATURES")
    start = text.rindex("<PAGE>", 0, start)
    end = text.index("<PAGE>", text.index("Title:"))
    return text[:start] + text[end:]


def mark_both(text):
    return re.sub(r"(Form 20-F\s+X\s+Form 40-F)", r"\1   X", text, count=1)


def long_line(text):
    """A 95-column narrative line."""
    line = "The Company furnishes the exhibit below under cover of this report, as required." + " " + "x" * 14
    assert len(line) == 95
    body = text.index("<PAGE>\n", text.index("<PAGE>\n") + 1) + len("<PAGE>\n")   # the body page
    return text[:body] + line + "\n" + text[body:]


def tab(text):
    """A tab on a short line (on a full one it would also make the line too wide: SK201)."""
    return text.replace("Washington, D.C. 20549", "Washington,\tD.C. 20549", 1)


def delete_table_close(text):
    return text.replace("</TABLE>", "", 1)


def curly_quote(text):
    return text.replace("Company's", "Company\u2019s", 1)


def misspell_month(text):
    return re.sub(r"(For the month of )(\w+)", lambda m: m.group(1) + "Novembr", text, count=1)


def number_82_with_no(text):
    index = text.index("\n", text.index("No  ", text.index("12g3-2(b)")))
    index = text.index("\n", index + 1)   # after the underline row
    return (text[:index] + "\n\nIf \"Yes\" is marked, indicate below the file number assigned to the"
            "\nregistrant in connection with Rule 12g3-2(b): 82-1234" + text[index:])


MUTANTS = [(remove_signature, "SK401"), (mark_both, "SK306"), (long_line, "SK201"), (tab, "SK204"),
           (delete_table_close, "SK205"), (curly_quote, "SK203"), (misspell_month, "SK303"),
           (number_82_with_no, "SK309")]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
@pytest.mark.parametrize("mutate,code", MUTANTS, ids=[m[1] for m in MUTANTS])
def test_mutant_is_reported_by_its_rule_alone(seed, mutate, code):
    text = read(seed)
    mutant = mutate(text)
    assert mutant != text
    findings = check(mutant)
    assert code in [f.code for f in findings]
    assert [f.code for f in findings if f.severity == "error" and f.code != code] == []
