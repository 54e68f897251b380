"""html_text: an HTML 6-K rendered as the text a reader sees, with every
position mapped back to the HTML (the real h003/h004 and small documents
built to show one construct each)."""
from __future__ import annotations

import pytest

import sixk_grammar
from conftest import CORPUS, read
from sixk_grammar.html_text import _defused, map_positions, render, scan_markup


def lines(html: str) -> list[str]:
    return render(html).text.split("\n")[:-1]


def test_blocks_are_lines_and_paragraphs_are_set_off():
    assert lines("<p>one</p><p>two</p><div>three</div><div>four</div>") == ["one", "", "two", "", "three", "four"]


def test_paragraphs_without_margins_are_lines():
    assert lines('<p style="margin:0">a</p><p style="margin-top:0pt;margin-bottom:.0001pt">b</p>') == ["a", "b"]


def test_cells_are_separated_by_tabs_and_rows_are_lines():
    html = "<table><tr><td>Form 20-F</td><td>&#9746;</td></tr><tr><th>Yes</th><td>No</td></tr></table>"
    assert lines(html) == ["Form 20-F\t\u2612", "Yes\tNo"]


def test_a_block_inside_a_cell_keeps_the_row_on_one_line_until_it_holds_text():
    assert lines("<table><tr><td><p>By:</p></td><td><p>/s/ Jane Doe</p></td></tr></table>") == ["By:\t/s/ Jane Doe"]
    assert lines("<table><tr><td><p>Name:</p><p>Title:</p></td></tr></table>") == ["Name:", "Title:"]


def test_check_box_inputs_and_glyph_entities():
    html = ('<p>Form 20-F <input type="checkbox" checked> Form 40-F <input type="checkbox"></p>'
            "<p>Yes &#9744; No &#9746;</p><p>&nbsp;&#x2612;&check;</p>")
    assert lines(html) == ["Form 20-F \u2612 Form 40-F \u2610", "", "Yes \u2610 No \u2612", "", "\u00a0\u2612\u2713"]


@pytest.mark.parametrize("html,shown", [
    ("<p>AT&T &Co and &Commission; File</p>", "AT&T &Co and &Commission; File"),    # as written, ";" or not
    ("<p>a\n&Co; &amp; &copy 1 &x</p>", "a &Co; & \u00a9 1 &x"),                     # known names still read
])
def test_names_html_does_not_know_are_seen_as_written(html, shown):
    assert lines(html) == [shown]
    rendering, at = render(html), html.index("&")       # the first "&" is where the HTML has it
    assert rendering.source_position(1, rendering.text.index("&") + 1) == (
        html.count("\n", 0, at) + 1, at - html.rfind("\n", 0, at))


def test_hidden_parts_are_not_read():
    html = ('<html><head><title>6-K</title><style>p {}</style></head><body>'
            '<div style="display: none"><ix:header><ix:hidden>6-K</ix:hidden></ix:header></div>'
            "<script>var x = 1;</script><p>shown</p></body></html>")
    assert lines(html) == ["shown"]


@pytest.mark.parametrize("breaker", ['<hr style="page-break-after:always">', '<p style="page-break-before: always">',
                                     '<div style="break-before:page"></div>'])
def test_css_page_breaks_are_pages(breaker):
    assert "<PAGE>" in lines("<p>cover</p>" + breaker + "<p>body</p>")


def test_pre_keeps_its_lines_and_blanks():
    assert lines("<pre>Form 20-F   X     Form 40-F\n\nYes        No  X</pre>") == [
        "Form 20-F   X     Form 40-F", "", "Yes        No  X"]


def test_br_ends_a_line_and_two_leave_an_empty_one():
    assert lines("<p>a<br>b<br><br>c</p>") == ["a", "b", "", "c"]


@pytest.mark.parametrize("source", ["<p>cut <b", "<p>cut <!-- open comment", "<p>cut <![if x", "<p>x</p><",
                                    "<p>" * 5000, "<table>" * 3000 + "x"])
def test_unclosed_constructs_render_without_error(source):
    rendering = render(source)
    assert rendering.text.endswith("\n")


def test_a_cut_html_document_is_marked_cut():
    assert render("<p>Date: March 3, 20").cut is True
    assert render("<p>Date: March 3, 2004</p>\n").cut is False


def test_positions_map_back_to_the_html():
    html = "<html>\n<body>\n<p>First line</p>\n<div>  Second <b>line</b></div>\n</body></html>"
    rendering = render(html)
    text_lines = rendering.text.split("\n")
    second = text_lines.index("Second line") + 1
    assert rendering.source_position(1, 1) == (3, 4)            # "First" after <p>
    assert rendering.source_position(second, 1) == (4, 8)        # "Second" after <div> and two blanks
    assert rendering.source_position(second, 8) == (4, 18)       # "line" inside <b>


def test_the_dict_positions_are_the_htmls_own():
    """h003 (Equinor): the registrant on line 25 of the file, the signature's date on 51."""
    text = read(CORPUS / "html" / "filings" / "h003.htm")
    result = sixk_grammar.parse(text)
    numbered = text.split("\n")
    assert "Equinor ASA" in numbered[result["cover"]["positions"]["registrant"] - 1]
    line, column = result["cover"]["positions"]["period"]
    assert numbered[line - 1][column - 1:].startswith("February 14, 2025")
    signer = result["signatures"][0]
    assert "Dated: February 14, 2025" in numbered[signer["line"] - 1]


def test_scan_markup_gives_tags_entities_and_ix_facts_where_they_stand():
    html = ('<div>\n<table><tr><td><table></table></td></tr></table>\n&check; &amp;\n'
            '<ix:header><ix:nonNumeric name="dei:DocumentType">6-K</ix:nonNumeric></ix:header></div>')
    markup = scan_markup(html)
    tables = [(e.line, e.column, e.depth_in_tables) for e in markup.elements if e.tag == "table"]
    assert tables == [(2, 1, 0), (2, 16, 1)]
    assert markup.entities == [("check", 3, 1), ("amp", 3, 9)]
    assert markup.facts == {"DocumentType": ("6-K", 4, 12)} and markup.has_ix_header


@pytest.mark.parametrize("html,expected", [
    # a hidden element ends with its own end tag, not the first end of its kind inside it
    ('<div style="display:none"><div>a</div>b</div>c', ["c"]),
    ('<div>a<span style="display:none">hidden<span>x</span>y</span>b</div>', ["ab"]),
    # <pre> inside <pre>: blanks are kept until the outer one ends
    ("<pre>a<pre>b</pre>  c  d</pre><p>x   y</p>", ["a", "", "b", "", "  c  d", "", "x y"]),
    # a table in a cell: the outer row goes on in its cell after the inner table
    ("<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table>d</td><td>e</td></tr></table>f",
     ["a", "", "b\tc", "", "d\te", "", "f"]),
    ("<table><tr><td>a<td>b</table>c", ["a\tb", "", "c"]),
    # a page break after an element comes at its own end, not at a nested element's of the same tag
    ('<div style="page-break-after:always"><div>a</div>x</div><p>b</p>', ["a", "x", "<PAGE>", "", "b"]),
    ('<div style="page-break-after:always"><p>a</p></div><p>b</p>', ["a", "", "<PAGE>", "", "b"]),
])
def test_nested_elements_end_where_their_own_end_tag_is(html, expected):
    assert lines(html) == expected


@pytest.mark.parametrize("style,paragraph", [
    ("margin:0;background:url(http://x/y.gif)", False),   # a value holding ":" is one declaration
    ("margin-top:0", True),                  # the bottom margin is the browser's
    ("margin:0 0 12pt", True),               # top, sides, bottom: the third is the bottom
    ("margin:0 auto", False),                # top and bottom, then the sides
    ("MARGIN: 0in 0in 0pt", False),
    ("margin:.01pt", True),                  # Word's ".0001pt" is nothing; a hundredth of a point is a margin
    ("margin:1px", True),
    ("margin:auto", True),
    ("margin-top:0;margin-bottom:0", False),
    ("margin-top:;margin-bottom:0", True),   # a declaration with no value is dropped, as browsers drop it
])
def test_a_paragraph_without_top_and_bottom_margins_is_a_line(style, paragraph):
    assert lines(f'<p style="{style}">a</p><p style="margin:0">b</p>') == (["a", "", "b"] if paragraph else ["a", "b"])


def test_a_blank_or_page_line_maps_to_the_text_above_it():
    rendering = render("<html>\n<body>\n<p>a</p>\n<p>bb</p><hr style='page-break-after:always'><p>c</p></body></html>")
    assert rendering.text.split("\n") == ["a", "", "bb", "", "<PAGE>", "", "c", ""]
    assert rendering.source_position(1, 1) == (3, 4)
    assert rendering.source_position(2, 7) == (3, 4)        # blank: the start of the line above
    assert rendering.source_position(3, 2) == (4, 5)
    assert rendering.source_position(5, 1) == (4, 4)        # <PAGE>: the line above, two lines up
    assert rendering.source_position(7, 1) == (4, 49)
    assert rendering.source_position(99, 1) == (4, 49)      # past the end: the last line


def test_ix_facts_join_their_pieces_and_tables_count_their_depth():
    markup = scan_markup('<ix:nonNumeric name="dei:EntityRegistrantName">A&amp;B &#38; C<b>x</b></ix:nonNumeric>'
                         '<ix:nonFraction name="dei:Shares">1&#44;000</ix:nonFraction>'
                         '<ix:nonNumeric name="us-gaap:Other">y</ix:nonNumeric>'
                         "<table/><table><tr><td><table></table></td></tr></table>")
    assert markup.facts == {"EntityRegistrantName": ("A&B & Cx", 1, 1), "Shares": ("1,000", 1, 87)}
    assert [element.depth_in_tables for element in markup.elements if element.tag == "table"] == [0, 0, 1]


def test_an_ix_fact_reads_a_name_html_does_not_know_as_written():
    """The same reading as the rendered text's: "AT&T", not "AT&T;"."""
    markup = scan_markup('<ix:nonNumeric name="dei:EntityRegistrantName">AT&T &Commission; Inc.</ix:nonNumeric>')
    assert markup.facts["EntityRegistrantName"][0] == "AT&T &Commission; Inc."
    assert [name for name, _line, _column in markup.entities] == ["T", "Commission"]


@pytest.mark.parametrize("html,expected", [
    ("a<br><br><br>b", ["a", "", "b"]),                    # one empty line, however many <br>
    ("<p>a</p><hr style='page-break-after:always'><br><br>b", ["a", "", "<PAGE>", "b"]),   # none after a page
    ("<br><br>a", ["a"]),                                  # none at the start
    ("a&#32;&#32;b&#9;c", ["a b c"]),                      # blanks written as references are blanks
    ("a&nbsp;&nbsp;b", ["a\u00a0\u00a0b"]),                # a non-breaking space is kept
    ("<div><span>a<p>b</div>c", ["a", "", "b", "c"]),      # </div> closes the <p> left open in it
    ("<p>a<div>b</div>c</p>d", ["a", "b", "c", "", "d"]),
    ("<table><tr><td>a</td></tr><tr><td>b</td></table>c", ["a", "b", "", "c"]),
])
def test_line_breaks_blanks_and_blocks_left_open(html, expected):
    assert lines(html) == expected


def test_pre_text_keeps_its_positions_line_by_line():
    rendering = render("<p>x</p><pre>ab\n  cd\n\nef</pre>")
    assert rendering.text.split("\n") == ["x", "", "ab", "  cd", "", "ef", ""]
    assert rendering.source_position(3, 2) == (1, 15)
    assert rendering.source_position(4, 3) == (2, 3)
    assert rendering.source_position(6, 1) == (4, 1)


@pytest.mark.parametrize("html,expected", [
    ("<head><title>x</title><body><p>a</p>", ["a"]),         # a <head> never closed ends at <body>
    ("<table><tr><td>a</td></tr>b</table>", ["a", "b"]),     # </tr> ends the row's line
    ("<td>a</td>b", ["a b"]),                                 # </td> leaves a blank
    ("<div/>a<div/>b", ["a", "b"]),                           # a self-closed block opens and closes
    ("a<br/>b", ["a", "b"]),
])
def test_end_tags_and_self_closed_tags(html, expected):
    assert lines(html) == expected


def test_positions_of_text_spread_over_lines_and_of_check_boxes():
    rendering = render("<html>\n<body>\n<p>First line</p>\n<p>\n  Second\n  line  here</p></body></html>")
    assert rendering.text.split("\n") == ["First line", "", "Second line here", ""]
    assert rendering.source_position(1, 7) == (3, 10)       # "line" in "First line"
    assert rendering.source_position(3, 1) == (5, 3)
    assert rendering.source_position(3, 8) == (6, 3)        # "line", a line further down
    assert rendering.source_position(3, 13) == (6, 9)       # "here", after two blanks
    boxes = render("<p>Form 20-F <input type='checkbox' checked>\n <input type='checkbox'></p>")
    assert boxes.text.split("\n")[0] == "Form 20-F \u2612 \u2610"
    assert boxes.source_position(1, 11) == (1, 14) and boxes.source_position(1, 13) == (2, 2)   # each <input>


@pytest.mark.parametrize("source,cut", [("<p>Date: March 3, 2004\n", False), ("<p>x</p>  ", False),
                                        ("<p>x</p>\n\n", False), ("<p>Date: March 3, 20  ", True),
                                        ("<p>Form 20-F X", True), ("<p>x</p>X", True)])
def test_a_document_is_cut_when_it_stops_inside_text(source, cut):
    assert render(source).cut is cut


@pytest.mark.parametrize("source,defused,shown", [
    ("<p>a</p><!-- one --><p>b</p><!-- two --><p>c</p><!-- open",       # the comment left open is the last
     "<p>a</p><!-- one --><p>b</p><!-- two --><p>c</p>", ["a", "", "b", "", "c"]),
    ("<p>one</p><!--", "<p>one</p>", ["one"]),
    ("<p>a<![if !supportLists]>b<![endif]>c</p>",                         # Word's conditional sections
     "<p>a<![if !supportLists]>b<![endif]>c</p>", ["abc"]),
    ("<p>a</p><![unknown stuff]><p>b</p>",                                # one html.parser cannot read: text
     "<p>a</p>\ue000![unknown stuff]><p>b</p>", ["a", "", "<![unknown stuff]>", "", "b"]),
    ("<p>a</p><![CDATA[x]]><p>b</p><![if",                                # left open after the last "]>": text
     "<p>a</p><![CDATA[x]]><p>b</p>\ue000![if", ["a", "", "b", "", "<![if"]),
    ("<p>x > y</p><b", "<p>x > y</p>", ["x > y"]),                          # a tag cut at the end
    ("<p>x</p>a<", "<p>x</p>a<", ["x", "", "a<"]),                          # a "<" that opens nothing
    ("<p>a<!-->b<!--->c<!---->d</p><!-- e -->",                            # empty comments a browser hides
     "<p>a<!x->b<!x-->c<!---->d</p><!-- e -->", ["abcd"]),
    ("<p>a</p><!--><p>b</p>", "<p>a</p><!x-><p>b</p>", ["a", "", "b"]),     # an empty comment the last one
    ("<p>a</p><!-- note <!--> shown --><p>b</p>",                          # a comment ends at its first "-->"
     "<p>a</p><!-- note <!--> shown --><p>b</p>", ["a", "", "shown -->", "", "b"]),
])
def test_what_html_parser_would_choke_on_is_defused_first(source, defused, shown):
    assert _defused(source) == defused
    assert lines(source) == shown


@pytest.mark.parametrize("html,expected", [
    ("<table><tr><td>a<td>b<tr><td>c<td>d</table>", ["a\tb", "c\td"]),      # rows and cells never closed
    ("<table><p>Caption</p><tr><td>a</td></tr></table>", ["Caption", "", "a"]),   # a block before the first row
    ("<table><tr><p>Note</p><td>a</td></tr></table>", ["Note", "", "a"]),         # ... before the row's first cell
    ("<table><tr><td>a</td></tr><p>Note</p><tr><td>b</td></tr></table>", ["a", "", "Note", "", "b"]),
    ("text</p>more", ["text", "", "more"]),                 # an end tag with nothing open: a paragraph's end
    ("a</table>b", ["a", "", "b"]),
    ("<pre>a <b>x</b>\n   y</pre>", ["a x", "   y"]),       # an inline end tag inside <pre> keeps it open
    ("<html><head><title>T</title><meta charset='x'><body><p>Text</p>", ["Text"]),
    ("<html><head><meta charset='x'>Junk<body><p>Text</p>", ["Text"]),       # all of a <head> left open is hidden
    ("<table><tr><td>a<tr><p>Note</p><td>b</table>", ["a", "", "Note", "", "b"]),
    ("<table><tr><td><p>Name:</p><p>Title:</p></td><td>x</td></tr></table>", ["Name:", "Title:\tx"]),
    ("<p>a<td>b</p>", ["ab"]),                               # a cell outside any table is no cell (as in browsers)
    ("<div><p style='margin:0'>a</div>b</p>c", ["a", "b", "", "c"]),   # </div> closed the <p>: "</p>" is a new one
    ('<p>a</p><div style="page-break-after:always"/><p>b</p>', ["a", "", "<PAGE>", "", "b"]),   # self-closed, then its break
    ("<p style='margin:0'>" + "<div>" * 63 + "a</p>b", ["a", "b"]),    # an end tag closes its element 64 blocks up ...
    ("<p style='margin:0'>" + "<div>" * 64 + "a</p>b", ["a", "", "b"]),    # ... and no further (a linear bound)
])
def test_tables_and_blocks_as_real_filings_leave_them(html, expected):
    assert lines(html) == expected


def test_only_check_box_and_radio_inputs_are_boxes():
    assert lines("<p>a <input> b <input type='text'></p>") == ["a b"]
    assert lines("<p>Yes <input type='radio' checked> No <input type='RADIO'></p>") == ["Yes \u2612 No \u2610"]


def test_a_cells_text_maps_back_to_its_cell():
    rendering = render("<table><tr><td>ab</td><td>cd</td></tr></table>")
    assert rendering.text.split("\n")[0] == "ab\tcd"
    assert rendering.source_position(1, 4) == (1, 27)       # "c"
    assert rendering.source_position(1, 1) == (1, 16)       # "a"


def test_positions_after_blank_lines_inside_one_text_and_after_a_tag_split_over_lines():
    assert render("<p>a\n\n   b</p>").source_position(1, 3) == (3, 4)
    rendering = render("<p>a<b\n>b</b></p>")
    assert (rendering.text, rendering.source_position(1, 2)) == ("ab\n", (2, 2))
    assert map_positions({"line": 1, "end_line": 1, "positions": {"title": 1}}, rendering.source_position) == {
        "line": 1, "end_line": 1, "positions": {"title": 1}}        # a line maps from its first column


def test_positions_with_no_text_to_map_to():
    assert render("").source_position(1) == (1, 1)
    assert render("<br><br>").source_position(3, 5) == (1, 1)
    assert render("<p>x</p>").source_position(1) == (1, 4)  # the line's first column by default


@pytest.mark.parametrize("source,defused", [
    ("<![CDATA[x", "\ue000![CDATA[x"),          # a marked section left open at the very start
    ("<!-- open", ""),                          # a comment left open at the very start
    ("<!--a--><!--b", "<!--a-->"),               # ... right after a closed one
    ("a<!--b<!--c", "a"),                        # the first of two left open
    ("<!-- a > b", ""),                          # with a ">" inside it
    ("<!--a--><!--b>c", "<!--a-->"),
    ("a<!--b>c<!--d", "a"),
])
def test_what_is_left_open_is_defused_wherever_it_starts(source, defused):
    assert _defused(source) == defused


def test_tables_count_their_depth_after_end_tags_inside_them():
    markup = scan_markup("<table><tr><td>x</td><td><table></table></td></tr></table><table></table>")
    assert [element.depth_in_tables for element in markup.elements if element.tag == "table"] == [0, 1, 0]


def test_an_ix_fact_without_a_name_is_no_fact():
    markup = scan_markup("<ix:nonNumeric>x</ix:nonNumeric><ix:nonFraction>1</ix:nonFraction>"
                         "<table><tr><td><table><tr><td><table></table></td></tr></table></td></tr></table>")
    assert markup.facts == {}
    assert [element.depth_in_tables for element in markup.elements if element.tag == "table"] == [0, 1, 2]
