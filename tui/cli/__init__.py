"""The `newsdesk` command: arguments in, Desk calls, text or JSON out.

Imports stay lazy so `newsdesk --help` is instant and the app pays only for what it uses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def run() -> None:
    """The `newsdesk` console script (and `python -m tui`): `main`, then the process ends,
    skipping the interpreter's teardown after a command that asks for it (`exit_fast`)."""
    code, fast = _main(None)
    if fast:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:  # `newsdesk fetch | head`
            pass
        os._exit(code)
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    return _main(argv)[0]


def _main(argv: Sequence[str] | None) -> tuple[int, bool]:
    """(exit code, whether the command may end the process without teardown)."""
    from tui.cli.commands import ALL
    from tui.cli.registry import build_parser, dispatch, query_words, unexpected

    argv = list(sys.argv[1:] if argv is None else argv)
    epilog = None
    if "-h" in argv or "--help" in argv:  # only then: name the config file in use
        from tui.cli.configinfo import config_in_use

        epilog = config_in_use(argv)
    args = build_parser(ALL, epilog).parse_args(query_words(argv, ALL))
    fast = any(c.exit_fast for c in ALL if c.name == args.command)
    try:
        return dispatch(ALL, args), fast
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130, False
    except BrokenPipeError:  # `newsdesk list | head`
        return 0, False
    except Exception as exc:  # never a traceback: README promises one line
        return unexpected(exc), False
