"""One flat row per filing, for tables: CSV, Parquet, data frames.

    >>> import sixk_grammar
    >>> row = sixk_grammar.record({"source": "a.txt"} | sixk_grammar.parse(text))
    >>> row["registrant"], row["signature_date"], row["exhibit_numbers"]

Each value is the parse dict's own: the cover's facts, the envelope's
accession number, dates and filer (its first filer), the first signature's
date, name and title.  A source that could not be read has only ``source``
and ``error``.
"""
from __future__ import annotations

#: The columns, in order, with their types: string, bool, int or date (an ISO
#: date string in the row, a date column in Parquet).
FIELDS: tuple[tuple[str, str], ...] = (
    ("source", "string"), ("form_type", "string"), ("complete", "bool"), ("truncated", "bool"),
    ("syntax_error_count", "int"), ("accession_number", "string"), ("cik", "string"),
    ("company_conformed_name", "string"), ("filed_as_of", "date"), ("period_of_report", "date"),
    ("registrant", "string"), ("registrant_english", "string"), ("report_month", "string"),
    ("commission_file_number", "string"), ("annual_report_form", "string"), ("rule_12g3_2b", "string"),
    ("file_number_82", "string"), ("paper_101b1", "string"), ("paper_101b7", "string"),
    ("signature_date", "date"), ("signer_name", "string"), ("signer_title", "string"),
    ("signer_count", "int"), ("exhibit_numbers", "string"), ("exhibit_count", "int"),
    ("pages", "int"), ("line_count", "int"), ("encoding", "string"), ("error", "string"),
)
FIELD_NAMES = tuple(name for name, _ in FIELDS)
#: Exhibit numbers are joined with this; an exhibit listed without a number
#: counts in exhibit_count but has no number to join.
NUMBER_SEPARATOR = ";"

_COVER = ("registrant", "registrant_english", "report_month", "commission_file_number",
          "annual_report_form", "rule_12g3_2b", "file_number_82", "paper_101b1", "paper_101b7")


def record(result: dict) -> dict:
    """The flat row of one parse result (the dict ``parse`` returns, with a
    ``source`` key as the CLI adds, or ``{"source", "error"}``)."""
    row = dict.fromkeys(FIELD_NAMES)
    row["source"] = result.get("source")
    if "cover" not in result:   # the source could not be read
        row["error"] = result.get("error")
        return row
    envelope = result["envelope"] or {}
    filer = envelope.get("filer") or {}
    signer = result["signatures"][0] if result["signatures"] else {}
    row.update(
        form_type=result["form_type"], complete=result["complete"], truncated=result["truncated"],
        syntax_error_count=len(result["syntax_errors"]),
        accession_number=envelope.get("accession_number"), cik=filer.get("cik"),
        company_conformed_name=filer.get("company_conformed_name"),
        filed_as_of=envelope.get("filed_as_of"), period_of_report=envelope.get("period_of_report"),
        signature_date=signer.get("date"), signer_name=signer.get("name"), signer_title=signer.get("title"),
        signer_count=len(result["signatures"]),
        exhibit_numbers=NUMBER_SEPARATOR.join(e["number"] for e in result["exhibits"] if e["number"]) or None,
        exhibit_count=len(result["exhibits"]), pages=result["pages"], line_count=result["line_count"],
        encoding=result["encoding"], error=result.get("error"),
        **{key: result["cover"][key] for key in _COVER})
    return row
