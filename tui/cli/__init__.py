"""The `newsdesk` command: arguments in, Desk calls, text or JSON out.

Imports stay lazy so `newsdesk --help` is instant and the app pays only for what it uses.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from tui.cli.parser import build_parser
    from tui.cli.run import dispatch

    args = build_parser().parse_args(argv)
    try:
        return dispatch(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsdesk list | head`
        return 0
