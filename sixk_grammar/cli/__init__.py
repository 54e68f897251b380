"""The command line: ``python -m sixk_grammar <command> ...``.

Each command lives in a module of its own and registers an ``add_parser``
and a ``run``; this module only dispatches and turns every failure into a
one-line message with the documented exit code.
"""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from . import check_command, parse_command, reuse_commands, rule_command

#: Exit codes, shared by every command.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130     # 128 + SIGINT, as shells report it

COMMANDS = (check_command, parse_command, rule_command, reuse_commands)


class UsageError(Exception):
    """A problem with how the command was called (exit code 2)."""


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="python -m sixk_grammar",
                             description="Parse and check SEC Form 6-K filings, plain text and HTML.")
    parser.add_argument("--version", action="version", version=f"sixk_grammar {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ArgumentParser)
    commands.required = True
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except UsageError as error:
        print(f"sixk_grammar: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()   # the reader went away (| head): nothing more to say
        return EXIT_OK
    except KeyboardInterrupt:
        print("sixk_grammar: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - never a traceback for users
        print(f"sixk_grammar: internal error: {error!r}", file=sys.stderr)
        return EXIT_USAGE
