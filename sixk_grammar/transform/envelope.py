"""The EDGAR envelope: header fields and the list of documents."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, Transformer

from ..dates import iso_compact
from ..parser import kind
from .common import squash

# Header labels whose key in the dict is not just the label in snake case.
_KEY_NAMES = {"central_index_key": "cik", "standard_industrial_classification": "sic",
              "conformed_submission_type": "submission_type", "filed_as_of_date": "filed_as_of",
              "conformed_period_of_report": "period_of_report"}
_BLOCKS = {"company_data", "filing_values"}   # merged into their filer
_SCALARS = {"accession_number", "submission_type", "period_of_report", "filed_as_of",
            "public_document_count"}


def header_key(label: str) -> str:
    """"CENTRAL INDEX KEY:" -> "cik", "FORMER COMPANY:" -> "former_company"."""
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return _KEY_NAMES.get(key, key)


@dataclass
class Field:
    key: str
    value: str | None
    children: list


@dataclass
class Document:
    type: str | None
    sequence: str | None
    filename: str | None
    description: str | None
    line: int
    content: object


def _field(items) -> Field:
    label = items[0]
    value = next((squash(t) for t in items[1:] if isinstance(t, Token) and kind(t) == "HEADER_VALUE"), None)
    children = [item for item in items if isinstance(item, Field)]
    return Field(header_key(str(label)), value or None, children)     # the key drops blanks and colon


def _as_dict(fields: list[Field]) -> dict:
    out: dict = {}
    for item in fields:
        if item.children:
            value = _as_dict(item.children)
            if item.key in _BLOCKS:
                out.update(value)
                continue
        else:
            value = item.value
        if item.key in out:   # repeated blocks (FORMER COMPANY:, FILER:) become lists
            out[item.key] = (out[item.key] if isinstance(out[item.key], list) else [out[item.key]]) + [value]
        else:
            out[item.key] = value
    return out


class EnvelopeTransformer(Transformer):
    """Callbacks for the rules of envelope.lark (namespace ``envelope``)."""

    header_field = nested_field = deep_field = staticmethod(_field)

    def sec_header(self, items):
        return _as_dict([item for item in items if isinstance(item, Field)])

    def document(self, items):
        tags = {kind(t): str(t).split(">", 1)[-1].strip() for t in items if isinstance(t, Token)}
        content = next((item for item in items if not isinstance(item, Token)), None)
        doc_type = tags.get("MAIN_TYPE") or tags.get("OTHER_TYPE")
        return Document(doc_type or None, tags.get("SEQUENCE_TAG") or None, tags.get("FILENAME_TAG") or None,
                        tags.get("DESCRIPTION_TAG") or None, items[0].line, content)

    def sec_document(self, items):
        opening = items[0]
        header = next((item for item in items if isinstance(item, dict)), {})
        documents = [item for item in items if isinstance(item, Document)]
        return {"opening": str(opening).strip(), "header": header, "documents": documents}

    def submission(self, items):
        for item in items:
            if isinstance(item, dict):
                return item
        return {"opening": None, "header": {}, "documents": [i for i in items if isinstance(i, Document)]}


def _single(value):
    """A header field's value; a field given twice keeps its first value."""
    while isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def build_envelope(submission: dict) -> dict:
    """The contract's "envelope" dict."""
    header = {key: (_single(value) if key in _SCALARS else value)
              for key, value in submission["header"].items()}
    filer = header.get("filer")
    filers = filer if isinstance(filer, list) else ([filer] if filer else [])
    count = header.get("public_document_count")
    accession = header.get("accession_number")
    if not accession and submission["opening"]:
        found = re.search(r"\d{10}-\d{2}-\d{6}", submission["opening"])
        accession = found.group(0) if found else None
    return {
        "accession_number": accession,
        "submission_type": header.get("submission_type"),
        "period_of_report": iso_compact(header.get("period_of_report")),
        "filed_as_of": iso_compact(header.get("filed_as_of")),
        "public_document_count": int(count) if count and count.isdigit() else None,
        "filer": filers[0] if filers else {},
        "filers": filers,
        "header": {key: value for key, value in header.items() if key != "filer"},
        "documents": [{"type": d.type, "sequence": d.sequence, "filename": d.filename,
                       "description": d.description, "line": d.line} for d in submission["documents"]],
    }
