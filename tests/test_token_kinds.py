"""Which terminal reads each line of a real filing: the tree that other tools
reuse (the standalone parser, the JavaScript one, `grammar --path`) names
its parts by these terminals, so a heading read as free text, or a tag read
as a table row, changes what they see even where the dict stays the same.
The expectations were checked line by line against the filings' text."""
from __future__ import annotations

import pytest
from lark import Token

from conftest import REAL, SEEDS, read
from sixk_grammar.api import prepare
from sixk_grammar.parser import kind, parse_tree

#: Free text and line ends: how a run of free text is split is the
#: transformer's business, not the tree's contract.
_FREE = {"NL", "TEXT", "ADDRESS_TEXT"}


def kinds(text: str) -> list[tuple[int, str]]:
    tree = parse_tree(prepare(text)).tree
    return [(token.line, kind(token)) for token in tree.scan_values(lambda value: isinstance(value, Token))
            if kind(token) not in _FREE]


def test_every_part_of_the_seed_is_read_by_its_own_terminal():
    assert kinds(read(SEEDS[0])) == [
        (1, "PAGE_BREAK"), (2, "RULE"),
        # the title lines, the period, the name and the address with their captions
        (4, "FORM_TITLE"), (6, "COMMISSION_HEADING"), (7, "WASHINGTON"), (9, "REPORT_TITLE"),
        (11, "RULE_REFERENCE"), (15, "PERIOD_PREFIX"), (15, "PERIOD_DATE"),
        (18, "NAME_TEXT"), (19, "NAME_CAPTION"), (24, "ADDRESS_CAPTION"),
        # the check part
        (27, "ANNUAL_REPORT_PROMPT"), (30, "OPTION_20F"), (30, "MARK"), (30, "OPTION_40F"),
        (31, "BLANK"), (31, "BLANK"),
        (33, "RULE_12G3_PROMPT"), (38, "OPTION_YES"), (38, "OPTION_NO"), (38, "MARK"),
        (39, "BLANK"), (39, "BLANK"), (41, "RULE"),
        # the body, its exhibit, the signature block
        (42, "PAGE_BREAK"), (43, "BODY_TEXT"), (45, "LIST_NUMBER"), (45, "ENTRY_DESCRIPTION"),
        (49, "PAGE_BREAK"), (50, "SIGNATURE_HEADING"), (53, "SIGNATURE_LEGEND"), (58, "SIGNATURE_TEXT"),
        (62, "DATE_LABEL"), (62, "SIGNATURE_DATE"), (62, "BY_LABEL"), (62, "CONFORMED_SIGNATURE"),
        (63, "RULE"), (64, "NAME_LABEL"), (64, "SIGNATURE_TEXT"), (65, "TITLE_LABEL"), (65, "SIGNATURE_TEXT"),
        # the exhibit index and its <TABLE>
        (67, "PAGE_BREAK"), (68, "EXHIBIT_INDEX_HEADING"), (71, "REGION_TABLE_OPEN"), (72, "CAPTION_TAG"),
        (73, "CAPTION_TEXT"), (75, "COLUMN_START"), (75, "COLUMN_NEXT"), (75, "MARKER_END"),
        (76, "TABLE_ROWS"), (78, "TABLE_CLOSE")]


def test_the_header_of_a_real_submission_is_read_key_by_key():
    """r049 (LUXFER HOLDINGS PLC, 2017): the opening tags, the acceptance
    time, the top-level fields, then FILER's blocks and their fields."""
    r049 = next(path for path in REAL if path.stem == "r049")
    header = [(line, name) for line, name in kinds(read(r049)) if line <= 15]
    assert header == [
        (1, "SEC_DOCUMENT_OPEN"), (2, "SEC_HEADER_OPEN"), (3, "HEADER_TAG"),
        *[(line, part) for line in range(4, 10) for part in ("HEADER_KEY", "HEADER_VALUE")],
        (11, "HEADER_KEY"), (13, "NESTED_KEY"),
        *[(line, part) for line in (14, 15) for part in ("DEEP_KEY", "HEADER_VALUE")]]


def _real(stem: str) -> str:
    return read(next(path for path in REAL if path.stem == stem))


#: A <TABLE> with every tag of its own: a closed caption, a first row
#: written on the <S> <C> line, notes with their marks.
TAGGED_TABLE = ("<DOCUMENT>\n<TYPE>6-K\n<TEXT>\nFORM 6-K\n<TABLE>\n<CAPTION>\nExhibit   Description\n</CAPTION>\n"
                "<S>  99.1  <C> Press release<F1>\n99.2 Notice\n<FN>\n<F1> In Korean.\n</FN>\n</TABLE>\n"
                "</TEXT>\n</DOCUMENT>\n")


@pytest.mark.parametrize("source,line,expected", [
    (lambda: _real("r039"), 4, "FORM_NOTICE"),          # "Persons who are to respond to the collection ..."
    (lambda: _real("r050"), 1, "FORM_NOTICE"),          # "OMB APPROVAL"
    (lambda: _real("r050"), 18, "ENTRY_TEXT"),          # a numbered cover entry's text
    (lambda: _real("r003"), 1, "UNITED_STATES"),
    (lambda: _real("r030"), 2, "PEM_FIELDS"),           # the privacy-enhanced message's fields
    (lambda: _real("r030"), 42, "SEC_HEADER_CLOSE"),
    (lambda: _real("r049"), 46, "TEXT_OPEN"),
    (lambda: TAGGED_TABLE, 8, "CAPTION_CLOSE"),
    (lambda: TAGGED_TABLE, 9, "MARKER_CELL"),
    (lambda: TAGGED_TABLE, 11, "FOOTNOTES_TAG"),
    (lambda: TAGGED_TABLE, 12, "FOOTNOTE_MARK"),
    (lambda: TAGGED_TABLE, 13, "FOOTNOTES_CLOSE"),
    (lambda: TAGGED_TABLE, 16, "DOCUMENT_CLOSE"),
])
def test_a_line_is_read_by_its_terminal(source, line, expected):
    assert expected in [name for at, name in kinds(source()) if at == line]
