"""Hypothesis strategies for realistic Form 6-K filings, to fuzz EDGAR tools.

Install with ``pip install "sixk_grammar[test]"`` (hypothesis is optional).

    from hypothesis import given
    from sixk_grammar.strategies import filings, mutants

    @given(filings())
    def test_my_tool_reads_the_registrant(model_and_text):
        model, text = model_and_text
        assert my_tool(text).registrant == model.registrant

- ``filing_models()`` draws the facts of a 6-K (``FilingModel``);
- ``renderings(model)`` lays those facts out as filing agents do (centred or
  left, every check-mark style, marks on the option line or under it, the
  exhibit index as <TABLE> markup or a list, signers side by side, CRLF...);
- ``filings()`` draws both: ``(model, text)``;
- ``flattened_filings()`` draws a model and its text as converters flatten
  HTML filings (one-line covers, cells, Unicode blanks, glyph marks);
- ``html_filings()`` draws a model and the HTML a filing agent files for it
  (bare, or in a submission);
- ``mutants(text)`` applies one realistic defect to a valid filing and
  returns ``(mutated_text, expected_rule_code)``; ``mutations_by_rule(text)``
  gives every such defect, by rule code.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import textwrap
from dataclasses import dataclass, field

from hypothesis import strategies as st

WORDS = ("ACME", "NORTHERN", "PACIFIC", "GLOBAL", "UNITED", "ORIENT", "ATLAS", "CEDAR", "HARBOR",
         "SUMMIT", "METRO", "SILVER", "DELTA", "PIONEER", "CRYSTAL", "ALPINE", "MERIDIAN", "NOVA")
TRADES = ("TELECOM", "MINING", "ENERGY", "BANK", "HOLDINGS", "ELECTRIC POWER", "STEEL", "AIRLINES",
          "PHARMACEUTICAL", "SHIPPING", "CHEMICAL", "FINANCIAL GROUP")
SUFFIXES = ("INC.", "LTD.", "CO., LTD.", "S.A.", "PLC", "AG", "N.V.", "LIMITED", "CORPORATION", "S.p.A.")
STREETS = ("Main Street", "Harbour Road", "Avenida Central", "Rue de la Paix", "King Street West")
CITIES = ("Seoul, Korea", "Tokyo 100-0004, Japan", "Santiago, Chile", "Milan 20123, Italy",
          "Toronto, Ontario, Canada", "Mumbai 400 001, India")
FIRST = ("Kyu", "Maria", "John", "Akira", "Ines", "Pieter", "Ana", "Rahul", "Sophie", "Tomas")
LAST = ("Hwang", "Rossi", "Tanaka", "Silva", "Dubois", "Patel", "Jensen", "Novak", "Moreau", "Kim")
TITLES = ("Managing Director", "Chief Financial Officer", "Corporate Secretary", "General Counsel",
          "Director", "Senior Vice President, Investor Relations")
TOPICS = ("its results for the third quarter", "the election of new directors", "a dividend payment",
          "the acquisition of a subsidiary", "its annual general meeting of shareholders")


@dataclass
class Signer:
    name: str
    title: str
    date: dt.date


@dataclass
class Exhibit:
    number: str
    description: str


@dataclass
class FilingModel:
    """The facts of one 6-K; ``parse`` of a rendering gives them back."""

    registrant: str
    english_name: str | None
    address: list[str]
    year: int
    month: int
    commission_file_number: str | None
    annual_report_form: str            # "20-F" or "40-F"
    rule_12g3_2b: str | None           # "yes", "no", or None: question left out
    file_number_82: str | None         # with "yes" only
    paper_boxes: bool                  # the Regulation S-T 101(b)(1)/(7) boxes
    signers: list[Signer]
    exhibits: list[Exhibit]
    envelope: bool
    accession: str = "0000950103-03-000123"

    @property
    def report_month(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def cover_registrant(self) -> str:
        """The name the cover's caption rules make the registrant."""
        return self.registrant


@dataclass
class Style:
    """How one filing agent lays the facts out."""

    centred: bool
    title: str
    report_title: str
    period: str
    caption: str                      # exact | name | translation
    mark: str
    blank: str
    mark_below: bool
    page_numbers: bool
    table_index: bool
    signature_first: bool
    by: str
    conformed: str
    date_left: bool
    crlf: bool
    trailing_blanks: bool
    wrap: int = 80
    extra: dict = field(default_factory=dict)


def _company_names():
    return st.builds(lambda w, t, s: f"{w} {t} {s}", st.sampled_from(WORDS),
                     st.sampled_from(TRADES), st.sampled_from(SUFFIXES))


def _dates_in(year, month):
    last = calendar.monthrange(year, month)[1]
    return st.integers(1, last).map(lambda day: dt.date(year, month, day))


@st.composite
def filing_models(draw) -> FilingModel:
    """The facts of a 6-K."""
    year = draw(st.integers(1996, 2007))
    month = draw(st.integers(1, 12))
    registrant = draw(_company_names())
    english = draw(st.one_of(st.none(), _company_names()))
    rule_12g3 = draw(st.sampled_from(["yes", "no", None]))
    number_82 = f"82-{draw(st.integers(1000, 99999))}" if rule_12g3 == "yes" else None
    signer_count = draw(st.integers(1, 2))
    # Signers side by side share 80 columns: their titles are the short ones.
    titles = TITLES if signer_count == 1 else tuple(t for t in TITLES if len(t) <= 25)
    signers = [Signer(f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from('ABCDEFGHJKLMNPRST'))}. "
                      f"{draw(st.sampled_from(LAST))}", draw(st.sampled_from(titles)),
                      draw(_dates_in(year, month))) for _ in range(signer_count)]
    if signer_count == 2:
        signers[1].date = signers[0].date
    exhibit_count = draw(st.integers(0, 3))
    exhibits = [Exhibit(f"99.{index + 1}", f"Press release dated {draw(_dates_in(year, month)):%B %d, %Y} "
                        f"regarding {draw(st.sampled_from(TOPICS))}"
                        + draw(st.sampled_from(["", ", as filed with the home country exchange and "
                                                    "published in the national press"])) + ".")
                for index in range(exhibit_count)]
    file_number = draw(st.one_of(st.none(), st.integers(1, 99).flatmap(
        lambda a: st.integers(10000, 99999).map(lambda b: f"{a}-{b}"))))
    return FilingModel(
        registrant=registrant, english_name=english,
        address=[f"{draw(st.integers(1, 999))} {draw(st.sampled_from(STREETS))}", draw(st.sampled_from(CITIES))],
        year=year, month=month, commission_file_number=file_number,
        annual_report_form=draw(st.sampled_from(["20-F", "40-F"])), rule_12g3_2b=rule_12g3,
        file_number_82=number_82, paper_boxes=draw(st.booleans()) and (year, month) >= (2002, 11),
        signers=signers, exhibits=exhibits, envelope=draw(st.booleans()))


# Typed check marks: a preserved filing keeps to EDGAR's ASCII character set.
MARKS = ("X", "x", "[X]", "|X|", "___X___", "V")
BLANKS = ("____", "---", "[ ]", "|_|", "-----", "")


@st.composite
def styles(draw) -> Style:
    return Style(
        centred=draw(st.booleans()),
        title=draw(st.sampled_from(["FORM 6-K", "Form 6-K", "F O R M  6-K", "FORM 6 - K"])),
        report_title=draw(st.sampled_from(["REPORT OF FOREIGN PRIVATE ISSUER", "Report of Foreign Issuer"])),
        period=draw(st.sampled_from(["For the month of {m} {y}", "For the month of: {m}, {y}",
                                     "FOR THE MONTH OF {M} {y}", "Report on Form 6-K for the month of {m} {y}"])),
        caption=draw(st.sampled_from(["exact", "name", "translation"])),
        mark=draw(st.sampled_from(MARKS)), blank=draw(st.sampled_from(BLANKS)),
        mark_below=draw(st.booleans()), page_numbers=draw(st.booleans()),
        table_index=draw(st.booleans()), signature_first=draw(st.booleans()),
        by=draw(st.sampled_from(["By:", "By"])), conformed=draw(st.sampled_from(["/s/", "/S/"])),
        date_left=draw(st.booleans()), crlf=draw(st.booleans()), trailing_blanks=draw(st.booleans()),
    )


def _place(line: str, style: Style) -> str:
    return line.center(80).rstrip() if style.centred else line


def _answer_lines(options: list[str], chosen: str | None, style: Style) -> list[str]:
    """An option line, and the line of marks under it when the style puts them there."""
    line, below = "", ""
    for option in options:
        line += " " * 6 + option
        mark = style.mark if chosen and option.lower().endswith(chosen.lower()) else style.blank
        if style.mark_below and not mark.startswith(("[", "|")):
            below = below.ljust(len(line) - len(option) + 2) + mark
        else:
            line += "   " + mark
    return [line.rstrip()] + ([below.rstrip()] if below.strip() else [])


def _cover(model: FilingModel, style: Style) -> list[str]:
    month_name = calendar.month_name[model.month]
    out = [_place(style.title, style), "", _place("SECURITIES AND EXCHANGE COMMISSION", style),
           _place("Washington, D.C. 20549", style), "", _place(style.report_title, style),
           _place("Pursuant to Rule 13a-16 or 15d-16 of", style),
           _place("the Securities Exchange Act of 1934", style), "",
           _place(style.period.format(m=month_name, M=month_name.upper(), y=model.year), style), ""]
    if model.commission_file_number:
        out += [_place(f"Commission File Number {model.commission_file_number}", style), ""]
    caption = {"exact": "(Exact name of registrant as specified in its charter)",
               "name": "(Name of Registrant)",
               "translation": "(Translation of registrant's name into English)"}[style.caption]
    out += [_place(model.registrant, style), _place(caption, style), ""]
    if model.english_name and style.caption == "exact":
        out += [_place(model.english_name, style),
                _place("(Translation of registrant's name into English)", style), ""]
    out += [_place(line, style) for line in model.address]
    out += [_place("(Address of principal executive offices)", style), ""]
    out += ["Indicate by check mark whether the registrant files or will file annual reports",
            "under cover of Form 20-F or Form 40-F.", ""]
    out += _answer_lines(["Form 20-F", "Form 40-F"], model.annual_report_form, style) + [""]
    if model.paper_boxes:
        for rule in ("1", "7"):
            out += ["Indicate by check mark if the registrant is submitting the Form 6-K in paper as",
                    f"permitted by Regulation S-T Rule 101(b)({rule}): {style.blank or '____'}", ""]
    if model.rule_12g3_2b:
        out += ["Indicate by check mark whether the registrant by furnishing the information",
                "contained in this Form is also thereby furnishing the information to the",
                "Commission pursuant to Rule 12g3-2(b) under the Securities Exchange Act of 1934.", ""]
        out += _answer_lines(["Yes", "No"], model.rule_12g3_2b, style) + [""]
        out += ['If "Yes" is marked, indicate below the file number assigned to the registrant',
                f"in connection with Rule 12g3-2(b): {model.file_number_82 or '82-____'}", ""]
    return out


def _narrative(model: FilingModel, style: Style) -> list[str]:
    sentence = (f"{model.signers[0].name.split()[0]}'s company, {model.registrant}, is furnishing under "
                f"cover of Form 6-K the information described below, which it has made public in its "
                f"home country.")
    return textwrap.wrap(sentence, style.wrap) + [""]


def _signature(model: FilingModel, style: Style) -> list[str]:
    out = [_place("SIGNATURES", style), "",
           "Pursuant to the requirements of the Securities Exchange Act of 1934, the",
           "registrant has duly caused this report to be signed on its behalf by the",
           "undersigned, thereunto duly authorized.", "", " " * 40 + model.registrant, ""]
    date = f"{model.signers[0].date:%B} {model.signers[0].date.day}, {model.signers[0].date.year}"
    if len(model.signers) > 1:
        columns = [8, 46]
    else:   # as far right as the longest line allows within 80 columns
        signer = model.signers[0]
        widest = max(len(f"Title: {signer.title}"), len(f"{style.by} {style.conformed} {signer.name}"))
        columns = [min(40, 80 - widest)]
    if len(model.signers) > 1:
        out.append(f"Date: {date}")
    rows = [[], [], []]
    for signer, column in zip(model.signers, columns):
        rows[0].append((column, f"{style.by} {style.conformed} {signer.name}"))
        rows[1].append((column, f"Name:  {signer.name}"))
        rows[2].append((column, f"Title: {signer.title}"))
    for index, row in enumerate(rows):
        line = ""
        if index == 0 and len(model.signers) == 1 and style.date_left:
            line = f"Date: {date}"
        for column, text in row:
            line = line + " " * max(2, column - len(line)) + text if line else " " * column + text
        out.append(line)
    if len(model.signers) == 1 and not style.date_left:
        out.append(" " * 40 + f"Date:  {date}")
    return out + [""]


def _exhibit_index(model: FilingModel, style: Style) -> list[str]:
    if not model.exhibits:
        return []
    out = [_place("EXHIBIT INDEX", style), ""]
    if style.table_index:
        out += ["<TABLE>", "<CAPTION>", "Exhibit    Description", "-------    -----------",
                "<S>        <C>"]
        for exhibit in model.exhibits:
            lines = textwrap.wrap(exhibit.description, 60)
            out += [f"{exhibit.number:<11}{lines[0]}"] + [" " * 11 + line for line in lines[1:]]
        out.append("</TABLE>")
    else:
        for exhibit in model.exhibits:
            lines = textwrap.wrap(exhibit.description, 60)
            out += [f"Exhibit {exhibit.number}: {lines[0]}"] + [" " * 14 + line for line in lines[1:]]
            out.append("")
    return out + [""]


#: The filer's CIK in generated submissions.
CIK = "0001234567"


def _envelope(model: FilingModel, document: str, extension: str = "txt") -> str:
    stamp = f"{model.signers[0].date:%Y%m%d}"
    header = (f"<SEC-DOCUMENT>{model.accession}.txt : {stamp}\n<SEC-HEADER>{model.accession}.hdr.sgml : {stamp}\n"
              f"ACCESSION NUMBER:\t\t{model.accession}\nCONFORMED SUBMISSION TYPE:\t6-K\n"
              f"PUBLIC DOCUMENT COUNT:\t\t1\nCONFORMED PERIOD OF REPORT:\t{model.year:04d}{model.month:02d}"
              f"{calendar.monthrange(model.year, model.month)[1]:02d}\nFILED AS OF DATE:\t\t{stamp}\n\n"
              f"FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t{model.registrant}\n"
              f"\t\tCENTRAL INDEX KEY:\t\t\t{CIK}\n</SEC-HEADER>\n")
    exhibits = "".join(
        f"<DOCUMENT>\n<TYPE>EX-{exhibit.number}\n<SEQUENCE>{index + 2}\n<FILENAME>dex{index + 1}.txt\n"
        f"<TEXT>\n{textwrap.fill(exhibit.description, 72)}\n</TEXT>\n</DOCUMENT>\n"
        for index, exhibit in enumerate(model.exhibits))
    return (header.replace("COUNT:\t\t1", f"COUNT:\t\t{1 + len(model.exhibits)}")
            + f"<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<FILENAME>d6k.{extension}\n<TEXT>\n" + document
            + "</TEXT>\n</DOCUMENT>\n" + exhibits + "</SEC-DOCUMENT>\n")


def render(model: FilingModel, style: Style) -> str:
    """The filing's text for one model and one style."""
    pages = [_cover(model, style), _narrative(model, style)]
    signature, index = _signature(model, style), _exhibit_index(model, style)
    pages += [signature, index] if style.signature_first or not index else [index, signature]
    lines: list[str] = []
    for number, page in enumerate(p for p in pages if p):
        lines.append(f"<PAGE>   {number + 1}" if style.page_numbers else "<PAGE>")
        lines.extend(page)
    if style.trailing_blanks:   # within the 80 columns, which count blanks too
        lines = [line + "  " if line.strip() and len(line) <= 78 else line for line in lines]
    text = "\n".join(lines) + "\n"
    if model.envelope:
        text = _envelope(model, text)
    return text.replace("\n", "\r\n") if style.crlf else text


def renderings(model: FilingModel):
    """The text of ``model`` in a layout drawn from what filing agents do."""
    return styles().map(lambda style: render(model, style))


def filings():
    """``(model, text)`` pairs: plain-text filings as typed, which ``check``
    passes with no error."""
    return filing_models().flatmap(lambda model: renderings(model).map(lambda text: (model, text)))


# ------------------------------------------------------ flattened from HTML ---

@dataclass
class FlatStyle:
    """How a conversion from HTML to text lays the facts out."""

    one_line_cover: bool              # the whole cover on one line
    cells: bool                       # table cells on lines of their own, behind "|"
    blank: str                        # what stands between words: a space or U+00A0
    question: str                     # full | reworded | none (the answer lines alone)
    marks: tuple[str, str]            # (marked, unmarked) as the conversion left them
    period: str
    caption: str                      # translation | name | none (name runs into the address)
    signature: str                    # labels | columns | plain
    quoted: bool                      # the signer's name typed in quotes
    exhibits: str                     # index | lines


FLAT_MARKS = (("X", ""), ("x", "\u00a8"), ("\u00fe", "\u00a8"), ("\u00fd", "o"), ("\u2612", "\u2610"),
              ("[X]", "[ ]"))
FLAT_PERIODS = ("For the month of {m} {y}", "For the month of {m}, {y}", "|For the month of\n|\n{m}\n|, {y}",
                "For the month of {m3}-{y2}", "For the month of {mm}/{y}")


@st.composite
def flat_styles(draw) -> FlatStyle:
    return FlatStyle(
        one_line_cover=draw(st.booleans()), cells=draw(st.booleans()),
        blank=draw(st.sampled_from([" ", "\u00a0"])),
        question=draw(st.sampled_from(["full", "reworded", "none"])),
        marks=draw(st.sampled_from(FLAT_MARKS)), period=draw(st.sampled_from(FLAT_PERIODS)),
        caption=draw(st.sampled_from(["translation", "name", "none"])),
        signature=draw(st.sampled_from(["labels", "columns", "plain"])), quoted=draw(st.booleans()),
        exhibits=draw(st.sampled_from(["index", "lines"])))


def _flat_answers(options: list[str], chosen: str | None, style: FlatStyle) -> str:
    marked, unmarked = style.marks
    parts = []
    for option in options:
        mark = marked if chosen and option.lower().endswith(chosen.lower()) else unmarked
        parts.append(f"{option} {mark}".strip())
    return " ".join(parts)


def _flat_cover(model: FilingModel, style: FlatStyle) -> list[str]:
    month = calendar.month_name[model.month]
    period = style.period.format(m=month, y=model.year, m3=month[:3], y2=f"{model.year % 100:02d}",
                                 mm=f"{model.month:02d}")
    if style.one_line_cover:   # cells are lines of their own: one line leaves no cells
        period = period.replace("\n|", " ").replace("|", "").replace("\n", " ")
    out = ["FORM 6-K", "SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549",
           "Report of Foreign Private Issuer", "Pursuant to Rule 13a-16 or 15d-16 of the Securities Exchange Act of 1934",
           period]
    if model.commission_file_number:
        out.append(f"Commission File Number: {model.commission_file_number}")
    address = ", ".join(model.address)
    if style.caption == "none":
        out += [f"{model.registrant} {address}", "(Address of principal executive offices)"]
    else:
        out += [model.registrant, {"translation": "(Translation of registrant's name into English)",
                                   "name": "(Name of Registrant)"}[style.caption],
                address, "(Address of principal executive offices)"]
    forms = "Form 20-F or 40-F" if style.question == "reworded" else "Form 20-F or Form 40-F"
    if style.question != "none":
        out.append("Indicate by check mark whether the registrant files or will file annual reports under "
                   f"cover {forms}.")
    out.append(_flat_answers(["Form 20-F", "Form 40-F"], model.annual_report_form, style))
    if model.paper_boxes and style.question != "none":
        for rule in ("1", "7"):
            out.append("Indicate by check mark if the registrant is submitting the Form 6-K in paper as "
                       f"permitted by Regulation S-T Rule 101(b)({rule}):")
    if model.rule_12g3_2b:
        if style.question != "none":
            out.append("Indicate by check mark whether by furnishing the information contained in this Form, "
                       "the registrant is also thereby furnishing the information to the Commission pursuant "
                       "to Rule 12g3-2(b) under the Securities Exchange Act of 1934.")
        out.append(_flat_answers(["Yes", "No"], model.rule_12g3_2b, style))
        out.append('If "Yes" is marked, indicate below the file number assigned to the registrant in '
                   f"connection with Rule 12g3-2(b): {model.file_number_82 or '82-'}")
    return [" ".join(out)] if style.one_line_cover else out


def _flat_signature(model: FilingModel, style: FlatStyle) -> list[str]:
    bar = "|" if style.cells else ""
    signer = model.signers[0]
    date = f"{signer.date:%B} {signer.date.day}, {signer.date.year}"
    quote = '"' if style.quoted else ""
    out = ["SIGNATURES", "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant "
           "has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.",
           f"{bar}{model.registrant}"]
    if style.signature == "plain":   # "|Date" / "|" / date / "|By" / "|/s/ name" / "(Signature)" / name / title
        out += [f"{bar}Date", bar, date] if style.cells else [f"Date: {date}"]
        for each in model.signers:
            out += [f"{bar}By", f"{bar}/s/ {quote}{each.name}{quote}", "(Signature)", each.name, each.title]
        return out
    out.append(f"{bar}Date: {date}")
    names = [f"{quote}{each.name}{quote}" for each in model.signers]
    out.append(" ".join(f"{bar}By: /s/ {name}" for name in names))
    if style.signature == "columns":   # labels in one column, the values in the next
        out += [f"{bar}Name:", f"{bar}Title:"] if len(model.signers) == 1 else []
        for each in model.signers:
            out += [f"{bar}{quote}{each.name}{quote}", f"{bar}{each.title}"] if len(model.signers) == 1 else []
        if len(model.signers) == 1:
            return out
    out.append(" ".join(f"{bar}Name: {name}" for name in names))
    out.append(" ".join(f"{bar}Title: {each.title}" for each in model.signers))
    return out


def _flat_exhibits(model: FilingModel, style: FlatStyle) -> list[str]:
    if not model.exhibits:
        return []
    if style.exhibits == "index":
        out = ["EXHIBIT INDEX", "Exhibit No.\t \tDescription"]
        return out + [f"{exhibit.number}\t \t{exhibit.description}" for exhibit in model.exhibits]
    return [f"Exhibit {exhibit.number} {exhibit.description}" for exhibit in model.exhibits]


def render_flattened(model: FilingModel, style: FlatStyle) -> str:
    """The text an HTML filing of ``model`` becomes when converted to text."""
    lines = _flat_cover(model, style) + _flat_exhibits(model, style) + _flat_signature(model, style)
    return "\n".join(line.replace(" ", style.blank) for line in lines) + "\n"


def flattened_renderings(model: FilingModel):
    """The text of ``model`` as converters flatten HTML filings: one-line
    covers, table cells on lines of their own, Unicode blanks, glyph check
    marks, answer lines without their question, signature tables."""
    return flat_styles().map(lambda style: render_flattened(model, style))


def flattened_filings():
    """``(model, text)`` pairs of filings flattened from HTML.  They carry what
    such text carries (lines over 80 columns, non-ASCII marks and blanks), so
    ``check`` reports those; ``parse`` reads the model's facts."""
    return filing_models().flatmap(lambda model: flattened_renderings(model).map(lambda text: (model, text)))


# ----------------------------------------------------------- HTML filings ---

@dataclass
class HtmlStyle:
    """How a filing agent marks a 6-K up in HTML."""

    line: str                     # the element of one line: margin-less <p>, <div>, or <p> with margins
    blank: str                    # what stands between an option and its mark: &nbsp; &#160; or a space
    marks: tuple[str, str]        # (marked, unmarked) box as markup
    answers_in_cells: bool        # options and marks in the cells of a table row
    signature_table: bool         # the signature block as a table of cells
    exhibit_table: bool           # the exhibit index as a table
    page_break: str               # the CSS of the page break between the cover and the rest
    wrapper: str                  # bare | doctype | xhtml (XML declaration, hidden inline-XBRL header)
    curly_quotes: bool            # apostrophes as &#8217;


HTML_LINES = ('<p style="margin:0pt">{}</p>', '<p style="margin-top:0px;margin-bottom:0px" align="center">'
              '<font style="font-family:Times New Roman" size="2">{}</font></p>',
              '<div style="line-height:120%;font-size:10pt;"><span style="font-family:inherit">{}</span></div>',
              "<p>{}</p>")
_WINGDINGS = '<font style="font-family:Wingdings">{}</font>'
HTML_MARKS = (("&#9746;", "&#9744;"), (_WINGDINGS.format("&#253;"), _WINGDINGS.format("&#168;")),
              (_WINGDINGS.format("x"), _WINGDINGS.format("o")), ("<u>&nbsp;&nbsp;X&nbsp;&nbsp;</u>", "____"),
              ("[X]", "[&nbsp;&nbsp;]"))
HTML_PAGE_BREAKS = ('<hr style="page-break-after:always"/>', '<p style="page-break-before:always">&nbsp;</p>',
                    '<div style="break-before:page"></div>')


@st.composite
def html_styles(draw) -> HtmlStyle:
    return HtmlStyle(
        line=draw(st.sampled_from(HTML_LINES)), blank=draw(st.sampled_from(["&nbsp;", "&#160;", " "])),
        marks=draw(st.sampled_from(HTML_MARKS)), answers_in_cells=draw(st.booleans()),
        signature_table=draw(st.booleans()), exhibit_table=draw(st.booleans()),
        page_break=draw(st.sampled_from(HTML_PAGE_BREAKS)),
        wrapper=draw(st.sampled_from(["bare", "doctype", "xhtml"])), curly_quotes=draw(st.booleans()))


def _html_text(text: str, style: HtmlStyle) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("'", "&#8217;") if style.curly_quotes else escaped


def _html_row(cells: list[str]) -> str:
    return "<tr>" + "".join(f'<td valign="top">{cell}</td>' for cell in cells) + "</tr>"


def _html_answers(options: list[str], chosen: str | None, style: HtmlStyle) -> str:
    marked, unmarked = style.marks
    cells = []
    for option in options:
        cells += [option, marked if chosen and option.lower().endswith(chosen.lower()) else unmarked]
    if style.answers_in_cells:
        return '<table width="100%">' + _html_row(cells) + "</table>"
    pairs = [f"{cells[i]}{style.blank * 2}{cells[i + 1]}" for i in range(0, len(cells), 2)]
    return style.line.format((style.blank * 6).join(pairs))


def _html_cover(model: FilingModel, style: HtmlStyle) -> list[str]:
    line = lambda text: style.line.format(_html_text(text, style))  # noqa: E731
    out = [line(text) for text in (
        "UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549", "FORM 6-K",
        "REPORT OF FOREIGN PRIVATE ISSUER", "PURSUANT TO RULE 13a-16 OR 15d-16",
        "UNDER THE SECURITIES EXCHANGE ACT OF 1934",
        f"For the month of {calendar.month_name[model.month]} {model.year}")]
    if model.commission_file_number:
        out.append(line(f"Commission File Number: {model.commission_file_number}"))
    out += [line(model.registrant), line("(Translation of registrant's name into English)")]
    out += [line(part) for part in model.address] + [line("(Address of principal executive offices)")]
    out.append(line("Indicate by check mark whether the registrant files or will file annual reports under "
                    "cover of Form 20-F or Form 40-F."))
    out.append(_html_answers(["Form 20-F", "Form 40-F"], model.annual_report_form, style))
    if model.rule_12g3_2b:
        out.append(line("Indicate by check mark whether by furnishing the information contained in this Form, "
                        "the registrant is also thereby furnishing the information to the Commission pursuant "
                        "to Rule 12g3-2(b) under the Securities Exchange Act of 1934."))
        out.append(_html_answers(["Yes", "No"], model.rule_12g3_2b, style))
        out.append(line('If "Yes" is marked, indicate below the file number assigned to the registrant in '
                        f"connection with Rule 12g3-2(b): {model.file_number_82 or '82-'}"))
    return out


def _html_signature(model: FilingModel, style: HtmlStyle) -> list[str]:
    line = lambda text: style.line.format(_html_text(text, style))  # noqa: E731
    signer = model.signers[0]
    date = f"Date: {signer.date:%B} {signer.date.day}, {signer.date.year}"
    out = [line("SIGNATURES"), line("Pursuant to the requirements of the Securities Exchange Act of 1934, the "
                                    "registrant has duly caused this report to be signed on its behalf by the "
                                    "undersigned, thereunto duly authorized.")]
    if not style.signature_table:
        out += [line(model.registrant), line(date)]
        for each in model.signers:
            out += [line(f"By: /s/ {each.name}"), line(f"Name: {each.name}"), line(f"Title: {each.title}")]
        return out
    names = [_html_text(each.name, style) for each in model.signers]
    rows = [["&nbsp;", _html_text(model.registrant, style)],
            [date] + [f"By:{style.blank}<u>/s/ {name}</u>" for name in names],
            ["&nbsp;"] + [f"Name: {name}" for name in names],
            ["&nbsp;"] + [f"Title: {_html_text(each.title, style)}" for each in model.signers]]
    return ['<table cellpadding="0" cellspacing="0" width="100%">'] + [_html_row(row) for row in rows] + ["</table>"]


def _html_exhibits(model: FilingModel, style: HtmlStyle) -> list[str]:
    if not model.exhibits:
        return []
    line = lambda text: style.line.format(_html_text(text, style))  # noqa: E731
    if not style.exhibit_table:
        return [line("EXHIBIT INDEX")] + [line(f"Exhibit {e.number}: {e.description}") for e in model.exhibits]
    rows = [_html_row(["<b>Exhibit No.</b>", "<b>Description</b>"])]
    rows += [_html_row([e.number, _html_text(e.description, style)]) for e in model.exhibits]
    return [line("EXHIBIT INDEX"), '<table width="100%">'] + rows + ["</table>"]


def render_html(model: FilingModel, style: HtmlStyle) -> str:
    """The HTML a filing agent files for ``model`` (in a submission when the
    model has an envelope)."""
    body = (_html_cover(model, style) + [style.page_break] + _html_exhibits(model, style)
            + _html_signature(model, style))
    opening = {"bare": "<html>\n<head><title>Form 6-K</title></head>\n<body>",
               "doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head>'
                          '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                          "<style>p {margin:0}</style></head>\n<body>",
               "xhtml": '<?xml version="1.0" encoding="utf-8"?>\n<!-- Document created by a filing agent -->\n'
                        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head>\n<body>\n'
                        '<div style="display:none"><ix:header><ix:hidden>'
                        '<ix:nonNumeric name="dei:DocumentType">6-K</ix:nonNumeric>'
                        f'<ix:nonNumeric name="dei:EntityCentralIndexKey">{CIK}</ix:nonNumeric>'
                        '<ix:nonNumeric name="dei:EntityRegistrantName">'
                        f"{_html_text(model.registrant, style)}</ix:nonNumeric>"
                        "</ix:hidden></ix:header></div>"}[style.wrapper]
    html = opening + "\n" + "\n".join(body) + "\n</body>\n</html>\n"
    return _envelope(model, html, "htm") if model.envelope else html


def html_renderings(model: FilingModel):
    """The HTML of ``model`` as filing agents mark 6-Ks up: a line per
    paragraph or division, check boxes as glyphs, Wingdings letters, inputs
    or underlined marks, answers and signatures in table cells, CSS page
    breaks, XHTML with a hidden inline-XBRL header."""
    return html_styles().map(lambda style: render_html(model, style))


def html_filings():
    """``(model, html)`` pairs: HTML 6-Ks, bare or in a submission; ``parse``
    reads the model's facts from them."""
    return filing_models().flatmap(lambda model: html_renderings(model).map(lambda html: (model, html)))


# ------------------------------------------------------------------ mutants ---

def _mutations(text: str) -> list[tuple[str, str]]:
    """Every single-edit defect that applies to this text, with its rule code."""
    newline = "\r\n" if "\r\n" in text else "\n"
    found = []

    def swap(old, new, code, count=1):
        if old in text:
            found.append((text.replace(old, new, count), code))

    if "SIGNATURES" in text:
        start = text.index("SIGNATURES")
        page = text.rfind("<PAGE>", 0, start)
        end = text.find("<PAGE>", start)
        found.append((text[:page] + (text[end:] if end > 0 else text[text.find("</TEXT>"):]
                                     if "</TEXT>" in text else ""), "SK401"))
    for option in ("Form 40-F", "Form 20-F"):
        line_end = text.find(newline, text.find(option, text.find("Form 40-F.")))
        if line_end > 0:
            found.append((text[:line_end] + "   X" + text[line_end:], "SK306"))
            break
    swap("SECURITIES AND EXCHANGE COMMISSION", "SECURITIES AND EXCHANGE COMMISSION " + "z" * 60, "SK201")
    swap("Washington, D.C. 20549", "Washington,\tD.C. 20549", "SK204")
    swap("</TABLE>", "", "SK205")
    swap("'s company", "\u2019s company", "SK203")
    for month in calendar.month_name[1:]:
        swap(f"of {month} ", f"of {month[:-1]}x ", "SK303")
        swap(f"of: {month},", f"of: {month[:-1]}x,", "SK303")
        swap(f"OF {month.upper()} ", f"OF {month.upper()[:-1]}X ", "SK303")
    swap("/s/ ", "", "SK404")
    swap("/S/ ", "", "SK404")
    swap("Title: ", "       ", "SK405")
    title = re.compile(r"^([ \t]*F[ \t]*O[ \t]*R[ \t]*M[ \t]*6[ \t]*-[ \t]*)K([ \t]*)$", re.MULTILINE | re.IGNORECASE)
    if title.search(text):   # the line that is only the title, not "Form 6-K" in a sentence
        found.append((title.sub(r"\1X\2", text, count=1), "SK301"))
    found.extend(_cover_mutations(text, newline))
    found.extend(_signature_mutations(text))
    found.extend(_envelope_mutations(text))
    found.extend(_tag_mutations(text, newline))
    return found


def _sub(pattern: str, new: str, text: str, code: str, flags: int = re.MULTILINE) -> list[tuple[str, str]]:
    """The text with the first match of ``pattern`` replaced, if it has one."""
    changed = re.sub(pattern, new, text, count=1, flags=flags)
    return [(changed, code)] if changed != text else []


_ANSWER_MARK = r"(?<=[ \t])(?:\[X\]|X)(?=[ \t])"


def _cover_mutations(text: str, newline: str) -> list[tuple[str, str]]:
    """The cover's defects: no period, no registrant, an answer unmarked, the
    82- line against the answer."""
    found = _sub(r"^[ \t]*For the month of[^\r\n]*\r?\n", "", text, "SK302")
    if "<SEC-HEADER>" not in text:   # in a submission the header names the registrant
        nameless = re.sub(r"^[ \t]*[^\s(][^\r\n]*(?=\r?\n[ \t]*\((?:Exact name|Name of|Translation))", "", text,
                          flags=re.MULTILINE)    # every name above a name's caption
        if nameless != text:
            found.append((nameless, "SK304"))
    found += _sub(r"(Form 20-F[^\r\n]*?)" + _ANSWER_MARK + r"([^\r\n]*Form 40-F)", r"\1____\2", text, "SK305")
    found += _sub(r"(Form 20-F[^\r\n]*Form 40-F[^\r\n]*?)" + _ANSWER_MARK, r"\1____", text, "SK305")
    found += _sub(r"^([ \t]*Yes[^\r\n]*?)" + _ANSWER_MARK, r"\1____", text, "SK307")
    found += _sub(r"^([ \t]*Yes[^\r\n]*No[^\r\n]*?)" + _ANSWER_MARK, r"\1____", text, "SK307")
    yes = re.search(r"^[ \t]*Yes[ \t]+(?:\[X\]|X)[ \t]", text, re.MULTILINE)
    no = re.search(r"^[ \t]*Yes[^\r\n]*No[ \t]+(?:\[X\]|X)", text, re.MULTILINE)
    if yes:
        found += _sub(r"82-\d+", "82-____", text, "SK308")
    if no:
        found += _sub(r"(12g3-2\(b\): )82-(?!\d)", r"\g<1>82-1234", text, "SK309")
    return found


def _signature_mutations(text: str) -> list[tuple[str, str]]:
    """The signature's defects: no date, an impossible date, another
    registrant over it, a date long after the report month."""
    found = _sub(r"^[ \t]*Date:[ \t]+[A-Z][a-z]+ \d{1,2}, \d{4}[ \t]*\r?\n", "", text, "SK402")
    found += _sub(r"(Date:[ \t]+[A-Z][a-z]+ )\d{1,2}(, \d{4})", r"\g<1>32\2", text, "SK403")
    found += _sub(r"(Date:[ \t]+[A-Z][a-z]+ \d{1,2}, )(\d{4})", lambda m: f"{m.group(1)}{int(m.group(2)) + 3}",
                  text, "SK407")
    signatures = text.find("SIGNATURES")
    if signatures >= 0:
        block = text[signatures:]
        renamed = re.sub(r"^([ \t]+)[A-Z][A-Z .,&'-]+(?:INC|LTD|LIMITED|S\.A|N\.V|PLC|AG|CORPORATION|CO\., LTD)\.?"
                         r"(?=[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]+By:)", r"\1OTHER COMPANY LTD.", block, count=1,
                         flags=re.MULTILINE)
        if renamed != block:
            found.append((text[:signatures] + renamed, "SK406"))
    return found


def _period_a_year_early(match: re.Match) -> str:
    """The same month a year before, on a day it has (29 February 2004 becomes
    28 February 2003: a real date, as EDGAR writes only real dates here)."""
    year, month, day = int(match.group(2)) - 1, int(match.group(3)), int(match.group(4))
    return f"{match.group(1)}{year}{month:02d}{min(day, calendar.monthrange(year, month)[1]):02d}"


def _envelope_mutations(text: str) -> list[tuple[str, str]]:
    """The envelope against its document: another submission type, period,
    company name or document count, an exhibit's document missing."""
    if "<SEC-HEADER>" not in text:
        return []
    found = _sub(r"(CONFORMED SUBMISSION TYPE:\t)6-K", r"\g<1>10-K", text, "SK601")
    found += _sub(r"(CONFORMED PERIOD OF REPORT:\t)(\d{4})(\d\d)(\d\d)", _period_a_year_early, text, "SK602")
    found += _sub(r"(COMPANY CONFORMED NAME:\t+)[^\r\n]+", r"\1UNRELATED TRADING CORP", text, "SK603")
    found += _sub(r"(PUBLIC DOCUMENT COUNT:\t+)(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + 1}", text,
                  "SK604")
    exhibit = re.search(r"<DOCUMENT>\r?\n<TYPE>EX-[^\r\n]*\r?\n.*?</DOCUMENT>\r?\n", text, re.DOTALL)
    if exhibit:
        dropped = text[:exhibit.start()] + text[exhibit.end():]
        count = len(re.findall(r"<DOCUMENT>", dropped))
        found.append((re.sub(r"(PUBLIC DOCUMENT COUNT:\t+)\d+", lambda m: f"{m.group(1)}{count}", dropped, count=1),
                      "SK605"))
    return found


def _tag_mutations(text: str, newline: str) -> list[tuple[str, str]]:
    """Tags a text document does not hold where they stand: a column marker
    outside a table, an unknown tag; and the last line without its line end."""
    narrative = text.find("is furnishing under")
    found = []
    if narrative >= 0:
        line_start = text.rfind("\n", 0, narrative) + 1
        found.append((text[:line_start] + "<S>       <C>" + newline + text[line_start:], "SK206"))
        found.append((text[:line_start] + "<B>Highlights</B>" + newline + text[line_start:], "SK207"))
    if text.rstrip().endswith(">"):   # a closing tag: a finished document (a cut line is SK101's)
        found.append((text.rstrip("\r\n"), "SK209"))
    return found


def mutations_by_rule(text: str) -> dict[str, list[str]]:
    """Every single-edit defect that applies to ``text``, by the code of the
    rule that must report it."""
    by_code: dict[str, list[str]] = {}
    for mutant, code in _mutations(text):
        by_code.setdefault(code, []).append(mutant)
    return by_code


def mutants(text: str):
    """``(mutated_text, expected_rule_code)``: one realistic defect in ``text``,
    every rule that has a defect here as likely as any other."""
    by_code = mutations_by_rule(text)
    if not by_code:
        return st.nothing()
    return st.sampled_from(sorted(by_code)).flatmap(
        lambda code: st.sampled_from(by_code[code]).map(lambda mutant: (mutant, code)))
