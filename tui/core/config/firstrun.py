"""The first run: a user with no feeds.toml gets the curated list, written where they can edit it.

The curated list ships inside the package (`tui/data/feeds.toml`); the repository's own
`feeds.toml` is the development copy of it, identical but for a cache kept in the checkout
(tests/test_firstrun.py holds them together).
"""

from __future__ import annotations

import os
from pathlib import Path

CURATED = Path(__file__).resolve().parents[2] / "data" / "feeds.toml"


def write_user_config(path: Path) -> Path:
    """Copy the curated feed list to `path` (the loader's `user_config_path()` on a first
    run) and return where.

    Written beside and moved into place, so a second newsdesk starting at the same moment
    finds either no file or a whole one; a file that exists by then is kept, never replaced.
    Raises OSError when the folder cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    tmp.write_text(CURATED.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        os.link(tmp, path)  # fails if the file appeared meanwhile: theirs wins
    except FileExistsError:
        pass
    except OSError:  # no hard links on this file system: a plain move, still whole
        if not path.exists():
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def untouched(path: Path) -> bool:
    """Whether `path` is still the curated list as a first run wrote it: an import then puts
    the user's own list in its place instead of adding to it (the curated list stays one
    command away: `newsdesk export-opml --curated`)."""
    try:
        return path.read_text(encoding="utf-8-sig") == CURATED.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def import_hint() -> str:
    """The command that puts the user's own list in place of the curated one: newsboat's
    `urls` file when there is one (a newsboat user moving over), else any OPML file."""
    from tui.core.config.newsboat import default_urls_file

    urls = next((p for p in default_urls_file() if p.is_file()), None)
    if urls is not None:
        return f"newsdesk import-newsboat (your newsboat list, {urls}) or import-opml FILE"
    return "newsdesk import-opml FILE"
