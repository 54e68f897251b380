"""sixk_grammar: a formal grammar of the Form 6-K filing, plain text and HTML.

    >>> import sixk_grammar
    >>> facts = sixk_grammar.parse(open("filing.txt", encoding="utf-8").read())
    >>> facts["cover"]["registrant"]

``parse`` accepts text, bytes or a path (``os.PathLike``) and never raises
on any content: what the grammar cannot place is reported in
``syntax_errors``.  Anything else is a ``TypeError``.
"""
from .api import analyse, parse
from .parser import PARSER_OPTIONS, get_parser, grammar_path
from .records import record

__all__ = ["parse", "analyse", "record", "get_parser", "grammar_path", "PARSER_OPTIONS", "lint"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``sixk_grammar.lint`` without importing it first (and without its cost
    for those who only parse)."""
    if name == "lint":
        import importlib
        return importlib.import_module(".lint", __name__)
    raise AttributeError(f"module 'sixk_grammar' has no attribute {name!r}")
