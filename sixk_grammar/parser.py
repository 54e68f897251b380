"""Build the Lark parser once, and run it so that any input yields a tree.

The grammar files ship inside the wheel as ``sixk_grammar/grammar``; in a
source checkout they sit in the top-level ``grammar/`` folder.  The built
parser is cached per user (never in the package directory, which may be
read-only).
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from lark import Lark, Token, Tree

from .first_char import dispatch_first_characters
from .regex_cache import CachedPatterns, use_cached_patterns, warm
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

GRAMMAR_ENTRY = "sixk.lark"

#: Options every parser of this grammar needs; other tools reuse them.  Tokens
#: carry their positions; pass propagate_positions=True for rules' too.
PARSER_OPTIONS = dict(
    parser="lalr",
    lexer="contextual",
    g_regex_flags=re.IGNORECASE,
    maybe_placeholders=False,
)


def _without_data(token: Token) -> Token:
    """A chunk of a uuencoded block, kept where it stands but without its data:
    nothing reads binary data, and a submission's blocks can be most of it."""
    return token.new_borrow_pos(token.type, "", token)   # lark's or lark-cython's Token


#: What parse() and check() add: the lexer drops binary data as it goes.
READING_OPTIONS = {"lexer_callbacks": {"UU_LINES": _without_data}}

#: How a syntax problem says that the input ended inside an open structure.
OPEN_AT_END = "input ends inside an open section"


def open_at_end(closed: list[str]) -> str:
    """How a syntax problem says the input ended inside open structures, naming
    the closers recovery supplied ("... (</TABLE>, </TEXT> missing)")."""
    return OPEN_AT_END + (f" ({', '.join(closed)} missing)" if closed else "")


def missing_closer(terminal: str) -> str:
    """How a syntax problem says that recovery closed a structure before a
    token: "</TABLE> missing before ..." (the token follows)."""
    return f"{display_name(terminal)} missing before"


#: Recovery gives up after this many syntax errors and keeps what it has.
MAX_SYNTAX_ERRORS = 200

# Tokens that close an open structure, tried in this order when input ends
# early or when a closing tag is missing.  Names are without namespace.
_CLOSERS = ("MARKER_END", "TABLE_CLOSE", "CAPTION_CLOSE", "FOOTNOTES_CLOSE", "TEXT_CLOSE",
            "DOCUMENT_CLOSE", "SEC_HEADER_CLOSE", "SEC_DOCUMENT_CLOSE", "PEM_END", "NL")

# When no closer fits at the end of the input, an empty one of these fills the
# open slot (a section that may not be empty, a document cut before <TEXT>) so
# that the closers can follow.
_FILLERS = ("BODY_TEXT", "TEXT", "SIGNATURE_TEXT", "INDEX_TEXT", "TABLE_ROWS", "HEADER_TEXT",
            "TEXT_OPEN")

_DISPLAY = {"TABLE_CLOSE": "</TABLE>", "TEXT_CLOSE": "</TEXT>", "DOCUMENT_CLOSE": "</DOCUMENT>",
            "SEC_HEADER_CLOSE": "</SEC-HEADER>", "SEC_DOCUMENT_CLOSE": "</SEC-DOCUMENT>",
            "CAPTION_CLOSE": "</CAPTION>", "FOOTNOTES_CLOSE": "</FN>", "NL": "a line end",
            "$END": "the end of the input", "PEM_END": "-----END PRIVACY-ENHANCED MESSAGE-----",
            "MARKER_END": "the end of the <S> <C> line", "UU_LINES": "uuencoded lines"}


def grammar_path() -> Path:
    """The folder holding the grammar files, installed or in a checkout."""
    installed = resources.files("sixk_grammar").joinpath("grammar")
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "grammar"


_KINDS: dict[str, str] = {}


def kind(token_or_name) -> str:
    """A terminal's or rule's name without the section namespace (``cover__``)."""
    name = token_or_name.type if isinstance(token_or_name, Token) else str(token_or_name)
    found = _KINDS.get(name)
    if found is None:
        found = _KINDS[name] = name.rsplit("__", 1)[-1]
    return found


def display_name(terminal: str) -> str:
    """How a terminal is named in messages."""
    name = kind(terminal)
    return _DISPLAY.get(name, name)


def _cache_file() -> str | None:
    """A per-user cache file keyed by the grammar's content, or None."""
    base = os.environ.get("SIXK_GRAMMAR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "sixk_grammar")
    digest = hashlib.sha256()
    for path in sorted(grammar_path().glob("*.lark")):
        digest.update(path.read_bytes())
    try:
        os.makedirs(base, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=base, delete=True)
        probe.close()
    except OSError:
        return None
    return os.path.join(base, f"sixk-{digest.hexdigest()[:16]}.lark.cache")


def fast_plugins():
    """lark-cython's plugins when the [fast] extra is installed and not switched
    off with SIXK_GRAMMAR_PURE=1; else None."""
    if os.environ.get("SIXK_GRAMMAR_PURE"):
        return None
    return _lark_cython_plugins()


@functools.lru_cache(maxsize=1)
def _lark_cython_plugins():
    """The import is tried once a process: a failed import searches the whole
    path again each time (5-8% of a parse's time when it is not installed)."""
    try:
        import lark_cython
    except ImportError:
        return None
    return lark_cython.plugins


@functools.lru_cache(maxsize=None)
def _cached_parser(options_key: tuple, fast: bool = False, reading: bool = False) -> Lark:
    options = dict(PARSER_OPTIONS)
    options.update(dict(options_key))
    if reading:
        options.update(READING_OPTIONS)
    if fast:
        options["_plugins"] = fast_plugins()
    if "cache" not in options:
        cache = _cache_file()
        options["cache"] = (cache + (".cython" if fast else "")) if cache else False
    entry = grammar_path() / GRAMMAR_ENTRY
    parser = _CachingLark.open(str(entry), **options)
    use_cached_patterns(parser, _pattern_folder())   # a parser built now, not loaded from the cache
    dispatch_first_characters(parser, _pattern_folder())
    return parser


class _CachingLark(Lark):
    """Lark whose lexers, loaded from the cache, compile their patterns
    through regex_cache (lark-cython's lexers too: they take the module to
    compile with from the lexer's configuration)."""

    def _deserialize_lexer_conf(self, data, memo, options):
        conf = super()._deserialize_lexer_conf(data, memo, options)
        conf.re_module = CachedPatterns(_pattern_folder())
        return conf


def _pattern_folder() -> str | None:
    """Where the lexer's compiled patterns are kept (see regex_cache), or None."""
    cache = _cache_file()
    if cache is None:
        return None
    folder = os.path.join(os.path.dirname(cache), "patterns")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder


#: A small submission that walks the lexer through the states most filings use.
WARM_SAMPLE = """<SEC-DOCUMENT>0000000000-00-000000.txt : 20020101
<SEC-HEADER>0000000000-00-000000.hdr.sgml : 20020101
ACCESSION NUMBER:\t\t0000000000-00-000000
CONFORMED SUBMISSION TYPE:\t6-K
</SEC-HEADER>
<DOCUMENT>
<TYPE>6-K
<TEXT>
                                   FORM 6-K
                       REPORT OF FOREIGN PRIVATE ISSUER
                      Pursuant to Rule 13a-16 or 15d-16 of
                      the Securities Exchange Act of 1934
                        For the month of November 2002
                        Commission File Number 1-14700
                              ACME HOLDINGS LTD.
                (Translation of registrant's name into English)
                          1 Main Street, Seoul, Korea
                   (Address of principal executive offices)
Indicate by check mark whether the registrant files or will file annual
reports under cover of Form 20-F or Form 40-F.
                       Form 20-F   X       Form 40-F ___
Indicate by check mark whether the registrant by furnishing the information
contained in this Form is also thereby furnishing the information to the
Commission pursuant to Rule 12g3-2(b) under the Securities Exchange Act of 1934.
                             Yes ___       No   X
<PAGE>
The Company furnishes the following exhibits:
Exhibit 99.1  Press release
                                  SIGNATURES
Pursuant to the requirements of the Securities Exchange Act of 1934, the
registrant has duly caused this report to be signed on its behalf by the
undersigned, thereunto duly authorized.
                                        ACME HOLDINGS LTD.
Date: November 18, 2002                 By: /s/ Jane Doe
                                            Name:  Jane Doe
                                            Title: Director
<TABLE>
<CAPTION>
Exhibit     Description
<S>         <C>
99.1        Press release
</TABLE>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<TEXT>
<HTML><BODY><P>Press release</P></BODY></HTML>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def warm_parser() -> None:
    """Load the parsers and walk the lexer through the states most filings
    use (compiled or taken from the pattern cache): done once in a process
    that is about to fork workers, which then inherit them."""
    warm(reading_parser())
    parse_tree(WARM_SAMPLE)
    from .html_text import render
    parse_tree(render("<p>FORM 6-K</p><p>Form 20-F &#9746; Form 40-F &#9744;</p>").text)


def get_parser(**lark_options) -> Lark:
    """The grammar's Lark parser; extra options override the defaults.

    The default parser is built once per process and loaded from the per-user
    cache when the grammar has not changed.
    """
    return _cached_parser(tuple(sorted(lark_options.items())))


def reading_parser() -> Lark:
    """The parser parse() and check() use: get_parser() with READING_OPTIONS."""
    return _cached_parser((), reading=True)


def terminal_pattern(name: str) -> re.Pattern:
    """One terminal of the grammar, compiled as the lexer compiles it, from
    the parser this process reads with (not loading the other one for it)."""
    parser = _cached_parser((), fast=True, reading=True) if fast_plugins() else reading_parser()
    terminal = parser.get_terminal(name)
    return CachedPatterns(_pattern_folder()).compile(terminal.pattern.to_regexp(), parser.lexer_conf.g_regex_flags)


@functools.lru_cache(maxsize=1)
def legal_form_pattern() -> re.Pattern:
    """The legal forms a company name ends with ("Inc.", "S.A.B. de C.V."), as
    the grammar lists them (common.lark's _LEGAL_FORM, which only other
    terminals use, so the reading parser keeps no terminal of its own for it)."""
    grammar = "start: LEGAL_FORM\nLEGAL_FORM: _LEGAL_FORM\n%import .common._LEGAL_FORM\n"
    parser = Lark(grammar, source_path=str(grammar_path() / "legal_form.lark"), **PARSER_OPTIONS)
    return re.compile(parser.get_terminal("LEGAL_FORM").pattern.to_regexp(), PARSER_OPTIONS["g_regex_flags"])


@dataclass
class SyntaxProblem:
    """A place where the input did not follow the grammar."""

    line: int
    column: int
    message: str
    expected: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column,
                "message": self.message, "expected": self.expected}


class _Recovery:
    """Error handler for Lark's ``on_error``: repair, record, and go on."""

    def __init__(self, text: str):
        self.text = text
        self.last_line = text.count("\n") or 1
        self.problems: list[SyntaxProblem] = []

    def __call__(self, error: UnexpectedInput) -> bool:
        if len(self.problems) >= MAX_SYNTAX_ERRORS:
            return False
        if isinstance(error, UnexpectedToken):
            return self._unexpected_token(error)
        if isinstance(error, UnexpectedCharacters):
            self._record(error.line, error.column,
                         f"unexpected character {self.text[error.pos_in_stream]!r}",
                         error.allowed or ())
            return True
        return False

    def _record(self, line, column, message, expected):
        names = sorted({display_name(name) for name in expected})
        last = self.problems[-1] if self.problems else None
        if last and last.line == line and last.message == message:
            return  # one report per line for a run of the same problem
        self.problems.append(SyntaxProblem(line, column, message, names))

    def _unexpected_token(self, error: UnexpectedToken) -> bool:
        parser = error.interactive_parser
        token = error.token
        expected = set(parser.choices())
        if token.type == "$END":
            line = self.last_line
            closed = self._close_open_structures(parser, line)
            self._record(line, 1, open_at_end(closed), expected)
            return bool(closed)
        # A missing closing tag: close the open structure and take the token.
        # (Tried on a copy, token and all: Lark's accepts() leaves out the
        # section grammars' terminals, whose names have a lower-case prefix.)
        for closer in self._closers_for(parser):
            closing = self._synthetic(closer, token.line, token.column)
            trial = parser.copy()
            try:
                trial.feed_token(closing)
                trial.feed_token(token)
            except UnexpectedToken:
                continue
            parser.feed_token(closing)
            parser.feed_token(token)
            self._record(token.line, token.column,
                         f"{missing_closer(closer)} {token.value.strip()[:30]!r}", expected)
            return True
        # (a token whose text the lexer dropped, uuencoded lines, is named by its kind)
        shown = repr(token.value.strip()[:40]) if token.value.strip() else display_name(token.type)
        self._record(token.line, token.column, f"unexpected {shown}", expected)
        return True  # the token is skipped

    def _closers_for(self, parser):
        choices = parser.choices()
        by_kind = {kind(name): name for name in choices}
        return [by_kind[name] for name in _CLOSERS if name in by_kind]

    def _close_open_structures(self, parser, line) -> list[str]:
        """Feed closing tokens (or an empty filler where a section may not be
        empty) until the input may end; the closers' names, or [] if stuck."""
        closed = []
        for _ in range(32):
            if "$END" in parser.accepts():
                return closed
            closers = self._closers_for(parser)
            if closers:
                parser.feed_token(self._synthetic(closers[0], line, 1))
                closed.append(display_name(closers[0]))
                continue
            by_kind = {kind(name): name for name in parser.choices() if kind(name).isupper()}
            by_kind.pop("$END", None)
            filler = next((by_kind[name] for name in _FILLERS if name in by_kind), None)
            if filler is None and by_kind:   # last resort: any token that fits, in a fixed order
                filler = by_kind[sorted(by_kind)[0]]
            if filler is None:
                return []
            parser.feed_token(self._synthetic(filler, line, 1))
        return []

    @staticmethod
    def _synthetic(name, line, column) -> Token:
        return Token(name, "", start_pos=None, line=line, column=column,
                     end_line=line, end_column=column)


@dataclass
class ParseOutcome:
    """The tree (None only if recovery gave up) and the syntax problems."""

    tree: Tree | None
    problems: list[SyntaxProblem]


def _as_lark_tokens(tree: Tree) -> Tree:
    """lark-cython's tokens are not ``str``: make them lark Tokens again, in place."""
    for node in tree.iter_subtrees():
        node.children = [child if isinstance(child, (Tree, Token)) else Token(
            child.type, child.value, child.start_pos, child.line, child.column,
            child.end_line, child.end_column, child.end_pos) for child in node.children]
    return tree


def _stop_line(error: UnexpectedInput, last_line: int) -> int:
    """Where reading stopped: the error's line, or the last line when the
    error is the end of the input (Lark dates its end token at the last
    token, before any blank lines; the recovery reports the end at the last line)."""
    at_end = isinstance(error, UnexpectedToken) and error.token.type == "$END"
    return last_line if at_end else error.line


def parse_tree(text: str) -> ParseOutcome:
    """Parse prepared text (LF line ends, final newline) into a tree."""
    if fast_plugins():
        # lark-cython cannot drive the recovery below: the fast parser takes
        # well-formed input, and anything it rejects goes to the pure parser.
        try:
            return ParseOutcome(_as_lark_tokens(_cached_parser((), fast=True, reading=True).parse(text)), [])
        except UnexpectedInput:
            pass
    recovery = _Recovery(text)
    try:
        tree = reading_parser().parse(text, on_error=recovery)
    except UnexpectedInput as error:
        recovery.problems.append(SyntaxProblem(
            _stop_line(error, recovery.last_line), max(error.column, 1),
            "the parser could not recover; the rest of the input was not read",
            sorted({display_name(n) for n in getattr(error, "expected", ()) or ()})))
        tree = None
    return ParseOutcome(tree, recovery.problems)
