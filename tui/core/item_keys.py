"""An item's key from its guid, shared by ingest (parse.entry_key) and the store (migration
0023, which gives stored items the keys ingest makes now).

A guid is the key as sent, up to `MAX_GUID_BYTES`: a 1 MB guid was stored whole, indexed and
compared as the key on every fetch. A longer one is keyed by its SHA-256 under a prefix no
ordinary guid key has, so ordinary guids keep the keys they had.
"""

from __future__ import annotations

MAX_GUID_BYTES = 1024
GUID = "guid:"
LONG_GUID = "guid-sha256:"


def guid_key(guid: str) -> str:
    """The key of an item with this guid (stripped, surrogates replaced: parse.entry_key)."""
    if len(guid) * 4 <= MAX_GUID_BYTES:  # UTF-8 takes at most 4 bytes a character
        return GUID + guid
    raw = guid.encode("utf-8", "surrogatepass")
    if len(raw) <= MAX_GUID_BYTES:
        return GUID + guid
    import hashlib  # here: every command loads this module (the store's SQL functions)

    return LONG_GUID + hashlib.sha256(raw).hexdigest()
