"""SK301-SK310: the cover page's items and check boxes."""
from __future__ import annotations

import datetime as dt

from ..registry import rule
from .syntax import cut_off

#: Regulation S-T 101(b)(1)/(7) boxes were added to the form in November 2002.
PAPER_BOXES_FROM = "2002-11"
#: The Rule 12g3-2(b) question left the form in October 2008.
RULE_12G3_UNTIL = "2008-10"
FIRST_EDGAR_YEAR = 1993


def _cover_checks(context) -> bool:
    """Cover rules apply to a 6-K whose cover was read (plain text or HTML),
    not to a binary one."""
    return context.main_is_read


def _cover_cut(context) -> bool:
    """Whether the input stops inside the cover (before its check boxes and
    any signature): what would come later is cut off (SK101), not missing."""
    return (not context.result["signatures"] and "annual_report_form" not in context.cover["marks"]
            and cut_off(context))


@rule("SK301", "missing-form-title", "error", 'No "FORM 6-K" title on the cover.',
      "Form 6-K (cover page); 17 CFR 249.306")
def missing_form_title(context):
    """
    ## What it checks
    The cover names the form: "FORM 6-K" (any case and spacing, "FORM 6-K/A"
    for an amendment).

    ## Why
    The title is how readers, and EDGAR's reviewers, know which report this is.

    ## Example
        SECURITIES AND EXCHANGE COMMISSION
        REPORT OF FOREIGN PRIVATE ISSUER        <- no "FORM 6-K" line

    ## Fix
    Put "FORM 6-K" at the top of the cover.
    """
    cover = context.cover
    if _cover_checks(context) and not cover["title"]:
        yield context.finding("SK301", cover["line"], 1, 'no "FORM 6-K" title on the cover')


@rule("SK302", "missing-report-period", "error",
      'No "For the month of ..." (or equivalent) on the cover.', "Form 6-K (cover page)")
def missing_report_period(context):
    """
    ## What it checks
    The cover states the period the report covers: "For the month of November
    2002", "Report on Form 6-K dated ...", "Date of Report: ...".

    ## Why
    The form requires it, and the report month ties the filing to the home
    country disclosure it carries.

    ## Example
        FORM 6-K
        HANARO TELECOM, INC.                    <- no "For the month of ..."

    ## Fix
    Add "For the month of <Month> <Year>" under the title.
    """
    cover = context.cover
    if (_cover_checks(context) and not cover["report_month_text"] and cover["positions"]["period"] is None
            and not _cover_cut(context)):
        yield context.finding("SK302", cover["line"], 1, "no report period on the cover")


@rule("SK303", "invalid-report-period", "error", "The report period is not a real month and year.",
      "Form 6-K (cover page)")
def invalid_report_period(context):
    """
    ## What it checks
    The period on the cover reads as a month and a year of the EDGAR era.

    ## Why
    A misspelt or impossible period cannot be matched to the home-country
    report, and EDGAR's CONFORMED PERIOD OF REPORT is usually derived from it.

    ## Example
        For the month of Novembr 2002

    ## Fix
    Correct the month's spelling or the year.
    """
    cover = context.cover
    if not _cover_checks(context) or cover["positions"]["period"] is None:
        return
    line, column = cover["positions"]["period"]
    month = cover["report_month"]
    if month is None:
        yield context.finding("SK303", line, column,
                              f"report period {cover['report_month_text'] or '(blank)'!r} is not a month and year")
    elif not FIRST_EDGAR_YEAR <= int(month[:4]) <= dt.date.today().year + 1:
        yield context.finding("SK303", line, column, f"report period year {month[:4]} is implausible")


@rule("SK304", "missing-registrant", "error", "No registrant name on the cover.",
      "Form 6-K (cover page)")
def missing_registrant(context):
    """
    ## What it checks
    The cover names the registrant, over "(Exact name of registrant as
    specified in its charter)", "(Translation of registrant's name into
    English)" or as the company name under the title.

    ## Why
    The registrant's name identifies who furnishes the report; EDGAR's header
    alone is not part of the document readers see.

    ## Example
        For the month of November 2002
        Indicate by check mark whether ...      <- no name between them

    ## Fix
    Add the registrant's name with its caption.
    """
    cover = context.cover
    if _cover_checks(context) and not cover["registrant"] and not _cover_cut(context):
        yield context.finding("SK304", cover["line"], 1, "no registrant name on the cover")


def _question(cover, key):
    return cover["marks"].get(key)


def _marked(question) -> list[dict]:
    return [option for option in question["options"] if option["marked"]]


@rule("SK305", "annual-report-form-unmarked", "error",
      "Neither Form 20-F nor Form 40-F is marked.", "Form 6-K (cover page)")
def annual_report_form_unmarked(context):
    """
    ## What it checks
    The question "Indicate by check mark whether the registrant files or will
    file annual reports under cover of Form 20-F or Form 40-F" is on the cover
    and one answer is marked.

    ## Why
    The answer tells the SEC which annual report form the registrant is
    subject to; an unanswered question makes the cover incomplete.

    ## Example
        Form 20-F ____      Form 40-F ____

    ## Fix
    Mark the form the registrant files its annual report on.
    """
    cover = context.cover
    if not _cover_checks(context):
        return
    question = _question(cover, "annual_report_form")
    if question is None:
        if not _cover_cut(context):
            yield context.finding("SK305", cover["line"], 1, "the 20-F/40-F question is missing")
    elif not _marked(question) and not question["not_applicable"]:
        yield context.finding("SK305", question["line"], question["column"],
                              "neither Form 20-F nor Form 40-F is marked")


@rule("SK306", "annual-report-form-both-marked", "error",
      "Both Form 20-F and Form 40-F are marked.", "Form 6-K (cover page)")
def annual_report_form_both_marked(context):
    """
    ## What it checks
    Only one of Form 20-F and Form 40-F is marked.

    ## Why
    A registrant files its annual report on one form only; two marks make the
    answer meaningless.

    ## Example
        Form 20-F  X        Form 40-F  X

    ## Fix
    Keep the mark on the form the registrant actually files.
    """
    question = _question(context.cover, "annual_report_form")
    if question and len(_marked(question)) > 1:
        second = _marked(question)[1]
        yield context.finding("SK306", second["line"], second["column"],
                              "both Form 20-F and Form 40-F are marked")


@rule("SK307", "rule-12g3-2b-answer", "error",
      "The Rule 12g3-2(b) question has neither, or both, of Yes/No marked.",
      "Form 6-K (cover page, forms before October 2008)")
def rule_12g3_2b_answer(context):
    """
    ## What it checks
    When the cover asks whether the registrant furnishes information under
    Rule 12g3-2(b), exactly one of Yes and No is marked.

    ## Why
    Until 2008 the form asked it of every registrant, and the 82- line depends
    on the answer.

    ## Example
        Yes ____    No ____

    ## Fix
    Mark Yes or No (or remove the question from a cover dated after 2008).
    """
    question = _question(context.cover, "rule_12g3_2b")
    if question is None or question["not_applicable"]:
        return
    marked = _marked(question)
    if len(marked) != 1:
        where = marked[1] if len(marked) > 1 else question
        yield context.finding("SK307", where["line"], where["column"],
                              "both Yes and No are marked" if marked else "neither Yes nor No is marked")


def _line_82(cover):
    """Where the 82- line is, else where the Rule 12g3-2(b) question is (its
    answer, which SK308 and SK309 need, is read from the question)."""
    question = _question(cover, "rule_12g3_2b")
    return cover["positions"]["file_number_82"] or [question["line"], question["column"]]


@rule("SK308", "missing-82-file-number", "error",
      "Rule 12g3-2(b) answered Yes, but no 82- file number is given.", "Form 6-K (cover page)")
def missing_82_file_number(context):
    """
    ## What it checks
    A registrant that marks Yes to the Rule 12g3-2(b) question gives its file
    number: "82-" followed by digits.

    ## Why
    Registrants exempt under Rule 12g3-2(b) are identified by their 82- file
    number; Yes without it leaves the claim unsupported.

    ## Example
        Yes  X      No ____
        ... 12g3-2(b): 82-________

    ## Fix
    Fill in the 82- number, or mark No.
    """
    cover = context.cover
    if cover["rule_12g3_2b"] == "yes" and not cover["file_number_82"]:
        line, column = _line_82(cover)
        yield context.finding("SK308", line, column, "Yes is marked but no 82- file number is given")


@rule("SK309", "unexpected-82-file-number", "error",
      "Rule 12g3-2(b) answered No, but an 82- file number is given.", "Form 6-K (cover page)")
def unexpected_82_file_number(context):
    """
    ## What it checks
    A registrant that marks No to the Rule 12g3-2(b) question leaves the 82-
    line blank (or "N/A").

    ## Why
    An 82- number belongs only to registrants claiming the Rule 12g3-2(b)
    exemption; with No marked one of the two answers is wrong.

    ## Example
        Yes ____    No  X
        ... 12g3-2(b): 82-1234

    ## Fix
    Remove the number, or correct the answer to Yes.
    """
    cover = context.cover
    if cover["rule_12g3_2b"] == "no" and cover["file_number_82"]:
        line, column = _line_82(cover)
        yield context.finding("SK309", line, column,
                              f"No is marked but file number {cover['file_number_82']} is given")


@rule("SK310", "obsolete-cover-item", "info",
      "A cover item from another era of the form for the report month.",
      "Form 6-K as amended 2002 (Release 33-8099) and 2008 (Release 33-8959)")
def obsolete_cover_item(context):
    """
    ## What it checks
    Items that did not belong to the form in the report's month: the
    Regulation S-T Rule 101(b)(1)/(7) paper-filing boxes before November 2002,
    and the Rule 12g3-2(b) question after October 2008.

    ## Why
    Filers keep old cover templates for years.  It is not an error, but a
    reviewer may want the cover brought up to date.

    ## Example
        For the month of October 2002
        Indicate by check mark if the registrant is submitting the Form 6-K in paper
        as permitted by Regulation S-T Rule 101(b)(1): ____     <- added in Nov 2002

    ## Fix
    Use the cover of the current form.
    """
    cover = context.cover
    month = cover["report_month"]
    if not month:
        return
    for key in ("paper_101b1", "paper_101b7"):
        question = _question(cover, key)
        if question and month < PAPER_BOXES_FROM:
            yield context.finding("SK310", question["line"], question["column"],
                                  f"the Rule 101(b) paper box joined the form in {PAPER_BOXES_FROM}, after {month}")
    question = _question(cover, "rule_12g3_2b")
    if question and month > RULE_12G3_UNTIL:
        yield context.finding("SK310", question["line"], question["column"],
                              f"the Rule 12g3-2(b) question left the form before {month}")
