"""SK201-SK204, SK208, SK209: the lines and characters of the text documents."""
from __future__ import annotations

import bisect
import textwrap
import unicodedata

from ..edits import Edit, line_edit
from ..registry import rule
from .syntax import cut_off

NARRATIVE_WIDTH = 80
TABLE_WIDTH = 132
TAB_WIDTH = 8
# EDGAR's character set: printable ASCII (space to tilde); tabs have their own rule.
ALLOWED = {chr(code) for code in range(32, 127)} | {"\t"}
#: Characters with an ASCII equivalent: quotes, dashes, the ellipsis,
#: non-breaking and other Unicode spaces (zero-width ones and the soft hyphen
#: go), bullets.  Anything else outside ASCII stays a finding.
ASCII_EQUIVALENTS = str.maketrans(
    {**dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a", "'"),
     **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
     **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-"), **dict.fromkeys("\u2014\u2015", "--"),
     "\u2026": "...",
     **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                     "\u202f\u205f\u3000", " "),
     **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
     **dict.fromkeys("\u2022\u2023\u25e6\u2043\u2219", "*")})


def ascii_equivalent(text: str) -> str:
    """``text`` with every character that has an ASCII equivalent replaced."""
    return text.translate(ASCII_EQUIVALENTS)


def _ascii_repair(context, finding):
    """SK203's fix: the line's characters that have an ASCII equivalent (the
    finding for those; the line's other characters have one of their own,
    with no fix)."""
    text = context.line_text(finding.line)
    if ord(text[finding.column - 1]) not in ASCII_EQUIVALENTS:
        return None
    fixed = ascii_equivalent(text)
    return [line_edit(finding.line, fixed)] if fixed != text and context.editable(finding.line) else None


def _expand_tabs(context, finding):
    """SK204's fix: each tab becomes the spaces to the next tab stop (every 8 columns)."""
    text = context.line_text(finding.line)
    return [line_edit(finding.line, text.expandtabs(TAB_WIDTH))] if context.editable(finding.line) else None


def _strip_trailing_blanks(context, finding):
    """SK208's fix (never on a last line without its line end: that would end
    the input with one, and hide a cut)."""
    text = context.line_text(finding.line)
    last = finding.line == context.line_count and not context.analysis.ended_with_newline
    return [line_edit(finding.line, text.rstrip())] if context.editable(finding.line) and not last else None


def _add_final_newline(context, finding):
    """SK209's fix: the last line gets its line end."""
    return [Edit(finding.line, finding.line, (context.line_text(finding.line), ""))]


def _rewrap(context, finding):
    """SK201's fix (unsafe: it moves words between lines): the narrative
    paragraph holding the line, wrapped at 80 columns.  Only body text is
    narrative: the cover, the signature block and lists keep their layout.
    Each paragraph is wrapped once, however many of its lines are long."""
    paragraph = _paragraph(context, finding.line)
    if paragraph is None:
        return None
    wrapped = context.memo.setdefault("rewrapped", {})
    if paragraph not in wrapped:
        wrapped[paragraph] = _wrapped(context, *paragraph)
    return wrapped[paragraph]


def _wrapped(context, first: int, last: int):
    texts = [context.line_text(number) for number in range(first, last + 1)]
    lead = texts[0][:len(texts[0]) - len(texts[0].lstrip())]
    rest = texts[1][:len(texts[1]) - len(texts[1].lstrip())] if len(texts) > 1 else lead
    lines = textwrap.wrap(" ".join(text.strip() for text in texts), NARRATIVE_WIDTH, initial_indent=lead,
                          subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
    return [Edit(first, last, tuple(lines))] if lines != texts else None


def _paragraph(context, number: int) -> tuple[int, int] | None:
    """The run of non-blank lines of body text holding line ``number``."""
    if not context.editable(number):
        return None
    spans = context.memo.get("paragraphs")
    if spans is None:
        spans = context.memo["paragraphs"] = _body_paragraphs(context)
    index = bisect.bisect_right(spans, (number, float("inf"))) - 1
    return spans[index] if index >= 0 and spans[index][0] <= number <= spans[index][1] else None


def _body_paragraphs(context) -> list[tuple[int, int]]:
    """(first, last) line of every paragraph of body text, in order."""
    spans = []
    for token in context.tokens_of("BODY_TEXT"):
        first = None
        for number in range(token.line, token.end_line + 1):
            if context.line_text(number).strip():
                first = number if first is None else first
            elif first is not None:
                spans.append((first, number - 1))
                first = None
        if first is not None:
            spans.append((first, token.end_line))
    return spans


def display_width(text: str) -> int:
    """Columns a line takes on the page: a tab runs to the next tab stop."""
    return len(text.expandtabs(TAB_WIDTH)) if "\t" in text else len(text)


def _character_at(text: str, column: int) -> int:
    """The 1-based character whose display ``column`` (tabs expanded) holds."""
    shown = 0
    for index, char in enumerate(text, 1):
        shown = shown + TAB_WIDTH - shown % TAB_WIDTH if char == "\t" else shown + 1
        if shown >= column:
            return index
    return len(text) + 1


def _too_long(context, code: str, width: int, in_tables: bool, what: str):
    """Lines wider than ``width`` display columns (tabs expanded: --fix expands
    them) inside (or outside) <TABLE> markup, at the character past it."""
    tables = context.table_lines
    for number, text in context.text_lines():
        shown = display_width(text)
        if shown > width and (number in tables) == in_tables:
            yield context.finding(code, number, _character_at(text, width + 1),
                                  f"{what} is {shown} columns long (limit {width})", number, len(text) + 1)


@rule("SK201", "line-too-long", "error",
      "A narrative line is longer than 80 characters.",
      "17 CFR 232.305(a); EDGAR Filer Manual vol. II 5.2.2", fixer=_rewrap, fix_safety="unsafe")
def line_too_long(context):
    """
    ## What it checks
    Lines of a text document, outside `<TABLE>` markup, wider than 80
    columns, spaces included and a tab running to the next multiple of 8 (as
    `--fix` expands it).  The column reported is the character at the 81st.
    Plain-text documents only: an HTML document's lines are the browser's.

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
    Lines between `<TABLE>` and `</TABLE>` wider than 132 columns (tabs
    expanded).  Plain-text documents only.

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
      "EDGAR Filer Manual vol. II 5.2.1 (Table 5-1)", fixer=_ascii_repair, fix_safety="safe")
def invalid_character(context):
    """
    ## What it checks
    Characters a text document may not hold: anything but printable ASCII and
    line ends.  Curly quotes, en and em dashes, non-breaking spaces, accented
    letters, the yen and pound signs, (c), (R) and (TM) symbols are common.  At
    most two findings per line, each at the first such character, naming it:
    one for the characters that have an ASCII equivalent (which `--fix`
    repairs), one for those that have none.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

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
        repairable = [item for item in bad if ord(item[1]) in ASCII_EQUIVALENTS]
        for group in (repairable, [item for item in bad if ord(item[1]) not in ASCII_EQUIVALENTS]):
            if group:
                column, char = group[0]
                name = unicodedata.name(char, "control character") if char != "\r" else "CARRIAGE RETURN"
                more = f" (and {len(group) - 1} more on this line)" if len(group) > 1 else ""
                yield context.finding("SK203", number, column,
                                      f"invalid character U+{ord(char):04X} {name}{more}")


@rule("SK204", "tab-character", "warning",
      "A tab character; the Filer Manual asks for typed spaces.",
      "EDGAR Filer Manual vol. II 5.2.2", fixer=_expand_tabs, fix_safety="safe")
def tab_character(context):
    """
    ## What it checks
    Tab characters in a text document (the EDGAR header's tabs are not
    checked).  One finding per line.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

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


@rule("SK208", "trailing-whitespace", "warning",
      "Blanks at the end of a line.",
      "17 CFR 232.305(a) (line length counts every character); EDGAR Filer Manual vol. II 5.2.2",
      fixer=_strip_trailing_blanks, fix_safety="safe")
def trailing_whitespace(context):
    """
    ## What it checks
    Spaces or tabs after the last character of a line of a text document
    (not in uuencoded data, where a space is data, nor on a last line cut off
    with the input, which SK101 reports).  One finding per line.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

    ## Why
    Rule 305 counts every character of a line, trailing blanks included, so
    they bring lines nearer the 80- and 132-column limits; they are invisible
    and serve no purpose.

    ## Example
        Hanaro Telecom, Inc. is furnishing under cover of Form 6-K:   <- blanks after the colon

    ## Fix
    Delete them (`check --fix`; not inside `<TABLE>` markup, whose columns the
    fixer leaves alone).
    """
    opaque = context.opaque_lines
    cut = context.line_count if not context.analysis.ended_with_newline and cut_off(context) else None
    for number, text in context.text_lines():
        stripped = text.rstrip()
        if len(stripped) != len(text) and number not in opaque and number != cut:
            yield context.finding("SK208", number, len(stripped) + 1,
                                  f"{len(text) - len(stripped)} blank(s) at the end of the line",
                                  number, len(text) + 1)


@rule("SK209", "missing-final-newline", "warning",
      "The last line of a finished document has no line end.",
      "EDGAR Filer Manual vol. II 5.2 (ASCII documents: lines end with a line end)",
      fixer=_add_final_newline, fix_safety="safe")
def missing_final_newline(context):
    """
    ## What it checks
    The input ends without a line end after a line that finishes the document
    (a closing tag, or the last exhibit after the signature).  When the last
    line looks cut instead, SK101 reports the truncation and this rule says
    nothing: a line end would hide it.

    Plain-text documents only: in an HTML document the markup lays the text
    out (SK7xx hold HTML to EDGAR's rules).

    ## Why
    Text files end their last line like every other; tools that read line by
    line may drop or merge a last line without one.

    ## Example
        </TABLE>                                 <- the file ends here, no line end

    ## Fix
    Add the line end (`check --fix`).
    """
    if context.analysis.ended_with_newline or cut_off(context) or not context.analysis.text.strip():
        return
    last = context.line_count
    yield context.finding("SK209", last, len(context.line_text(last)) + 1, "no line end after the last line")
