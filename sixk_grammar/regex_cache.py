"""The lexer's compiled patterns, kept on disk between processes.

Each state of Lark's contextual lexer is one alternation of its terminals,
compiled by Python's ``re`` when the state is first used.  The grammar's
free-text terminals carry long guards, so compiling the states a filing needs
is most of a process's start-up (about 0.4 s of 0.7 s to check one file).
Python cannot pickle a compiled pattern, but what ``re`` compiles a pattern
into (the code list the regex engine runs) can be kept: this module stores it
per pattern in the per-user cache, and builds the pattern from it with the
engine's own constructor, as ``re`` does at the end of its compile.

The stored code belongs to one Python build (the key holds its version and
the engine's magic number), so a cache never serves another interpreter.
Whatever fails (no cache folder, a damaged file, an interpreter whose engine
differs) falls back to ``re.compile``.
"""
from __future__ import annotations

import array
import hashlib
import marshal
import os
import re
import sys
import tempfile

try:   # Python 3.11 on; 3.10 keeps the same functions in sre_parse / sre_compile
    from re import _compiler as _sre_compiler, _parser as _sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compiler
    import sre_parse as _sre_parser

import _sre

#: The engine's code units: 32 bits (SRE_CODE).
_CODE = "I" if array.array("I").itemsize == 4 else "L"
#: What the key adds to the pattern: the interpreter and its regex engine.
_BUILD = f"{sys.implementation.name}-{sys.version}-{getattr(_sre, 'MAGIC', '')}-{getattr(_sre, 'CODESIZE', '')}-v2"


def _compiled_code(pattern: str, flags: int) -> tuple:
    """What re.compile builds ``pattern`` from: (flags, code, groups,
    groupindex, indexgroup), as re._compiler.compile computes them."""
    parsed = _sre_parser.parse(pattern, flags)
    code = _sre_compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the engine's opcodes and flags are int subclasses marshal does not take
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


class CachedPatterns:
    """A stand-in for the ``re`` module in Lark's lexers: ``compile`` takes
    the compiled code from ``folder`` when it is there, and puts it there
    when it is not."""

    error = re.error

    def __init__(self, folder: str | None):
        self.folder = folder

    def match(self, pattern, string, flags=0):
        return re.match(pattern, string, flags)

    def compile(self, pattern: str, flags: int = 0):
        if self.folder is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = hashlib.sha256(f"{_BUILD}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        path = os.path.join(self.folder, key + ".re")
        try:
            with open(path, "rb") as stored:
                final_flags, groups, groupindex, indexgroup = marshal.load(stored)
                code = array.array(_CODE)
                code.frombytes(stored.read())
            return _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)
        except (OSError, EOFError, ValueError, TypeError, RuntimeError):
            pass
        compiled = re.compile(pattern, flags)    # the check that the pattern is valid, and the result
        try:
            final_flags, code, groups, groupindex, indexgroup = _compiled_code(pattern, flags)
            handle = tempfile.NamedTemporaryFile("wb", dir=self.folder, delete=False, suffix=".tmp")
            with handle:
                marshal.dump((final_flags, groups, groupindex, indexgroup), handle)
                handle.write(array.array(_CODE, code).tobytes())   # a list of ints loads slowly
            os.replace(handle.name, path)      # whole or not at all: workers may race to write it
        except (OSError, AttributeError, ValueError, OverflowError):
            pass
        return compiled


def use_cached_patterns(parser, folder: str | None) -> None:
    """Make every lexer of ``parser`` (a Lark parser with the contextual
    lexer) compile through the cache in ``folder``."""
    patterns = CachedPatterns(folder)
    lexer = getattr(parser.parser, "lexer", None)
    for state_lexer in [*getattr(lexer, "lexers", {}).values(), getattr(lexer, "root_lexer", None)]:
        if state_lexer is not None and hasattr(state_lexer, "re"):
            try:
                state_lexer.re = patterns
            except AttributeError:    # lark-cython's lexers keep their own
                return


def warm(parser) -> None:
    """Build every state's scanner now (before worker processes fork, so
    that they inherit them instead of compiling them each)."""
    lexer = getattr(parser.parser, "lexer", None)
    for state_lexer in getattr(lexer, "lexers", {}).values():
        getattr(state_lexer, "scanner", None)
