"""Turn the date tokens the grammar found into calendar values.

The grammar already decided that a token is a date ("November 18, 2002",
"18 November 2002", "____March____, 2003"); this module only reads its parts.
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
    ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
    ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}

_PARTS = re.compile(r"[A-Za-z]+|\d+")


def date_parts(text: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day) of a date token, day None for a month alone.

    Besides full dates the grammar gives report months written short:
    "Jan-04" (a two-digit year) and "01/2004" (a month number), and dates in
    figures year first: "2003/11/12".
    """
    if not text:
        return None
    month = year = None
    numbers = []
    for part in _PARTS.findall(text):
        if part.isdigit():
            if len(part) == 4 and year is None:
                year = int(part)
            elif len(part) <= 2:
                numbers.append(int(part))
        elif month is None and part.lower() in MONTHS:
            month = MONTHS[part.lower()]
    if month is None and year is not None and len(numbers) == 1 and 1 <= numbers[0] <= 12:
        return year, numbers[0], None          # "01/2004"
    if month is None and year is not None and len(numbers) == 2 and text.lstrip()[:4].isdigit():
        return year, numbers[0], numbers[1]    # "2003/11/12": year, month, day
    if month is not None and year is None and len(numbers) == 1:
        return _century(numbers[0]), month, None   # "Jan-04"
    if year is None or month is None:
        return None
    return year, month, numbers[0] if numbers else None


def _century(year: int) -> int:
    """A two-digit year: EDGAR's filings run from 1993."""
    return 1900 + year if year >= 90 else 2000 + year


def iso_month(text: str | None) -> str | None:
    """'November 19, 2002' -> '2002-11'."""
    parts = date_parts(text)
    return f"{parts[0]:04d}-{parts[1]:02d}" if parts else None


def iso_date(text: str | None) -> str | None:
    """'November 18, 2002' -> '2002-11-18'; None unless a real calendar day."""
    parts = date_parts(text)
    if not parts or parts[2] is None:
        return None
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None


def iso_compact(value: str | None) -> str | None:
    """EDGAR's header dates: '20030430' -> '2003-04-30'."""
    digits = (value or "").strip()
    if not re.fullmatch(r"\d{8}", digits):
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        return None
