"""An HTML 6-K as the plain text the grammar reads, with a map back to the HTML.

Most 6-Ks since the mid-2000s are filed as HTML.  Their structure is the same
cover, signature block and exhibit index, laid out by markup instead of by
spaces, so the grammar reads them once they are rendered as a text reader
sees them: each block (paragraph, division, heading, table row) on lines of
its own, a blank line around paragraphs and tables, the cells of a table row
separated by tabs, runs of HTML white space as one space, ``<pre>`` text as
it is, entities as their characters (``&nbsp;`` stays U+00A0, a blank to the
grammar), a CSS page break as a ``<PAGE>`` line.  Nothing is read from
``<head>``, scripts, styles, or elements hidden with ``display:none`` (the
inline XBRL header).  A check-box ``<input>`` becomes its glyph (☒ or ☐).

The tokenizer is the standard library's ``html.parser``: it accepts any
input, however malformed, and gives each piece's position, so every
position in the rendering maps back to the HTML's line and column.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose content is never shown.
_HIDDEN = {"head", "script", "style", "noscript", "template", "title", "ix:header"}
#: Elements without an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
#: Blocks set off by a blank line, as a text reader shows paragraphs.
_PARAGRAPHS = {"p", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote",
               "pre", "center", "hr", "form", "fieldset", "xmp", "listing", "plaintext"}
#: Blocks that start a line of their own.
_LINES = {"div", "tr", "li", "dt", "dd", "address", "caption", "section", "article", "header",
          "footer", "main", "nav", "aside", "figure", "figcaption", "body", "html", "tbody",
          "thead", "tfoot"}
_CELLS = {"td", "th"}
_PREFORMATTED = {"pre", "xmp", "listing", "plaintext"}
_WORD = re.compile(r"[^ \t\n\r\f]+")
_PAGE_BREAK = re.compile(r"(?:page-)?break-(before|after)\s*:\s*(?:always|page)")
_LENGTH = re.compile(r"\s*(-?[\d.]*)")


def _zero(length: str) -> bool:
    number = _LENGTH.match(length).group(1)
    try:
        return abs(float(number)) < 0.01   # Word writes "margin-bottom:.0001pt"
    except ValueError:
        return False        # "auto", "inherit", or no value at all (a browser drops that declaration)


def _no_margins(style: str) -> bool:
    """Whether a block's style sets its top and bottom margins to zero
    (filing agents' one <p> a line): it shows as a line, not a paragraph."""
    if "margin" not in style:
        return False
    declarations = dict(part.split(":", 1) for part in style.split(";") if ":" in part)
    declarations = {name.strip(): value.strip() for name, value in declarations.items()}
    sides = declarations.get("margin", "").split()
    top = declarations.get("margin-top", sides[0] if sides else None)
    bottom = declarations.get("margin-bottom", sides[2] if len(sides) > 2 else sides[0] if sides else None)
    return top is not None and bottom is not None and _zero(top) and _zero(bottom)


#: A "<" that cannot open markup: one character, so positions stay exact.
_DEFUSED = "\ue000"
_MARKED_SECTION = re.compile(
    r"<!\[(?!(?:cdata|if|else|endif|temp|ignore|include|rcdata)(?![-_.a-z0-9]))", re.IGNORECASE)
_MARKED_SECTION_END = re.compile(r"\]\s*>")
_OPEN_AT_END = re.compile(r"<[a-zA-Z/!?]")
#: A comment, read as browsers read it: from its "<!--" to the first "-->"
#: after it; the group is set for "<!-->" and "<!--->", empty comments to a
#: browser and text to html.parser.
_COMMENT = re.compile(r"<!--(?:(-?>)|.*?-->)", re.DOTALL)


def _empty_hidden(comment: re.Match) -> str:
    return "<!x" + comment.group()[3:] if comment.group(1) else comment.group()


def _defused(source: str) -> str:
    """``source`` without what html.parser would search the rest of the
    input for each time (quadratic on hostile input) or give up on with an
    exception: a comment or tag left open at the end is dropped, as browsers
    drop it; a marked section it does not know becomes text; an empty comment
    a browser hides becomes a "<!x...>" declaration of its length, which
    html.parser skips too."""
    closed = source.rfind("-->") + 3     # (no comment after it is closed: each match below ends before it)
    source = _COMMENT.sub(_empty_hidden, source[:closed]) + source[closed:]
    source = _MARKED_SECTION.sub(_DEFUSED + "![", source)
    ends = [match.end() for match in _MARKED_SECTION_END.finditer(source)]
    last = ends[-1] if ends else 0
    source = source[:last] + source[last:].replace("<![", _DEFUSED + "![")
    last = source.rfind("-->") + 3 if "-->" in source else 0
    unclosed = source.find("<!--", last)
    if unclosed >= 0:
        source = source[:unclosed]
    opened = _OPEN_AT_END.search(source, source.rfind(">") + 1)
    return source[:opened.start()] if opened else source


@dataclass
class Rendering:
    """The text of an HTML document and where each part of it came from."""

    text: str
    #: Per rendered line (0-based): the rendered columns where runs of text
    #: begin, and for each the HTML's (line, column) there, all 1-based.
    starts: list[list[int]] = field(default_factory=list)
    origins: list[list[tuple[int, int]]] = field(default_factory=list)
    #: The HTML stops in the middle of its last line (a file cut short):
    #: the text's last line may be cut too.
    cut: bool = False

    def source_position(self, line: int, column: int = 1) -> tuple[int, int]:
        """The HTML's (line, column) for a 1-based position in the text."""
        index = min(max(line, 1), len(self.starts)) - 1
        while index > 0 and not self.starts[index]:
            index -= 1    # a line with no text (a blank or <PAGE> line): the text above it
        if index < 0 or not self.starts[index]:
            return 1, 1
        if index != line - 1:
            column = 1
        starts = self.starts[index]
        run = max(bisect.bisect_right(starts, column) - 1, 0)
        origin_line, origin_column = self.origins[index][run]
        return origin_line, origin_column + max(column - starts[run], 0)


class _SourceReader(HTMLParser):
    """An html.parser that knows the text it is fed, to read an entity whose
    name HTML does not know as a browser shows it: as written."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.source_lines: list[int] | None = None     # where each of its lines starts

    def entity_text(self, name: str) -> str:
        """What a reader sees for ``&name``: the character it names, or the
        text as written ("AT&T", "&Commission;"), with its ";" only if it has one."""
        text = html.unescape(f"&{name};")
        if text == f"&{name};":
            text = f"&{name};" if self._source_after(len(name) + 1) == ";" else f"&{name}"
        return text

    def _source_after(self, offset: int) -> str:
        """The character of the source ``offset`` characters after the parser's position."""
        if self.source_lines is None:
            self.source_lines = [0] + [match.end() for match in re.finditer("\n", self.source)]
        line, column = self.getpos()
        index = self.source_lines[line - 1] + column + offset
        return self.source[index:index + 1]


class _Renderer(_SourceReader):
    """Builds a Rendering from the parser's events (see the module's docstring)."""

    def __init__(self, source: str):
        super().__init__(source)
        self.lines: list[str] = []
        self.starts: list[list[int]] = []
        self.origins: list[list[tuple[int, int]]] = []
        self.pieces: list[str] = []
        self.width = 0
        self.line_starts: list[int] = []
        self.line_origins: list[tuple[int, int]] = []
        self.space = False              # white space seen since the last text
        self.hidden: list = []          # [tag, depth] of the hidden element we are in
        self.preformatted = 0
        self.cell = None                # (lines, width) where the open table cell began
        self.tables: list = []          # the open cells of the tables around this one
        self.breaks_after: list = []    # [tag, depth] of the elements that end with a page break
        self.blocks: list[tuple[str, bool]] = []   # open blocks, and whether each is a paragraph

    # ----------------------------------------------------------- output ---

    def _end_line(self, blank: bool = False) -> None:
        """End the current line (if it holds text); ``blank`` leaves an empty line after text."""
        if self.pieces:
            self.lines.append("".join(self.pieces).rstrip())
            self.starts.append(self.line_starts)
            self.origins.append(self.line_origins)
            self.pieces, self.width, self.line_starts, self.line_origins = [], 0, [], []
        if blank and self.lines and self.lines[-1]:
            self._push("")
        self.space = False

    def _push(self, line: str) -> None:
        self.lines.append(line)
        self.starts.append([])
        self.origins.append([])

    def _page_break(self) -> None:
        self._end_line()
        self._push("<PAGE>")

    def _emit(self, text: str, line: int, column: int) -> None:
        """Put ``text`` (no HTML white space in it) on the line, from (line, column) of the HTML."""
        if self.space and self.pieces:
            self.pieces.append(" ")
            self.width += 1
        self.space = False
        if not (self.line_origins and self.line_origins[-1][0] == line
                and column - self.line_origins[-1][1] == self.width + 1 - self.line_starts[-1]):
            self.line_starts.append(self.width + 1)
            self.line_origins.append((line, column))
        self.pieces.append(text.replace(_DEFUSED, "<"))
        self.width += len(text)

    # ----------------------------------------------------------- events ---

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        style = attributes.get("style", "").lower()
        if self.hidden:
            if tag == "body" and self.hidden[0] == "head":
                self.hidden = []      # a <head> never closed
            else:
                if tag == self.hidden[0] and tag not in _VOID:
                    self.hidden[1] += 1
                return
        if tag in _HIDDEN or re.search(r"display\s*:\s*none", style):
            if tag not in _VOID:
                self.hidden = [tag, 1]
            return
        breaks = {found.group(1) for found in _PAGE_BREAK.finditer(style)}
        if "before" in breaks:
            self._page_break()
        if tag == "br":
            self._line_break()
        elif tag == "table":
            self._end_line(blank=True)
            self.tables.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self._end_line()
            self.cell = None
        elif tag in _CELLS:
            if self.cell is not None and self.pieces:
                self.pieces.append("\t")
                self.width += 1
            self.space = False
            self.cell = (len(self.lines), self.width)
        elif tag in _PARAGRAPHS or tag in _LINES:
            blank = tag in _PARAGRAPHS and not _no_margins(style)
            self.blocks.append((tag, blank))
            self._block(blank)
        elif tag == "input" and attributes.get("type", "").lower() in ("checkbox", "radio"):
            line, column = self.getpos()
            self._emit("\u2612" if "checked" in attributes else "\u2610", line, column + 1)
        if tag in _PREFORMATTED:
            self.preformatted += 1
        if "after" in breaks:
            if tag in _VOID:
                self._page_break()
            else:
                self.breaks_after.append([tag, 1])
        elif self.breaks_after and self.breaks_after[-1][0] == tag and tag not in _VOID:
            self.breaks_after[-1][1] += 1      # the same element nested inside: its end is not the break

    def _close_block(self, tag: str) -> bool:
        """Close the innermost open ``tag`` (and blocks left open inside it):
        whether it is a paragraph with margins."""
        for depth in range(len(self.blocks) - 1, max(len(self.blocks) - 64, 0) - 1, -1):
            if self.blocks[depth][0] == tag:
                blank = self.blocks[depth][1]
                del self.blocks[depth:]
                return blank
        return tag in _PARAGRAPHS

    def _line_break(self) -> None:
        """``<br>``: end the line; a second one leaves an empty line."""
        if self.pieces:
            self._end_line()
        elif self.lines and self.lines[-1] and self.lines[-1] != "<PAGE>":
            self._push("")

    def _block(self, blank: bool) -> None:
        """A block starts or ends.  In a table cell it starts a line only
        when the cell already holds text, so a row stays one line."""
        if self.cell is None:
            self._end_line(blank=blank)
        elif (len(self.lines), self.width) != self.cell and self.pieces:
            self._end_line()
            self.cell = (len(self.lines), self.width)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[0]:
                self.hidden[1] -= 1
                if not self.hidden[1]:
                    self.hidden = []
            return
        if tag in _PREFORMATTED and self.preformatted:
            self.preformatted -= 1
        if tag == "table":
            self._end_line(blank=True)
            self.cell = self.tables.pop() if self.tables else None
        elif tag == "tr":
            self._end_line()
            self.cell = None
        elif tag in _CELLS:
            self.space = True
        elif tag in _PARAGRAPHS or tag in _LINES:
            if self.cell is None:
                self._end_line(blank=self._close_block(tag))
        if self.breaks_after and self.breaks_after[-1][0] == tag:
            self.breaks_after[-1][1] -= 1
            if not self.breaks_after[-1][1]:
                self.breaks_after.pop()
                self._page_break()

    def handle_data(self, data):
        if self.hidden or not data:
            return
        line, column = self.getpos()
        column += 1
        if self.preformatted:
            self._preformatted(data, line, column)
            return
        position = 0        # of (line, column) in data
        for word in _WORD.finditer(data):
            start = word.start()
            if start:
                self.space = True
            newlines = data.count("\n", position, start)
            if newlines:
                line += newlines
                column = start - data.rfind("\n", position, start)
            else:
                column += start - position
            self._emit(word.group(), line, column)
            position = start
        if _WORD.fullmatch(data[-1]) is None:
            self.space = True

    def _preformatted(self, data: str, line: int, column: int) -> None:
        for number, text in enumerate(data.split("\n")):
            if number:
                self._end_line()
                line, column = line + 1, 1
                if not text:
                    self._push("")   # an empty line of <pre> text is kept
                    continue
            if text:
                self.space = False
                self._emit(text, line, column)

    def handle_entityref(self, name):
        self._character(self.entity_text(name))

    def handle_charref(self, name):
        self._character(html.unescape(f"&#{name};"))

    def _character(self, text: str) -> None:
        if self.hidden:
            return
        line, column = self.getpos()
        if text.isspace() and text in " \t\n\r\f":
            self.space = True
        else:
            self._emit(text, line, column + 1)


def render(source: str) -> Rendering:
    """The text a reader of the HTML ``source`` sees (see the module's docstring)."""
    source = _defused(source)
    renderer = _Renderer(source)
    try:
        renderer.feed(source)
        renderer.close()
    except (AssertionError, ValueError):   # html.parser gives up on a few malformed declarations
        pass
    renderer._end_line()
    while renderer.lines and not renderer.lines[-1]:
        renderer.lines.pop()
        renderer.starts.pop()
        renderer.origins.pop()
    cut = not source.rstrip(" \t\r\f").endswith(("\n", ">"))
    return Rendering("\n".join(renderer.lines) + "\n", renderer.starts, renderer.origins, cut)


def map_positions(value, to_input):
    """``value`` (a part of the contract's dict) with its positions moved by
    ``to_input(line, column) -> (line, column)``: the ``line`` of a dict (with
    its ``column`` and ``end_line``), and the cover's ``positions`` (lines,
    or ``[line, column]`` pairs)."""
    if isinstance(value, list):
        return [map_positions(item, to_input) for item in value]
    if not isinstance(value, dict):
        return value
    moved = {key: map_positions(item, to_input) for key, item in value.items()}
    if isinstance(value.get("line"), int):
        if isinstance(value.get("column"), int):
            moved["line"], moved["column"] = to_input(value["line"], value["column"])
        else:
            moved["line"] = to_input(value["line"], 1)[0]
    if isinstance(value.get("end_line"), int):
        moved["end_line"] = to_input(value["end_line"], 1)[0]
    if isinstance(value.get("positions"), dict):
        moved["positions"] = {key: (to_input(item, 1)[0] if isinstance(item, int) else
                                    list(to_input(*item)) if isinstance(item, list) else item)
                              for key, item in value["positions"].items()}
    return moved


# ------------------------------------------------------------ the markup ---

@dataclass
class Element:
    """A start tag as written: its name, attributes, and where it stands
    (1-based line and column of its "<" in the HTML)."""

    tag: str
    attributes: dict[str, str]
    line: int
    column: int
    depth_in_tables: int = 0    # how many tables are open around it


@dataclass
class Markup:
    """What EDGAR's HTML rules look at: the start tags, the named entities,
    and the inline XBRL header's facts (name -> (text, line, column))."""

    elements: list[Element] = field(default_factory=list)
    entities: list[tuple[str, int, int]] = field(default_factory=list)
    facts: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    has_ix_header: bool = False


class _MarkupScanner(_SourceReader):
    """Collects a ``Markup`` from html.parser's events."""

    def __init__(self, source: str):
        super().__init__(source)
        self.markup = Markup()
        self.tables = 0
        self.fact: list | None = None     # [name, text pieces, line, column] of the open ix fact

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        attributes = {name.lower(): value or "" for name, value in attrs}
        self.markup.elements.append(Element(tag, attributes, line, column + 1, self.tables))
        if tag == "table":
            self.tables += 1
        elif tag == "ix:header":
            self.markup.has_ix_header = True
        elif tag in ("ix:nonnumeric", "ix:nonfraction") and attributes.get("name", "").lower().startswith("dei:"):
            self.fact = [attributes["name"].split(":", 1)[1], [], line, column + 1]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "table":
            self.tables -= 1

    def handle_endtag(self, tag):
        if tag == "table" and self.tables:
            self.tables -= 1
        elif tag in ("ix:nonnumeric", "ix:nonfraction") and self.fact is not None:
            name, pieces, line, column = self.fact
            self.markup.facts.setdefault(name, (squash_text("".join(pieces)), line, column))
            self.fact = None

    def handle_data(self, data):
        if self.fact is not None:
            self.fact[1].append(data)

    def handle_entityref(self, name):
        line, column = self.getpos()
        self.markup.entities.append((name, line, column + 1))
        if self.fact is not None:
            self.fact[1].append(self.entity_text(name))

    def handle_charref(self, name):
        if self.fact is not None:
            self.fact[1].append(html.unescape(f"&#{name};"))


def squash_text(text: str) -> str:
    return " ".join(text.split())


def scan_markup(source: str) -> Markup:
    """The start tags, named entities and inline XBRL facts of ``source``
    (positions are those of the HTML; any input is accepted)."""
    source = _defused(source)
    scanner = _MarkupScanner(source)
    try:
        scanner.feed(source)
        scanner.close()
    except (AssertionError, ValueError):   # as in render()
        pass
    return scanner.markup
