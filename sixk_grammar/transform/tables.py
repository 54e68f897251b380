"""<TABLE> markup: its rows, and the columns <S>/<C> mark."""
from __future__ import annotations

from dataclasses import dataclass, field

from lark import Discard, Token, Transformer

from ..parser import kind


@dataclass
class Table:
    columns: list[int]            # 0-based offsets where <S> and each <C> stand
    rows: list = field(default_factory=list)   # row tokens, or a section's own row objects

    def text_rows(self) -> list[tuple[int, str]]:
        """(line number, full line text) for every text row, in order."""
        rows = []
        for row in self.rows:
            if isinstance(row, Token) and kind(row) == "TABLE_ROWS":
                rows.extend(lines_of(row))
        return rows

    def first_cell(self, text: str) -> str:
        """A row's first cell: up to its first tab when it has tabs (some
        renderings separate cells with tabs), else up to the column the
        first <C> tag marks."""
        if "\t" in text.strip():
            return text.strip().split("\t", 1)[0].strip()
        end = self.columns[1] if len(self.columns) > 1 else len(text)
        return text[:end].strip()


def lines_of(token: Token) -> list[tuple[int, str]]:
    """A multi-line token's lines, the first indented back to its column."""
    texts = str(token).split("\n")      # never empty
    if texts[-1] == "":
        texts.pop()
    out = []
    for offset, text in enumerate(texts):
        if offset == 0:
            text = " " * (token.column - 1) + text
        out.append((token.line + offset, text.rstrip()))
    return out


class TableTransformer(Transformer):
    """Callbacks for the rules of tables.lark (namespace ``tables``)."""

    def column_markers(self, items):
        return ("columns", [t.column - 1 for t in items if kind(t) in ("COLUMN_START", "COLUMN_NEXT")])

    def table_caption(self, items):
        return Discard          # column headings: no exhibit, no fact

    table_footnotes = table_caption


def build_table(items) -> Table:
    """The ``table`` rule (it keeps its bare name when imported): what stands
    between <TABLE> and </TABLE> (or the end, for a table left open)."""
    columns: list[int] = []
    rows = []
    for item in items[1:-1]:
        if isinstance(item, tuple):
            columns = columns or item[1]
        else:
            rows.append(item)
    return Table(columns, rows)
