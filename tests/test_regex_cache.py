"""regex_cache: a pattern built from its cached code matches as re.compile's
does, and whatever is wrong with the cache falls back to re.compile."""
from __future__ import annotations

import re

from sixk_grammar.parser import reading_parser
from sixk_grammar.regex_cache import CachedPatterns

SAMPLES = ["FORM 6-K", "For the month of November 2002\n", "Form 20-F   X   Form 40-F ___\n", "Date: May 4, 2019\n",
           "  ACME HOLDINGS N.V. Kerkstraat 12\n", "\u00a0\u2612 Yes", ""]


def _patterns():
    """Real patterns: the grammar's terminals, case-insensitive as built."""
    return [terminal.pattern.to_regexp() for terminal in reading_parser().terminals][:40]


def test_cached_patterns_match_as_re_does(tmp_path):
    cache = CachedPatterns(str(tmp_path))
    for pattern in _patterns():
        stored = cache.compile(pattern, re.IGNORECASE)      # compiled, then written
        loaded = cache.compile(pattern, re.IGNORECASE)      # built from the file
        plain = re.compile(pattern, re.IGNORECASE)
        assert loaded.pattern == plain.pattern and loaded.groupindex == plain.groupindex
        for sample in SAMPLES:
            for compiled in (stored, loaded):
                found, expected = compiled.match(sample), plain.match(sample)
                assert (found and found.span()) == (expected and expected.span()), (pattern[:60], sample)
    assert len(list(tmp_path.glob("*.re"))) == len(set(_patterns()))


def test_a_damaged_or_missing_cache_falls_back(tmp_path):
    cache = CachedPatterns(str(tmp_path))
    cache.compile("(?P<A>ab+)", re.IGNORECASE)
    (stored,) = tmp_path.glob("*.re")
    stored.write_bytes(b"\x00garbage")
    assert cache.compile("(?P<A>ab+)", re.IGNORECASE).match("ABB").group() == "ABB"
    assert CachedPatterns(None).compile("a+").match("aa").group() == "aa"
    assert CachedPatterns(str(tmp_path / "missing")).compile("a+").match("aa").group() == "aa"
