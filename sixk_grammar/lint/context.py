"""What a rule sees of one file: its text, its tree and its dict.

Rules read structure from the tree and the dict; the few lexical checks
(line length, characters) read the lines of the text documents the tree
delimits.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from lark import Token, Tree

from ..api import Analysis
from ..html_text import Markup, scan_markup
from ..parser import kind
from .registry import Finding


def token_span(tree: Tree) -> tuple[Token | None, Token | None]:
    """The first and last tokens of ``tree`` that stand in the input (tokens
    the recovery inserted have no position)."""
    placed = [token for token in tree.scan_values(lambda value: isinstance(value, Token))
              if token.start_pos is not None]
    return (placed[0], placed[-1]) if placed else (None, None)


def document_line(tree: Tree) -> int:
    """The line where a subtree starts."""
    first, _ = token_span(tree)
    return first.line if first is not None else 1


class LineSpans:
    """Runs of lines (first, last) that do not overlap (tables do not nest, nor
    uuencoded blocks), asked "is line n in one?": a set of line numbers would
    take memory in proportion to a block of millions of lines."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.firsts = [first for first, _ in self.spans]

    def __contains__(self, number: int) -> bool:
        index = bisect.bisect_right(self.firsts, number) - 1
        return index >= 0 and number <= self.spans[index][1]


@dataclass
class HtmlDocument:
    """An HTML document of the input: its token, its markup, its file name
    (and the line that names it), and whether it is the 6-K's own."""

    token: Token
    markup: Markup
    file_name: str | None
    name_line: int
    main: bool


def _tag_value(token: Token) -> str:
    """"<FILENAME>d6k.htm" -> "d6k.htm"."""
    return str(token).split(">", 1)[-1].strip()


@dataclass
class Context:
    path: str
    analysis: Analysis
    _tokens_by_names: dict = field(default_factory=dict, repr=False)
    #: What a rule or a fixer works out once per file and asks for per finding.
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def result(self) -> dict:
        return self.analysis.result

    @property
    def cover(self) -> dict:
        return self.result["cover"]

    @functools.cached_property
    def line_count(self) -> int:
        return self.analysis.text.count("\n")

    @functools.cached_property
    def document_lines(self) -> list[tuple[int, list[str]]]:
        """(first line number, lines) of each stretch of plain text: the text
        documents, less their uuencoded blocks.  Only these are split into
        lines: binary data never is, whatever document holds it."""
        text = self.analysis.text
        out = []
        for document in self.text_documents:
            first, last = token_span(document)
            if first is None:
                continue
            start = text.rfind("\n", 0, first.start_pos) + 1
            end = text.find("\n", last.end_pos - 1)
            end = end if end >= 0 else len(text)
            line = first.line
            for block in document.find_data("uuencoded"):
                block_first, block_last = token_span(block)
                if block_first is None or not start <= block_first.start_pos < end:
                    continue
                cut = text.rfind("\n", 0, block_first.start_pos) + 1     # the block's first line
                if cut > start:
                    out.append((line, text[start:cut - 1].split("\n")))
                if text[block_last.end_pos - 1] == "\n":    # the block ends with its line end
                    start, line = block_last.end_pos, block_last.end_line
                else:
                    after = text.find("\n", block_last.end_pos)
                    start, line = (after + 1 if after >= 0 else end), block_last.end_line + 1
            if start < end:
                out.append((line, text[start:end].split("\n")))
        return out

    def text_lines(self):
        """(line number, text) of every line of the plain-text documents."""
        for first, lines in self.document_lines:
            for offset, line in enumerate(lines):
                yield first + offset, line

    def line_text(self, number: int) -> str:
        """The text of one line of the input."""
        for first, lines in self.document_lines:
            if first <= number < first + len(lines):
                return lines[number - first]
        text, start = self.analysis.text, 0
        for _ in range(number - 1):
            start = text.find("\n", start) + 1
            if start == 0:
                return ""
        end = text.find("\n", start)
        return text[start:end if end >= 0 else len(text)]

    def finding(self, code: str, line: int | None, column: int | None, message: str,
                end_line: int | None = None, end_column: int | None = None) -> Finding:
        """A finding of this file; a position the dict does not know (None) is
        line or column 1, where every reader's cursor starts."""
        line = max(1, line or 1)
        column = max(1, column or 1)
        source = self.line_text(line)
        return Finding(self.path, line, column, code, message,
                       end_line or line, end_column or column, source)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """Every token of the tree, in document order."""
        tree = self.analysis.tree
        if tree is None:
            return []
        return list(tree.scan_values(lambda value: isinstance(value, Token)))

    def tokens_of(self, *names: str) -> list[Token]:
        """The tokens of these kinds, in document order (kept: fixers ask per finding)."""
        found = self._tokens_by_names.get(names)
        if found is None:
            found = self._tokens_by_names[names] = [token for token in self.tokens if kind(token) in names]
        return found

    @functools.cached_property
    def text_documents(self) -> list[Tree]:
        """The plain-text documents: the 6-K's own and any text exhibit."""
        tree = self.analysis.tree
        if tree is None:
            return []
        return [t for t in tree.iter_subtrees_topdown() if t.data in ("text_document", "exhibit_text")]

    @functools.cached_property
    def table_lines(self) -> LineSpans:
        """Lines inside <TABLE> ... </TABLE> (to its document's end when unclosed)."""
        return self._spans("table")

    @functools.cached_property
    def opaque_lines(self) -> LineSpans:
        """Lines of uuencoded blocks."""
        return self._spans("uuencoded")

    def _spans(self, rule: str) -> LineSpans:
        spans = []
        tree = self.analysis.tree
        for node in tree.find_data(rule) if tree is not None else ():
            first, last = token_span(node)
            if first is not None:   # a token that takes its line end ends on the line before the next
                spans.append((first.line, last.end_line - (last.end_column == 1 and last.end_line > first.line)))
        return LineSpans(spans)

    def editable(self, number: int) -> bool:
        """Whether a fix may change line ``number`` of a text document: never
        inside <TABLE> markup (its columns) or a uuencoded block (its data)."""
        return number not in self.table_lines and number not in self.opaque_lines

    @functools.cached_property
    def html_documents(self) -> list[HtmlDocument]:
        """Every HTML document of the input, in order: in a submission each
        named by its <FILENAME>; a bare HTML file by the path checked."""
        tree = self.analysis.tree
        if tree is None:
            return []
        documents = list(tree.find_data("document"))
        if not documents:
            html = [token for token in self.tokens_of("HTML_TEXT")][:1]
            name = self.path.rsplit("/", 1)[-1] if self.path.lower().endswith((".htm", ".html")) else None
            return [HtmlDocument(token, scan_markup(str(token)), name, 1, True) for token in html]
        any_main = any(kind(t) == "MAIN_TYPE" for d in documents for t in d.children if isinstance(t, Token))
        found = []
        for number, document in enumerate(documents):
            tags = {kind(t): t for t in document.children if isinstance(t, Token)}
            html = next(document.scan_values(lambda v: isinstance(v, Token) and kind(v) == "HTML_TEXT"), None)
            if html is None:
                continue
            name_tag = tags.get("FILENAME_TAG")
            found.append(HtmlDocument(html, scan_markup(str(html)), _tag_value(name_tag) if name_tag else None,
                                      name_tag.line if name_tag else document_line(document),
                                      "MAIN_TYPE" in tags or (not any_main and number == 0)))
        return found

    @functools.cached_property
    def whole_submission(self) -> bool:
        """Whether the input is a whole EDGAR submission (<SEC-DOCUMENT>), not
        one document split out of one."""
        tree = self.analysis.tree
        return tree is not None and any(True for _ in tree.find_data("sec_document"))

    @functools.cached_property
    def submission_file_names(self) -> set[str] | None:
        """The lower-cased file names of a whole submission's documents; None
        when the input is not one (its other documents are unknown)."""
        envelope = self.result["envelope"]
        if not self.whole_submission or not envelope:
            return None
        return {(d["filename"] or "").lower() for d in envelope["documents"] if d["filename"]}

    @property
    def main_is_text(self) -> bool:
        """Whether the 6-K itself is a plain-text document (not HTML or binary)."""
        tree = self.analysis.tree
        return tree is not None and any(True for _ in tree.find_data("text_document"))

    @property
    def main_is_read(self) -> bool:
        """Whether the 6-K's cover and signatures were read: a plain-text 6-K,
        or an HTML one read from its rendering (the form's rules hold for
        both; the rules of plain text do not hold for HTML)."""
        return self.analysis.html or self.main_is_text
