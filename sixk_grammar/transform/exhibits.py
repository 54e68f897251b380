"""Exhibits: from an exhibit index, a contents list, or numbered body lines.

Which list holds the exhibits is a question of context the grammar leaves
open: under "EXHIBIT INDEX" every entry counts (even a bare "1"), under
"CONTENTS" or after a sentence ending in ":" numbered lines count, and
"Exhibit 99.1" counts anywhere.  A bare number that continues the page
counters seen so far ("1 ... 2 ... 3") is a page counter, not an exhibit.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lark import Token

from ..parser import kind, terminal_pattern
from .common import squash
from .cover import CoverEntry
from .signature import SignatureBlock
from .tables import Table, lines_of


@dataclass
class Entry:
    """A numbered line: the number token and the description token after it."""

    number: Token
    description: Token | None


@dataclass
class Enclosure:
    """"Enclosure(s):" and the text under it (or on its line)."""

    heading: Token
    text: Token | None


@dataclass
class Listing:
    """An "EXHIBIT INDEX" (kind "exhibits") or "CONTENTS" (kind "contents")."""

    kind: str
    items: list     # what stands under the heading


@functools.lru_cache(maxsize=1)
def _entry_number_pattern() -> re.Pattern:
    """The grammar's own INDEX_NUMBER terminal, to read the first cell of a table row."""
    return terminal_pattern("INDEX_NUMBER")


def number_text(token: Token) -> str:
    """The number as written, without the line end the token may carry."""
    return str(token).split("\n", 1)[0].strip(" \t|")


def normalise_number(text: str) -> str:
    """'Exhibit No. 99.1:' -> '99.1', 'EX-99.1' -> '99.1', '(a)' -> 'a'."""
    text = squash(text.split("\n", 1)[0].strip(" \t|"))
    text = re.sub(r"^(?:exhibit\s*(?:no\.?\s*)?|ex-)", "", text, flags=re.IGNORECASE)
    return text.strip("()").rstrip(".:)").strip()


def is_explicit(text: str) -> bool:
    """Numbered with "Exhibit" or "EX-": an exhibit wherever it stands."""
    return text.lstrip().lower().startswith(("exhibit", "ex-"))


def is_bare(text: str) -> bool:
    return text.strip().isdigit()


def _described(entry: Entry) -> tuple[str | None, int]:
    """The entry's text (its first line and the indented lines that continue
    it; under a number that stands on its own line, as text flattened from
    an HTML table puts it, the lines that go on with its sentence) and the
    last line it takes."""
    if entry.description is None:
        return None, entry.number.line
    lines = lines_of(entry.description)
    indent = entry.number.column - 1
    alone = lines[0][0] > entry.number.line    # the number on a line (or in a cell) of its own
    parts, end_line = [lines[0][1].strip()], lines[0][0]
    for line, text in lines[1:]:
        if not text.strip(" \t|"):
            break
        if len(text) - len(text.lstrip()) <= indent and not (alone and _goes_on(parts[-1], text)):
            break
        parts.append(text.strip(" \t|"))
        end_line = line
    return squash(" ".join(parts)) or None, end_line


#: A description's line that its next line goes on with: it ends with a
#: comma or a word that cannot end one ("dated", "entitled", "of" ...).
_OPEN_END = re.compile(r"(?:[,\u2013\u2014-]|\b(?:dated|entitled|titled|of|the|a|an|and|or|on|to|for|in|by|"
                       r"with|from|regarding|re|as|at))$", re.IGNORECASE)


def _goes_on(previous: str, text: str) -> bool:
    """Whether a line without indentation goes on with the description above:
    it starts in the middle of a sentence (a small letter, a figure), or the
    line above stops in one."""
    first = text.strip(" \t|")[:1]
    return first.islower() or first.isdigit() or bool(_OPEN_END.search(previous.rstrip()))


def _exhibit(number: str, description: str | None, line: int, end_line: int | None = None) -> dict:
    """An exhibit ("" for a number it has none); the separator after its
    number ("Exhibit 99.1 : ...") is no part of its description."""
    description = description.lstrip(":-\u2013\u2014 \t") or None if description else None
    return {"line": line, "end_line": end_line or line, "number": normalise_number(number) or None,
            "description": description}


def _entry_exhibit(entry: Entry) -> dict:
    description, end_line = _described(entry)
    return _exhibit(number_text(entry.number), description, entry.number.line, end_line)


def _table_entries(table: Table, explicit_only: bool) -> list[dict]:
    entries: list[dict] = []
    pattern = _entry_number_pattern()
    for line, text in table.text_rows():
        first = table.first_cell(text)     # the number column
        found = pattern.match(first + "\n") if first else None
        if found and (is_explicit(first) or not explicit_only):
            # the description: all the row holds after the number, whatever the columns cut
            after = text.index(first) + len(found.group(0).rstrip())
            entries.append(_exhibit(found.group(0), squash(text[after:]) or None, line))
        elif entries and (not first or text[:1].isspace()) and text.strip():
            # a continuation line: an empty number column, or indented
            previous = entries[-1]
            previous["description"] = squash(f"{previous['description'] or ''} {text}")
            previous["end_line"] = line
    return entries


#: What a sentence introducing the report's exhibits speaks of: "the
#: following Exhibits:", "the following documents ... attached hereto:",
#: "This report on Form 6-K contains the following:".  A numbered list after
#: any other sentence ("Highlights for the half year:") is the text's own.
_EXHIBITS_INTRO = re.compile(r"exhibit|document|attach|enclos|furnish|incorporat|annex|"
                             r"(?:contain|comprise|include|consist)s?(?:\s+of)?\s+the\s+following|"
                             r"consists?\s+of|the\s+following\s*:-|contained\s+in\s+this\s+report|"
                             r"form\s*6-?k", re.IGNORECASE)
#: Column headings of an exhibit table, not exhibits themselves.
_COLUMN_WORDS = re.compile(r"(?:exhibits?|no\.?|number|description|documents?|page|sequential|[\s|:#-])*",
                           re.IGNORECASE)


#: Text under a listing's heading longer than this is prose, not column headings:
#: the numbered lines after it are the listing's only if it introduces them.
PROSE = 200


def _introduces_exhibits(item) -> bool:
    """Whether ``item`` is body text (or text under a contents heading)
    ending in a sentence with ":" that introduces exhibits (only its tail is
    read, so cost does not grow with the body)."""
    if not (isinstance(item, Token) and kind(item) in ("BODY_TEXT", "INDEX_TEXT")):
        return False
    tail = squash(" ".join(line for line in str(item)[-2000:].splitlines() if line.strip())[-400:]).rstrip("-")
    if not tail.endswith(":"):
        return False
    sentence = re.split(r"[.!?](?:\s|$)", tail)[-1]
    return bool(_EXHIBITS_INTRO.search(sentence))


def _unnumbered(listing: Listing) -> list[dict]:
    """An exhibit heading over descriptions that carry no number: each line
    of the first paragraph under it is an exhibit whose number is null."""
    texts = [part for part in listing.items if isinstance(part, Token)]
    if not texts or isinstance(listing.items[0], Table):
        return []
    return _described_lines(texts[0])


def _described_lines(token: Token) -> list[dict]:
    """Each line of the first paragraph of ``token`` (the text under an
    exhibit heading) as an exhibit without a number."""
    exhibits = []
    for line, text in lines_of(token):
        if not text.strip():
            if exhibits:
                break
            continue
        if not _COLUMN_WORDS.fullmatch(text):
            exhibits.append({"line": line, "end_line": line, "number": None, "description": squash(text)})
    return exhibits


def collect_exhibits(items: list, counter: int | None) -> list[dict]:
    """Exhibits from body items (document order), given the page counter so far."""
    indexed: list[dict] = []
    listed: list[dict] = []
    introduced = False  # the last item before this run of entries introduces exhibits
    for item in items:
        if not isinstance(item, Entry):
            introduced = isinstance(item, Enclosure) or _introduces_exhibits(item)
        if isinstance(item, Enclosure) and item.text is not None and item.text.line == item.heading.line:
            listed.append(_exhibit("", squash(str(item.text).split("\n", 1)[0]), item.text.line))
        if isinstance(item, Token) and kind(item) in ("PAGE_COUNTER", "PAGE_BREAK"):
            found = re.search(r"\d+", str(item))
            counter = int(found.group(0)) if found else counter
        elif isinstance(item, Listing):
            found: list[dict] = []
            listing_open = True   # no prose under the heading, or prose that introduces exhibits
            for part in item.items:
                if isinstance(part, Token) and len(part) > PROSE:
                    listing_open = _introduces_exhibits(part)
                if isinstance(part, Entry) and not listing_open and not is_explicit(number_text(part.number)):
                    continue
                if isinstance(part, Entry):
                    number = number_text(part.number)
                    if is_bare(number):
                        if counter is not None and int(number) == counter + 1:
                            counter += 1
                            break
                        if item.kind == "contents":
                            continue
                    found.append(_entry_exhibit(part))
                elif isinstance(part, Table):
                    found.extend(_table_entries(part, explicit_only=False))
            if item.kind == "exhibits":
                indexed.extend(found or _unnumbered(item))
            else:
                listed.extend(found)
        elif isinstance(item, Entry):
            number = number_text(item.number)
            if is_explicit(number) or introduced:
                listed.append(_entry_exhibit(item))
        elif isinstance(item, Table):
            listed.extend(_table_entries(item, explicit_only=True))
    return _unique(indexed or listed or _named_in_sentences(items))


#: An exhibit named in a sentence: "attached hereto as Exhibit 99.1",
#: "Exhibit 99.1, annexed hereto, is ...", "furnished herewith as Exhibit 1".
_NAMED = re.compile(r"(?:(?:attached|annexed|furnished|filed|included|enclosed|incorporated)\s+(?:here(?:to|with|in)\s+)?"
                    r"as\s+(?P<after>exhibits?\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})*[a-z]?)"
                    r"|(?P<before>exhibits?\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})*[a-z]?),?\s+(?:which\s+is\s+)?"
                    r"(?:attached|annexed|furnished|enclosed|included)\s+here(?:to|with|in))", re.IGNORECASE)


def _named_in_sentences(items: list) -> list[dict]:
    """Exhibits the body names in its sentences, when it lists none: only
    when it has no exhibit index (whose entries may be cut off) and was read
    through to its signature (a list may follow the sentence)."""
    if any(isinstance(item, Listing) for item in items) or not any(
            isinstance(item, SignatureBlock) for item in items):
        return []
    exhibits = []
    for item in items:
        if isinstance(item, Token) and kind(item) == "BODY_TEXT":
            text = str(item)
            for found in _NAMED.finditer(text):
                name = found.group("after") or found.group("before")
                line = item.line + text.count("\n", 0, found.start())
                exhibits.append(_exhibit(name, None, line))
    return exhibits


def cover_exhibits(items: list) -> list[dict]:
    """The documents listed by number on the cover (``CoverEntry`` items of
    the heading), as exhibits."""
    return [_exhibit(number_text(item.number), squash(str(item.text)), item.number.line, item.text.line)
            for item in items if isinstance(item, CoverEntry)]


def _unique(entries: list[dict]) -> list[dict]:
    """Drop mentions without a description of a number listed with one
    ("EXHIBIT 99.1" in a table of contents); two described entries under one
    number both stay (SK501 reports them)."""
    described = {entry["number"] for entry in entries if entry["description"]}
    seen: set = set()
    kept: list[dict] = []
    for entry in entries:
        if entry["description"] or (entry["number"] not in described and entry["number"] not in seen):
            kept.append(entry)
        seen.add(entry["number"])
    return kept
