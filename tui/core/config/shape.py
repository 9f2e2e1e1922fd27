"""The shape of feeds.toml: its tables and keys, each value's types and each number's range.
The loader's checks and the lean reading of an all-304 fetch (lean_read.py) take them from
here, so both accept the same file; this module loads nothing."""

from __future__ import annotations

CONFIG_ENV = "NEWSDESK_CONFIG"

SETTING_TYPES: dict[str, tuple[type, ...]] = {
    "cache_dir": (str,),
    "concurrency": (int,),
    "per_host": (int,),
    "connect_timeout": (int, float),
    "read_timeout": (int, float),
    "keep_days": (int,),
    "extract": (bool,),
    "refresh_minutes": (int,),
    "mark_read_on_open": (bool,),
    "confirm_mark_all_feeds_read": (bool,),
    "max_feed_bytes": (int,),
    "max_page_bytes": (int,),
    "max_pages_per_feed": (int,),
    "allow_private_links": (bool,),
    "browser": (str,),
    "text_width": (int,),
    "hide_read": (bool,),
    "bidi": (str,),
}
FEED_KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,), "url": (str,), "tags": (list,), "lang": (str,), "extract": (bool,)}
TOP_KEYS = {"settings", "feed", "rule", "mute", "view", "keys"}

# (lowest, highest) for each numeric setting; floats must also be finite.
RANGES: dict[str, tuple[float, float]] = {
    "concurrency": (1, 1000), "per_host": (1, 100),
    "connect_timeout": (0, 3600), "read_timeout": (0, 3600),  # above 0, in fact
    "keep_days": (0, 36_500), "refresh_minutes": (0, 10_080),
    "max_feed_bytes": (1, 1 << 40), "max_page_bytes": (1, 1 << 40),
    "max_pages_per_feed": (0, 1_000_000),
    "text_width": (0, 1000),  # 0: no cap; else at least MIN_TEXT_WIDTH
}
MIN_TEXT_WIDTH = 30


def typed(value: object, types: tuple[type, ...]) -> bool:
    """`value` is one of `types`; bool is an int subclass: `concurrency = true` is not."""
    return isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
