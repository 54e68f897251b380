"""SK701-SK714: what EDGAR requires of an HTML document (EFM vol. II 5.1-5.2).

Every HTML document of the input is checked: the 6-K's own and its HTML
exhibits.  Positions are the HTML's own line and column in the input.  An
error is what EDGAR suspends a filing for (active content, external links,
images it cannot disseminate, characters outside ASCII); a warning is a rule
of the SEC-maintained validator that filings EDGAR accepted are seen to
break, or that the Filer Manual does not state plainly.
"""
from __future__ import annotations

import re
from html.entities import name2codepoint

from ..registry import rule
from .signature import names_match

#: Elements that are active content or gather input (Regulation S-T Rule 106;
#: EFM 5.2.2 prohibited elements).
ACTIVE = {"script", "applet", "object", "embed", "param", "form", "input", "select", "option", "textarea",
          "button", "frame", "frameset", "iframe", "noframes", "base", "bgsound", "blink", "marquee",
          "area", "map", "layer", "ilayer"}
#: Elements on the SEC validator's prohibited list that are no active content
#: and that accepted filings are seen to carry (EFM 5.2.2.4).
LEGACY = {"style", "tbody", "thead", "tfoot", "col", "colgroup", "del", "ins", "s", "q", "wbr", "nobr",
          "noscript", "noembed", "acronym", "abbrev", "basefont", "fn", "note", "lang", "lh", "person",
          "spot", "tab", "range", "overlay", "banner", "credit", "fig", "nextid", "au"}
#: Links EDGAR lets out of the submission: its own archives (EFM 5.2.2.10).
EDGAR_ARCHIVES = re.compile(r"https?://www\.sec\.gov/(?:ix\?doc=/)?Archives/edgar/data/", re.IGNORECASE)
_EXTERNAL = re.compile(r"(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
IMAGE_TYPES = (".gif", ".jpg")
#: What an EDGAR document's file name may be (EFM 5.1.1).
FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
MAX_FILE_NAME = 32
#: Characters EDGAR accepts written raw: printable ASCII, tab, line ends, form feed.
_RAW_OUTSIDE_ASCII = re.compile(r"[^\x20-\x7e\t\n\r\f]")


def _findings_at(context, code, document, line, column, message):
    """A finding at ``(line, column)`` of an HTML document's text: its
    columns are the input's, since the document starts a line (after
    <TEXT> and its line end, or at the top of a bare file)."""
    return context.finding(code, document.token.line + line - 1, column, message)


@rule("SK701", "active-content", "error",
      "An element EDGAR does not accept in HTML: script, applets, objects, forms, frames.",
      "Regulation S-T Rule 106; EDGAR Filer Manual vol. II 5.2.2.4 (prohibited elements)")
def active_content(context):
    """
    ## What it checks
    No element that runs code or gathers input: `<script>`, `<applet>`,
    `<object>`, `<embed>`, `<form>`, `<input>`, `<select>`, `<textarea>`,
    `<button>`, `<frame>`, `<iframe>`, and the few others on the Filer Manual's
    list that act on the reader's browser (`<base>`, `<bgsound>`, `<marquee>`,
    `<map>`).  HTML documents only.

    ## Why
    EDGAR suspends a submission that holds executable code (Rule 106), and
    rejects HTML with these elements.

    ## Example
        <p>Results</p><script src="tracker.js"></script>

    ## Fix
    Remove the element; a check box is a ☒ or ☐ character (`&#9746;`, `&#9744;`), not an `<input>`.
    """
    for document in context.html_documents:
        for element in document.markup.elements:
            if element.tag in ACTIVE:
                yield _findings_at(context, "SK701", document, element.line, element.column,
                                   f"<{element.tag}> is not accepted in an EDGAR HTML document")


@rule("SK702", "disallowed-element", "warning",
      "An element the SEC's HTML validator lists as prohibited, though not active content.",
      "EDGAR Filer Manual vol. II 5.2.2.4 (prohibited elements; SEC validator EFM.5.02.02.04)")
def disallowed_element(context):
    """
    ## What it checks
    No element on the prohibited list of the SEC-maintained validator that is
    not active content: `<style>`, `<tbody>`, `<thead>`, `<tfoot>`, `<col>`,
    `<colgroup>`, `<del>`, `<ins>`, `<s>`, `<q>`, `<wbr>`, `<nobr>`,
    `<noscript>` and the like.  HTML documents only.

    ## Why
    The Filer Manual's HTML is HTML 3.2 with a few HTML 4 additions; the SEC's
    validator reports these elements.  Filings EDGAR accepted are seen to
    carry some of them (a warning, not an error): style sheets may be lost in
    dissemination, so the document should not depend on them.

    ## Example
        <style>p { margin: 0 }</style>

    ## Fix
    Write the style inline (`style="..."`), and the table rows without `<tbody>`.
    """
    for document in context.html_documents:
        for element in document.markup.elements:
            if element.tag in LEGACY:
                yield _findings_at(context, "SK702", document, element.line, element.column,
                                   f"<{element.tag}> is on EDGAR's list of prohibited HTML elements")


@rule("SK703", "active-attribute", "error",
      "An event-handler attribute (onclick, onload ...) or a javascript: URL.",
      "Regulation S-T Rule 106; EDGAR Filer Manual vol. II 5.2.2.5 and 5.2.2.10")
def active_attribute(context):
    """
    ## What it checks
    No `on...` event-handler attribute on any element, and no `javascript:`
    in a link or an image source.  HTML documents only.

    ## Why
    Both are executable code: EDGAR suspends the submission (Rule 106).

    ## Example
        <a href="javascript:print()">Print</a>

    ## Fix
    Remove the attribute or the link.
    """
    for document in context.html_documents:
        for element in document.markup.elements:
            handlers = sorted(name for name in element.attributes if name.startswith("on"))
            scripted = [name for name in ("href", "src") if element.attributes.get(name, "").strip().lower()
                        .startswith("javascript:")]
            if handlers or scripted:
                what = f"the {handlers[0]} attribute" if handlers else f"a javascript: {scripted[0]}"
                yield _findings_at(context, "SK703", document, element.line, element.column,
                                   f"<{element.tag}> has {what}: active content")


@rule("SK704", "external-link", "error",
      "A hyperlink to a page outside the submission and EDGAR's archives.",
      "EDGAR Filer Manual vol. II 5.2.2.10 (hyperlinks); SEC validator EFM.6.05.16.externalReference")
def external_link(context):
    """
    ## What it checks
    Every `<a href>` points within the submission (a document of the same
    submission, or a `#` place in this one) or to an earlier filing in EDGAR's
    archives (`https://www.sec.gov/Archives/edgar/data/...`).  In a whole
    submission, a link to another document must name one of its documents.
    HTML documents only.

    ## Why
    EDGAR rejects links to other web sites (and `mailto:`, `ftp:`), and a link
    to a document that is not in the submission leads nowhere.

    ## Example
        <a href="https://www.example.com/results">our web site</a>

    ## Fix
    Write the address as text, or link to the filing in EDGAR's archives.
    """
    names = context.submission_file_names
    for document in context.html_documents:
        for element in document.markup.elements:
            href = element.attributes.get("href", "").strip()
            if element.tag != "a" or not href or href.startswith("#"):
                continue
            if _EXTERNAL.match(href):
                if not EDGAR_ARCHIVES.match(href) and not href.lower().startswith("javascript:"):
                    yield _findings_at(context, "SK704", document, element.line, element.column,
                                       f"a link outside the submission and EDGAR's archives: {href[:80]}")
            elif names is not None and href.split("#", 1)[0].lower() not in names:
                yield _findings_at(context, "SK704", document, element.line, element.column,
                                   f"a link to {href.split('#', 1)[0]!r}, which is no document of the submission")


@rule("SK705", "invalid-image", "error",
      "An image that is not a .gif or .jpg of the submission: another type, external, or a data: URI.",
      "EDGAR Filer Manual vol. II 5.2.2.10 and 5.2.3 (graphics); SEC validator EFM.5.02.02.10")
def invalid_image(context):
    """
    ## What it checks
    Every `<img src>` names a `.gif` or `.jpg` file of the submission: not a
    `.png`, `.jpeg` or `.svg`, not an address on the web, not a `data:` URI.
    HTML documents only.  A `javascript:` source is active content, SK703's.

    ## Why
    EDGAR disseminates only GIF and JPEG graphics attached to the submission;
    it suspends a submission whose HTML refers to any other image.

    ## Example
        <img src="logo.png">

    ## Fix
    Convert the image to GIF or JPEG, attach it as a GRAPHIC document, and
    refer to it by its file name.
    """
    for document in context.html_documents:
        for element in document.markup.elements:
            if element.tag != "img":
                continue
            source = element.attributes.get("src", "").strip()
            lowered = source.lower()
            if lowered.startswith("javascript:"):
                continue                                # active content: SK703's, not an image
            if lowered.startswith("data:"):
                problem = "a data: URI"
            elif _EXTERNAL.match(source):
                problem = "an image outside the submission"
            elif not lowered.split("?", 1)[0].endswith(IMAGE_TYPES):
                problem = "not a .gif or .jpg image"
            else:
                continue
            yield _findings_at(context, "SK705", document, element.line, element.column,
                               f"<img src={source[:60]!r}>: {problem}")


@rule("SK706", "nested-table", "error",
      "A <table> inside another <table>.",
      "EDGAR Filer Manual vol. II 5.2.2.10; SEC validator EFM.5.02.02.10.nestedTable")
def nested_table(context):
    """
    ## What it checks
    No `<table>` stands inside another table.  HTML documents only.

    ## Why
    EDGAR's HTML does not allow nested tables.

    ## Example
        <table><tr><td><table><tr><td>99.1</td></tr></table></td></tr></table>

    ## Fix
    Lay the inner table out as rows and cells of the outer one.
    """
    for document in context.html_documents:
        for element in document.markup.elements:
            if element.tag == "table" and element.depth_in_tables:
                yield _findings_at(context, "SK706", document, element.line, element.column,
                                   "a table inside a table")


@rule("SK707", "raw-non-ascii", "error",
      "A character outside ASCII written as itself in HTML, not as an entity.",
      "EDGAR Filer Manual vol. II 5.2.1.1; SEC validator EFM.5.02.01.01")
def raw_non_ascii(context):
    """
    ## What it checks
    Every character of an HTML document is printable ASCII (or a tab, line
    end or form feed); others are written as character references (`&#233;`)
    or HTML 4 entities (`&eacute;`).  One finding per line, at the first such
    character.  HTML documents only.

    ## Why
    EDGAR accepts ASCII documents only, whatever charset the HTML declares.

    ## Example
        <p>Société Générale</p>        <- "é" typed as itself

    ## Fix
    Write `Soci&#233;t&#233; G&#233;n&#233;rale`.
    """
    for document in context.html_documents:
        for number, content in enumerate(str(document.token).split("\n"), 1):
            found = _RAW_OUTSIDE_ASCII.search(content)
            if found:
                char = found.group()
                yield _findings_at(context, "SK707", document, number, found.start() + 1,
                                   f"U+{ord(char):04X} written as itself: write &#{ord(char)};")


@rule("SK708", "unknown-entity", "error",
      "A named character entity that is not one of HTML 4's.",
      "EDGAR Filer Manual vol. II 5.2.2.6; SEC validator EFM.5.02.02.06")
def unknown_entity(context):
    """
    ## What it checks
    Each named entity (`&name;`) is one of the 252 of HTML 4 (`&nbsp;`,
    `&eacute;`, `&rsquo;`...).  HTML documents only.

    ## Why
    EDGAR reads HTML 4's entities only; HTML5's newer names (`&check;`,
    `&apos;`) are errors.

    ## Example
        <p>Form 20-F &check;</p>

    ## Fix
    Write a character reference instead: `&#10003;`.
    """
    for document in context.html_documents:
        for name, line, column in document.markup.entities:
            if name not in name2codepoint:
                yield _findings_at(context, "SK708", document, line, column,
                                   f"&{name}; is not an HTML 4 entity")


@rule("SK709", "byte-order-mark", "error",
      "The file starts with a byte-order mark.",
      "EDGAR Filer Manual vol. II 5.2.1.1; SEC validator EFM.5.02.01.01")
def byte_order_mark(context):
    """
    ## What it checks
    The file does not begin with the UTF-8 byte-order mark (EF BB BF).

    ## Why
    The mark is three bytes outside ASCII; EDGAR's validator reports it.

    ## Example
    A document saved as "UTF-8 with BOM" by a word processor.

    ## Fix
    Save the file as ASCII (or UTF-8 without the mark).
    """
    if context.analysis.bom:
        yield context.finding("SK709", 1, 1, "the file starts with a byte-order mark")


@rule("SK710", "invalid-file-name", "error",
      "An HTML document's file name EDGAR does not accept: too long, a bad first character, not .htm.",
      "EDGAR Filer Manual vol. II 5.1.1 (file names); SEC validator EFM.5.01.01")
def invalid_file_name(context):
    """
    ## What it checks
    The file name of each HTML document (its `<FILENAME>`, or the file
    checked): at most 32 characters, starting with a letter or a digit, only
    letters, digits, `.`, `-` and `_`, ending in `.htm`.

    ## Why
    EDGAR rejects documents whose names break these rules; `.html` is not
    among its extensions.

    ## Example
        <FILENAME>_Form 6-K (March).html

    ## Fix
    Rename the document: `d6k-march.htm`.
    """
    for document in context.html_documents:
        name = document.file_name
        if not name:
            continue
        problems = []
        if len(name) > MAX_FILE_NAME:
            problems.append(f"longer than {MAX_FILE_NAME} characters")
        if not FILE_NAME.fullmatch(name):
            problems.append("not a letter or digit first, then letters, digits, '.', '-', '_'")
        if not name.lower().endswith(".htm"):
            problems.append("not .htm")
        if problems:
            yield context.finding("SK710", document.name_line, 1, f"file name {name!r}: {'; '.join(problems)}")


def _ix_documents(context):
    """The 6-K's HTML documents that carry an inline XBRL header."""
    return [document for document in context.html_documents if document.main and document.markup.has_ix_header]


@rule("SK711", "ixbrl-document-type", "error",
      "The inline XBRL header's dei:DocumentType is not 6-K (or 6-K/A for an amendment).",
      "EDGAR Filer Manual vol. II 6.5.20 (dei facts); SEC validator dei-validations")
def ixbrl_document_type(context):
    """
    ## What it checks
    Where the 6-K's HTML carries an inline XBRL header, its
    `dei:DocumentType` is `6-K`, or `6-K/A` (or `6-K`) in a 6-K/A submission.

    ## Why
    EDGAR validates the document type against the submission type; a 6-K
    tagged as another form is rejected or misfiled.

    ## Example
        <ix:nonNumeric name="dei:DocumentType" contextRef="c">10-K</ix:nonNumeric>

    ## Fix
    Tag the document type the submission is.
    """
    amendment = context.result["form_type"] == "6-K/A"
    allowed = ("6-K", "6-K/A") if amendment else ("6-K",)
    for document in _ix_documents(context):
        fact = document.markup.facts.get("DocumentType")
        if fact and fact[0].upper() not in allowed:
            yield _findings_at(context, "SK711", document, fact[1], fact[2],
                               f"dei:DocumentType is {fact[0]!r}, not {' or '.join(allowed)}")


@rule("SK712", "ixbrl-dei-missing", "error",
      "The inline XBRL header lacks dei:EntityCentralIndexKey, dei:EntityRegistrantName or dei:DocumentType.",
      "EDGAR Filer Manual vol. II 6.5.20 (required dei facts)")
def ixbrl_dei_missing(context):
    """
    ## What it checks
    An inline XBRL header in the 6-K's HTML states `dei:DocumentType`,
    `dei:EntityCentralIndexKey` and `dei:EntityRegistrantName`.

    ## Why
    EDGAR requires these facts of every inline XBRL document.

    ## Example
        <ix:header><ix:hidden>
          <ix:nonNumeric name="dei:DocumentType">6-K</ix:nonNumeric>
        </ix:hidden></ix:header>               <- no CIK, no registrant name

    ## Fix
    Tag the missing facts in the hidden header.
    """
    for document in _ix_documents(context):
        missing = [name for name in ("DocumentType", "EntityCentralIndexKey", "EntityRegistrantName")
                   if not document.markup.facts.get(name, ("",))[0]]
        if missing:
            header = next(e for e in document.markup.elements if e.tag == "ix:header")
            yield _findings_at(context, "SK712", document, header.line, header.column,
                               "the inline XBRL header lacks " + ", ".join(f"dei:{name}" for name in missing))


@rule("SK713", "ixbrl-cik-mismatch", "error",
      "The inline XBRL header's CIK differs from the EDGAR header's.",
      "EDGAR Filer Manual vol. II 6.5.21 (dei facts agree with the submission)")
def ixbrl_cik_mismatch(context):
    """
    ## What it checks
    `dei:EntityCentralIndexKey` is the filer's CIK in the submission's header
    (leading zeros aside).

    ## Why
    EDGAR validates the tagged CIK against the filer's; a wrong CIK suspends
    the submission.

    ## Example
        CENTRAL INDEX KEY:  0001001290
        <ix:nonNumeric name="dei:EntityCentralIndexKey">0001140625</ix:nonNumeric>

    ## Fix
    Tag the filer's own CIK.
    """
    filers = (context.result["envelope"] or {}).get("filers") or []
    ciks = {(filer.get("cik") or "").lstrip("0") for filer in filers if isinstance(filer, dict)} - {""}
    for document in _ix_documents(context):
        fact = document.markup.facts.get("EntityCentralIndexKey")
        if fact and fact[0] and ciks and fact[0].strip().lstrip("0") not in ciks:
            yield _findings_at(context, "SK713", document, fact[1], fact[2],
                               f"dei:EntityCentralIndexKey {fact[0]!r} is not the filer's CIK "
                               f"({', '.join(sorted(ciks))})")


@rule("SK714", "ixbrl-name-mismatch", "warning",
      "The inline XBRL header's registrant name differs from the cover's and the EDGAR header's.",
      "EDGAR Filer Manual vol. II 6.5.20 (dei:EntityRegistrantName)")
def ixbrl_name_mismatch(context):
    """
    ## What it checks
    `dei:EntityRegistrantName` names the registrant the cover names, or the
    company the EDGAR header names (case, punctuation and legal-form spelling
    aside).

    ## Why
    The tagged name is what XBRL users see; a name that differs from the
    cover's is usually a template left unchanged.

    ## Example
        ACME HOLDINGS LIMITED                        <- the cover
        <ix:nonNumeric name="dei:EntityRegistrantName">Other Corp</ix:nonNumeric>

    ## Fix
    Tag the registrant's name as the cover gives it.
    """
    envelope = context.result["envelope"] or {}
    names = [context.cover["registrant"], context.cover["registrant_english"],
             (envelope.get("filer") or {}).get("company_conformed_name")]
    names = [name for name in names if name]
    for document in _ix_documents(context):
        fact = document.markup.facts.get("EntityRegistrantName")
        if fact and fact[0] and names and not any(names_match(fact[0], name) for name in names):
            yield _findings_at(context, "SK714", document, fact[1], fact[2],
                               f"dei:EntityRegistrantName {fact[0]!r}, the cover names {names[0]!r}")
