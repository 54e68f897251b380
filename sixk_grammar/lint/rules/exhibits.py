"""SK501-SK502: the exhibit index."""
from __future__ import annotations

from ...transform.exhibits import is_explicit, normalise_number, number_text
from ..registry import rule


@rule("SK501", "duplicate-exhibit-number", "error", "Two exhibits share a number.",
      "Regulation S-K Item 601 (exhibit numbering), as applied to 6-K exhibits")
def duplicate_exhibit_number(context):
    """
    ## What it checks
    Each exhibit in the index has a number of its own.

    ## Why
    Exhibits are referred to by number; two under one number are ambiguous, and
    EDGAR's document types (EX-99.1) must be unique.

    ## Example
        99.1    Press release dated May 2, 2003
        99.1    Press release dated May 9, 2003

    ## Fix
    Renumber the second exhibit (99.2).
    """
    seen: dict[str, dict] = {}
    for exhibit in context.result["exhibits"]:
        if exhibit["number"] is None:
            continue
        if exhibit["number"] in seen:
            yield context.finding("SK501", exhibit["line"], 1,
                                  f"exhibit {exhibit['number']} is listed twice "
                                  f"(first on line {seen[exhibit['number']]['line']})")
        else:
            seen[exhibit["number"]] = exhibit


def _body_references(context):
    """Entries "Exhibit 99.1 ..." written in the body, outside the index."""
    tree = context.analysis.tree
    if tree is None:
        return
    for body in tree.find_data("body"):
        for child in body.children:
            if getattr(child, "data", None) == "list_entry":
                number = child.children[0]
                if is_explicit(number_text(number)):
                    yield number


@rule("SK502", "exhibit-not-indexed", "error",
      "The body refers to an exhibit the exhibit index lacks.", "Form 6-K General Instruction B")
def exhibit_not_indexed(context):
    """
    ## What it checks
    An exhibit announced in the body ("Exhibit 99.2: press release of ...")
    appears in the exhibit index.

    ## Why
    The index is where readers and EDGAR's document list look for the
    exhibits; one missing from it is easily missed.

    ## Example
        Exhibit 99.2: press release ...         <- in the body
        EXHIBIT INDEX
        99.1    Press release ...               <- 99.2 missing

    ## Fix
    Add the exhibit to the index, or correct the number in the body.
    """
    tree = context.analysis.tree
    has_index = tree is not None and any(True for _ in tree.find_data("exhibit_index"))
    indexed = {exhibit["number"] for exhibit in context.result["exhibits"]}
    if not (has_index and indexed):
        return
    for number in _body_references(context):
        value = normalise_number(number_text(number))
        if value not in indexed:
            yield context.finding("SK502", number.line, number.column,
                                  f"exhibit {value} is not in the exhibit index")

