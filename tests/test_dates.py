"""dates: the calendar values of the date tokens the grammar found, at the
edges of what each form allows (the mutation run's survivors named them)."""
from __future__ import annotations

import pytest

from sixk_grammar.dates import date_parts, iso_compact, iso_date, iso_month


@pytest.mark.parametrize("text,month", [
    ("Jan-89", "2089-01"), ("Jan-90", "1990-01"), ("Jan-91", "1991-01"), ("Dec-04", "2004-12"),
    ("01/2004", "2004-01"), ("12/2004", "2004-12"), ("13/2004", None), ("00/2004", None),
    ("November 19, 2002", "2002-11"), ("May 123 2004", "2004-05"), (None, None), ("", None), ("2004", None),
])
def test_months(text, month):
    assert iso_month(text) == month


@pytest.mark.parametrize("text,date", [
    ("November 18, 2002", "2002-11-18"), ("18 November 2002", "2002-11-18"), ("2003/11/12", "2003-11-12"),
    ("2005-05-10 ", "2005-05-10"), (" 2005-05-10", "2005-05-10"), ("November 31, 2002", None),
    ("November 2002", None), ("a date", None), (None, None), ("12/11/2003", None),
])
def test_dates(text, date):
    assert iso_date(text) == date


def test_a_three_digit_number_is_no_day():
    assert date_parts("May 123 2004") == (2004, 5, None)


@pytest.mark.parametrize("value,date", [("20030430", "2003-04-30"), ("20030431", None), ("2003043", None),
                                        ("200304301", None), (None, None), ("2003-04-30", None),
                                        (" 20030430\t", "2003-04-30")])
def test_header_dates(value, date):
    assert iso_compact(value) == date


@pytest.mark.parametrize("number,names", list(enumerate((
    ("Jan", "January"), ("Feb", "February"), ("Mar", "March"), ("Apr", "April"), ("May", "MAY"),
    ("Jun", "June"), ("Jul", "July"), ("Aug", "August"), ("Sep", "Sept", "September"), ("Oct", "October"),
    ("Nov", "November"), ("Dec", "December")), start=1)))
def test_every_month_name_and_abbreviation(number, names):
    for name in names:
        assert iso_date(f"{name}. 9, 2004") == f"2004-{number:02d}-09", name
    assert iso_month("Juni 2004") is None and iso_month("Sept 2004") == "2004-09"
