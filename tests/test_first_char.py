"""The lexer's first-character dispatch: which characters a pattern can start
with, and the same token as Lark's own scanner at every position."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lark.lexer import BasicLexer, Scanner, TextSlice

from sixk_grammar import first_char, parser
from sixk_grammar.first_char import FirstCharLexer, FirstCharScanner, KnownStarts, first_characters
from sixk_grammar.html_text import render

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def letters(text: str) -> frozenset[str]:
    return frozenset(text)


@pytest.mark.parametrize("pattern, flags, expected", [
    ("abc", 0, letters("a")),
    ("abc", re.IGNORECASE, letters("aA")),
    ("(?i:form)", 0, letters("fF")),
    ("[^\\S\n]*x", 0, letters(" \t\x0b\x0c\r\x1c\x1d\x1e\x1fx")),       # optional blanks, then x
    ("(?:ab|cd)?e", 0, letters("ace")),
    ("a*b+c", 0, letters("ab")),
    ("\\d{1,3}[.)]", 0, letters("0123456789")),
    ("[a-c\\d]", 0, letters("abc0123456789")),
    ("(?<![^\n])-x", 0, letters("-")),                                 # a look-behind consumes nothing
    ("(?!no)n", 0, letters("n")),
    ("\u017f", re.IGNORECASE, letters("sS")),                          # long s: the engine's own case rules
    ("\u212a", re.IGNORECASE, letters("kK")),                          # Kelvin sign
    ("[^\n]+", 0, frozenset(chr(c) for c in range(128)) - {"\n"}),
])
def test_first_characters(pattern, flags, expected):
    assert first_characters(pattern, flags) == expected


@pytest.mark.parametrize("pattern", ["a*", "(?:x|)", "(a)?\\1b", "(?(1)a|b)", "\\bx"])
def test_what_may_be_empty_or_is_not_understood_starts_with_anything(pattern):
    expected = None if pattern != "\\bx" else letters("x")
    assert first_characters(pattern, 0) == expected


def state_lexers():
    lexer = parser.reading_parser().parser.lexer
    return [*{id(state): state for state in lexer.lexers.values()}.values(), lexer.root_lexer]


def test_every_state_of_the_pure_lexer_dispatches():
    assert {type(state) for state in state_lexers()} == {FirstCharLexer}


def test_lark_cython_lexers_are_left_alone():
    class Foreign:
        _scanner = None
    foreign = Foreign()

    class Lexer:
        lexers = {0: foreign}
        root_lexer = None

    class Frontend:
        parser = type("P", (), {"lexer": Lexer})()
    first_char.dispatch_first_characters(Frontend, None)
    assert type(foreign) is Foreign


def sample_texts() -> list[str]:
    seed = (CORPUS / "seeds" / "hanaro-2002-11.txt").read_text(encoding="utf-8")
    html = render((CORPUS / "html" / "filings" / "h003.htm").read_bytes().decode("utf-8", "replace")).text
    return [seed[:6000], html[:6000], "Form 6-K \u2014 r\u00e9sum\u00e9 \u2612 \u017fign\u00e9d \u212a\n\t x"]


def test_the_same_token_as_lark_at_every_position_in_every_state():
    """Lark's scanner (the whole alternation) against the dispatching one, on
    real text, HTML's rendered text and non-ASCII characters."""
    compared = 0
    for state in state_lexers():
        whole = BasicLexer._build_scanner(state)
        assert type(whole) is Scanner
        dispatching = FirstCharScanner(whole, KnownStarts(None))
        for text in sample_texts():
            sliced = TextSlice(text, 0, len(text))
            for position in range(0, len(text), 17):
                assert dispatching.match(sliced, position) == whole.match(sliced, position), (
                    state.terminals, text[position:position + 40])
                compared += 1
    assert compared > 5_000


def test_the_analysis_is_kept_and_read_back(tmp_path):
    stored = KnownStarts(str(tmp_path))
    assert stored.get("abc", re.IGNORECASE) == letters("aA") and stored.get("a*", 0) is None
    stored.save()
    [kept] = tmp_path.glob("first-characters-*.marshal")
    again = KnownStarts(str(tmp_path))
    again._load()
    assert len(again._known) == 2
    assert again.get("abc", re.IGNORECASE) == letters("aA") and again.get("a*", 0) is None
    assert not again._changed                       # nothing new: nothing to write
    kept.write_bytes(b"not marshal")
    assert KnownStarts(str(tmp_path)).get("abc", 0) == letters("a")   # a damaged file is no cache


def test_no_cache_folder_computes_and_writes_nothing(tmp_path):
    starts = KnownStarts(None)
    assert starts.get("x", 0) == letters("x")
    starts.save()
    assert list(tmp_path.iterdir()) == []
