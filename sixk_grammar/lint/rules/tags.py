"""SK205-SK207: <TABLE> balance and the tags a text document may hold."""
from __future__ import annotations

import re

from ...parser import kind
from ..registry import rule
from .syntax import cut_off

TABLE_PARTS = {"caption", "/caption", "s", "c", "fn", "/fn"}
# Tags of EDGAR text documents; anything else is unknown.
KNOWN = TABLE_PARTS | {"page", "table", "/table", "r", "/r"}


def _tag_name(token) -> str:
    match = re.match(r"<(/?[a-z0-9-]+)", str(token), re.IGNORECASE)
    return match.group(1).lower() if match else ""


def _stray_tags(context):
    for token in context.tokens_of("STRAY_TAG"):
        yield token, _tag_name(token)


def unclosed_tables(context):
    """The tables whose </TABLE> is missing (recovery closed them)."""
    tree = context.analysis.tree
    if tree is None:
        return []
    return [table for table in tree.find_data("table")
            if kind(table.children[-1]) == "TABLE_CLOSE" and not str(table.children[-1])]


@rule("SK205", "unbalanced-table", "error",
      "A <TABLE> without its </TABLE>, or a </TABLE> without its <TABLE>.",
      "EDGAR Filer Manual vol. II 5.2.3 (tables in ASCII documents)")
def unbalanced_table(context):
    """
    ## What it checks
    Every `<TABLE>` closed by `</TABLE>` before the next `<TABLE>` or the end
    of the document, and no `</TABLE>` standing alone.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

    ## Why
    An open table makes EDGAR treat the rest of the document as tabular text,
    allowing 132-character lines where 80 apply, and it usually means a tag was
    lost in editing.

    ## Example
        <TABLE>
        <S>     <C>
        99.1    Press release
        <PAGE>               <- no </TABLE>

    ## Fix
    Add the missing `</TABLE>`, or remove the stray one.
    """
    if not cut_off(context):   # a table cut off with the input is SK101's
        for table in unclosed_tables(context):
            opening = table.children[0]
            yield context.finding("SK205", opening.line, opening.column, "<TABLE> is never closed")
    for token, name in _stray_tags(context):
        if name == "/table":
            yield context.finding("SK205", token.line, token.column, "</TABLE> without an open <TABLE>")


@rule("SK206", "misplaced-table-tag", "error",
      "<CAPTION>, <S>, <C> or <FN> outside a table.",
      "EDGAR Filer Manual vol. II 5.2.3")
def misplaced_table_tag(context):
    """
    ## What it checks
    The table tags that only mean something inside `<TABLE>` ... `</TABLE>`:
    `<CAPTION>`, `<S>`, `<C>`, `<FN>` and their closing forms.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

    ## Why
    Outside a table they are stray markup: EDGAR shows them as text or drops
    them, and the columns they were meant to mark are lost.

    ## Example
        <S>        <C>          <- no <TABLE> above
        99.1       Press release

    ## Fix
    Open the table with `<TABLE>`, or delete the tags.
    """
    for token, name in _stray_tags(context):
        if name in TABLE_PARTS or re.fullmatch(r"f\d+", name):
            yield context.finding("SK206", token.line, token.column, f"<{name.upper()}> outside a table")


@rule("SK207", "unknown-tag", "warning",
      "A tag that EDGAR text documents do not use.",
      "EDGAR Filer Manual vol. II 5.2.3; Regulation S-T Rule 104")
def unknown_tag(context):
    """
    ## What it checks
    Tags in a text document other than `<PAGE>`, the table tags and the `<R>`
    revision marks, for example HTML tags left in converted text.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

    ## Why
    EDGAR does not interpret them in a text document; they appear to readers
    as markup.

    ## Example
        <B>Press release</B>

    ## Fix
    Remove the tag, or file the document as HTML.
    """
    for token, name in _stray_tags(context):
        if name not in KNOWN and not re.fullmatch(r"f\d+", name):
            yield context.finding("SK207", token.line, token.column, f"unknown tag <{name.upper()}>")
