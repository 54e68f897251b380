"""SK401-SK407: the signature block."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from ...parser import legal_form_pattern
from ...transform.common import squash
from ..registry import rule
from .syntax import cut_off
from .tags import unclosed_tables

#: A signature this many days after the report month's end is implausible.
LATE_DAYS = 92


@functools.lru_cache(maxsize=1)
def _suffixes() -> re.Pattern:
    """The grammar's legal forms and "the": words a name may carry or not.  A
    form is taken whole ("S.A.B.", not its "S.A" and a stray "b")."""
    return re.compile(rf"\b(?:{legal_form_pattern().pattern}|the)(?![\w.])")


def comparable_name(name: str | None) -> str:
    """A company name reduced for lenient comparison: case, punctuation, legal forms."""
    text = (name or "").lower().replace("&", " and ")
    text = _suffixes().sub(" ", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def names_match(first: str | None, second: str | None) -> bool:
    a, b = comparable_name(first), comparable_name(second)
    return bool(a and b) and (a == b or a in b or b in a)


@rule("SK401", "missing-signature", "error", "No signature block.",
      "17 CFR 232.302 (signatures); Form 6-K General Instruction (signature)")
def missing_signature(context):
    """
    ## What it checks
    A complete 6-K document holds a signature block: "SIGNATURES", the legend
    "Pursuant to the requirements of the Securities Exchange Act of 1934 ...",
    the registrant, the date, and the signer.  (A document that stops short is
    reported by SK101 instead, and none is reported while a `<TABLE>` is left
    open: the table may have swallowed the signature page; SK205 reports it.)

    ## Why
    The form must be signed on the registrant's behalf by a duly authorized
    person.

    ## Example
        ... the last page of the report, then the exhibit index; no "SIGNATURES"

    ## Fix
    Add the signature page.
    """
    if context.main_is_read and not context.result["signatures"]:
        # An open <TABLE> runs to the end and may hold the signature page (SK205).
        if not cut_off(context) and not unclosed_tables(context):
            yield context.finding("SK401", max(1, context.analysis.text.count("\n")), 1,
                                  "no signature block")


def _signers(context):
    return context.result["signatures"]


def _whole_signers(context):
    """Signers whose block the input holds whole: a block cut off is SK101's."""
    last_line = context.analysis.text.count("\n")
    truncated = cut_off(context)
    return [s for s in _signers(context) if not (truncated and s["end_line"] >= last_line - 1)]


def _complete_line(context, number: int) -> bool:
    """Whether line ``number`` ended before the input did: nothing after a cut
    can change it."""
    last_line = context.line_count
    return number < last_line or (number == last_line and context.analysis.ended_with_newline)


def _signed_lines(context):
    """Signers whose "By" line is whole.  In a cut input that is the line
    holding the signature (a cell on a later line, in text taken from HTML
    tables); a "By" with nothing typed needs a whole line after it."""
    truncated = cut_off(context)
    for signer in _signers(context):
        signature = squash(signer["signature"] or "")
        if not truncated:
            yield signer
        elif signature:
            line = next((number for number in range(signer["line"], signer["end_line"] + 1)
                         if signature in squash(context.line_text(number))), signer["line"])
            if _complete_line(context, line):
                yield signer
        elif _complete_line(context, signer["line"] + 1):
            yield signer


@rule("SK402", "missing-signature-date", "error", "A signature without a date.",
      "Form 6-K (signature block)")
def missing_signature_date(context):
    """
    ## What it checks
    Each signer's block carries "Date:" with a date.

    ## Why
    The date of signing dates the report; without it the signature block is
    incomplete.

    ## Example
                                          By: /s/ Kyu June Hwang     <- no Date:

    ## Fix
    Add the date of signing.
    """
    for signer in _whole_signers(context):
        if not signer["date_text"]:
            yield context.finding("SK402", signer["line"], 1, "the signature has no date")


@rule("SK403", "invalid-signature-date", "error", "The signature date is not a real date.",
      "Form 6-K (signature block)")
def invalid_signature_date(context):
    """
    ## What it checks
    The signature date is a real calendar day.

    ## Why
    An impossible date is a typing slip that makes the signature's date unknown.

    ## Example
        Date: February 30, 2003

    ## Fix
    Correct the date.
    """
    for signer in _signers(context):
        if signer["date_text"] and not signer["date"]:
            yield context.finding("SK403", signer["line"], 1,
                                  f"signature date {signer['date_text']!r} is not a real date")


@rule("SK404", "missing-conformed-signature", "error", "No typed /s/ signature.",
      "17 CFR 232.302(a)")
def missing_conformed_signature(context):
    """
    ## What it checks
    The signer's name is typed as a conformed signature, "/s/ Name", on the
    "By:" line.

    ## Why
    Regulation S-T Rule 302 requires electronic signatures to be typed in the
    form /s/ followed by the name.

    ## Example
        By: Kyu June Hwang                      <- no /s/

    ## Fix
    Write "By: /s/ <name>".
    """
    for signer in _signed_lines(context):
        if "/s/" not in (signer["signature"] or "").lower():
            yield context.finding("SK404", signer["line"], 1, "no typed /s/ signature")


@rule("SK405", "missing-signer-name-or-title", "error",
      "The signer's printed name or title is missing.", "Form 6-K (signature block)")
def missing_signer_name_or_title(context):
    """
    ## What it checks
    Under the signature, the signing officer's name and title are printed
    ("Name:" and "Title:", or plain lines).

    ## Why
    Form 6-K asks for the name and title to be printed under the signature of
    the signing officer, so readers know who signed and in what capacity.

    ## Example
        By: /s/ Kyu June Hwang
            Name: Kyu June Hwang                 <- no Title:

    ## Fix
    Print the name and title under the signature.
    """
    for signer in _whole_signers(context):
        missing = [part for part in ("name", "title") if not signer[part]]
        if missing:
            yield context.finding("SK405", signer["line"], 1,
                                  f"the signer's {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")


@rule("SK406", "signature-registrant-mismatch", "error",
      "The registrant named over the signature differs from the cover.", "Form 6-K (signature block)")
def signature_registrant_mismatch(context):
    """
    ## What it checks
    The registrant named in the signature block is the one on the cover,
    compared leniently: case, punctuation and suffixes such as "Inc." or "Ltd."
    do not count, and either the native or the English name may be used.

    ## Why
    The block signs for the registrant; a different name often means a cover or
    signature page reused from another company's filing.

    ## Example
    Cover: "HANARO TELECOM, INC.", signature: "HANARO COMMUNICATIONS".

    ## Fix
    Use the registrant's name as on the cover.
    """
    cover = context.cover
    names = [cover["registrant"], cover["registrant_english"]]
    if not any(names):
        return
    for signer in _signers(context):
        if signer["registrant"] and not any(names_match(signer["registrant"], n) for n in names if n):
            yield context.finding("SK406", signer["line"], 1,
                                  f"signed for {signer['registrant']!r}, but the cover names {cover['registrant']!r}")


@rule("SK407", "implausible-signature-date", "warning",
      "The signature date is before the report month, or long after it.", "Form 6-K (signature block)")
def implausible_signature_date(context):
    """
    ## What it checks
    The signature date falls within or after the report month, and no more
    than about three months after it.

    ## Why
    A date before the period reported on, or long after it, is usually a date
    copied from an earlier filing.

    ## Example
        For the month of November 2002
        Date: November 18, 2001                 <- a year early

    ## Fix
    Check the date of signing and the report month.
    """
    month = context.cover["report_month"]
    if not month:
        return
    year, number = int(month[:4]), int(month[5:])
    start = dt.date(year, number, 1)
    end = start.replace(day=calendar.monthrange(year, number)[1])
    for signer in _signers(context):
        if not signer["date"]:
            continue
        signed = dt.date.fromisoformat(signer["date"])
        if signed < start or (signed - end).days > LATE_DAYS:
            yield context.finding("SK407", signer["line"], 1,
                                  f"signed on {signer['date']}, outside the report month {month}")
