"""SK601-SK605: the EDGAR envelope against the document it carries."""
from __future__ import annotations

from ..registry import rule
from .signature import names_match

FORM_TYPES = ("6-K", "6-K/A")


def _envelope(context):
    return context.result["envelope"]


@rule("SK601", "submission-type-mismatch", "error",
      "The header's or a document's type is not 6-K or 6-K/A, or they disagree.",
      "EDGAR Filer Manual vol. II ch. 3 (submission types)")
def submission_type_mismatch(context):
    """
    ## What it checks
    `CONFORMED SUBMISSION TYPE` is 6-K or 6-K/A, the first document's `<TYPE>`
    agrees with it, and a cover titled "FORM 6-K/A" sits in a 6-K/A submission.

    ## Why
    The submission type decides how EDGAR disseminates and indexes the filing;
    a 6-K under another type is lost to those who look for it.

    ## Example
        CONFORMED SUBMISSION TYPE:\t10-K
        <TYPE>6-K

    ## Fix
    File under the submission type the document is.
    """
    envelope = _envelope(context)
    if envelope is None:
        return
    declared = (envelope["submission_type"] or "").upper()
    documents = envelope["documents"]
    if declared and declared not in FORM_TYPES:
        yield context.finding("SK601", 1, 1, f"submission type {declared!r} is not 6-K or 6-K/A")
    first_type = (documents[0]["type"] or "").upper() if documents else ""
    if declared and first_type and first_type != declared:
        yield context.finding("SK601", documents[0]["line"], 1,
                              f"<TYPE>{first_type} differs from the header's {declared}")
    title = (context.cover["title"] or "").upper().replace(" ", "")
    if declared in FORM_TYPES and title and title.endswith("/A") != declared.endswith("/A"):
        yield context.finding("SK601", context.cover["positions"]["title"], 1,
                              f"the cover says {context.cover['title']!r} but the submission is {declared}")


@rule("SK602", "period-mismatch", "error",
      "CONFORMED PERIOD OF REPORT lies outside the cover's report month.",
      "EDGAR Filer Manual vol. II ch. 3 (header tags)")
def period_mismatch(context):
    """
    ## What it checks
    The header's `CONFORMED PERIOD OF REPORT` falls in the month the cover
    reports on.

    ## Why
    The header's period is what EDGAR's indexes show; a different month points
    readers to the wrong report.

    ## Example
    Header `20030430`, cover "For the month of May 2003".

    ## Fix
    Correct the period entered in the submission, or the cover.
    """
    envelope, month = _envelope(context), context.cover["report_month"]
    if envelope and envelope["period_of_report"] and month and not envelope["period_of_report"].startswith(month):
        line, column = context.cover["positions"]["period"]    # read with the month
        yield context.finding("SK602", line, column,
                              f"period of report {envelope['period_of_report']} is outside {month}")


@rule("SK603", "registrant-name-mismatch", "warning",
      "The header's company name differs from the cover's registrant.",
      "EDGAR Filer Manual vol. II ch. 3 (company data)")
def registrant_name_mismatch(context):
    """
    ## What it checks
    `COMPANY CONFORMED NAME` names the registrant on the cover, compared
    leniently (case, punctuation, "Inc."/"Ltd." do not count; native or English
    name).

    ## Why
    A different name usually means the document was filed under the wrong CIK.
    Names change over time, so this is a warning.

    ## Example
        COMPANY CONFORMED NAME:\tACME CORP
        ... cover: HANARO TELECOM, INC.

    ## Fix
    Check the CIK the submission was filed under.
    """
    envelope, cover = _envelope(context), context.cover
    company = envelope["filer"].get("company_conformed_name") if envelope else None
    names = [n for n in (cover["registrant"], cover["registrant_english"]) if n]
    if company and names and context.main_is_read and not any(names_match(company, n) for n in names):
        yield context.finding("SK603", cover["positions"]["registrant"], 1,
                              f"the header names {company!r}, the cover {cover['registrant']!r}")


@rule("SK604", "document-count-mismatch", "error",
      "PUBLIC DOCUMENT COUNT differs from the documents present.",
      "EDGAR Filer Manual vol. II ch. 3 (header tags)")
def document_count_mismatch(context):
    """
    ## What it checks
    The header's `PUBLIC DOCUMENT COUNT` equals the number of `<DOCUMENT>`s.

    ## Why
    The count is fixed when the submission is assembled; a different number of
    documents means one was lost or added in transit.

    ## Example
        PUBLIC DOCUMENT COUNT:\t\t3          <- two <DOCUMENT>s follow

    ## Fix
    A document was lost or added after the header was made: compare with the
    submission as filed.
    """
    envelope = _envelope(context)
    if envelope and envelope["public_document_count"] is not None and context.result["complete"]:
        present = len(envelope["documents"])
        if present != envelope["public_document_count"]:
            yield context.finding("SK604", 1, 1, f"the header counts {envelope['public_document_count']} "
                                  f"documents, {present} are present")


@rule("SK605", "missing-exhibit-document", "error",
      "The exhibit index lists an exhibit with no <TYPE>EX-... document.",
      "EDGAR Filer Manual vol. II ch. 5 (attached documents)")
def missing_exhibit_document(context):
    """
    ## What it checks
    Each exhibit in the index of a whole submission (`<SEC-DOCUMENT>`) has its
    own `<DOCUMENT>` with `<TYPE>EX-<number>`.  A single document split out of
    a submission cannot hold its exhibits: the rule does not apply to it.

    ## Why
    An exhibit named in the index but never attached leaves readers without the
    document the report says it furnishes.

    ## Example
    The index lists 99.1 and 99.2; the submission holds only `<TYPE>EX-99.1`.

    ## Fix
    Attach the missing exhibit, or correct the index.
    """
    envelope = _envelope(context)
    if not envelope or not context.result["complete"] or not context.whole_submission:
        return
    attached = {(d["type"] or "").upper().removeprefix("EX-") for d in envelope["documents"]}
    for exhibit in context.result["exhibits"]:
        if exhibit["number"] and exhibit["number"].upper() not in attached:
            yield context.finding("SK605", exhibit["line"], 1,
                                  f"exhibit {exhibit['number']} has no <TYPE>EX-{exhibit['number']} document")
