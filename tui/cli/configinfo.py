"""Which feeds.toml is in use: named on `--help`, and said on stderr when a first run writes it."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def explicit_config(argv: Sequence[str]) -> str | None:
    """The value of `--config` in argv (before or after the command), without parsing the rest."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--config" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--config="):
            found = arg.split("=", 1)[1]
    return found


HELP_WIDTH = 79
"""A help text's lines fit an 80-column terminal (argparse wraps its own to the terminal)."""


def config_in_use(argv: Sequence[str]) -> str:
    """For the help text: the file and how it was found, or where a first run writes, in
    lines that fit 80 columns (a path longer than a line stands alone on its own)."""
    import textwrap

    return textwrap.fill(_config_in_use(argv), HELP_WIDTH, subsequent_indent="  ",
                         break_long_words=False, break_on_hyphens=False)


def _config_in_use(argv: Sequence[str]) -> str:
    from pathlib import Path

    from tui.core.config.loader import CONFIG_ENV, ConfigError, find_config, user_config_path

    explicit = explicit_config(argv)
    try:
        path = find_config(explicit)
        if path is None:
            return (f"config: none yet; the first run writes the curated feed list to "
                    f"{user_config_path()}")
    except ConfigError as exc:  # no home folder (HOME unset in a cron job)
        return f"config: none found: {exc}"
    how = ("--config" if explicit else f"${CONFIG_ENV}" if os.environ.get(CONFIG_ENV)
           else "the current folder" if path == Path("feeds.toml") else "the user config")
    missing = "" if path.is_file() else " (missing)"
    return f"config in use: {path.expanduser().resolve()} (from {how}){missing}"


def shadowing_note(explicit: str | None) -> str | None:
    """A sentence when ./feeds.toml wins over the user's own feeds.toml: run from a folder
    that holds one (a checkout, a backup), a fetch or a read silently used another cache."""
    from pathlib import Path

    from tui.core.config.loader import CONFIG_ENV, ConfigError, find_config, user_config_path

    if explicit or os.environ.get(CONFIG_ENV) or find_config(None) != Path("feeds.toml"):
        return None
    try:
        mine = user_config_path()
    except ConfigError:  # no home folder: no feeds.toml of the user's to hide
        return None
    if not mine.is_file() or mine.resolve() == Path("feeds.toml").resolve():
        return None
    return (f"using feeds.toml in the current folder ({Path('feeds.toml').resolve()}), not "
            f"your {mine}; --config names the one you mean")


def person_reads_stderr() -> bool:
    """The one rule for a note that only answers the caller's own choice (a list cut at the
    `--limit` it gave): said when stderr is a terminal, where a person reads it. Cron mails
    whatever a job writes on stderr, so a script that chose its limit hears nothing; a note
    about what the caller did not choose (a default limit's cut, another feeds.toml in use, a
    first run) is said anywhere."""
    return sys.stderr.isatty()


def tell(message: str) -> None:
    """A notice on stderr (stdout stays the command's output, e.g. JSON)."""
    print(f"newsdesk: {message}", file=sys.stderr)
