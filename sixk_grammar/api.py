"""``parse``: any text or bytes in, the contract's dict out, never an exception."""
from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Tree

from .html_text import map_positions, render
from .parser import SyntaxProblem, kind, parse_tree
from .transform.document import (Sections, TextDocument, assemble, drop_cut_signature_values, drop_cut_values,
                                 empty_cover, read_text_document, transformer)

#: Encodings tried, in order, for bytes.  cp1252 covers what old filers'
#: word processors produced; latin-1 accepts any byte, so decoding never fails.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


def binary(data: bytes) -> bool:
    """Whether the bytes are a binary file (a NUL in the first 64 KB), not a
    text filing: nothing read from them would mean anything."""
    return b"\x00" in data[:65536]


#: Why a binary file is neither parsed nor checked.
BINARY = "the file is binary (it holds NUL bytes)"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, with the encoding that read them."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def prepare(text: str) -> str:
    """CRLF line ends as LF and a final newline: positions stay those of the input."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
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


def analyse(source: str | bytes, encoding: str | None = None) -> Analysis:
    """Parse ``source`` and build the contract's dict; the linter starts here.

    ``encoding`` names the encoding text was decoded from, for the report.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        source, encoding = decode(bytes(source))
    text = prepare(source)
    ended_with_newline = source.endswith("\n") or not source or source.isspace()   # no copies of the text
    outcome = parse_tree(text)
    problems = list(outcome.problems)
    result = {"envelope": None, "cover": empty_cover(), "signatures": [], "exhibits": [],
              "form_type": None}
    sections = Sections()
    html = HtmlReading()
    if outcome.tree is not None:
        top = sections.read("document", 1, lambda: transformer().transform(outcome.tree), None)
        if top is not None:
            result = assemble(top, read_html=html, cut=None if ended_with_newline else last_line(text),
                              sections=sections)
    problems.extend(html.problems + sections.problems)
    result.update(
        complete=not problems,
        syntax_errors=[problem.as_dict() for problem in problems],
        pages=count_pages(outcome.tree) if html.pages is None else html.pages,
        encoding=encoding,
        line_count=text.count("\n"),
    )
    return Analysis(text, outcome.tree, _ordered(result), ended_with_newline, html.pages is not None)


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

    def __call__(self, token: Token) -> dict:
        rendering = render(str(token))

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


def parse(source: str | bytes) -> dict:
    """The Form 6-K's facts as a plain, JSON-ready dict (see the README)."""
    return analyse(source).result


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


_ORDER = ("form_type", "complete", "syntax_errors", "envelope", "pages", "cover",
          "signatures", "exhibits", "encoding", "line_count")


def _ordered(result: dict) -> dict:
    return {key: result[key] for key in _ORDER if key in result} | {
        key: value for key, value in result.items() if key not in _ORDER}
