"""SK001, SK100, SK101: input that cannot be read, parsed, or that stops short."""
from __future__ import annotations

from ...parser import OPEN_AT_END, display_name, missing_closer, open_at_end
from ..registry import rule

#: The parser closed a table whose </TABLE> is missing before the token that
#: ended it: SK205 reports that table, once, where it opens.
TABLE_CLOSED = missing_closer("TABLE_CLOSE")
#: The input ended, its last line whole, with a table open and nothing else:
#: a table never closed (SK205's), not a cut.  With more open, it was cut.
ONLY_A_TABLE_OPEN = open_at_end([display_name("TABLE_CLOSE")])
CLOSING_TAGS = ("</table>", "</text>", "</document>", "</sec-document>", "</ims-document>",
                "-----end privacy-enhanced message-----")


@rule("SK001", "unreadable-input", "error",
      "The file is empty, binary, not valid text, or over the size limit.",
      "EDGAR Filer Manual vol. II 5.2 (ASCII documents)")
def unreadable_input(context):
    """
    ## What it checks
    Files that cannot be checked as a 6-K text document: empty (no text at all),
    binary (NUL bytes), bytes that are not UTF-8 (read as Windows-1252 instead),
    or larger than the size limit (`max-size` in the configuration, in MB).

    ## Why
    EDGAR accepts only ASCII text documents.  A file that is not text at all was
    probably picked up by mistake, or corrupted in transfer.

    ## Example
    A zero-byte `filing.txt`, or a PDF renamed to `.txt`.

    ## Fix
    Check the right file; save text as ASCII (or UTF-8 without special
    characters).
    """
    # Empty, binary and oversized files never reach the parser: the runner
    # reports them (sixk_grammar.lint.runner.unreadable).  Here: bytes that
    # were not UTF-8 and had to be read in another encoding.
    encoding = context.result.get("encoding")
    if encoding not in (None, "utf-8"):
        yield context.finding("SK001", 1, 1, f"the file is not valid UTF-8; it was read as {encoding}")


@rule("SK100", "syntax-error", "error",
      "Text the grammar cannot place, with what it expected there.",
      "EDGAR Filer Manual vol. II ch. 5 (document and tag structure)")
def syntax_error(context):
    """
    ## What it checks
    A place where the file does not follow the structure of a 6-K text
    document or EDGAR submission: a closing tag that was never opened, a
    `<TABLE>` opened inside another table, an envelope tag out of order.  The
    message says what the grammar expected there.

    ## Why
    EDGAR's own validation rejects malformed tag structure, and tools that read
    the filing later misread what follows the fault.

    ## Example
        <TABLE>
        <S>   <C>
        1     Press release
        <TABLE>            <- a second <TABLE> before </TABLE>

    ## Fix
    Close or remove the tag the message names.
    """
    for error in context.result["syntax_errors"]:
        if not error["message"].startswith((OPEN_AT_END, TABLE_CLOSED)):
            expected = f" (expected {', '.join(error['expected'][:6])})" if error["expected"] else ""
            yield context.finding("SK100", error["line"], error["column"], error["message"] + expected)


@rule("SK101", "truncated-document", "error",
      "The input ends inside a section: cut off before its end, or before any signature.",
      "Form 6-K General Instructions (signature); EDGAR Filer Manual vol. II ch. 5")
def truncated_document(context):
    """
    ## What it checks
    Input that stops before the document does: inside an open `<TABLE>`,
    `<TEXT>` or `<DOCUMENT>`; inside the cover page; in the middle of a line
    (unless the line closes the document: a closing tag, or the last entry of
    an exhibit list after the signature); or, before any signature, in the
    middle of a sentence (the last line ends with a comma or a colon, as in
    "Very truly yours,").  A document that ends cleanly without a signature
    block is SK401's.

    ## Why
    A truncated download or a cover page split from its signature page is not a
    complete filing, and the facts read from it are partial.

    ## Example
        SIGNATURES
        Pursuant to the requirements of the Securities Exchange Act of 1934, the regi

    ## Fix
    Check the file against its source: download it again, or join the pages
    that belong to it.
    """
    result, text = context.result, context.analysis.text
    last_line = max(1, text.count("\n"))
    error = end_of_input_error(context)
    if error and (not context.analysis.ended_with_newline or error["message"] != ONLY_A_TABLE_OPEN):
        yield context.finding("SK101", error["line"], 1, "the " + error["message"])
        return
    cut_mid_line = _cut_mid_line(context)
    if context.main_is_text and not _has_body(context):
        yield context.finding("SK101", last_line, 1, "the input ends inside the cover page")
    elif cut_mid_line and not result["signatures"] and context.main_is_text:
        yield context.finding("SK101", last_line, 1, "the input ends mid-line before any signature block")
    elif not result["signatures"] and context.main_is_text and _mid_sentence(context):
        yield context.finding("SK101", _mid_sentence(context), 1,
                              "the input ends mid-sentence (after a comma or colon) before any signature block")
    elif cut_mid_line:
        yield context.finding("SK101", last_line, 1, "the input ends in the middle of a line")


def end_of_input_error(context) -> dict | None:
    """The syntax error saying the input ended inside an open section, if any."""
    return next((e for e in context.result["syntax_errors"] if e["message"].startswith(OPEN_AT_END)), None)


def cut_off(context) -> bool:
    """Whether the input was cut short (SK101 reports it)."""
    return any(True for _ in truncated_document(context))


def _cut_mid_line(context) -> bool:
    """The last line has no line end, and is no closing tag or finished exhibit entry."""
    if context.analysis.ended_with_newline:
        return False
    last_line = context.line_count
    if context.line_text(last_line).strip().lower().endswith(CLOSING_TAGS):
        return False
    exhibits = context.result["exhibits"]
    finished_list = (exhibits and context.result["signatures"]
                     and exhibits[-1]["line"] <= last_line <= exhibits[-1]["end_line"])
    return not finished_list


def _mid_sentence(context) -> int | None:
    """The last line holding text, when it ends with a comma or a colon: the
    text goes on after the end of the input."""
    for number in range(context.line_count, max(0, context.line_count - 20), -1):
        text = context.line_text(number).strip(" \t|")
        if text:
            return number if text.endswith((",", ":")) else None
    return None


def _has_body(context) -> bool:
    """Whether the 6-K's text goes on past its cover page (asked of a plain-text
    6-K: its tree holds a text_document, whose children are all subtrees)."""
    document = next(context.analysis.tree.find_data("text_document"))
    return any(child.data == "body" for child in document.children)
