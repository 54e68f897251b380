"""SK201-SK204: the lines and characters of the text documents."""
from __future__ import annotations

import unicodedata

from ..registry import rule

NARRATIVE_WIDTH = 80
TABLE_WIDTH = 132
# EDGAR's character set: printable ASCII (space to tilde); tabs have their own rule.
ALLOWED = {chr(code) for code in range(32, 127)} | {"\t"}


def _too_long(context, code: str, width: int, in_tables: bool, what: str):
    """Lines over ``width`` inside (or outside) <TABLE> markup, at the first column past it."""
    tables = context.table_lines
    for number, text in context.text_lines():
        if len(text) > width and (number in tables) == in_tables:
            yield context.finding(code, number, width + 1,
                                  f"{what} is {len(text)} characters long (limit {width})", number, len(text) + 1)


@rule("SK201", "line-too-long", "error",
      "A narrative line is longer than 80 characters.",
      "17 CFR 232.305(a); EDGAR Filer Manual vol. II 5.2.2")
def line_too_long(context):
    """
    ## What it checks
    Lines of a text document, outside `<TABLE>` markup, longer than 80
    characters, spaces included.  The column reported is the 81st character.

    ## Why
    Regulation S-T Rule 305(a) limits narrative text to 80 characters a line;
    newspaper-style columns are not allowed.

    ## Example
    A paragraph typed without line breaks, or text pasted from a word processor.

    ## Fix
    Wrap the text at 80 columns, or put tabular matter inside `<TABLE>` markup
    (which allows 132 characters).
    """
    return _too_long(context, "SK201", NARRATIVE_WIDTH, in_tables=False, what="line")


@rule("SK202", "table-line-too-long", "error",
      "A line inside <TABLE> markup is longer than 132 characters.",
      "17 CFR 232.305(a); EDGAR Filer Manual vol. II 5.2.2")
def table_line_too_long(context):
    """
    ## What it checks
    Lines between `<TABLE>` and `</TABLE>` longer than 132 characters.

    ## Why
    Rule 305(a) lets tables run to 132 characters a line, and never more.

    ## Example
    A financial table with too many columns for one line.

    ## Fix
    Split the table into two, or narrow its columns.
    """
    return _too_long(context, "SK202", TABLE_WIDTH, in_tables=True, what="table line")


@rule("SK203", "invalid-character", "error",
      "A character outside EDGAR's ASCII character set.",
      "EDGAR Filer Manual vol. II 5.2.1 (Table 5-1)")
def invalid_character(context):
    """
    ## What it checks
    Characters a text document may not hold: anything but printable ASCII and
    line ends.  Curly quotes, en and em dashes, non-breaking spaces, accented
    letters, the yen and pound signs, (c), (R) and (TM) symbols are common.  One
    finding per line, at the first such character, naming it.

    ## Why
    EDGAR accepts ASCII only; it suspends the filing or replaces the character
    with `^`.

    ## Example
        The Company\u2019s results                    <- U+2019 RIGHT SINGLE QUOTATION MARK

    ## Fix
    Replace the character with its ASCII equivalent (' " - and so on).
    """
    for number, text in context.text_lines():
        bad = [(column, char) for column, char in enumerate(text, 1) if char not in ALLOWED]
        if bad:
            column, char = bad[0]
            name = unicodedata.name(char, "control character") if char != "\r" else "CARRIAGE RETURN"
            more = f" (and {len(bad) - 1} more on this line)" if len(bad) > 1 else ""
            yield context.finding("SK203", number, column,
                                  f"invalid character U+{ord(char):04X} {name}{more}")


@rule("SK204", "tab-character", "warning",
      "A tab character; the Filer Manual asks for typed spaces.",
      "EDGAR Filer Manual vol. II 5.2.2")
def tab_character(context):
    """
    ## What it checks
    Tab characters in a text document (the EDGAR header's tabs are not
    checked).  One finding per line.

    ## Why
    Tab stops differ between programs, so columns that line up on the filer's
    screen come out ragged on EDGAR.  The Manual asks for spaces, especially in
    tables.  This is advice, not a ban: a warning.

    ## Example
        Exhibit\t99.1\tPress release          <- tabs between the columns

    ## Fix
    Replace tabs with spaces.
    """
    for number, text in context.text_lines():
        column = text.find("\t")
        if column >= 0:
            yield context.finding("SK204", number, column + 1, "tab character; use spaces")
