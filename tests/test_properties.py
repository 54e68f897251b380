"""Properties over generated 6-Ks (sixk_grammar.strategies) and fuzzed input.

Run with HYPOTHESIS_PROFILE=ci (default), dev or thorough; see conftest.py.
"""
from __future__ import annotations

import re

from hypothesis import event, example, find, given, strategies as st

import sixk_grammar
from conftest import HTML, REAL, SEEDS, read
from sixk_grammar.lint import check
from sixk_grammar.lint.rules.syntax import CLOSING_TAGS
from sixk_grammar.strategies import (HTML_LINES, HTML_MARKS, filings, flattened_filings, html_filings,
                                     mutations_by_rule)

CORPUS_TEXTS = [read(path) for path in SEEDS + REAL]
HTML_TEXTS = [read(path) for path in HTML]


def facts_match(model, result, flattened=False):
    """The facts read are the model's (a flattened rendering has no envelope
    and leaves the paper boxes unanswered)."""
    cover = result["cover"]
    assert result["complete"] is True, result["syntax_errors"]
    assert result["syntax_errors"] == []
    assert cover["registrant"] == model.registrant
    assert cover["report_month"] == model.report_month
    assert cover["commission_file_number"] == model.commission_file_number
    assert cover["annual_report_form"] == model.annual_report_form
    assert cover["rule_12g3_2b"] == model.rule_12g3_2b
    assert cover["file_number_82"] == model.file_number_82
    # the paper boxes: an unmarked blank reads "no"; flattened text loses the blanks, so no answer
    assert cover["paper_101b1"] == cover["paper_101b7"] == ("no" if model.paper_boxes and not flattened else None)
    assert [(s["name"], s["title"], s["date"]) for s in result["signatures"]] == [
        (s.name, s.title, s.date.isoformat()) for s in model.signers]
    assert all("/s/" in s["signature"].lower() for s in result["signatures"])
    assert [(e["number"], e["description"]) for e in result["exhibits"]] == [
        (e.number, e.description) for e in model.exhibits]
    if model.envelope and not flattened:
        assert result["envelope"]["accession_number"] == model.accession
        assert result["envelope"]["filer"]["company_conformed_name"] == model.registrant


@given(filings())
def test_round_trip(model_and_text):
    """1. The facts parsed from a rendering are the model's."""
    model, text = model_and_text
    event(f"envelope: {model.envelope}")
    event(f"paper boxes: {model.paper_boxes}")
    event(f"signers: {len(model.signers)}")
    event(f"exhibits: {bool(model.exhibits)}")
    event(f"12g3-2(b) answered: {model.rule_12g3_2b}")
    facts_match(model, sixk_grammar.parse(text))


def _errors(text):
    return [f for f in check(text) if f.severity == "error"]


@given(flattened_filings())
def test_round_trip_flattened(model_and_text):
    """1b. The facts parsed from text flattened from HTML are the model's."""
    model, text = model_and_text
    event(f"one-line cover: {'Indicate by check mark' in text.split(chr(10))[0]}")
    event(f"paper boxes: {model.paper_boxes}")
    facts_match(model, sixk_grammar.parse(text), flattened=True)


@given(filings())
def test_valid_filings_are_clean(model_and_text):
    """2. check finds nothing at error severity in a valid filing."""
    assert _errors(model_and_text[1]) == []


@given(filings(), st.data())
def test_mutants_are_reported_by_their_rule(model_and_text, data):
    """3. Each defect the filing can take, one at a time (one drawn per rule,
    so that every rule with a defect is tried in every run): its rule, and no
    unrelated error."""
    for code, candidates in sorted(mutations_by_rule(model_and_text[1]).items()):
        mutant = data.draw(st.sampled_from(candidates), label=code)
        event(f"mutant: {code}")
        errors = {f.code for f in _errors(mutant)}
        found = {f.code for f in check(mutant)}
        assert code in found
        assert errors <= {code}


def test_a_period_moved_a_year_early_is_a_real_date_the_rule_reports():
    """Found by a random seed: 29 February 2004 a year early is no date, so the
    dict had no period and SK602 nothing to compare.  The defect keeps the
    month and takes a day the month has."""
    month = re.compile(r"(for the month of )\w+,? \d{4}", re.I)
    _, text = find(filings(), lambda model_and_text: "<SEC-HEADER>" in model_and_text[1]
                   and month.search(model_and_text[1]) is not None)
    text = re.sub(r"(CONFORMED PERIOD OF REPORT:\t)\d{8}", r"\g<1>20040229", text, count=1)
    text = month.sub(r"\g<1>February 2004", text, count=1)
    assert not {f.code for f in check(text)} & {"SK602"}
    (mutant,) = mutations_by_rule(text)["SK602"]
    assert "CONFORMED PERIOD OF REPORT:\t20030228" in mutant
    assert "SK602" in {f.code for f in check(mutant)}


@given(filings(), st.floats(0, 1), st.booleans())
def test_truncation_keeps_what_was_read(model_and_text, fraction, mid_line):
    """4. A cut anywhere: no exception, the fields before the cut, and SK101
    when the cut falls mid-line before the signature block ends.  Half the
    cuts fall after the registrant's line and mid-line before the signature
    block's end, where both statements hold."""
    model, text = model_and_text
    whole = sixk_grammar.parse(text)
    cover, signature_end = whole["cover"], whole["signatures"][-1]["end_line"]
    lines = text.split("\n")
    # lines (0-based) after the registrant's and before the signature block's last
    inside = [n for n in range(cover["positions"]["registrant"] + 1, signature_end - 2) if len(lines[n].strip()) > 1]
    if mid_line and inside:   # a cut in the middle of one of them
        number = inside[int(fraction * (len(inside) - 1))]
        start = sum(len(line) + 1 for line in lines[:number])
        stripped = lines[number].rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        cut = start + lead + max(1, (len(stripped) - lead) // 2)
    else:
        cut = int(len(text) * fraction)
    prefix = text[:cut]
    result = sixk_grammar.parse(prefix)
    lines_read = prefix.count("\n")
    after_registrant = cover["positions"]["registrant"] < lines_read
    # A cut right after a closing tag ("</TABLE>") looks like a finished
    # document, as the seeds end: no rule can call it cut.
    closed = prefix.rstrip().lower().endswith(CLOSING_TAGS)
    cut_section = bool(prefix) and not prefix.endswith("\n") and lines_read < signature_end - 1 and not closed
    event(f"cut after the registrant: {after_registrant}")
    event(f"cut mid-line inside the document: {cut_section}")
    if after_registrant:
        assert result["cover"]["report_month"] == cover["report_month"]
    if cut_section:
        assert "SK101" in {f.code for f in check(prefix)}
    assert not (mid_line and inside) or (after_registrant and cut_section)    # the drawn cuts reach both


SPLICE = st.tuples(st.sampled_from(CORPUS_TEXTS), st.sampled_from(CORPUS_TEXTS),
                   st.floats(0, 1), st.floats(0, 1)).map(
    lambda t: t[0][:int(len(t[0]) * t[2])] + t[1][int(len(t[1]) * t[3]):])
HOSTILE = st.one_of(
    st.text(), st.binary(), SPLICE,
    st.integers(1, 20_000).map(lambda n: "x" * n * 10),
    st.integers(1, 2_000).map(lambda n: "<PAGE>\n" * n),
    st.integers(1, 2_000).map(lambda n: "<TABLE>\n" * n),
    st.integers(1, 300).map(lambda n: CORPUS_TEXTS[0] * n),
    st.text(alphabet="\x00\r\n<>|X_-/s:", max_size=2000),
)


@given(HOSTILE)
@example("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n<SEC-DOCUMENT>\n<SEC-HEADER>\n"
         "CONFORMED SUBMISSION TYPE:\nCONFORMED SUBMISSION TYPE:")   # thorough run: a header key twice
@example("\r" * 1000)
@example(b"\x00" * 5000)
@example("Indicate by check mark whether " * 2000)
@example("(EXACT NAME\n===")       # a name caption over a run with no words: once an internal error
@example(b"\r\x91")                # old Mac text with a fixable character: once a crash in the fixes
def test_any_input_yields_a_result(source):
    """5. parse and check answer for anything; never an exception."""
    event(f"input: {type(source).__name__}, {'over' if len(source) > 100_000 else 'under'} 100 kB")
    result = sixk_grammar.parse(source)
    assert {"complete", "syntax_errors", "cover", "signatures", "exhibits"} <= set(result)
    assert not [e for e in result["syntax_errors"] if "internal error" in e["message"]]
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    check(data)


# ------------------------------------------------ real files, any damage ---

#: Markup in a value: a tag, a comment or declaration, an entity.
MARKUP = re.compile(r"<\s*/?\s*[a-z!?][^<>]*>|&(?:[a-z]+|#x?[0-9a-f]+);", re.IGNORECASE)


def _values(result: dict):
    """Every string the dict states about the filing (the cover, signatures, exhibits)."""
    cover = {key: value for key, value in result["cover"].items() if key not in ("marks", "names", "positions")}
    for part in [cover, *result["signatures"], *result["exhibits"]]:
        yield from (value for value in part.values() if isinstance(value, str))
    yield from result["cover"]["enclosures"]


@given(html_filings())
def test_html_round_trip(model_and_text):
    """1c. The facts parsed from the HTML a filing agent files are the model's."""
    model, html = model_and_text
    event(f"html line style: {next((i for i, line in enumerate(HTML_LINES) if line.split('{}')[0] in html), None)}")
    event(f"html marks: {next((i for i, (mark, _) in enumerate(HTML_MARKS) if mark in html), None)}")
    event(f"html in a submission: {'<SEC-HEADER>' in html}")
    result = sixk_grammar.parse(html)
    cover = result["cover"]
    assert (cover["registrant"], cover["report_month"], cover["annual_report_form"], cover["rule_12g3_2b"]) == (
        model.registrant, model.report_month, model.annual_report_form, model.rule_12g3_2b)
    assert [(s["name"], s["title"], s["date"]) for s in result["signatures"]] == [
        (s.name, s.title, s.date.isoformat()) for s in model.signers]
    assert [e["number"] for e in result["exhibits"]] == [e.number for e in model.exhibits]
    assert not [value for value in _values(result) if MARKUP.search(value)]


@given(html_filings())
def test_valid_html_filings_are_clean(model_and_text):
    """2b. check finds nothing at error severity in a valid HTML filing."""
    assert _errors(model_and_text[1]) == []


def _damaged(text: str, data) -> str:
    """A real filing with one kind of damage: a line deleted, doubled or
    moved, a cut, a stray character, a line broken in two."""
    lines = text.split("\n")
    where = data.draw(st.integers(0, max(len(lines) - 1, 0)))
    kind = data.draw(st.sampled_from(["delete", "double", "move", "cut", "char", "break"]))
    event(f"damage: {kind}")
    if kind == "delete":
        del lines[where]
    elif kind == "double":
        lines.insert(where, lines[where])
    elif kind == "move":
        lines.insert(data.draw(st.integers(0, len(lines))), lines.pop(where))
    elif kind == "cut":
        return text[:data.draw(st.integers(0, len(text)))]
    elif kind == "char":
        line = lines[where]
        at = data.draw(st.integers(0, len(line)))
        lines[where] = line[:at] + data.draw(st.sampled_from("<>|&_X\u00a0\u2612\t")) + line[at:]
    else:
        line = lines[where]
        at = data.draw(st.integers(0, len(line)))
        lines[where:where + 1] = [line[:at], line[at:]]
    return "\n".join(lines)


@given(st.sampled_from(CORPUS_TEXTS + HTML_TEXTS), st.data())
@example(read(SEEDS[0]), None)
def test_real_files_and_their_mutants_never_give_an_internal_error(text, data):
    """9. Every real corpus file, damaged in one place: a result with no
    internal error, and no markup in any value."""
    damaged = _damaged(text, data) if data is not None else text
    result = sixk_grammar.parse(damaged)
    assert not [e for e in result["syntax_errors"] if "internal error" in e["message"]]
    if result["form_type"] is not None:
        assert not [value for value in _values(result) if MARKUP.search(value)]
