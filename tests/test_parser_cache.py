"""Where the built parser and the compiled patterns are cached, and what
happens when they cannot be."""
from __future__ import annotations

import hashlib
import os


from sixk_grammar import parser
from sixk_grammar.regex_cache import CachedPatterns


def _digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(parser.grammar_path().glob("*.lark")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def test_the_cache_folder_is_named_by_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path / "own"))
    assert parser._cache_file() == str(tmp_path / "own" / f"sixk-{_digest()}.lark.cache")
    assert (tmp_path / "own").is_dir() and os.listdir(tmp_path / "own") == []   # the probe is gone
    monkeypatch.delenv("SIXK_GRAMMAR_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert parser._cache_file() == str(tmp_path / "xdg" / "sixk_grammar" / f"sixk-{_digest()}.lark.cache")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert parser._cache_file() == str(tmp_path / "home" / ".cache" / "sixk_grammar" / f"sixk-{_digest()}.lark.cache")
    assert parser._pattern_folder() == str(tmp_path / "home" / ".cache" / "sixk_grammar" / "patterns")


def test_the_cache_file_changes_with_the_grammar(monkeypatch, tmp_path):
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path))
    first = parser._cache_file()
    copy = tmp_path / "grammar"
    copy.mkdir()
    for path in parser.grammar_path().glob("*.lark"):
        (copy / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(parser, "grammar_path", lambda: copy)
    assert parser._cache_file() == first
    (copy / "common.lark").write_text((copy / "common.lark").read_text(encoding="utf-8") + "\n// x\n",
                                      encoding="utf-8")
    assert parser._cache_file() != first


def test_an_unwritable_cache_is_no_cache(monkeypatch, tmp_path):
    """A folder the user may not write to (as root: one whose probe is refused)."""
    def refused(**options):
        assert options == {"dir": str(tmp_path / "cache"), "delete": True}
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(parser.tempfile, "NamedTemporaryFile", refused)
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path / "cache"))
    assert parser._cache_file() is None and parser._pattern_folder() is None
    assert (tmp_path / "cache").is_dir()     # made, then found unwritable


def test_a_cache_folder_that_is_a_file_is_no_cache(monkeypatch, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path / "file"))
    assert parser._cache_file() is None and parser._pattern_folder() is None


def test_pure_switch_and_the_plugins(monkeypatch):
    monkeypatch.setenv("SIXK_GRAMMAR_PURE", "1")
    assert parser.fast_plugins() is None
    monkeypatch.delenv("SIXK_GRAMMAR_PURE")
    import lark_cython
    assert parser.fast_plugins() is lark_cython.plugins


def test_kind_and_display_names():
    assert parser.kind("cover__TEXT") == "TEXT" and parser.kind("signature__date_field") == "date_field"
    assert parser.display_name("envelope__TEXT_CLOSE") == "</TEXT>" and parser.display_name("NL") == "a line end"
    assert parser.display_name("cover__PERIOD_PREFIX") == "PERIOD_PREFIX"


def test_the_pattern_folder_is_found_again(monkeypatch, tmp_path):
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path))
    assert parser._pattern_folder() == parser._pattern_folder() == str(tmp_path / "patterns")


def test_a_parser_loaded_from_the_cache_compiles_through_the_pattern_cache(monkeypatch, tmp_path):
    """The lexers' configuration of a parser read back from the cache file
    (lark-cython's lexers compile with the configuration's module)."""
    monkeypatch.setenv("SIXK_GRAMMAR_CACHE_DIR", str(tmp_path))
    parser._cached_parser.cache_clear()
    try:
        built = parser._cached_parser((), reading=True)
        assert os.path.exists(parser._cache_file())
        parser._cached_parser.cache_clear()
        loaded = parser._cached_parser((), reading=True)
        assert loaded is not built
        patterns = loaded.lexer_conf.re_module
        assert isinstance(patterns, CachedPatterns) and patterns.folder == str(tmp_path / "patterns")
        assert loaded.parse("FORM 6-K\n") == built.parse("FORM 6-K\n")
    finally:
        parser._cached_parser.cache_clear()
