"""First-character dispatch for the contextual lexer's scanners.

Each state of Lark's contextual lexer matches one alternation of its
terminals, ``(?P<A>...)|(?P<B>...)|...``, in order: the first alternative
that matches wins.  Python's regex engine tries every alternative in turn,
and it cannot skip one by its first character when the alternative is a
named group: on this grammar a state tries about 40 of them, so one match
costs 5 to 25 µs, most of it in alternatives that could never start with
the character at hand.

A scanner here keeps, for each ASCII character, the alternation of only the
terminals that can start with it, in the same order.  Dropping alternatives
that cannot match at a position does not change which one matches first, so
the tokens are the same by construction; characters outside ASCII use the
whole alternation, as before.  Which characters a terminal can start with is
read from the engine's own parse of its pattern, and each candidate
character is tested with the engine (so case-insensitive matching is the
engine's, not a copy of its rules); whatever the analysis does not
understand makes the terminal a candidate for every character.  Parsing
every pattern costs about 0.17 s, so the analysis is kept in the per-user
cache with the compiled patterns (``KnownStarts``).
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import sys
import tempfile

from lark.lexer import BasicLexer, Scanner

try:   # Python 3.11 on; 3.10 keeps the same module as sre_parse
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parser

#: The characters dispatched on; others go to the whole alternation.
ASCII = tuple(chr(code) for code in range(128))
_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


class _Unknown(Exception):
    """The analysis cannot tell: the terminal may start with anything."""


def _class_text(op, value) -> str:
    """One character-consuming node as a pattern of its own."""
    if op is _sre.LITERAL:
        return re.escape(chr(value))
    if op is _sre.NOT_LITERAL:
        return f"[^{re.escape(chr(value))}]"
    if op is _sre.IN:
        parts = []
        for item_op, item in value:
            if item_op is _sre.NEGATE:
                parts.insert(0, "^")
            elif item_op is _sre.LITERAL:
                parts.append(re.escape(chr(item)))
            elif item_op is _sre.RANGE:
                parts.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            elif item_op is _sre.CATEGORY and item in _CATEGORIES:
                parts.append(_CATEGORIES[item])
            else:
                raise _Unknown
        return f"[{''.join(parts)}]"
    raise _Unknown


def _starts(items, flags: int) -> tuple[set[str], bool]:
    """The ASCII characters a sequence of nodes can start with, and whether
    it can match the empty string."""
    found: set[str] = set()
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue            # an anchor or look-around consumes nothing: ignoring it can only add
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, inner = value
            first, empty = _starts(inner, (flags | add_flags) & ~del_flags)
        elif op is _sre.BRANCH:
            first, empty = set(), False
            for alternative in value[1]:
                more, alternative_empty = _starts(alternative, flags)
                first |= more
                empty = empty or alternative_empty
        elif op in _REPEATS:
            low, _high, inner = value
            first, empty = _starts(inner, flags)
            empty = empty or low == 0
        elif getattr(_sre, "ATOMIC_GROUP", None) is op:
            first, empty = _starts(value, flags)
        else:
            node = re.compile(_class_text(op, value), flags & (re.IGNORECASE | re.ASCII))
            first, empty = {character for character in ASCII if node.fullmatch(character)}, False
        found |= first
        if not empty:
            return found, False
    return found, True


@functools.lru_cache(maxsize=None)
def first_characters(pattern: str, flags: int) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with; None when
    it may start with any (or could match the empty string)."""
    try:
        parsed = _sre_parser.parse(pattern, flags)
        found, empty = _starts(list(parsed), flags | parsed.state.flags)
    except (_Unknown, re.error, RecursionError):
        return None
    return None if empty else frozenset(found)


class KnownStarts:
    """``first_characters`` of each pattern, kept in one file of ``folder``
    (None: no cache) for the interpreter that computed them."""

    def __init__(self, folder: str | None):
        self.path = os.path.join(folder, f"first-characters-{sys.implementation.name}-{sys.version_info[0]}."
                                         f"{sys.version_info[1]}.{sys.version_info[2]}.marshal") if folder else None
        self._known: dict | None = None
        self._changed = False

    def _load(self) -> dict:
        if self._known is None:
            try:
                with open(self.path, "rb") as stored:
                    self._known = dict(marshal.load(stored))
            except (OSError, TypeError, ValueError, EOFError):
                self._known = {}
        return self._known

    def get(self, pattern: str, flags: int) -> frozenset[str] | None:
        known = self._load()
        key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        if key not in known:
            found = first_characters(pattern, flags)
            known[key] = None if found is None else "".join(sorted(found))
            self._changed = True
        value = known[key]
        return None if value is None else frozenset(value)

    def save(self) -> None:
        """Write what was learnt (whole or not at all: workers may race to write it)."""
        if not (self._changed and self.path):
            return
        try:
            handle = tempfile.NamedTemporaryFile("wb", dir=os.path.dirname(self.path), delete=False, suffix=".tmp")
            with handle:
                marshal.dump(self._known, handle)
            os.replace(handle.name, self.path)
            self._changed = False
        except OSError:
            pass


class FirstCharScanner(Scanner):
    """Lark's Scanner, matching each position with only the terminals that
    can start with its character (see the module's docstring)."""

    def __init__(self, whole: Scanner, starts: KnownStarts):
        self.__dict__.update(whole.__dict__)     # its terminals, flags and whole alternation
        firsts = [starts.get(terminal.pattern.to_regexp(), self.g_regex_flags) for terminal in self.terminals]
        starts.save()
        self._candidates = {character: tuple(terminal for terminal, first in zip(self.terminals, firsts)
                                             if first is None or character in first)
                            for character in ASCII}
        self._by_character: dict[str, list] = {}

    def _alternation(self, character: str) -> list:
        candidates = self._candidates[character]
        mres = self._mres if len(candidates) == len(self.terminals) else _shared(self, candidates)
        self._by_character[character] = mres
        return mres

    def match(self, text, pos):
        character = text.text[pos]
        mres = self._by_character.get(character)
        if mres is None:
            mres = self._alternation(character) if character in self._candidates else self._mres
        for mre in mres:
            found = mre.match(text.text, pos, text.end)
            if found:
                return found.group(0), found.lastgroup
        return None


#: Alternations of the same candidates, built once for every state that needs them.
_SHARED: dict = {}


def _shared(scanner: FirstCharScanner, candidates: tuple) -> list:
    key = (tuple((terminal.name, terminal.pattern.to_regexp()) for terminal in candidates),
           scanner.g_regex_flags, scanner.use_bytes)
    if key not in _SHARED:
        _SHARED[key] = scanner._build_mres(list(candidates), len(candidates))
    return _SHARED[key]


class FirstCharLexer(BasicLexer):
    """A state's lexer whose scanner dispatches on the first character."""

    known_starts: KnownStarts

    def _build_scanner(self):
        return FirstCharScanner(super()._build_scanner(), self.known_starts)


def dispatch_first_characters(parser, folder: str | None) -> None:
    """Give every state lexer of ``parser`` (Lark's pure contextual lexer)
    the dispatching scanner, its analysis kept in ``folder``; lark-cython's
    lexers are left as they are."""
    starts = KnownStarts(folder)
    lexer = getattr(parser.parser, "lexer", None)
    for state_lexer in [*getattr(lexer, "lexers", {}).values(), getattr(lexer, "root_lexer", None)]:
        if type(state_lexer) is BasicLexer and state_lexer._scanner is None:
            state_lexer.__class__ = FirstCharLexer
            state_lexer.known_starts = starts
