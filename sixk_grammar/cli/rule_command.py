"""``rule CODE`` prints a rule's documentation; ``rules`` lists every rule."""
from __future__ import annotations

from ..lint.registry import REGISTRY, all_rules


def add_parser(commands) -> None:
    one = commands.add_parser("rule", help="print a rule's documentation",
                              description="Print the documentation page of one rule.")
    one.add_argument("code", metavar="CODE", help="a rule code, e.g. SK201")
    one.set_defaults(run=run_rule)
    every = commands.add_parser("rules", help="list every rule",
                                description="List every rule: code, name, default severity, summary.")
    every.set_defaults(run=run_rules)


def run_rule(args) -> int:
    from . import UsageError

    all_rules()
    rule = REGISTRY.get(args.code.strip().upper())
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r}; see 'python -m sixk_grammar rules'")
    print(rule.doc, end="")
    return 0


def run_rules(args) -> int:
    for rule in all_rules():
        print(f"{rule.code}  {rule.name:32s} {rule.severity:8s} {rule.summary}")
    return 0
