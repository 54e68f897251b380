"""sixk_grammar: a formal grammar of the Form 6-K plain-text filing.

    >>> import sixk_grammar
    >>> facts = sixk_grammar.parse(open("filing.txt", encoding="utf-8").read())
    >>> facts["cover"]["registrant"]

``parse`` accepts text or bytes and never raises: what the grammar cannot
place is reported in ``syntax_errors``.
"""
from .api import analyse, parse
from .parser import PARSER_OPTIONS, get_parser, grammar_path
from .records import record

__all__ = ["parse", "analyse", "record", "get_parser", "grammar_path", "PARSER_OPTIONS"]
__version__ = "0.1.0"
