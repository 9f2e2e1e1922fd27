"""A hand edit of actors.toml reaches the cached articles at the next command, not the next
fetch: `list 'actor:NEW'` right after adding NEW finds its articles.

What tells is the hash of the data the cache was matched with (refresh/match_sources.py): a few
milliseconds when nothing changed. When it did, the user's file is checked, then every
article is matched again, as a fetch would (a few seconds for thousands of articles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.refresh.lock import RefreshBusy, refresh_lock
from tui.core.store.db import read_only_place

if TYPE_CHECKING:
    from tui.core.desk import Desk


def catch_up(desk: Desk, say: Callable[[str], None]) -> bool:
    """Re-match the cache if actors.toml (or the bundled data) changed since it was matched;
    True when it did. A broken actors.toml raises GazetteerError (a config error). Nothing
    is done on a read-only cache, nor while a fetch runs (that fetch, or the next, does it)."""
    if read_only_place(desk.db_path) or not desk.analysis.sources_changed(desk.conn):
        return False
    try:
        with refresh_lock(desk.db_path.parent):
            say(f"actors changed ({desk.config.actors_path.name}): matching the "
                f"{desk.count()} cached articles again")
            desk.analyse_pending()
    except RefreshBusy:
        return False
    return True
