"""What a feed's fetch says on that feed, beside the parser's warnings: cut off at the size
cap, moved for good to another address."""

from __future__ import annotations

from tui.core.ingest.fetch import FetchResult
from tui.core.store.feeds import moved_warning


def moved_note(result: FetchResult) -> str | None:
    """A feed whose address moved for good (301, 308), in the feed's warning while it holds:
    feeds.toml is the user's file, never rewritten behind their back, so the warning says
    what to put there (store.feeds.moved_warning), whole: the user copies it from `feeds`
    and `feeds --json` (a cut one was no address to copy). It is bounded already: a redirect
    to an address over 8 KB is not followed (item_keys.MAX_URL_BYTES, the links' cap)."""
    if result.moved_to is None or result.moved_to == result.url:
        return None
    from tui.core.text.sanitize import clean_line

    where = clean_line(result.moved_to).replace(" ", "%20")  # one note of "; "-joined ones
    return moved_warning(where) + " (followed until then)"


def cut_off(result: FetchResult, cap: int, error: str) -> str:
    """A feed cut at the size cap that does not parse: the cap is the news, the broken XML
    (a bomb's zeros, an endless body's cut) only what followed from it."""
    coding = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate", "br": "brotli"}.get(
        result.headers.get("content-encoding", "").strip().lower())
    grew = f"its {coding} body inflates past" if coding else "it is larger than"
    return f"feed cut off at the size cap: {grew} max_feed_bytes ({cap} bytes); {error}"
