"""Edits that fixes make: whole lines replaced, so that each fix is easy to
read in a diff and never splits a line end."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Lines ``first``..``last`` (1-based, inclusive) become ``lines``."""

    first: int
    last: int
    lines: tuple[str, ...]


def line_edit(number: int, text: str) -> Edit:
    return Edit(number, number, (text,))


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` made.  Edits must not overlap.  Lines keep their
    own line ends (a CRLF file stays CRLF, a mixed one stays mixed); the
    lines an edit of the last line adds before it end with the file's kind of
    line end (so does the last line, given one: its lines end with "").  Old
    Mac text, whose lines end with CR alone, is numbered as ``prepare``
    numbers it: by its CRs."""
    if "\r" in text and "\n" not in text:
        return apply(text.replace("\r", "\n"), edits).replace("\n", "\r")
    lines = text.split("\n")
    crlf = "\r\n" in text
    for edit in sorted(edits, key=lambda e: e.first, reverse=True):
        own = "\r" if lines[edit.last - 1].endswith("\r") else ""
        at_end = edit.last == len(lines)      # the file's last line, with no line end of its own
        new = [line + (("\r" if crlf else "") if at_end else own) for line in edit.lines]
        if at_end:                            # the file still ends as it did, or after its last line end
            new = new[:-1] + [edit.lines[-1] + own] if new else [""]
        lines[edit.first - 1:edit.last] = new
    return "\n".join(lines)
