"""Re-lay out every real corpus filing as other agents and converters do, and
score each layout with the shared scorer against the unchanged human labels.

    python benchmarks/stress.py                       # every transform
    python benchmarks/stress.py --only one_line cells # some of them
    python benchmarks/stress.py --markdown            # the table for docs/layouts.md

The labels say what a reader takes from the filing; none of these transforms
changes what a reader sees (words, marks, their order), only how the text is
laid out.  So a drop in the score is a layout the grammar does not read yet.
The scorer is ``../shared/tools/score_corpus.py`` (``--scorer`` elsewhere).
"""
from __future__ import annotations

import argparse
import html
import importlib.util
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sixk_grammar  # noqa: E402

FILINGS = ROOT / "corpus" / "real" / "filings"
LABELS = ROOT / "corpus" / "real" / "labels"
SCORER = ROOT.parent / "shared" / "tools" / "score_corpus.py"

# The envelope and the <DOCUMENT> tags stay as they are: only the 6-K's text is re-laid out.
_TEXT_OPEN = re.compile(r"^<TEXT>[^\n]*\n", re.IGNORECASE | re.MULTILINE)
_ANSWER_LINE = re.compile(r"\b(?:form\s*[24]0-?\s*f|yes|no)\b", re.IGNORECASE)


def _document(transform: Callable[[str], str]) -> Callable[[str], str]:
    """Apply ``transform`` to the text after the first <TEXT> line (or all of it)."""
    def apply(text: str) -> str:
        opening = _TEXT_OPEN.search(text)
        if opening is None:
            return transform(text)
        return text[:opening.end()] + transform(text[opening.end():])
    apply.__doc__ = transform.__doc__
    return apply


def _lines(transform: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return "\n".join(transform(line) for line in text.split("\n"))
    apply.__doc__ = transform.__doc__
    return apply


def original(text: str) -> str:
    """the files as they are"""
    return text


def unicode_blanks(text: str) -> str:
    """U+00A0 and U+2002 for the spaces between words"""
    return re.sub(r"(?<=\S) (?=\S)", "\u00a0", text).replace("   ", "\u2002 \u2002")


def one_line(text: str) -> str:
    """the whole document on one line"""
    return re.sub(r"\s*\n\s*", " ", text).strip() + "\n"


# A question runs to its full stop or colon, or to the line end before a blank line or an answer line.
_QUESTION = re.compile(r"[(\[]?[ \t]*indicate\s+by\s+check\s*-?\s*mark"
                       r"(?:[^.:\n]|\n(?![ \t|]*(?:\n|(?:form\s*)?[24]0|yes\b|no\b|\[|\(check)))*[.:]?[ \t]*[)\]]?",
                       re.IGNORECASE)


def no_questions(text: str) -> str:
    """check-box questions deleted, their answer lines kept"""
    return _QUESTION.sub(lambda found: "\n" if "\n" in found.group() else "", text)


def reworded(text: str) -> str:
    """questions reworded ("Form 20F or 40 F", "furnishes", "whether the issuer")"""
    text = re.sub(r"Form\s+20-F\s+or\s+Form\s+40-F", "Form 20F or 40 F", text, flags=re.IGNORECASE)
    text = re.sub(r"files\s+or\s+will\s+file", "files or will be filing", text, flags=re.IGNORECASE)
    return re.sub(r"whether\s+the\s+registrant", "whether the issuer", text, flags=re.IGNORECASE)


def cells(text: str) -> str:
    """one table cell per line, behind "|" (runs of blanks are cell gaps)"""
    return _lines(lambda line: re.sub(r"[ \t]{2,}", "\n|", line.strip()))(text)


def collapsed(text: str) -> str:
    """blank lines and indentation removed, runs of blanks as one"""
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n") if line.strip()) + "\n"


def tabs(text: str) -> str:
    """runs of blanks as tabs"""
    return re.sub(r" {2,}", "\t", text)


_MARK = re.compile(r"(?<![\w/])(?:\[\s*[xX]\s*\]|_*[xX]_*)(?![\w/])")
_BLANK = re.compile(r"(?<![\w-])(?:\[\s*\]|_{2,}|-{3,}|¨|o(?=\s|$))(?![\w-])")


def glyph_marks(text: str) -> str:
    """check marks as ☒ and empty boxes as ☐ on answer lines"""
    def line(text: str) -> str:
        if not _ANSWER_LINE.search(text) or len(text) > 120:
            return text
        return _BLANK.sub("\u2610", _MARK.sub("\u2612", text))
    return _lines(line)(text)


def broken_phrases(text: str) -> str:
    """a line break after the first word of every line, as some renderings break them"""
    return _lines(lambda line: re.sub(r"^(\s*\S+)[ \t]+(?=\S)", r"\1\n", line))(text)


PREAMBLE = ("OMB APPROVAL\nOMB Number: 3235-0116\nExpires: March 31, 2027\nEstimated average burden\n"
            "hours per response . . . 7.5\n\nSEC 1815 (04-09)\nPersons who are to respond to the collection of "
            "information contained in this form are not required to respond unless the form displays a "
            "currently valid OMB control number.\n\n")


def preamble(text: str) -> str:
    """an OMB APPROVAL box and an SEC 1815 notice before the title"""
    return PREAMBLE + text


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def html_divs(text: str) -> str:
    """HTML as filed: a <div> per line, blanks as &nbsp;"""
    body = "\n".join(f"<div>{_escape(line).replace('  ', '&nbsp; ') or '&nbsp;'}</div>" for line in text.split("\n"))
    return f"<html><head><title>6-K</title></head><body>\n{body}\n</body></html>\n"


def html_cells(text: str) -> str:
    """HTML as filed: each line a table row, runs of blanks between cells"""
    rows = []
    for line in text.split("\n"):
        parts = [part for part in re.split(r"[ \t]{2,}", line.strip())] or [""]
        rows.append("<tr>" + "".join(f"<td>{_escape(part) or '&nbsp;'}</td>" for part in parts) + "</tr>")
    return ('<html><body><table cellpadding="0" cellspacing="0">\n' + "\n".join(rows)
            + "\n</table></body></html>\n")


def html_paragraphs(text: str) -> str:
    """HTML as filed: a <p> per paragraph with <font>, lines joined, a <br> where a short line ends"""
    paragraphs = re.split(r"\n\s*\n", text)
    out = []
    for paragraph in paragraphs:
        lines = [_escape(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out.append('<p style="margin-top:0;margin-bottom:0"><font size="2" face="Times New Roman">'
                       + "<br>\n".join(lines) + "</font></p>")
    return '<!DOCTYPE html>\n<html>\n<body>\n' + "\n".join(out) + "\n</body></html>\n"


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "original": original,
    "unicode_blanks": _document(unicode_blanks),
    "no_questions": _document(no_questions),
    "reworded": _document(reworded),
    "one_line": _document(one_line),
    "cells": _document(cells),
    "collapsed": _document(collapsed),
    "tabs": _document(tabs),
    "glyph_marks": _document(glyph_marks),
    "broken_phrases": _document(broken_phrases),
    "preamble": _document(preamble),
    "html_divs": _document(html_divs),
    "html_cells": _document(html_cells),
    "html_paragraphs": _document(html_paragraphs),
}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_corpus", path)
    if spec is None or spec.loader is None or not path.exists():
        raise SystemExit(f"stress: the scorer {path} is not there (--scorer PATH)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(scorer, names: list[str], filings: Path, labels: Path) -> list[tuple[str, str, float, float, int]]:
    """(transform, what it does, fields right %, facts found %, crashes) per transform."""
    table = []
    for name in names:
        transform = TRANSFORMS[name]
        with tempfile.TemporaryDirectory() as folder:
            for path in sorted(filings.glob("*.txt")):
                text = path.read_text(encoding="utf-8", errors="replace")
                Path(folder, path.name).write_text(transform(text), encoding="utf-8")
            rows, totals, facts = scorer.score(Path(folder), labels, sixk_grammar.parse)
        right = sum(ok for ok, _ in totals.values())
        total = sum(n for _, n in totals.values()) or 1
        crashes = sum(1 for row in rows if row["error"])
        table.append((name, (transform.__doc__ or "").strip(), 100.0 * right / total,
                      100.0 * facts[0] / max(facts[1], 1), crashes))
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(TRANSFORMS), help="run these transforms only")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--filings", type=Path, default=FILINGS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    table = run(scorer, args.only or list(TRANSFORMS), args.filings, args.labels)
    if args.markdown:
        print("| layout of the real files | fields right | facts found | crashes |")
        print("|---|---:|---:|---:|")
        for name, what, fields, facts, crashes in table:
            escaped = what.replace("|", "\\|")
            print(f"| {name}: {escaped} | {fields:.1f}% | {facts:.1f}% | {crashes} |")
    else:
        for name, what, fields, facts, crashes in table:
            print(f"{name:16s} fields {fields:5.1f}%  facts {facts:5.1f}%  crashes {crashes}  ({what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
