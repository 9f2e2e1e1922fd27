"""`newsdesk fetch` for an all-304 run, before argparse, the registry and the Desk are loaded:
most refreshes (cron every few minutes) find nothing new, and those imports were most of such
a run's CPU beside CPython's own start-up.

`attempt` takes only the plain shapes of the command (`fetch` with `--no-extract`, `--json` or
`--quiet`, `--config PATH`; no feed names), where stderr shows no progress bar, and a config
that is found and reads without a mistake; refresh/lean.py decides whether the cache allows it.
Anything else (a mistake, a first run, a feeds.toml that shadows the user's, a busy cache, a
feed with news, a redirect, a failure) is the whole of today's path: `attempt` returns None
having said nothing, and a sweep that met such an answer is handed over (`handed_over`) so the
Desk's refresh asks nothing twice.
"""

from __future__ import annotations

import sqlite3
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # (typing itself is not loaded on this path: it loads re)
    from collections.abc import Sequence

    from tui.core.config.lean_read import LeanConfig
    from tui.core.refresh.unchanged import Preswept

_FLAGS = {"--no-extract": "no_extract", "--json": "json", "-q": "quiet", "--quiet": "quiet"}
_handed: list[Preswept] = []


def handed_over() -> Preswept | None:
    """The lean sweep this process made and left to the Desk's refresh, once."""
    return _handed.pop() if _handed else None


def words(argv: Sequence[str]) -> tuple[str | None, set[str]] | None:
    """(--config's value, the flags given) when argv is a plain `fetch`, else None."""
    config: str | None = None
    given: set[str] = set()
    fetch = False
    rest = iter(argv)
    for word in rest:
        if word == "fetch" and not fetch:
            fetch = True
        elif word in _FLAGS and _FLAGS[word] not in given:
            given.add(_FLAGS[word])
        elif word == "--config" and config is None:
            config = next(rest, None)
            if config is None or config.startswith("-") or not config:
                return None
        else:
            return None
    if not fetch or {"json", "quiet"} <= given:
        return None
    return config, given


def attempt(argv: Sequence[str]) -> int | None:
    """The fetch's exit code when it was done here; None when the full path is to run it
    (nothing said, nothing asked, or the sweep handed over)."""
    said = words(argv)
    if said is None:
        return None
    explicit, given = said
    if sys.stderr.isatty() and not given & {"json", "quiet"}:
        return None  # a progress bar: the full path draws it
    from tui.core.config.lean_read import explicit_path, of_config, read

    named = explicit_path(explicit)  # --config's or $NEWSDESK_CONFIG's: read it here if plain
    config = read(named) if named is not None else None
    if config is None:  # else as every command finds and reads it
        from tui.cli.configinfo import shadowing_note
        from tui.core.config.loader import ConfigError, find_config, load_config

        try:
            path = find_config(explicit)
            if path is None or shadowing_note(explicit):
                return None
            config = of_config(load_config(path))
        except ConfigError:
            return None
    return _run(config, given)


def _run(config: LeanConfig, given: set[str]) -> int | None:
    from tui.cli.fetch_report import interrupted, report, terminated_as_interrupted
    from tui.core.refresh.lean import unchanged_refresh
    from tui.core.refresh.summary import RefreshSummary
    from tui.core.refresh.unchanged import Preswept

    stored: list[int] = []
    terminated: list[int] = []
    try:
        with terminated_as_interrupted(terminated):
            done = unchanged_refresh(config,
                                     False if "no_extract" in given else None,
                                     on_stored=lambda: stored.append(0))
    except KeyboardInterrupt:  # as the full path words it
        from tui.cli.errors import Terminated
        from tui.core.refresh.events import Stored

        ended = Terminated if terminated else KeyboardInterrupt
        raise ended(interrupted(Stored(0) if stored else None)) from None
    except sqlite3.Error as exc:  # a write after the sweep: as `dispatch` says it
        from tui.cli.registry import _storage_words, fail

        return fail(_storage_words(exc), 1)
    except BrokenPipeError:
        raise
    except OSError as exc:  # no socket to be had (too many open files): as `dispatch` says it
        from tui.cli.registry import fail

        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}", 1)
    if isinstance(done, Preswept):
        _handed.append(done)
        return None
    if not isinstance(done, RefreshSummary):
        return None
    return report(done, config, json="json" in given,
                  quiet="quiet" in given, live=False)
