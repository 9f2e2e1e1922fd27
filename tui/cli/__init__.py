"""The `newsdesk` command: arguments in, Desk calls, text or JSON out.

Imports stay lazy so `newsdesk --help` is instant and the app pays only for what it uses.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from tui.cli.commands import ALL
    from tui.cli.registry import build_parser, dispatch

    argv = list(sys.argv[1:] if argv is None else argv)
    epilog = None
    if "-h" in argv or "--help" in argv:  # only then: name the config file in use
        from tui.cli.configinfo import config_in_use

        epilog = config_in_use(argv)
    args = build_parser(ALL, epilog).parse_args(argv)
    try:
        return dispatch(ALL, args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsdesk list | head`
        return 0
