"""A feed's address read in one match (feed_request._PLAIN, the commonest shape) gives the
request urlsplit's reading gives, for any address: the sweep and the fetcher must send one
request to one place, and an address httpx would rewrite must still go to httpx."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.ingest import feed_request
from tui.core.ingest.feed_request import target

_PIECES = st.sampled_from(["a", "Z", "0", "9", ".", "-", "_", "~", "%", "%2F", "%zz", "/", "//",
                           "/.", "/..", "?", "#", ":", "@", " ", "\t", "é", "!", "$", "'", "*",
                           "+", ",", ";", "="])
_HOSTS = st.sampled_from(["example.org", "Example.org", "127.0.0.5", "a", "a-b.c", "-a.b", "a.",
                          "a..b", "xn--e1afmkfd.xn--p1ai", "пример.рф", "[::1]", "", "u@h",
                          "u:p@h"])
_PORTS = st.sampled_from(["", ":", ":80", ":8080", ":080", ":0", ":65535", ":65536", ":99999",
                          ":123456", ":x", ":1"])
_SCHEMES = st.sampled_from(["http://", "HTTP://", "Http://", "https://", "ftp://", "http:/", ""])


@given(_SCHEMES, _HOSTS, _PORTS, st.lists(_PIECES, max_size=12).map("".join))
def test_the_one_match_reads_an_address_as_urlsplit_does(
        scheme: str, host: str, port: str, path: str) -> None:
    url = f"{scheme}{host}{port}{path}"
    try:
        split = feed_request._split_target(url)
    except ValueError:  # urlsplit refuses it (a bracket): the one match must not take it
        assert feed_request._PLAIN.fullmatch(url) is None
        return
    assert target(url) == split, url


def test_the_common_addresses_take_the_one_match() -> None:
    for url, expected in (
            ("http://127.0.0.7:41234/f12/feed.xml", ("127.0.0.7", 41234, "/f12/feed.xml",
                                                     "127.0.0.7:41234")),
            ("http://example.org/rss", ("example.org", 80, "/rss", "example.org")),
            ("http://example.org:80/a%20b", ("example.org", 80, "/a%20b", "example.org"))):
        assert feed_request._PLAIN.fullmatch(url) is not None
        assert target(url) == expected == feed_request._split_target(url)
