"""Rewriting the user's own files (feeds.toml, actors.toml) safely.

The new text is written beside the file, loaded with the same loader the app uses, and only
then moved over the old one: a crash leaves the old file, and a bad edit is never saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def replace_checked(path: Path, text: str, load: Callable[[Path], object]) -> None:
    """Atomically replace `path` with `text` if `load(new file)` accepts it; else re-raise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".new")
    tmp.write_text(text, encoding="utf-8")
    try:
        load(tmp)
    except BaseException:
        tmp.unlink()
        raise
    os.replace(tmp, path)
