"""The signature block: from its lines to one entry per signer.

The grammar gives each line's free text and its labelled fields ("Date:",
"By:", "Name:", "Title:").  What it cannot see is layout across lines: a
label whose value sits on a later line, two signers side by side, a title
that wraps.  This module pairs them by line and column.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lark import Transformer, v_args

from ..dates import iso_date
from ..parser import kind
from .common import clean, squash

FIELD_KINDS = {"date_field": "date", "by_field": "by", "name_field": "name",
               "title_field": "title", "name_title_field": "name_title"}
LEAD_KINDS = {"SIGNATURE_TEXT": "text", "CONFORMED_SIGNATURE": "signature",
              "REGISTRANT_CAPTION": "registrant", "SIGNATURE_CAPTION": "caption",
              "SIGNATURE_DATE": "date_value", "RULE": "rule"}
#: What a label with nothing after it may take from the lines below it.
VALUE_KINDS = {"date": ("date_value",), "by": ("signature", "text"), "name": ("text",),
               "title": ("text",), "name_title": ("text",)}
#: Lead cells that are never a field's value: rules under a line, captions.
NOT_VALUES = ("rule", "registrant", "caption")
QUOTES = "\"'\u201c\u201d\u2018\u2019"
#: How far (in columns) a value on a later line may sit from its label.
COLUMN_SLACK = 12
#: A title runs over at most this many lines, and this many words.
TITLE_LINES = 4
TITLE_WORDS = 16
#: A signer's name has at most this many words.
NAME_WORDS = 6
#: The most lines from one line of a signer's text to the next (blank lines
#: and lines of cell bars between them).
LINE_GAP = 4
#: Words of an office: a line holding one is a title, never a signer's name.
_OFFICE_WORD = (r"(?:chief|president|vice|director|officer|chair(?:man|woman|person)?|secretary|treasurer|"
                r"manager|managing|counsel|executive|head|controller|comptroller|accountant|attorney|"
                r"authori[sz]ed|signatory|representative|partner|deputy|assistant|principal|administrator|"
                r"liquidator|trustee|ceo|cfo|coo|cto|c\.e\.o|c\.f\.o|svp|evp|vp)(?![a-z])")
OFFICE = re.compile(r"(?<![a-z])" + _OFFICE_WORD, re.IGNORECASE)
_OFFICE_HERE = re.compile(_OFFICE_WORD, re.IGNORECASE)
#: What a title's next line may go on with: the part of the company the
#: office heads ("Finance Department"), or a joining word.
TITLE_GOES_ON = re.compile(r"(?<![a-z])(?:department|division|affairs|relations|finance|financial|legal|law|"
                           r"corporate|accounting|treasury|operations|administration|communications|"
                           r"board)(?![a-z])|^(?:of|and|&|-|/|,)", re.IGNORECASE)
#: Where a name may run into its title on one line: after a comma ("Jane
#: Doe, President"), or where a rendering that lost the line break glued
#: them ("Sarah BillingtonManager").
_NAME_ENDS = re.compile(r",\s+|(?<=[a-z])(?=[A-Z])")


def is_title(text: str) -> bool:
    return bool(OFFICE.search(text))


def split_name_title(text: str) -> tuple[str, str | None]:
    """A name and the title run into it ("Jane Doe, President and C.E.O.")."""
    for found in _NAME_ENDS.finditer(text):
        if found.start() and _OFFICE_HERE.match(text, found.end()):
            return text[:found.start()].strip(), text[found.end():].strip()
    return text, None


@dataclass
class Cell:
    """One piece of a signature line: free text, or a label with its value."""

    kind: str
    text: str
    line: int
    column: int
    value_kinds: list[str] = field(default_factory=list)
    value_line: int = 0
    value_column: int = 0
    used: bool = False


@dataclass
class SignatureLine:
    line: int
    cells: list[Cell]


@dataclass
class SignatureBlock:
    line: int
    lines: list[SignatureLine]


class SignatureTransformer(Transformer):
    """Callbacks for the rules of signature.lark (namespace ``signature``)."""

    @v_args(tree=True)
    def _field(self, tree):
        """Any labelled field: the label's kind, its value and where both stand."""
        label, values = tree.children[0], tree.children[1:]
        text = squash(" ".join(clean(v) for v in values if LEAD_KINDS[kind(v)] not in NOT_VALUES))
        where = values[0] if values else label
        return Cell(FIELD_KINDS[kind(tree.data)], text, label.line, label.column,
                    [LEAD_KINDS[kind(v)] for v in values], where.line, where.column)

    date_field = by_field = name_field = title_field = name_title_field = _field

    def signature_line(self, items):
        cells = []
        for item in items:
            if isinstance(item, Cell):
                cells.append(item)
            elif kind(item) in LEAD_KINDS:
                cells.append(Cell(LEAD_KINDS[kind(item)], clean(item), item.line, item.column))
        line = cells[0].line if cells else items[-1].line
        return SignatureLine(line, cells)


def block_from(items, line: int) -> SignatureBlock:
    """Collect a block's lines, including those inside its tables."""
    lines: list[SignatureLine] = []
    for item in items:
        if isinstance(item, SignatureLine):
            lines.append(item)
        elif hasattr(item, "rows"):
            lines.extend(row for row in item.rows if isinstance(row, SignatureLine))
    return SignatureBlock(line, lines)


def read_signers(block: SignatureBlock) -> list[dict]:
    """One dict per signer of the block, in the contract's shape."""
    cells = [cell for line in block.lines for cell in line.cells if cell.text or cell.kind in FIELD_KINDS.values()]
    _fill_empty_labels(cells)
    registrant = _registrant(cells)
    anchors = [index for index, cell in enumerate(cells)
               if cell.kind == "by" or (cell.kind == "signature" and not cell.used)]
    side_by_side = len({cells[index].column for index in anchors}) > 1
    signers = []
    groups = _anchor_groups(cells, anchors)
    for number, group in enumerate(groups):
        # a group's names and titles stand before the next group's first "By:"
        end = groups[number + 1][0] if number + 1 < len(groups) else len(cells)
        row = Row([cells[i] for i in group], cells[group[0] + 1:end])
        for position, index in enumerate(group):
            signers.append(_signer(cells, index, end, side_by_side, row, position))
    if not signers:
        signers.extend(_unsigned(cells))
    # labelled dates, else a date on a line of its own (closing the block, or the legend's)
    dates = ([c for c in cells if c.kind == "date" and c.text]
             or [c for c in cells if c.kind == "date_value" and not c.used][:1])
    nearest: dict[int, Cell] = {}   # by column: signers share few columns
    for signer in signers:
        column = signer.pop("_column")
        if dates and column not in nearest:
            nearest[column] = min(dates, key=lambda c: abs(c.column - column))
        date = nearest.get(column)
        signer.update(registrant=registrant, date=iso_date(date.text) if date else None,
                      date_text=date.text if date else None)
    end_line = _last_line(cells, list(nearest.values()), block)
    for signer in signers:
        signer["end_line"] = max(end_line, signer["line"])
    return signers


def _last_line(cells: list[Cell], dates: list[Cell], block: SignatureBlock) -> int:
    """The block's last line that holds a signer's field: a label, a typed
    signature, a value taken, a date read (the block itself runs on to the
    next section, over text that is not the signature's)."""
    ends = [_value_line(cell) for cell in cells
            if cell.used or cell.kind in ("signature", *FIELD_KINDS.values())] + [cell.line for cell in dates]
    return max(ends) if ends else (block.lines[-1].line if block.lines else block.line)


def _unsigned(cells: list[Cell]) -> list[dict]:
    """The signer of a block with no "By:" and no "/s/": from its labelled
    fields, or, with no labels at all, the name under the registrant with a
    title on the line after it (the name and title typed right-aligned)."""
    if any(c.kind in ("date", "name", "title", "name_title") for c in cells):
        return [_signer(cells, 0, len(cells))]
    first_text = next((index for index, cell in enumerate(cells) if cell.kind == "text"), None)
    if first_text is None:
        return []
    signer = _signer(cells, first_text, len(cells))
    name, title = signer["name"], signer["title"]
    return [signer] if name and len(name.split()) <= NAME_WORDS and title and is_title(title) else []


#: Signers side by side in one row: at most this many (a longer run of "By:"
#: with nothing between them is several rows).
MAX_SIDE_BY_SIDE = 6


def _anchor_groups(cells: list[Cell], anchors: list[int]) -> list[list[int]]:
    """Signers side by side: runs of "By:" cells with no name or title
    between them ("By: A   By: B" on one line, or one cell a line)."""
    groups: list[list[int]] = []
    for index in anchors:
        if groups and len(groups[-1]) < MAX_SIDE_BY_SIDE and not any(
                cell.kind in ("name", "title", "name_title") for cell in cells[groups[-1][-1] + 1:index]):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


class Row:
    """Signers side by side, and the name and title cells that follow them up to
    the next row's "By:": those on one line, and those one a line that are as
    many as the signers (then each signer's is the one at its position)."""

    def __init__(self, anchors: list[Cell], following: list[Cell]):
        self.anchors = anchors
        self.by_line: dict[tuple[str, int], list[Cell]] = {}
        by_kind: dict[str, list[Cell]] = {}
        for cell in following:
            if cell.kind in ("name", "title", "name_title") and cell.line > anchors[-1].line - 1:
                self.by_line.setdefault((cell.kind, cell.line), []).append(cell)
                by_kind.setdefault(cell.kind, []).append(cell)
        self.one_a_line = {kind: {id(cell): position for position, cell in enumerate(run)}
                           for kind, run in by_kind.items()
                           if len({cell.line for cell in run}) == len(run) == len(anchors)}


def _fill_empty_labels(cells: list[Cell]) -> None:
    """Labels with nothing after them take the values below them, in order:
    "Name:" and "Title:" in one column take the values of the next column,
    or of the lines below, in the same order."""
    pending: list[Cell] = []
    for cell in cells:
        if cell.kind in FIELD_KINDS.values():
            if cell.text:   # values come in the labels' order: those before it have had theirs
                pending = [label for label in pending if label.line == cell.line]
            else:
                pending = pending[-(MAX_SIDE_BY_SIDE * 2 - 1):] + [cell]   # a table's labels are few
            continue
        if cell.used or not pending:
            continue
        label = next((label for label in pending if cell.line > label.line
                      and cell.kind in VALUE_KINDS[label.kind]
                      and abs(cell.column - label.column) <= COLUMN_SLACK), None)
        if label is not None:
            pending = pending[pending.index(label) + 1:]
            label.text, label.value_kinds, cell.used = cell.text, [cell.kind], True
            label.value_line, label.value_column = cell.line, cell.column


def _registrant(cells: list[Cell]) -> str | None:
    """The text above "(Registrant)", else the first text before the fields."""
    above = None
    for cell in cells:
        if cell.kind == "registrant" and above is not None:
            return above.text
        if cell.kind == "text" and not cell.used:
            above = cell
    for index, cell in enumerate(cells):
        if cell.kind in ("by", "signature", "name", "title", "name_title"):
            break
        if cell.kind == "text" and not cell.used:
            return _broken_name(cells, index)
    return None


def _broken_name(cells: list[Cell], index: int) -> str:
    """A name (``cells[index]``'s text) and, when it is one word, the line
    after it that goes on with it: some renderings break a line after its
    first word ("Christer" / "V. Ahlvik")."""
    name = cells[index].text
    following = index + 1
    while following < len(cells) and cells[following].used and cells[following].line == _value_line(cells[index]):
        following += 1      # the label's own value
    if (len(name.split()) == 1 and following < len(cells) and cells[following].kind == "text"
            and not cells[following].used and not is_title(cells[following].text)
            and _follows(cells, index, following)):
        cells[following].used = True
        return f"{name} {cells[following].text}"
    return name


def _signer(cells: list[Cell], start: int, end: int, side_by_side: bool = False,
            row: Row | None = None, position: int = 0) -> dict:
    """The signer whose "By:" (or typed signature) is ``cells[start]``, its
    fields among the cells before ``end``.

    When signers stand side by side (``row``), a line holding one name (or
    title) per signer gives this signer the one at its ``position``;
    otherwise a signer's name and title are those in its own column.
    """
    anchor = cells[start]
    signature = anchor.text if anchor.kind in ("by", "signature") else None
    name = title = None
    for index in range(start + 1, end):
        cell = cells[index]
        if cell.kind == "by" and cell.column == anchor.column and not (row and cell in row.anchors):
            break
        if not _belongs(cell, anchor, side_by_side, row, position):
            continue
        if cell.kind == "name" and name is None:
            name = _broken_name(cells, index) or None
        elif cell.kind == "title" and title is None:
            title = _title_from(cells, index, any_text=True)
        elif cell.kind == "name_title" and name is None:
            name, title = _split_name_title(cell.text, signature)
    if name is None:
        name, title = _typed_name(cells, [i for i in range(start + 1, end) if cells[i].kind == "text"
                                          and not cells[i].used
                                          and abs(cells[i].column - anchor.column) <= COLUMN_SLACK * 3],
                                  title, bool(signature))
    if name is None:
        name = signed_name(signature)
    name, run_on = _run_on_name(name)
    return {"line": anchor.line, "signature": signature, "name": _unquoted(name),
            "title": _unquoted(title or run_on), "_column": anchor.column}


def _run_on_name(name: str | None) -> tuple[str | None, str | None]:
    """A name longer than a name can be has run on into the text after it,
    as in a document flattened onto one line: it is typed twice ("Jane Doe
    Jane Doe President"), or stops at its title's first office word.  The
    name, and the title that follows it."""
    words = (name or "").split()
    if len(words) <= NAME_WORDS:
        return name, None
    for size in range(NAME_WORDS, 1, -1):
        if [w.lower() for w in words[:size]] == [w.lower() for w in words[size:2 * size]]:
            words = words[:size] + words[2 * size:]
            break
    office = next((i for i, word in enumerate(words) if i and OFFICE.match(word)), None)
    if office is not None and office <= NAME_WORDS:
        return " ".join(words[:office]), _title_words(" ".join(words[office:])) or None
    return " ".join(words[:NAME_WORDS]), None


def signed_name(signature: str | None) -> str | None:
    """The name typed in a "/s/" signature, as written."""
    return _unquoted(clean(re.sub("/s/", "", signature, flags=re.IGNORECASE))) if signature else None


def _belongs(cell: Cell, anchor: Cell, side_by_side: bool, row: Row | None, position: int) -> bool:
    """Whether a name or title cell after the anchor is this signer's."""
    if cell.kind not in ("name", "title", "name_title"):
        return True
    if row is not None and len(row.anchors) > 1:
        if cell.kind == "name":   # the name typed in a signer's "/s/" signature is that signer's
            signed = [c for c in row.anchors if _signed_name(c.text) == cell.text.lower()]
            if signed:
                return signed[0] is anchor
        same_line = row.by_line.get((cell.kind, cell.line), [])
        if len(same_line) == len(row.anchors):
            return same_line.index(cell) == position
        positions = row.one_a_line.get(cell.kind, {})
        if id(cell) in positions:
            return positions[id(cell)] == position
    return not side_by_side or abs(cell.column - anchor.column) <= COLUMN_SLACK


def _signed_name(signature: str) -> str:
    """The name in a typed signature: "/s/ “Kyu June Hwang”" -> "kyu june hwang"."""
    return clean(signature.lower().replace("/s/", "")).strip(QUOTES)


def _unquoted(text: str | None) -> str | None:
    """A name or title without the quotes some filers type around it."""
    if text is None:
        return None
    return text.strip(QUOTES).strip() or None


def _typed_name(cells: list[Cell], texts: list[int], title: str | None,
                signed: bool) -> tuple[str | None, str | None]:
    """The name typed under a signature (``texts``: the indexes of the text
    cells that may hold it), and the title on the line after it or run into
    it.  A title is never the name: under a "/s/" signature (``signed``) a
    title with no name above it is the title alone."""
    if not texts:
        return None, title
    first = cells[texts[0]]
    name, run_in = split_name_title(first.text)
    if run_in:   # "Jane Doe, President and C.E.O."
        first.used = True
        return name or None, title or run_in
    if is_title(first.text):
        if signed and title is None:
            title = _title_from(cells, texts[0])
        return None, title
    first.used = True
    name, run_in = split_name_title(_broken_name(cells, texts[0]))
    texts = [index for index in texts if not cells[index].used or index == texts[0]]
    if title is None:
        if run_in:
            title = run_in
        elif len(texts) > 1 and _follows(cells, texts[0], texts[1]):
            title = _title_from(cells, texts[1], any_text=True)
    return name or None, title


def _follows(cells: list[Cell], first: int, second: int) -> bool:
    """Whether ``cells[second]`` stands on a line just after ``cells[first]``
    (blank lines and lines of cell bars aside), with nothing between them
    but rules, captions and text already taken as a value."""
    return (0 < cells[second].line - _value_line(cells[first]) <= LINE_GAP
            and all(cells[i].kind in NOT_VALUES or cells[i].used for i in range(first + 1, second)))


def _value_line(cell: Cell) -> int:
    """The line of a cell's text: a label's value may stand below it."""
    return cell.value_line or cell.line


def _title_from(cells: list[Cell], index: int, any_text: bool = False) -> str | None:
    """The title's text (``cells[index]``), with the lines below that go on
    with it: an office or the part of the company it heads ("Senior Counsel"
    / "Head of Corporate & Financial Law"), up to four lines.  (``any_text``:
    the first line is a title by its place, even without an office word.)"""
    title = cells[index]
    if not any_text and title.kind == "text" and not is_title(title.text):
        return None
    title.used = True
    parts, last = [title.text], index
    for next_index in range(index + 1, len(cells)):
        if len(parts) >= TITLE_LINES:
            break
        cell = cells[next_index]
        if cell.used or cell.line == cells[last].line and cell.kind in NOT_VALUES:
            continue
        if (cell.kind != "text" or not _follows(cells, last, next_index)
                or not (is_title(cell.text) or TITLE_GOES_ON.search(cell.text))):
            break
        parts.append(cell.text)
        cell.used, last = True, next_index
    return _title_words(" ".join(parts)) or None


def _title_words(text: str) -> str:
    """A title's words: it ends before a word with a figure in it (a document
    number, a date: what a one-line rendering runs on with) and after
    TITLE_WORDS words."""
    words = []
    for word in text.split():
        if any(ch.isdigit() for ch in word) or len(words) >= TITLE_WORDS:
            break
        words.append(word)
    text = " ".join(words).strip(" ,;")
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def _split_name_title(text: str, signature: str | None) -> tuple[str | None, str | None]:
    """The name and the title of a "Name and Title:" cell: "Du Guosheng
    Chairman of the Board" after "/s/ DU GUOSHENG"; else the title alone
    when the cell starts with an office (the signature then gives the name);
    else split before an office as ``split_name_title`` does."""
    if signature:
        signed = _signed_name(signature)
        if signed and text.lower().startswith(signed):
            return text[:len(signed)].strip() or None, text[len(signed):].strip(" ,;-") or None
    if OFFICE.match(text):
        return None, text
    name, title = split_name_title(text)
    return name or None, title
