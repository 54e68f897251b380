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
    own line ends (a CRLF file stays CRLF, a mixed one stays mixed); an edit
    that gives the last line a line end (its lines end with "") uses the
    file's kind of line end.  Old Mac text, whose lines end with CR alone, is
    numbered as ``prepare`` numbers it: by its CRs."""
    if "\r" in text and "\n" not in text:
        return apply(text.replace("\r", "\n"), edits).replace("\n", "\r")
    lines = text.split("\n")
    crlf = "\r\n" in text
    for edit in sorted(edits, key=lambda e: e.first, reverse=True):
        ending = "\r" if lines[edit.last - 1].endswith("\r") else ""
        new = [line + ending for line in edit.lines]
        if edit.last == len(lines) and len(edit.lines) > 1 and edit.lines[-1] == "":
            new = [line + ("\r" if crlf else "") for line in edit.lines[:-1]] + [""]
        lines[edit.first - 1:edit.last] = new
    return "\n".join(lines)
