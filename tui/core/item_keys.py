"""An item's key from its guid or link, shared by ingest (parse.entry_key) and the store
(migrations 0023 and 0024, which give stored items the keys ingest makes now).

A guid is the key as sent, up to `MAX_GUID_BYTES`: a 1 MB guid was stored whole, indexed and
compared as the key on every fetch. A longer one is keyed by its SHA-256 under a prefix no
ordinary guid key has, so ordinary guids keep the keys they had. A link (the key of an item
with no guid) is capped the same way at `MAX_URL_BYTES`, and a link that long is no address to
keep or fetch (servers refuse a request line over 8 KB: Apache's 8,190, nginx's 8k buffers).
"""

from __future__ import annotations

MAX_GUID_BYTES = 1024
GUID = "guid:"
LONG_GUID = "guid-sha256:"
MAX_URL_BYTES = 8192
URL = "url:"
LONG_URL = "url-sha256:"


def guid_key(guid: str) -> str:
    """The key of an item with this guid (stripped, surrogates replaced: parse.entry_key)."""
    return _capped(guid, MAX_GUID_BYTES, GUID, LONG_GUID)


def url_key(url: str) -> str:
    """The key of an item with no guid and this link (parse._safe_url's)."""
    return _capped(url, MAX_URL_BYTES, URL, LONG_URL)


def too_long_url(url: str) -> bool:
    """Over `MAX_URL_BYTES` in UTF-8: no real address, neither stored nor fetched."""
    return len(url) * 4 > MAX_URL_BYTES and len(url.encode("utf-8", "surrogatepass")) \
        > MAX_URL_BYTES


def _capped(value: str, cap: int, prefix: str, long_prefix: str) -> str:
    if len(value) * 4 <= cap:  # UTF-8 takes at most 4 bytes a character
        return prefix + value
    raw = value.encode("utf-8", "surrogatepass")
    if len(raw) <= cap:
        return prefix + value
    import hashlib  # here: every command loads this module (the store's SQL functions)

    return long_prefix + hashlib.sha256(raw).hexdigest()
