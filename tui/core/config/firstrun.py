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
