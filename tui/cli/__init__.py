"""The `newsdesk` command: arguments in, Desk calls, text or JSON out.

Imports stay lazy so `newsdesk --help` is instant and the app pays only for what it uses.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Sequence


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
    from tui.core.config.userdirs import forget_unusable_home

    standard_streams()
    forget_unusable_home()  # HOME="" is HOME unset, for every command and the reader
    argv = list(sys.argv[1:] if argv is None else argv)
    if "fetch" in argv:  # an all-304 fetch ends here, before argparse and the Desk load
        from tui.cli.lean_fetch import attempt

        lean = _guarded(lambda: attempt(argv))
        if lean is not None:
            return lean
    english_argparse()
    from tui.cli.commands import commands_for
    from tui.cli.registry import build_parser, dispatch, parse, query_words

    epilog = None
    if "-h" in argv or "--help" in argv:  # only then: name the config file in use
        from tui.cli.configinfo import config_in_use

        epilog = config_in_use(argv)
    commands = commands_for(argv)
    words = query_words(argv, commands)
    args = parse(build_parser(commands, epilog, words), words)
    fast = any(c.exit_fast for c in commands if c.name == args.command)
    return _guarded(lambda: dispatch(commands, args), fast) or (1, False)


def _guarded(run: Callable[[], int | None], fast: bool = True) -> tuple[int, bool] | None:
    """run()'s exit code, flushed, and `fast`; its failures in one line (None: it ran nothing)."""
    try:
        code = run()
        return None if code is None else (_flushed(code), fast)
    except BrokenPipeError:  # `newsdesk list | head -1`
        return reader_gone(), False
    except KeyboardInterrupt as exc:  # one line, saying what remains when a command knows
        from tui.cli.errors import Terminated

        print(f"interrupted: {exc}" if str(exc) else "interrupted", file=sys.stderr)
        return (143 if isinstance(exc, Terminated) else 130), False
    except Exception as exc:  # never a traceback: README promises one line
        from tui.cli.registry import unexpected

        return unexpected(exc), False


def english_argparse() -> None:
    """argparse loaded with its few words in English, as the rest of the CLI speaks: it
    looks each one up in gettext's catalogs (the locale module loaded, a few file lookups per
    word, the same ones again every run: ~1.5 % of an unchanged fetch) and newsdesk ships none.
    Only argparse sees this gettext; a later `import gettext` gets the real one."""
    if "argparse" in sys.modules or "gettext" in sys.modules:
        return
    import types

    english = types.ModuleType("gettext")
    english.gettext = lambda text: text  # type: ignore[attr-defined]
    english.ngettext = lambda one, many, n: one if n == 1 else many  # type: ignore[attr-defined]
    sys.modules["gettext"] = english
    try:
        import argparse  # noqa: F401 (loaded now, with these words)
    finally:
        del sys.modules["gettext"]


def _flushed(code: int) -> int:
    """stdout flushed here, where a reader gone or a full disk (`> /dev/full`: the output
    held back until now) is caught, not in the teardown (Python's "Exception ignored", 120)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        from tui.cli.registry import fail

        _drop_stdout()  # nothing more to write, not even from the teardown
        return fail(f"cannot write the output: {exc.strerror or exc}", 1)
    return code


def standard_streams() -> None:
    """A descriptor 0, 1 or 2 closed by the caller (`>&-`, `2>&-` in a crontab) is given
    /dev/null: else the next file opened (the cache) takes its number and a pool worker's
    stray print would write into it. With stderr closed the notes are dropped (print's
    file=None means stdout: they went into the JSON); with stdout closed, writing the
    output fails, as `ls >&-` does, in one line."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)  # the lowest free number: `fd` itself
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)
    if sys.stdout is None:
        sys.stdout = _Closed()


class _Closed(io.TextIOBase):
    """stdout when the caller closed it: writing the output is the failure it is."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


def reader_gone() -> int:
    """stdout's reader left before the output ended (`| head -1`): stop quietly, as `yes`
    or `git log` do, with no message and no second error when the interpreter flushes stdout
    (it now writes to /dev/null: Python's "Note on SIGPIPE").

    Exit 0, not 141 (128 + SIGPIPE): whether the pipe breaks at all depends on timing and on
    how much was printed (49 lines fit in the pipe's buffer before `head` exits), so 141 would
    fail a `set -o pipefail` script in some runs and not others; and what the reader took
    was right. A reader that failed says so with its own status."""
    _drop_stdout()
    return 0


def _drop_stdout() -> None:
    """What stdout still holds goes to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no stdout to speak of: nothing more will be written
        pass
