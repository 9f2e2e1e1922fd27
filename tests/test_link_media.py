"""News outlets are actors for highlighting and search, never for linking (one named rule,
linking/names.py `drives_links`)."""

from __future__ import annotations

import json

from tui.core.linking.features import raw_features
from tui.core.linking.names import drives_links


def test_media_never_drive_links() -> None:
    assert not drives_links("media")
    assert all(drives_links(kind) for kind in ("person", "org", "state"))
    title = "TASS: Hamas delegation arrives in Cairo"
    body = "The TASS news agency said the Hamas delegation had landed. TASS gave no names."
    rows = [("tass", 3, json.dumps([["title", 0, 4], ["body", 4, 8], ["body", 59, 63]])),
            ("hamas", 2, json.dumps([["title", 6, 11], ["body", 36, 41]]))]
    raw = raw_features(title, body, rows)
    assert "hamas" in raw.actors and "tass" not in raw.actors
    assert "a:tass" not in raw.df_keys()
