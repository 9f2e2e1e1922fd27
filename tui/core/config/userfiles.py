"""Rewriting the user's own files (feeds.toml, actors.toml) safely.

The new text is written beside the file, loaded with the same loader the app uses, and only
then moved over the old one: a crash leaves the old file, and a bad edit is never saved. The
file keeps its permissions (a feeds.toml kept private stays private), and a rewrite that
cannot finish leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path


class UserFileError(OSError):
    """The user's file could not be rewritten; the message says which and why."""


def replace_checked(path: Path, text: str, load: Callable[[Path], object]) -> None:
    """Atomically replace `path` with `text` if `load(new file)` accepts it; else re-raise.
    Raises UserFileError when the file cannot be written or replaced (it is left as it was)."""
    tmp = path.with_name(path.name + ".new")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserFileError(f"cannot read {path}: {exc.strerror}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        if mode is not None:
            os.chmod(tmp, mode)
    except OSError as exc:
        _remove(tmp)
        raise UserFileError(f"cannot write {tmp} beside {path.name}: {exc.strerror}") from None
    try:
        load(tmp)
    except BaseException:
        _remove(tmp)
        raise
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise UserFileError(f"cannot replace {path}: {exc.strerror}; it was left unchanged") \
            from None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
