"""The SQL functions newsdesk's migrations, triggers and queries call: SQLite cannot case-fold
beyond ASCII nor split Arabic proclitics. The heavy ones load their module at first call."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tui.core.item_keys import guid_key, url_key

__all__ = ["register_functions"]


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions for migrations, triggers and queries: SQLite cannot case-fold beyond ASCII
    nor split Arabic proclitics."""
    tag_key = _text_function(_loaded("tui.core.tagnames", "key"))  # (unicodedata: at a call)
    conn.create_function("newsdesk_tag_key", 1, tag_key, deterministic=True)
    conn.create_function("newsdesk_tag_display", 1,
                         _text_function(_loaded("tui.core.tagnames", "display")),
                         deterministic=True)
    conn.create_function("newsdesk_fold", 1, tag_key, deterministic=True)
    # what the FTS triggers index after a title or body: searchable forms of Arabic words
    # (migration 0010, which an older cache still runs); since 0014, newsdesk_fts_text
    conn.create_function("newsdesk_fts_extra", 1, _loaded("tui.core.arabic_search",
                                                          "extra_tokens"), deterministic=True)
    # what they index for a title or body: folded (ё, digits) and with those forms, or NULL
    conn.create_function("newsdesk_fts_text", 1, _loaded("tui.core.search_fold", "fts_text"),
                         deterministic=True)
    conn.create_function("newsdesk_unhidden", 2, _unhidden, deterministic=True)  # 0022
    conn.create_function("newsdesk_guid_key", 1, _text_function(guid_key),  # 0023
                         deterministic=True)
    conn.create_function("newsdesk_url_key", 1, _text_function(url_key),  # 0024
                         deterministic=True)


def _unhidden(text: str | None, line: int) -> str | None:
    from tui.core.text.sanitize import unhidden  # loaded by migration 0022 only

    return unhidden(text, line)


def _loaded(module: str, name: str) -> Callable[[object], str | None]:
    """`module.name`, imported at its first call: only a write of titles or bodies calls
    these, and their patterns were ~3 ms of every command's start-up (an unchanged fetch
    writes neither)."""
    found: list[Callable[[object], str | None]] = []

    def call(value: object) -> str | None:
        if not found:
            import importlib

            found.append(getattr(importlib.import_module(module), name))
        return found[0](value)

    return call


def _text_function(fn: Callable[[str], str | None]) -> Callable[[object], str | None]:
    def call(value: object) -> str | None:
        return None if value is None else fn(str(value))

    return call
