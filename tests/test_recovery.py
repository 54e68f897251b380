"""The parser's error recovery, one handler at a time: what it records, and
when it gives up."""
from __future__ import annotations

import pytest
from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from conftest import REAL, read
from sixk_grammar import parser
from sixk_grammar.parser import (_CLOSERS, MAX_SYNTAX_ERRORS, SyntaxProblem, _Recovery, kind, open_at_end,
                                 parse_tree, reading_parser)

CUT = "<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n"
#: A document whose table is never closed: its </TEXT> comes while the table is open.
UNCLOSED_TABLE = "<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n<TABLE>\n<S>  <C>\n1    Press release\n</TEXT>\n</DOCUMENT>\n"


def test_a_character_no_terminal_takes_is_recorded_and_skipped():
    """No state of this grammar lacks a catch-all terminal, so Lark raises this
    for no real input: the handler is stated on Lark's own error."""
    text = "FORM 6-K\n\x00 rest\n"
    error = UnexpectedCharacters(text, 9, 2, 1, allowed={"cover__TEXT", "NL"})
    recovery = _Recovery(text)
    assert recovery(error) is True
    assert [problem.as_dict() for problem in recovery.problems] == [
        {"line": 2, "column": 1, "message": "unexpected character '\\x00'", "expected": ["TEXT", "a line end"]}]
    assert recovery(UnexpectedCharacters(text, 9, 2, 1)) is True   # the same again on the line: one report
    assert len(recovery.problems) == 1


def test_recovery_gives_up_at_the_limit_of_problems():
    recovery = _Recovery("x\n")
    recovery.problems = [SyntaxProblem(n, 1, f"p{n}", []) for n in range(MAX_SYNTAX_ERRORS - 1)]
    error = UnexpectedCharacters("x\n", 0, 1, 1)
    assert recovery(error) is True and len(recovery.problems) == MAX_SYNTAX_ERRORS
    assert recovery(error) is False


def test_errors_it_does_not_know_are_not_recovered():
    assert _Recovery("x\n")(UnexpectedEOF(["NL"])) is False


def test_the_last_line_of_a_text_without_line_ends_is_one():
    assert _Recovery("").last_line == 1 and _Recovery("abc").last_line == 1
    assert _Recovery("a\nb\n").last_line == 2


def test_an_input_cut_inside_a_document_closes_it_at_its_last_line():
    outcome = parse_tree(CUT)
    assert [problem.as_dict() for problem in outcome.problems] == [
        {"line": 4, "column": 1, "message": parser.OPEN_AT_END + " (</TEXT>, </DOCUMENT> missing)",
         "expected": outcome.problems[0].expected}]
    assert outcome.tree is not None


def test_when_recovery_gives_up_the_rest_is_reported_unread(monkeypatch):
    """The recovery at its limit (here: made to give up on the first error)
    leaves no tree: one problem says where reading stopped and what the
    grammar expected there."""
    monkeypatch.setattr(_Recovery, "__call__", lambda self, error: False)
    monkeypatch.setattr(parser, "fast_plugins", lambda: False)
    outcome = parse_tree(UNCLOSED_TABLE)
    assert outcome.tree is None
    [problem] = outcome.problems
    assert (problem.line, problem.column, problem.message) == (
        8, 1, "the parser could not recover; the rest of the input was not read")
    assert "</TABLE>" in problem.expected and problem.expected == sorted(problem.expected)


def test_when_recovery_gives_up_at_the_end_the_problem_is_on_the_last_line(monkeypatch):
    """Lark dates its end-of-input token at the last token read, before the
    blank lines after it; a give-up there is reported at the last line, as
    the recovery reports an input that ends inside an open section."""
    monkeypatch.setattr(_Recovery, "__call__", lambda self, error: False)
    monkeypatch.setattr(parser, "fast_plugins", lambda: False)
    outcome = parse_tree("<DOCUMENT>\n\n\n")
    assert outcome.tree is None
    assert [(p.line, p.column) for p in outcome.problems] == [(3, 1)]


def _lets_in(state, closer, terminal) -> bool:
    trial = state.copy()
    try:
        trial.feed_token(Token(closer, "", line=1, column=1))
        trial.feed_token(Token(terminal, "x", line=1, column=1))
    except UnexpectedToken:
        return False
    return True


#: A document whose table has a caption and footnotes, each left open.
CAPTIONED_TABLE = ("<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n<TABLE>\n<CAPTION>\nExhibit   Description\n"
                   "<S>  <C>\n99.1 Press release<F1>\n<FN>\n<F1> In Korean.\n</TABLE>\n</TEXT>\n</DOCUMENT>\n")


@pytest.mark.parametrize("text", [read(path) for path in REAL[:4]] + [
    read(path) for path in REAL if path.stem in ("r030", "r049")] + [CAPTIONED_TABLE])
def test_where_two_closers_are_allowed_the_second_lets_in_nothing_the_first_refuses(text):
    """Why the recovery may stop at the first closer that fits: the grammar
    allows two closers at once only where the second is optional (</FN> or
    </CAPTION> before </TABLE>, a blank line before </TEXT>), so a token the
    state refuses is refused after the second as well.  Checked at every state
    a real filing reaches, with every terminal of the grammar."""
    lark = reading_parser()
    terminals = [terminal.name for terminal in lark.terminals]
    state = lark.parse_interactive(text)
    pairs = 0
    for token in state.iter_parse():
        choices = state.choices()
        closers = [name for closer in _CLOSERS for name in choices if kind(name) == closer]
        if len(closers) < 2:
            continue
        pairs += 1
        refused = [name for name in terminals if name not in choices]
        assert [name for name in refused if not _lets_in(state, closers[0], name)
                and any(_lets_in(state, other, name) for other in closers[1:])] == []
    assert pairs > 0


def test_a_missing_closer_is_reported_before_the_token_it_lets_in():
    outcome = parse_tree(UNCLOSED_TABLE)
    assert [(p.line, p.column, p.message) for p in outcome.problems] == [
        (8, 1, "</TABLE> missing before '</TEXT>'")]
    assert outcome.tree is not None and "</TABLE>" in outcome.problems[0].expected


@pytest.mark.parametrize("text,where", [
    ("<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n", (4, 1)),                                   # at the end: the last line
    ("<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n<TABLE>\n<S>  <C>   </TABLE>x\n", (6, 12)),    # inside a line
])
def test_when_recovery_gives_up_the_problem_is_where_reading_stopped(monkeypatch, text, where):
    monkeypatch.setattr(_Recovery, "__call__", lambda self, error: False)
    monkeypatch.setattr(parser, "fast_plugins", lambda: False)
    [problem] = parse_tree(text).problems
    assert (problem.line, problem.column) == where


def test_what_is_missing_is_named_as_a_reader_knows_it():
    """The column-marker line a closing tag cuts short is named by its tags,
    not by the grammar's terminal."""
    text = "<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n<TABLE>\n<S>  <C>  </TEXT>\n</DOCUMENT>\n"
    assert parse_tree(text).problems[-1].message == (
        "input ends inside an open section (the end of the <S> <C> line, </TABLE>, </TEXT>, </DOCUMENT> missing)")


def test_a_token_whose_text_was_dropped_is_named_by_its_kind():
    """After a stray </TEXT> a ruled line reads as uuencoded data, whose text
    the lexer drops: the problem names it rather than quoting ''."""
    from test_rules import SEED, edited, insert

    problems = parse_tree(edited(SEED, insert(62, "</TEXT>"))).problems
    assert [(p.line, p.message) for p in problems] == [
        (63, "unexpected '</TEXT>'"), (64, "unexpected uuencoded lines")]


def test_the_end_of_input_message_names_the_closers_supplied():
    assert open_at_end(["</TABLE>", "</TEXT>"]) == "input ends inside an open section (</TABLE>, </TEXT> missing)"
    assert open_at_end([]) == "input ends inside an open section"


def test_a_message_quotes_the_start_of_a_long_token():
    """A token is quoted in a message by its first 30 characters (before a
    missing closer) or 40 (a token skipped): enough to find it, never a page."""
    bars = UNCLOSED_TABLE.replace("</TEXT>\n", "</TEXT>" + " |" * 30 + "\n")
    assert [p.message for p in parse_tree(bars).problems] == ["</TABLE> missing before '</TEXT> | | | | | | | | | | | '"]
    stray = ("<SEC-DOCUMENT>0001-x.txt : 20030101\n<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n</TEXT>\n</DOCUMENT>\n"
             "<DOCUMENT> the Company reports its results for the quarter\n</SEC-DOCUMENT>\n")
    assert [p.message for p in parse_tree(stray).problems] == ["unexpected '<DOCUMENT> the Company reports its resul'"]


def test_when_reading_stops_at_a_character_the_problem_is_where_it_stands(monkeypatch):
    """Lark's error for a character no terminal takes has no token (the
    grammar gives it no such input, so it is raised here by hand): reading
    stopped at its own line and column, not at the end."""
    text = "FORM 6-K\n\x00 rest\nmore\n"

    class Stopping:
        @staticmethod
        def parse(text, on_error):
            raise UnexpectedCharacters(text, 9, 2, 1, allowed={"cover__TEXT"})

    monkeypatch.setattr(parser, "fast_plugins", lambda: False)
    monkeypatch.setattr(parser, "reading_parser", lambda: Stopping)
    outcome = parse_tree(text)
    assert outcome.tree is None
    assert [(p.line, p.column, p.message, p.expected) for p in outcome.problems] == [
        (2, 1, "the parser could not recover; the rest of the input was not read", [])]
