"""Parse a Form 8-K with a grammar that imports sections of the 6-K grammar.

    python examples/form8k/parse_8k.py examples/form8k/sample_8k.txt
"""
import sys
from pathlib import Path

from lark import Lark

import sixk_grammar
from sixk_grammar.transform.document import transformer
from sixk_grammar.transform.signature import SignatureBlock, read_signers

HERE = Path(__file__).resolve().parent


def parser(**options) -> Lark:
    """The 8-K parser: its own rules, plus the sections found on sixk_grammar's path."""
    return Lark.open(str(HERE / "form8k.lark"), start="form_8k",
                     import_paths=[str(sixk_grammar.grammar_path())],
                     **{**sixk_grammar.PARSER_OPTIONS, **options})


def signers(text: str) -> list[dict]:
    """The signers, read by sixk_grammar's own transformer for the imported rules."""
    document = transformer().transform(parser().parse(text))
    blocks = [child for child in document.children if isinstance(child, SignatureBlock)]
    return [signer for block in blocks for signer in read_signers(block)]


if __name__ == "__main__":
    for signer in signers(Path(sys.argv[1]).read_text(encoding="utf-8")):
        print(signer["name"], "|", signer["title"], "|", signer["date"])
