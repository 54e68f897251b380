"""The linter on real HTML 6-Ks as filed (h003 Equinor, h004 Credicorp).

The unchanged filings report no error.  Each copy below is changed to break
one rule, and ``check`` reports exactly that rule's code, at the line and
column the change stands on in the HTML (computed from the changed text, not
typed in).
"""
from __future__ import annotations

import pytest

from conftest import CORPUS, read
from sixk_grammar.lint import check

EQUINOR = read(CORPUS / "html" / "filings" / "h003.htm")
CREDICORP = read(CORPUS / "html" / "filings" / "h004.htm")
CIK = "0001001290"
ENVELOPE = ("<SEC-DOCUMENT>0001140361-25-004694.txt : 20250214\n<SEC-HEADER>0001140361-25-004694.hdr.sgml : "
            "20250214\nACCESSION NUMBER:\t\t0001140361-25-004694\nCONFORMED SUBMISSION TYPE:\t6-K\n"
            "PUBLIC DOCUMENT COUNT:\t\t1\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tCREDICORP LTD\n"
            f"\t\tCENTRAL INDEX KEY:\t\t\t{CIK}\n</SEC-HEADER>\n")


def position(text: str, marker: str) -> tuple[int, int]:
    """The line and column where ``marker`` starts in ``text``."""
    index = text.index(marker)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def changed(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def ix_header(document_type: str, cik: str = CIK, name: str = "CREDICORP LTD.") -> str:
    facts = [f'<ix:nonNumeric name="dei:DocumentType" contextRef="c1">{document_type}</ix:nonNumeric>']
    if cik:
        facts.append(f'<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c1">{cik}</ix:nonNumeric>')
    if name:
        facts.append(f'<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c1">{name}</ix:nonNumeric>')
    return '<div style="display:none"><ix:header><ix:hidden>' + "".join(facts) + "</ix:hidden></ix:header></div>"


def _in_body(text: str, markup: str) -> str:
    """``markup`` as the body's first element."""
    start = text.index(">", text.index("<body")) + 1
    return text[:start] + markup + text[start:]


def _envelope(document: str) -> str:
    return ENVELOPE + document + "</SEC-DOCUMENT>\n"


# (code, changed text, the marker whose position the finding has)
CHANGES = [
    ("SK302", changed(EQUINOR, "February 14, 2025  <br>", "<br>"), "<p align=\"center\"><strong>UNITED"),   # the cover's first line
    ("SK305", changed(CREDICORP, "Form 20-F &#9746; Form 40-F", "Form 20-F &#9744; Form 40-F"),
     "Indicate by check mark whether"),
    ("SK701", _in_body(CREDICORP, '<script src="a.js"></script>'), "<script"),
    ("SK702", _in_body(CREDICORP, "<style>p {margin:0}</style>"), "<style"),
    ("SK703", _in_body(CREDICORP, '<p onclick="go()">x</p>'), '<p onclick'),
    ("SK704", _in_body(CREDICORP, '<a href="https://www.credicorpnet.com/">web</a>'), '<a href="https'),
    ("SK705", _in_body(CREDICORP, '<img src="logo.png">'), "<img"),
    ("SK706", changed(CREDICORP, "<td", "<td><table><tr><td>x</td></tr></table></td><td"), "<table><tr><td>x"),
    ("SK707", changed(CREDICORP, "Calle Centenario", "Calle Centenario é"), "é"),
    ("SK708", _in_body(CREDICORP, "<p>&check;</p>"), "&check;"),
    ("SK709", "\ufeff" + CREDICORP, None),
    ("SK710", changed(CREDICORP, "<FILENAME>ef20043470_6k.htm", "<FILENAME>ef20043470_6k.html"), "<FILENAME>"),
    ("SK711", _in_body(CREDICORP, ix_header("10-K")), '<ix:nonNumeric name="dei:DocumentType"'),
    ("SK712", _in_body(CREDICORP, ix_header("6-K", cik="")), "<ix:header"),
    ("SK713", _envelope(_in_body(CREDICORP, ix_header("6-K", cik="0001140625"))),
     '<ix:nonNumeric name="dei:EntityCentralIndexKey"'),
    ("SK714", _in_body(CREDICORP, ix_header("6-K", name="Equinor ASA")),
     '<ix:nonNumeric name="dei:EntityRegistrantName"'),
]


@pytest.mark.parametrize("name,text", [("h003", EQUINOR), ("h004", CREDICORP)])
def test_real_html_filings_report_no_error(name, text):
    assert [f for f in check(text) if f.severity == "error"] == []


@pytest.mark.parametrize("code,text,marker", CHANGES, ids=[case[0] for case in CHANGES])
def test_one_break_one_code_at_its_html_position(code, text, marker):
    findings = check(text)
    assert {f.code for f in findings if f.severity != "info"} == {code}
    expected = position(text, marker) if marker else (1, 1)
    assert [(f.line, f.column) for f in findings if f.code == code] == [expected]
    assert [f.message for f in findings if f.code == code] == [MESSAGES[code]]


#: What each break's finding says (read against its edit).
MESSAGES = {
    "SK302": "no report period on the cover",
    "SK305": "neither Form 20-F nor Form 40-F is marked",
    "SK701": "<script> is not accepted in an EDGAR HTML document",
    "SK702": "<style> is on EDGAR's list of prohibited HTML elements",
    "SK703": "<p> has the onclick attribute: active content",
    "SK704": "a link outside the submission and EDGAR's archives: https://www.credicorpnet.com/",
    "SK705": "<img src='logo.png'>: not a .gif or .jpg image",
    "SK706": "a table inside a table",
    "SK707": "U+00E9 written as itself: write &#233;",
    "SK708": "&check; is not an HTML 4 entity",
    "SK709": "the file starts with a byte-order mark",
    "SK710": "file name 'ef20043470_6k.html': not .htm",
    "SK711": "dei:DocumentType is '10-K', not 6-K",
    "SK712": "the inline XBRL header lacks dei:EntityCentralIndexKey",
    "SK713": "dei:EntityCentralIndexKey '0001140625' is not the filer's CIK (1001290)",
    "SK714": "dei:EntityRegistrantName 'Equinor ASA', the cover names 'CREDICORP LTD.'",
}


def test_html_exhibits_are_checked_too():
    """An external link in an HTML exhibit of a whole submission: SK704 there."""
    exhibit = ('<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.htm\n<TEXT>\n<html><body>'
               '<p><a href="http://example.com/">more</a></p></body></html>\n</TEXT>\n</DOCUMENT>\n')
    text = _envelope(CREDICORP.rstrip("\n") + "\n" + exhibit).replace("PUBLIC DOCUMENT COUNT:\t\t1",
                                                                     "PUBLIC DOCUMENT COUNT:\t\t2")
    assert [(f.code, f.line) for f in check(text) if f.code.startswith("SK7")] == [
        ("SK704", position(text, '<a href="http://example.com')[0])]


def test_links_within_the_submission_and_to_edgar_archives_pass():
    links = ('<a href="#top">top</a><a href="https://www.sec.gov/Archives/edgar/data/1001290/x.htm">old</a>'
             '<a href="ef20043470_6k.htm">this</a>')
    assert [f for f in check(_envelope(_in_body(CREDICORP, links))) if f.code == "SK704"] == []
    lost = _envelope(_in_body(CREDICORP, '<a href="ex99-9.htm">missing</a>'))
    assert [f.code for f in check(lost) if f.code == "SK704"] == ["SK704"]


def test_text_rules_do_not_apply_to_html():
    """80 columns, tabs and ASCII-document tags are rules of plain text."""
    long_line = _in_body(CREDICORP, "<p>" + "word " * 60 + "\tend</p>")
    assert not {f.code for f in check(long_line)} & {"SK201", "SK203", "SK204", "SK207"}


def test_missing_exhibit_document_is_a_rule_of_whole_submissions():
    """SK605: a document split out of a submission cannot hold its exhibits."""
    listed = _in_body(CREDICORP, "<p>EXHIBIT INDEX</p><p>99.1 Press release</p>")
    assert "SK605" not in {f.code for f in check(listed)}
    assert "SK605" in {f.code for f in check(_envelope(listed))}


@pytest.mark.parametrize("before", ["", "   ", "\n\n  "])
def test_a_bare_html_document_is_positioned_where_it_starts(before):
    """A bare HTML file may start after blank lines or blanks: positions on
    its first line count from the column it starts at."""
    html = CREDICORP[CREDICORP.index("<html>"):CREDICORP.index("</html>") + len("</html>")]
    text = before + html.replace("<html>", '<html><script src="a.js"></script>', 1)
    assert [(f.code, f.line, f.column, f.message) for f in check(text) if f.code.startswith("SK7")] == [
        ("SK701", *position(text, "<script"), "<script> is not accepted in an EDGAR HTML document")]


def html_findings(text: str, code: str) -> list[str]:
    return [f.message for f in check(text) if f.code == code]


@pytest.mark.parametrize("href,message", [
    ("https://www.credicorpnet.com/", "a link outside the submission and EDGAR's archives: https://www.credicorpnet.com/"),
    ("//cdn.example.com/x", "a link outside the submission and EDGAR's archives: //cdn.example.com/x"),
    ("mailto:ir@credicorpnet.com", "a link outside the submission and EDGAR's archives: mailto:ir@credicorpnet.com"),
    ("http://www.sec.gov/Archives/edgar/data/1001290/x.htm", None),
    ("https://www.sec.gov/ix?doc=/Archives/edgar/data/1001290/x.htm", None),
    ("https://www.sec.gov/cgi-bin/browse-edgar", "a link outside the submission and EDGAR's archives: "
                                                 "https://www.sec.gov/cgi-bin/browse-edgar"),
    ("javascript:void(0)", None),       # active content: SK703's, not a link
    ("#top", None),
    ("EF20043470_6K.HTM#part", None),   # this document, by name in any case, at a place
    ("other.htm#a#b", "a link to 'other.htm', which is no document of the submission"),
    ("https://www.credicorpnet.com/" + "x" * 80,                          # quoted to 80 characters
     "a link outside the submission and EDGAR's archives: https://www.credicorpnet.com/" + "x" * 51),
])
def test_which_links_lead_outside_the_submission(href, message):
    text = _envelope(_in_body(CREDICORP, f'<a href="{href}">x</a>'))
    assert html_findings(text, "SK704") == ([message] if message else [])


def test_only_anchors_with_an_address_are_links():
    """A stylesheet's address is SK702's <link>, not a hyperlink; an anchor
    without href is a place, not a link; an image without src is no image."""
    assert html_findings(_envelope(_in_body(CREDICORP, '<link href="https://x.example/s.css">')), "SK704") == []
    places = _envelope(_in_body(CREDICORP, '<a name="top">x</a><img alt="logo">'))
    assert (html_findings(places, "SK703"), html_findings(places, "SK704")) == ([], [])
    assert html_findings(places, "SK705") == ["<img src=''>: not a .gif or .jpg image"]


@pytest.mark.parametrize("source,problem", [
    ("logo.gif", None), ("LOGO.JPG", None), ("logo.jpg?v=2", None),
    ("logo.png", "not a .gif or .jpg image"), ("logo.jpeg", "not a .gif or .jpg image"),
    ("https://example.com/logo.gif", "an image outside the submission"),
    ("data:image/gif;base64,R0lGOD", "a data: URI"),
])
def test_which_images_edgar_accepts(source, problem):
    text = _in_body(CREDICORP, f'<img src="{source}">')
    assert html_findings(text, "SK705") == ([f"<img src={source!r}>: {problem}"] if problem else [])


@pytest.mark.parametrize("name,problems", [
    ("a" * 28 + ".htm", None),                                   # 32 characters
    ("a" * 29 + ".htm", "longer than 32 characters"),
    ("_6k.htm", "not a letter or digit first, then letters, digits, '.', '-', '_'"),
    ("form 6k.htm", "not a letter or digit first, then letters, digits, '.', '-', '_'"),
    ("ef-2025_6k.HTM", None),
    ("ef20043470_6k.html", "not .htm"),
])
def test_which_file_names_edgar_accepts(name, problems):
    text = changed(CREDICORP, "<FILENAME>ef20043470_6k.htm", f"<FILENAME>{name}")
    assert html_findings(text, "SK710") == ([f"file name {name!r}: {problems}"] if problems else [])


def ix_findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in check(text) if f.code in ("SK711", "SK712", "SK713", "SK714")]


def _amended(text: str) -> str:
    return text.replace("CONFORMED SUBMISSION TYPE:\t6-K", "CONFORMED SUBMISSION TYPE:\t6-K/A", 1)


@pytest.mark.parametrize("text,expected", [
    (_in_body(CREDICORP, ix_header("6-K/A")), [("SK711", "dei:DocumentType is '6-K/A', not 6-K")]),
    (_amended(_envelope(_in_body(CREDICORP, ix_header("6-K/A")))), []),       # an amendment may say either
    (_amended(_envelope(_in_body(CREDICORP, ix_header("6-K")))), []),
    (_amended(_envelope(_in_body(CREDICORP, ix_header("10-K")))), [("SK711", "dei:DocumentType is '10-K', not 6-K or 6-K/A")]),
    (_in_body(CREDICORP, ix_header("6-K", cik="")), [("SK712", "the inline XBRL header lacks dei:EntityCentralIndexKey")]),
    (_in_body(CREDICORP, ix_header("6-K", name="")), [("SK712", "the inline XBRL header lacks dei:EntityRegistrantName")]),
    (_envelope(_in_body(CREDICORP, ix_header("6-K", cik="1001290"))), []),   # leading zeros do not count
    (_envelope(_in_body(CREDICORP, ix_header("6-K", cik="0001140625"))),
     [("SK713", "dei:EntityCentralIndexKey '0001140625' is not the filer's CIK (1001290)")]),
    (_in_body(CREDICORP, ix_header("6-K", name="Credicorp Ltd")), []),        # compared leniently
    (_in_body(CREDICORP, ix_header("6-K", name="Equinor ASA")),
     [("SK714", "dei:EntityRegistrantName 'Equinor ASA', the cover names 'CREDICORP LTD.'")]),
])
def test_the_inline_xbrl_header_against_the_submission(text, expected):
    assert ix_findings(text) == expected


# Written out, not taken from the rule's own sets: a tag dropped from them must fail here.
ACTIVE_TAGS = ["script", "applet", "object", "embed", "param", "form", "input", "select", "option", "textarea",
               "button", "frame", "frameset", "iframe", "noframes", "base", "bgsound", "blink", "marquee",
               "area", "map", "layer", "ilayer"]
LISTED_TAGS = ["style", "tbody", "thead", "tfoot", "col", "colgroup", "del", "ins", "s", "q", "wbr", "nobr",
               "noscript", "noembed", "acronym", "abbrev", "basefont", "fn", "note", "lang", "lh", "person",
               "spot", "tab", "range", "overlay", "banner", "credit", "fig", "nextid", "au"]


@pytest.mark.parametrize("tag", ACTIVE_TAGS)
def test_every_active_element_is_an_error(tag):
    text = _in_body(CREDICORP, f"<{tag}></{tag}>")
    assert [(f.code, f.message) for f in check(text) if f.code == "SK701"] == [
        ("SK701", f"<{tag}> is not accepted in an EDGAR HTML document")]


@pytest.mark.parametrize("tag", LISTED_TAGS)
def test_every_listed_element_is_a_warning(tag):
    text = _in_body(CREDICORP, f"<{tag}></{tag}>")
    assert [(f.code, f.severity, f.message) for f in check(text) if f.code in ("SK701", "SK702")] == [
        ("SK702", "warning", f"<{tag}> is on EDGAR's list of prohibited HTML elements")]


@pytest.mark.parametrize("markup,what", [
    ('<p onclick="go()" onmouseover="x()">x</p>', "<p> has the onclick attribute: active content"),
    ('<a href=" JavaScript:go()">x</a>', "<a> has a javascript: href: active content"),
    ('<img src="javascript:go()">', "<img> has a javascript: src: active content"),
])
def test_event_handlers_and_javascript_addresses(markup, what):
    assert [f.message for f in check(_in_body(CREDICORP, markup)) if f.code == "SK703"] == [what]


def test_raw_characters_entities_and_nested_tables_are_each_reported_where_they_stand():
    raw = _in_body(CREDICORP, "<p>caf\u00e9 na\u00efve</p><p>\u2019</p>")     # one finding a line, at the first
    assert [(f.line, f.column, f.message) for f in check(raw) if f.code == "SK707"] == [
        (*position(raw, "\u00e9"), "U+00E9 written as itself: write &#233;")]
    entities = _in_body(CREDICORP, "<p>&eacute; &apos; &check; &AMP;</p>")   # HTML 4's names, case and all
    assert [f.message for f in check(entities) if f.code == "SK708"] == [
        "&apos; is not an HTML 4 entity", "&check; is not an HTML 4 entity", "&AMP; is not an HTML 4 entity"]
    nested = _in_body(CREDICORP, "<table><tr><td><table><tr><td><table></table></td></tr></table></td></tr></table>")
    assert [(f.line, f.column) for f in check(nested) if f.code == "SK706"] == [
        position(nested, "<table><tr><td><table></table>"), position(nested, "<table></table>")]
