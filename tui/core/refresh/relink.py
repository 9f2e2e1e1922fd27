"""A new linker (its fitted weights, or what the text half stores) relinks the recent fortnight
once."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta

from tui.core.basics import to_iso, utcnow
from tui.core.refresh.match_sources import read_bytes, stamp
from tui.core.store.db import get_meta, set_meta
from tui.core.store.write_turns import transaction

RELINK_DAYS = 14
LINKER_HASH_KEY = "linker_hash"
LINKER_STAMP_KEY = "linker_stamp"  # the weights file's stamp when its hash was last checked
_WEIGHTS = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))),
                        "linking", "weights.json")
# BUMP BY HAND when the links' text half stores other features for the same text, so features
# made before never meet new ones (2: MinHash signatures v2, linking/minhash.py; 3: the
# headline's terms and the summary flag, features.py; 4: named objects, objects.toml, weighed
# as places; 5: people nobody listed, by the keys of their names, linking/name_keys.py). Here,
# not in linking/, so the lean
# fetch that asks `linker_unchanged` imports none of it.
FEATURES_VERSION = 5


def _stamp_now() -> str:
    """The weights file's stamp with the features' version: either changed is a new linker."""
    return f"{stamp(_WEIGHTS)!r} features={FEATURES_VERSION}"


def linker_digest(weights: bytes) -> str:
    """What `LINKER_HASH_KEY` keeps: the weights' bytes and the features' version, hashed."""
    import hashlib

    return hashlib.sha256(weights + f"\nfeatures={FEATURES_VERSION}".encode()).hexdigest()


def linker_unchanged(conn: sqlite3.Connection, stored: str | None = None,
                     now: str | None = None) -> bool:
    """The weights file is as it was when its hash was last checked: nothing to relink or
    write (`relink_if_linker_changed` returns at once; the lean fetch asks it first)."""
    stored = get_meta(conn, LINKER_HASH_KEY) if stored is None else stored
    now = _stamp_now() if now is None else now
    return stored is not None and get_meta(conn, LINKER_STAMP_KEY) == now


def relink_if_linker_changed(conn: sqlite3.Connection) -> None:
    """A new linker (its fitted weights, which change with its parts, or `FEATURES_VERSION`)
    makes the recent fortnight's features, links and stories again, as a gazetteer change
    does: an upgraded cache would otherwise keep the old linker's related items (and lack the
    parts it never computed, or hold signatures new ones never match) for as long as they are
    shown. Older links stay as they were. The file is hashed only when its stamp (size, time,
    inode) is not the one last checked: an unchanged fetch loads no hashlib for it."""
    now = _stamp_now()  # before the bytes are read: a change after it is seen next
    stored = get_meta(conn, LINKER_HASH_KEY)
    if linker_unchanged(conn, stored, now):
        return
    digest = linker_digest(read_bytes(_WEIGHTS))
    if stored == digest:
        with transaction(conn):
            set_meta(conn, LINKER_STAMP_KEY, now)
        return
    with transaction(conn):
        # unknown in a cache from before this key: relinked too, unless nothing is analysed
        if stored is not None or conn.execute(
                "SELECT 1 FROM articles WHERE analysed = 1 LIMIT 1").fetchone():
            conn.execute("UPDATE articles SET analysed = 0 WHERE published >= ?",
                         (to_iso(utcnow() - timedelta(days=RELINK_DAYS)),))
        set_meta(conn, LINKER_HASH_KEY, digest)
        set_meta(conn, LINKER_STAMP_KEY, now)
