"""``parse``: any text or bytes in, the contract's dict out, never an exception."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lark import Token, Tree

from .html_text import map_positions, render
from .parser import OPEN_AT_END, SyntaxProblem, kind, parse_tree
from .transform.document import (Sections, TextDocument, assemble, drop_cut_signature_values, drop_cut_values,
                                 empty_cover, read_text_document, transformer)

#: Encodings tried, in order, for bytes.  cp1252 covers what old filers'
#: word processors produced; latin-1 accepts any byte, so decoding never fails.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


UTF8_BOM = b"\xef\xbb\xbf"
#: Byte-order marks of UTF-16 text (whose ASCII characters hold NUL bytes).
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def binary(data: bytes) -> bool:
    """Whether the bytes are a binary file (a NUL in the first 64 KB), not a
    text filing: nothing read from them would mean anything.  UTF-16 text
    with its byte-order mark is text."""
    return b"\x00" in data[:65536] and not data.startswith(_UTF16_MARKS)


#: Why a binary file is neither parsed nor checked.
BINARY = "the file is binary (it holds NUL bytes)"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, with the encoding that read them."""
    if data.startswith(UTF8_BOM):
        data = data[3:]
    elif data.startswith(_UTF16_MARKS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def prepare(text: str) -> str:
    """LF line ends (from CRLF, or from the CRs alone of old Mac text) and a
    final newline: lines and columns stay those of the input."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


@dataclass
class Analysis:
    """Everything one parse knows: the prepared text, the tree, and the dict."""

    text: str
    tree: Tree | None
    result: dict
    ended_with_newline: bool = True
    #: The 6-K is an HTML document, read from its rendering as text.
    html: bool = False
    #: The input began with a byte-order mark.
    bom: bool = False


def analyse(source: str | bytes, encoding: str | None = None, bom: bool = False) -> Analysis:
    """Parse ``source`` and build the contract's dict; the linter starts here.

    ``encoding`` names the encoding text was decoded from, for the report;
    ``bom``, that its bytes began with a byte-order mark.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        bom = bom or bytes(source[:3]) == UTF8_BOM
        source, encoding = decode(bytes(source))
    bom = bom or source.startswith("\ufeff")
    text = prepare(source)
    ended_with_newline = source.endswith("\n") or not source or source.isspace()   # no copies of the text
    outcome = parse_tree(text)
    problems = list(outcome.problems)
    result = {"envelope": None, "cover": empty_cover(), "signatures": [], "exhibits": [],
              "form_type": None, "shows_6k": False}
    sections = Sections()
    html = HtmlReading()
    if outcome.tree is not None:
        top = sections.read("document", 1, lambda: transformer().transform(outcome.tree), None)
        if top is not None:
            result = assemble(top, read_html=html, cut=None if ended_with_newline else last_line(text),
                              sections=sections)
    problems.extend(html.problems + sections.problems)
    if result.pop("shows_6k") is False and result["form_type"] is None:
        problems.append(SyntaxProblem(1, 1, NO_6K))
        result.update(cover=empty_cover(), signatures=[], exhibits=[])
    result.update(
        complete=not problems,
        truncated=_truncated(text, ended_with_newline, outcome.problems, html, result),
        syntax_errors=[problem.as_dict() for problem in problems],
        pages=count_pages(outcome.tree) if html.pages is None else html.pages,
        encoding=encoding,
        line_count=text.count("\n"),
    )
    return Analysis(text, outcome.tree, _ordered(result), ended_with_newline, html.pages is not None, bom)


#: The diagnostic for input that holds no Form 6-K.
NO_6K = ("no Form 6-K found: no 6-K title, report title, rule reference or 20-F/40-F question, "
         "and no 6-K document in an EDGAR envelope")


def _truncated(text: str, ended_with_newline: bool, problems: list, html: HtmlReading, result: dict) -> bool:
    """Whether the input stops before the end of its document: a structure is
    left open at the end (<TEXT>, <TABLE>, the HTML), the last line is cut (no
    line end, and no closing tag), or the 6-K has no signature block."""
    if html.cut or any(problem.message.startswith(OPEN_AT_END) for problem in problems):
        return True
    if not ended_with_newline and not last_line(text)[1].strip().startswith("</"):
        return True
    return result["form_type"] is not None and not result["signatures"]


def last_line(text: str) -> tuple[int, str]:
    """The number and text of the last line of prepared text."""
    return text.count("\n"), text[text.rfind("\n", 0, len(text) - 1) + 1:]


class HtmlReading:
    """Reads an HTML 6-K document for ``assemble``: rendered as text (see
    html_text), parsed by the same grammar, its positions moved back to the
    input's.  Keeps the rendering's pages and syntax problems."""

    def __init__(self):
        self.pages: int | None = None
        self.problems: list[SyntaxProblem] = []
        self.cut = False

    def __call__(self, token: Token) -> dict:
        rendering = render(str(token))
        self.cut = rendering.cut

        def to_input(line: int, column: int) -> tuple[int, int]:
            line, column = rendering.source_position(line, column)
            return token.line + line - 1, (token.column + column - 1 if line == 1 else column)

        outcome = parse_tree(rendering.text)
        self.pages = count_pages(outcome.tree)
        sections = Sections()
        top = (sections.read("HTML document", 1, lambda: transformer().transform(outcome.tree), None)
               if outcome.tree is not None else None)
        facts = read_text_document(top, sections) if isinstance(top, TextDocument) else {}
        self.problems = [SyntaxProblem(*to_input(problem.line, problem.column), problem.message,
                                       problem.expected) for problem in outcome.problems + sections.problems]
        if not facts:   # rendered text that is not a document (more HTML)
            return {}
        if rendering.cut:
            drop_cut_values(facts["cover"], last_line(rendering.text))
            drop_cut_signature_values(facts["signatures"], last_line(rendering.text))
        return map_positions(facts, to_input)


def parse(source: str | bytes | os.PathLike) -> dict:
    """The Form 6-K's facts as a plain, JSON-ready dict (see the README):
    from text, bytes, or the file a path names (``os.PathLike``)."""
    return analyse(readable(source, "parse")).result


def readable(source, function: str) -> str | bytes:
    """The text or bytes of ``source``: a str, bytes, or the file an
    ``os.PathLike`` names.  Anything else is a TypeError that says so."""
    if isinstance(source, (str, bytes)):
        return source
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        return Path(source).read_bytes()
    raise TypeError(f"{function}() takes a str, bytes or os.PathLike (a path to read), "
                    f"not {type(source).__name__}")


def main_document(tree: Tree | None) -> Tree | None:
    """The 6-K's own text document within the tree (the first one)."""
    if tree is None:
        return None
    if tree.children and getattr(tree.children[0], "data", None) == "text_document":
        return tree.children[0]   # a plain document, not a submission
    return next(tree.find_data("text_document"), None)


def _is_token(value) -> bool:
    return isinstance(value, Token)


def count_pages(tree: Tree | None) -> int:
    """Pages of the main document: stretches between <PAGE> tags that hold text."""
    document = main_document(tree)
    if document is None:
        return 0
    pages, has_text = 0, False
    for token in document.scan_values(_is_token):
        name = kind(token)
        if name == "PAGE_BREAK":
            pages += has_text
            has_text = False
        elif not has_text and name != "NL" and token.strip():
            has_text = True
    return pages + has_text


_ORDER = ("form_type", "complete", "truncated", "syntax_errors", "envelope", "pages", "cover",
          "signatures", "exhibits", "encoding", "line_count")


def _ordered(result: dict) -> dict:
    return {key: result[key] for key in _ORDER if key in result} | {
        key: value for key, value in result.items() if key not in _ORDER}
