"""The real-archive workload: whole EDGAR submissions built from the real filings.

    python benchmarks/archive.py              # builds the archive, prints the Markdown tables
    python benchmarks/archive.py --copies 2   # a smaller archive

A data team parses whole submissions, not 2 KB excerpts.  Each submission
here has an EDGAR envelope; the 6-K document of one real filing in corpus/
(the seeds' and real filings' plain text, and the real HTML 6-Ks as filed);
two EX-99 HTML press releases, whose paragraphs are the prose of the real
filings, in a filing agent's style (``<p>``, ``<div>`` with ``<font>``, table
cells); and a small uuencoded GRAPHIC.  The archive is every filing, ``copies``
times over.

Measured: `python -m sixk_grammar parse FOLDER --output-format csv` with one
job and with all, in fresh processes (start-up included; peak memory is
VmHWM, sampled from /proc); and the HTML renderer alone on every HTML
document, against the standard library's ``html.parser`` doing nothing with
the same documents (the renderer is built on it, so that is its floor).
"""
from __future__ import annotations

import argparse
import binascii
import html
import os
import random
import re
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: A line of prose: eight words or more, and none of the cover's phrases.
_PROSE = re.compile(r"^(?!.*/s/)(?!.*\b(?:form|rule|indicate|commission|pursuant|signature|exhibit)\b)(?:\S+\s+){7,}\S+\s*$",
                    re.IGNORECASE)
_TEXT_BLOCK = re.compile(r"<TEXT>\n?(.*?)(?:</TEXT>|\Z)", re.DOTALL | re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def six_k_documents() -> list[tuple[str, str]]:
    """(file name, the 6-K document's text) for every real filing: the text
    of its first <TEXT> block when it has one, else the whole file."""
    found = []
    for path in sorted((ROOT / "corpus").glob("*/*.txt")) + sorted((ROOT / "corpus").glob("*/filings/*")):
        if path.suffix.lower() not in (".txt", ".htm", ".html"):
            continue
        text = _read(path)
        block = _TEXT_BLOCK.search(text)
        found.append((path.name, block.group(1) if block else text))
    return found


def prose(documents) -> list[str]:
    """The filings' lines of prose, without markup: the press releases' words."""
    lines = []
    for _, text in documents:
        for line in html.unescape(_MARKUP.sub(" ", text)).splitlines():
            line = " ".join(line.replace("|", " ").split())
            if _PROSE.match(line):
                lines.append(line)
    return lines


def press_release(paragraphs: list[str], style: int) -> str:
    """An EX-99 press release in one of three filing-agent styles."""
    escaped = [html.escape(p) for p in paragraphs]
    if style == 0:
        body = "\n".join(f'<p style="margin-top:0pt;margin-bottom:6pt">{p}</p>' for p in escaped)
    elif style == 1:
        body = "\n".join(f'<div><font face="Times New Roman" size="2">{p}</font></div>' for p in escaped)
    else:
        body = "<table width=\"100%\">\n" + "\n".join(
            f"<tr><td valign=\"top\">{n}.</td><td>{p}</td></tr>" for n, p in enumerate(escaped, 1)) + "\n</table>"
    return ("<HTML><HEAD><TITLE>Press release</TITLE></HEAD><BODY>\n<p align=\"center\"><b>PRESS RELEASE</b></p>\n"
            f"{body}\n</BODY></HTML>\n")


def _graphic(rng: random.Random, size: int = 6000) -> str:
    data = rng.randbytes(size)
    return "begin 644 logo.jpg\n" + "".join(binascii.b2a_uu(data[i:i + 45]).decode("ascii")
                                            for i in range(0, size, 45)) + "`\nend\n"


def submission(number: int, name: str, document: str, exhibits: tuple[str, str], graphic: str) -> str:
    """One whole submission: the envelope and four documents."""
    accession = f"0000950103-24-{number:06d}"
    kind = "htm" if "<html" in document[:4000].lower() else "txt"
    parts = [("6-K", f"d6k.{kind}", document), ("EX-99.1", "dex991.htm", exhibits[0]),
             ("EX-99.2", "dex992.htm", exhibits[1]), ("GRAPHIC", "logo.jpg", graphic)]
    body = "".join(f"<DOCUMENT>\n<TYPE>{kind_}\n<SEQUENCE>{n}\n<FILENAME>{file}\n<TEXT>\n{text.rstrip()}\n</TEXT>\n"
                   "</DOCUMENT>\n" for n, (kind_, file, text) in enumerate(parts, 1))
    return (f"<SEC-DOCUMENT>{accession}.txt : 20240315\n<SEC-HEADER>{accession}.hdr.sgml : 20240315\n"
            f"ACCESSION NUMBER:\t\t{accession}\nCONFORMED SUBMISSION TYPE:\t6-K\nPUBLIC DOCUMENT COUNT:\t\t4\n"
            f"CONFORMED PERIOD OF REPORT:\t20240315\nFILED AS OF DATE:\t\t20240315\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
            f"\t\tCOMPANY CONFORMED NAME:\t\t\tISSUER OF {name.upper()}\n\t\tCENTRAL INDEX KEY:\t\t\t{number:010d}\n"
            "</SEC-HEADER>\n" + body + "</SEC-DOCUMENT>\n")


def build(folder: Path, copies: int, seed: int = 20261127) -> dict:
    """Write the archive into ``folder``; what it holds."""
    rng = random.Random(seed)
    documents = six_k_documents()
    lines = prose(documents)
    html_documents = []
    count = 0
    for copy in range(copies):
        for name, document in documents:
            releases = []
            for style in range(2):
                start = rng.randrange(len(lines))
                releases.append(press_release((lines * 2)[start:start + 40], (count + style) % 3))
            text = submission(count + 1, Path(name).stem, document, tuple(releases), _graphic(rng))
            (folder / f"{count + 1:06d}.txt").write_text(text, encoding="utf-8")
            html_documents += releases + ([document] if "<html" in document[:4000].lower() else [])
            count += 1
    size = sum(path.stat().st_size for path in folder.glob("*.txt"))
    return {"filings": count, "megabytes": size / 2**20, "html": html_documents,
            "distinct": len(documents), "prose_lines": len(lines)}


class _Nothing(HTMLParser):
    """html.parser doing nothing: the floor of a renderer built on it."""


def html_rates(documents: list[str], repeat: int = 3) -> dict:
    """MB/s of the renderer and of html.parser alone, best of ``repeat``, on the same documents."""
    from sixk_grammar.html_text import render

    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 2**20

    def best(work) -> float:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            for document in documents:
                work(document)
            times.append(time.perf_counter() - started)
        return min(times)

    def nothing(document):
        parser = _Nothing(convert_charrefs=True)
        parser.feed(document)
        parser.close()

    floor, renderer = best(nothing), best(render)
    return {"documents": len(documents), "megabytes": megabytes, "floor_mb_s": megabytes / floor,
            "render_mb_s": megabytes / renderer, "share": floor / renderer}


def measure(copies: int) -> dict:
    """Build the archive in a temporary folder and run every measurement on it."""
    from run import best_interleaved

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "archive"
        folder.mkdir()
        archive = build(folder, copies)
        out = Path(scratch) / "out.csv"
        best = best_interleaved({jobs: ["parse", str(folder), "--output-format", "csv", "-o", str(out), "--jobs",
                                        str(jobs)] for jobs in sorted({1, os.cpu_count() or 1})})
        rows = out.read_text(encoding="utf-8").count("\n") - 1
        runs = [{"jobs": jobs, "rows": rows} | run for jobs, run in best.items()]
    return {"archive": archive, "runs": runs, "html": html_rates(archive.pop("html"))}


def markdown(result: dict) -> list[str]:
    archive, runs, rates = result["archive"], result["runs"], result["html"]
    lines = [f"{archive['filings']:,} submissions ({archive['distinct']} real 6-K documents x "
             f"{archive['filings'] // archive['distinct']}), {archive['megabytes']:.1f} MB; the press releases "
             f"draw on {archive['prose_lines']:,} lines of the filings' prose.  The best of 3 interleaved runs.", "",
             "| `parse FOLDER --output-format csv` | seconds | MB/s | filings/s | main process MB | "
             "largest worker MB | rows |", "|---|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        lines.append(f"| --jobs {run['jobs']} | {run['seconds']:.2f} | {archive['megabytes'] / run['seconds']:.2f} | "
                     f"{archive['filings'] / run['seconds']:.0f} | {run['main_mb']:.0f} | {run['worker_mb']:.0f} | "
                     f"{run['rows']:,} |")
    lines += ["", f"The HTML renderer alone on the archive's {rates['documents']:,} HTML documents "
              f"({rates['megabytes']:.1f} MB): {rates['render_mb_s']:.2f} MB/s, against "
              f"{rates['floor_mb_s']:.2f} MB/s for `html.parser` doing nothing with them: "
              f"{rates['share']:.2f} of its floor.", ""]
    return lines


def main(argv=None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--copies", type=int, default=10, help="times each real filing is in the archive")
    args = options.parse_args(argv)
    print("\n".join(markdown(measure(args.copies))))


if __name__ == "__main__":
    main()
