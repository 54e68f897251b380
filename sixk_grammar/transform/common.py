"""Small pieces the section transformers share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token

from ..parser import kind

_SPACES = re.compile(r"\s+")
_EDGE_JUNK = re.compile(r"^[\s_|]+|[\s_|]+$")
NOT_A_NAME = {"not applicable", "n/a", "none", "not applicable.", "n.a."}


def squash(text: str) -> str:
    """Collapse runs of blanks into one space and trim."""
    return _SPACES.sub(" ", text).strip()


def clean(text: str) -> str:
    """A value as printed: blanks collapsed, underlines around it removed."""
    return squash(_EDGE_JUNK.sub("", text))


@dataclass
class Line:
    """A line (or the part of it a token covers) of cover or signature text."""

    text: str
    line: int
    column: int
    pieces: list[str] = field(default_factory=list)   # text between breaks: cell bars, name ends
    ends_name: bool = False                            # its last piece is a name ending in a legal form
    address_from: int | None = None                    # the first piece that begins an address


def tokens_of(items, *names) -> list[Token]:
    """The tokens among ``items`` whose kind is one of ``names``."""
    return [item for item in items if isinstance(item, Token) and kind(item) in names]


def first_token(items, *names) -> Token | None:
    found = tokens_of(items, *names)
    return found[0] if found else None
