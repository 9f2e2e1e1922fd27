"""Item links: plain absolute URLs skip the clean-up, join and split, and must come out exactly
as the full path would make them."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.ingest.parse import _PLAIN_URL, _safe_url

PIECES = st.sampled_from([*"abXZ09/:?#;@.-_~%!$&'()*+,=[] \t",
                          "//", "..", "./", "a.b", ":80", ":x", "?q=1", "#top"])


def _general(value: str, base: str) -> str | None:
    url = urljoin(base, value.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


@settings(max_examples=3000)
@given(st.sampled_from(["http://", "https://"]), st.lists(PIECES, max_size=12),
       st.sampled_from(["http://127.0.0.1:8000/f/feed.xml", "https://127.0.0.2/a/b", ""]))
def test_the_fast_path_gives_what_the_general_path_gives(scheme: str, pieces: list[str],
                                                         base: str) -> None:
    value = scheme + "".join(pieces)
    if _PLAIN_URL.fullmatch(value):
        assert _safe_url(value, base) == _general(value, base)


def test_common_links_take_the_fast_path() -> None:
    for url in ("http://127.0.0.1:8000/f0/1.html", "https://127.0.0.1/news/2025/03/a-b_c~d",
                "https://127.0.0.1/item?id=42&lang=ru"):
        assert _PLAIN_URL.fullmatch(url)
        assert _safe_url(url, "http://127.0.0.1/feed.xml") == url
    for url in ("http://127.0.0.1/a b", "http://127.0.0.1/a#frag", "http://127.0.0.1/a?",
                "http://[::1/x"):
        assert not _PLAIN_URL.fullmatch(url)
