"""What a rule sees of one file: its text, its tree and its dict.

Rules read structure from the tree and the dict; the few lexical checks
(line length, characters) read the lines of the text documents the tree
delimits.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from lark import Token, Tree

from ..api import Analysis
from ..parser import kind
from .registry import Finding


@dataclass
class Context:
    path: str
    analysis: Analysis

    @property
    def result(self) -> dict:
        return self.analysis.result

    @property
    def cover(self) -> dict:
        return self.result["cover"]

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.analysis.text.split("\n")

    def finding(self, code: str, line: int, column: int, message: str,
                end_line: int | None = None, end_column: int | None = None) -> Finding:
        line = max(1, line or 1)
        column = max(1, column or 1)
        source = self.lines[line - 1] if line <= len(self.lines) else ""
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
        return [token for token in self.tokens if kind(token) in names]

    @functools.cached_property
    def text_documents(self) -> list[Tree]:
        """The plain-text documents: the 6-K's own and any text exhibit."""
        tree = self.analysis.tree
        if tree is None:
            return []
        return [t for t in tree.iter_subtrees_topdown() if t.data in ("text_document", "exhibit_text")]

    @functools.cached_property
    def text_line_ranges(self) -> list[range]:
        """Line numbers of the text documents (not the envelope, not opaque parts)."""
        return [range(t.meta.line, t.meta.end_line + 1) for t in self.text_documents
                if not t.meta.empty]

    @functools.cached_property
    def table_lines(self) -> set[int]:
        """Lines inside <TABLE> ... </TABLE> (to its document's end when unclosed)."""
        inside: set[int] = set()
        tree = self.analysis.tree
        if tree is None:
            return inside
        for table in tree.find_data("table"):
            if not table.meta.empty:
                inside.update(range(table.meta.line, table.meta.end_line + 1))
        return inside

    @property
    def main_is_text(self) -> bool:
        """Whether the 6-K itself is a plain-text document (not HTML or binary)."""
        tree = self.analysis.tree
        return tree is not None and any(True for _ in tree.find_data("text_document"))
