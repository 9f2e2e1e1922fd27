"""A feed's address read in one pass (feed_request.plain_address, the commonest shape) gives the
request urlsplit's reading gives, for any address: the sweep and the fetcher must send one
request to one place, and an address httpx would rewrite must still go to httpx."""

from __future__ import annotations

import re

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
        assert feed_request.plain_address(url) is None
        return
    assert target(url) == split, url


def test_the_common_addresses_take_the_one_match() -> None:
    for url, expected in (
            ("http://127.0.0.7:41234/f12/feed.xml", ("127.0.0.7", 41234, "/f12/feed.xml",
                                                     "127.0.0.7:41234")),
            ("http://example.org/rss", ("example.org", 80, "/rss", "example.org")),
            ("http://example.org:80/a%20b", ("example.org", 80, "/a%20b", "example.org"))):
        assert feed_request.plain_address(url) is not None
        assert target(url) == expected == feed_request._split_target(url)


# The one match `plain_address` stands for (it reads the address with str methods: no `re` loaded).
_ONE_MATCH = re.compile(r"http://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([1-9][0-9]{0,4}))?"
                        r"(/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*)")


@given(_SCHEMES, _HOSTS, _PORTS, st.lists(_PIECES, max_size=12).map("".join))
def test_the_one_pass_is_the_one_match(scheme: str, host: str, port: str, path: str) -> None:
    url = f"{scheme}{host}{port}{path}"
    match = _ONE_MATCH.fullmatch(url)
    expected = None if match is None else (match[1], match[2] or "", match[3])
    assert feed_request.plain_address(url) == expected, url


_VALIDATORS = st.none() | st.sampled_from(['"v1"', 'W/"x"', "Mon, 07 Dec 2026 01:00:00 GMT",
                                           " padded", "tab\there", "é", "", "a\r\nb"])


@given(_VALIDATORS, _VALIDATORS)
def test_a_request_is_its_headers_in_order(etag: str | None, modified: str | None) -> None:
    """The fixed headers joined once give the bytes each header checked and joined gave."""
    url = "http://127.0.0.7:41234/f12/feed.xml"
    lines = ["GET /f12/feed.xml HTTP/1.1", "Host: 127.0.0.7:41234"]
    for name, value in feed_request.feed_headers(etag, modified).items():
        if not (value.isascii() and value.isprintable()) or value != value.strip():
            assert feed_request.request(url, etag, modified) is None
            return
        lines.append(f"{name}: {value}")
    made = feed_request.request(url, etag, modified)
    if not (etag or modified):
        assert made is None
        return
    assert made is not None and made[1] == ("\r\n".join(lines) + "\r\n\r\n").encode()
