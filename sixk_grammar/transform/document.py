"""The whole filing: join the sections' results into the contract's dict.

``SixKTransformer`` handles the rules of sixk.lark; the rules of the other
grammar files are handled by their own transformers, joined with Lark's
``merge_transformers`` under the namespaces the imports give them.
"""
from __future__ import annotations

import functools
from typing import Callable
from dataclasses import dataclass, field

from lark import Token, Transformer
from lark.visitors import merge_transformers

from ..parser import SyntaxProblem, kind
from .common import squash
from .cover import Checks, CoverTransformer, Heading, Question, build_cover
from .envelope import EnvelopeTransformer, build_envelope
from .exhibits import Enclosure, Entry, Listing, collect_exhibits, cover_exhibits
from .signature import OFFICE, SignatureBlock, SignatureTransformer, block_from, read_signers, signed_name
from .tables import TableTransformer, build_table


@dataclass
class Opaque:
    """An HTML, XBRL or binary document (or a uuencoded block), not read by
    the grammar (an HTML 6-K is read once rendered: see ``assemble``)."""

    kind: str
    token: Token | None = None


@dataclass
class TextDocument:
    heading: Heading | None
    checks: Checks | None
    body: list = field(default_factory=list)


class SixKTransformer(Transformer):
    """Callbacks for sixk.lark and for the section rules it imports by name."""

    # Rules imported by name, and the instances of imported templates, keep
    # bare names: their sections' transformers handle them.
    _envelope = EnvelopeTransformer()

    def submission(self, items):
        return self._envelope.submission(items)

    def sec_document(self, items):
        return self._envelope.sec_document(items)

    def document(self, items):
        return self._envelope.document(items)

    def cover_heading(self, items):
        return CoverTransformer().cover_heading(items)

    def cover(self, items):
        return items

    def signature_block(self, items):
        return block_from(items, items[0].line if isinstance(items[0], Token) else 0)

    def table(self, items):
        return build_table(items)

    def list_entry(self, items):
        return Entry(items[0], items[1] if len(items) > 1 else None)

    index_entry = list_entry

    def exhibit_index(self, items):
        return Listing("exhibits", items[1:])      # after the heading

    def contents(self, items):
        return Listing("contents", items[1:])

    def enclosure_list(self, items):
        return Enclosure(items[0], items[1] if len(items) > 1 else None)

    def body(self, items):
        return items

    exhibit_text = body

    def text_document(self, items):
        heading = checks = None
        body: list = []
        for item in items:
            if isinstance(item, list) and item and isinstance(item[0], Heading):
                heading, checks = item[0], (item[1] if len(item) > 1 else None)
            elif isinstance(item, Heading):
                heading = item
            elif isinstance(item, list):
                body = item
        return TextDocument(heading, checks, body)

    def opaque_text(self, items):
        return Opaque(kind(items[0]).split("_")[0].lower(), items[0])

    def uuencoded(self, items):
        return Opaque("uuencoded")

    def start(self, items):
        return items[0]


@functools.lru_cache(maxsize=1)
def transformer() -> Transformer:
    return merge_transformers(SixKTransformer(), cover=CoverTransformer(),
                              signature=SignatureTransformer(), tables=TableTransformer(),
                              envelope=EnvelopeTransformer())


def empty_cover() -> dict:
    return build_cover(Heading([]), None) | {"line": None}


class Sections:
    """Reads each section of a filing on its own: an exception while reading
    one (a bug, or input no rule foresaw) costs that section only, which
    keeps its empty value; the others keep their facts.  ``problems`` names
    the section that failed."""

    def __init__(self):
        self.problems: list[SyntaxProblem] = []

    def read(self, section: str, line: int, reader: Callable, default):
        try:
            return reader()
        except Exception as error:  # noqa: BLE001 - parse() must answer for any input
            self.problems.append(SyntaxProblem(max(line, 1), 1, f"internal error while reading the {section}: "
                                                                f"{error!r}; its facts are left out"))
            return default


def assemble(top, read_html: Callable[[Token], dict] | None = None,
             cut: tuple[int, str] | None = None, sections: Sections | None = None) -> dict:
    """The contract's dict from the transformed tree (without error fields).

    ``read_html`` reads an HTML 6-K document's token into its "cover",
    "signatures" and "exhibits".  ``cut`` is the number and text of the last
    line of an input cut short in the middle of that line.  ``sections``
    collects the problems of sections that could not be read."""
    sections = sections or Sections()
    envelope = None
    main = top
    if isinstance(top, dict):   # an EDGAR submission
        envelope = sections.read("envelope", 1, lambda: build_envelope(top), None)
        documents = top["documents"]
        main_doc = next((d for d in documents if d.type and d.type.upper().startswith("6-K")),
                        documents[0] if documents else None)
        main = main_doc.content if main_doc else None
    result = {"envelope": envelope, "cover": empty_cover(), "signatures": [], "exhibits": [], "shows_6k": False}
    if isinstance(main, TextDocument):
        result.update(read_text_document(main, sections))
    elif isinstance(main, Opaque) and main.kind == "html" and read_html is not None:
        result.update(sections.read("HTML document", main.token.line, lambda: read_html(main.token), {}))
    cover = result["cover"]
    drop_cut_values(cover, cut)
    drop_cut_signature_values(result["signatures"], cut)
    if envelope:
        _fill_from_envelope(cover, envelope)
    result["form_type"] = _form_type(envelope, cover)
    return result


def read_text_document(document: TextDocument, sections: Sections) -> dict:
    """The cover, signatures and exhibits of a text document (or of an HTML
    one's rendering), each read on its own (see ``Sections``)."""
    line = _first_line_of(document)

    def cover():
        built = build_cover(document.heading, document.checks, ends_input=not document.body)
        enclosure = next((item for item in document.body if isinstance(item, Enclosure)), None)
        if enclosure is not None and enclosure.text is not None:
            paragraph = str(enclosure.text).split("\n\n")[0]
            built["enclosures"] = [squash(line) for line in paragraph.splitlines() if squash(line)]
        return built

    def signatures():
        signers = []
        for item in document.body:
            if isinstance(item, SignatureBlock):
                signers.extend(s for s in read_signers(item) if s["signature"] or s["name"] or s["date"])
        return signers

    return {"shows_6k": _shows_6k(document),
            "cover": sections.read("cover", line, cover, empty_cover()) if document.heading else empty_cover(),
            "signatures": sections.read("signatures", line, signatures, []),
            "exhibits": sections.read("exhibits", line, lambda: collect_exhibits(document.body, _last_counter(
                document.heading)) or cover_exhibits(document.heading.items if document.heading else []), [])}


#: What only a 6-K's cover holds, besides its "FORM 6-K" title.
_SIX_K_ANCHORS = {"REPORT_TITLE", "RULE_REFERENCE", "ANNUAL_REPORT_PROMPT", "OPTION_20F", "OPTION_40F"}


def _shows_6k(document: TextDocument) -> bool:
    """Whether the document has a 6-K's cover: its report title ("Report of
    Foreign Private Issuer"), rule reference (13a-16 or 15d-16) or 20-F/40-F
    question (the "FORM 6-K" title itself sets the form type)."""
    items = (document.heading.items if document.heading else []) + (document.checks.items if document.checks else [])
    for item in items:
        tokens = [item.prompt, *item.answers] if isinstance(item, Question) else [item]
        if any(isinstance(token, Token) and kind(token) in _SIX_K_ANCHORS for token in tokens):
            return True
    return False


def _first_line_of(document: TextDocument) -> int:
    """Where a document starts, for a diagnostic about it."""
    for item in (document.heading.items if document.heading else []) + document.body:
        if isinstance(item, Token) and item.line:
            return item.line
    return 1


#: The most lines a registrant's name runs over.
_NAME_LINES = 3


def drop_cut_values(cover: dict, cut: tuple[int, str] | None) -> None:
    """Cover values that run to the end of an input cut mid-line (``cut``:
    that line's number and text) may be cut too ("For the month of April 20",
    "File No. 1-15"): they are dropped, so that the envelope's, if any, are
    taken instead."""
    if cut is None:
        return
    line, end = cut[0], squash(cut[1])
    positions = cover["positions"]

    def runs_to_cut(value: str | None, start: int | None) -> bool:
        return bool(value) and (start is None or line - _NAME_LINES < start <= line) and end.endswith(value)

    if cover["registrant"] and runs_to_cut(cover["registrant"].split()[-1], positions["registrant"] or 0):
        cover["registrant"] = positions["registrant"] = None
    if positions["period"] and runs_to_cut(cover["report_month_text"], positions["period"][0]):
        cover["report_month"] = cover["report_month_text"] = positions["period"] = None
    if runs_to_cut(cover["commission_file_number"], None):
        cover["commission_file_number"] = None
    if positions["file_number_82"] and runs_to_cut(cover["file_number_82_text"], positions["file_number_82"][0]):
        cover["file_number_82"] = cover["file_number_82_text"] = positions["file_number_82"] = None


def drop_cut_signature_values(signatures: list[dict], cut: tuple[int, str] | None) -> None:
    """A signer's name or title that runs to the end of an input cut
    mid-line ("Name:  Ha") may be cut too: it is dropped, and the name is
    the one typed in the "/s/" signature, if any.  A title that ends with a
    whole office word ("President") is whole."""
    if cut is None or not signatures:
        return
    end = squash(cut[1])
    signer = signatures[-1]
    if signer["title"] and end.endswith(signer["title"]):
        if not OFFICE.search(signer["title"].split()[-1]):
            signer["title"] = None
    elif signer["name"] and end.endswith(signer["name"]) and signer["name"] != signed_name(signer["signature"]):
        signer["name"] = signed_name(signer["signature"])


def _last_counter(heading: Heading | None) -> int | None:
    """The last page counter on the cover, where body page counters continue."""
    counter = None
    for item in heading.items if heading else []:
        if isinstance(item, Token) and kind(item) in ("PAGE_COUNTER", "PAGE_BREAK"):
            digits = "".join(ch for ch in str(item) if ch.isdigit())
            counter = int(digits) if digits else counter
    return counter


def _fill_from_envelope(cover: dict, envelope: dict) -> None:
    """What a cover lacks and the EDGAR header states plainly."""
    filer = envelope["filer"]
    company = filer.get("company_conformed_name")
    if not cover["registrant"] and company:
        cover["registrant"] = company
    number = filer.get("sec_file_number")
    if not cover["commission_file_number"] and number:
        cover["commission_file_number"] = number


def _form_type(envelope: dict | None, cover: dict) -> str | None:
    declared = envelope and (envelope["submission_type"] or next(
        (d["type"] for d in envelope["documents"] if d["type"]), None))
    text = (declared or cover["title"] or "").upper().replace(" ", "")
    if "6-K" not in text and "6K" not in text.replace("-", ""):
        return None
    return "6-K/A" if text.endswith("/A") else "6-K"
