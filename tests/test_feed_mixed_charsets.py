# ruff: noqa: RUF001  (Cyrillic and Arabic are the point here)
"""Feeds that lie about their bytes, through a real refresh (loopback server, SQLite cache):
UTF-8 and windows-1251 (or windows-1256) items in one document, a UTF-8 BOM on windows-1251
bytes that declare windows-1251, an HTML error page served 200 as the feed, and an endless
chunked feed. Each reads right or fails on its own feed in plain words; a good feed beside
them is stored whole. The headlines are our own."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.ingest.parse import parse_feed

RU = ["Шойгу прибыл в Тегеран для переговоров", "Лавров встретился с Аракчи в Москве",
      "Путин провёл совещание Совета безопасности", "Кадыров посетил Абу-Даби с визитом"]
AR = ["بري يستقبل وفدا ايرانيا في بيروت", "الحوثيون يعلنون استهداف سفينة في البحر الاحمر",
      "اردوغان يستقبل علييف في انقرة", "نتنياهو يتحدث امام الكنيست عن الاسرى"]


def _item(title: str, n: int, site: str) -> str:
    return (f"<item><title>{title}</title><link>http://127.0.0.1/{site}/{n}</link><guid>{site}"
            f"{n}</guid><pubDate>Fri, 04 Dec 2026 07:0{n}:00 GMT</pubDate></item>")


def _doc(items: bytes, declared: str = "utf-8", title: str = "Лента") -> bytes:
    return (f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel><title>'
            f"{title}</title><link>http://127.0.0.1/</link>").encode() + items \
        + b"</channel></rss>"


def _mixed(titles: list[str], legacy: str, site: str) -> bytes:
    """Every other item in `legacy`, the rest in UTF-8, all under a utf-8 declaration."""
    return _doc(b"".join(_item(t, n, site).encode(legacy if n % 2 else "utf-8")
                         for n, t in enumerate(titles)))


def test_mixed_encodings_read_item_by_item() -> None:
    for titles, legacy, name in ((RU, "cp1251", "windows-1251"), (AR, "cp1256", "windows-1256")):
        parsed = parse_feed(_mixed(titles, legacy, "m"),
                            {"content-type": "application/rss+xml; charset=utf-8"},
                            "http://127.0.0.1/feed.xml")
        assert [e.title for e in parsed.entries] == titles
        assert parsed.warning == f"mixes utf-8 and {name} (it says utf-8); each part decoded " \
                                 "as what it is"


def test_legacy_bytes_alone_are_not_mixed() -> None:
    """A whole windows-1251 feed said to be UTF-8 is still read as windows-1251, and says so."""
    raw = _doc("".join(_item(t, n, "r") for n, t in enumerate(RU)).encode("cp1251"))
    parsed = parse_feed(raw, {"content-type": "text/xml"}, "http://127.0.0.1/feed.xml")
    assert [e.title for e in parsed.entries] == RU
    assert parsed.warning == "sent in windows-1251 although it says utf-8; decoded as " \
                             "windows-1251"


def test_hostile_feeds_fail_alone(server: LocalServer, tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf" + _doc("".join(_item(t, n, "b") for n, t in enumerate(RU[:2]))
                                 .encode("cp1251"), "windows-1251", "Лента")
    error_page = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center>"
                  b"<h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n")
    good = _doc("".join(_item(t, n, "g") for n, t in enumerate(AR[:2])).encode(), title="Good")
    feeds = [
        ("Mixed", server.add("/mixed.xml", body=_mixed(RU, "cp1251", "m"),
                             headers={"Content-Type": "application/rss+xml; charset=utf-8"})),
        ("Bom", server.add("/bom.xml", body=bom, headers={"Content-Type": "text/xml"})),
        ("Down", server.add("/down.xml", body=error_page,
                            headers={"Content-Type": "application/rss+xml"})),
        ("Endless", server.add("/endless.xml", body=_doc(b"", title="Endless")[:-16],
                               endless=_item("Бесконечная лента", 1, "e").encode(),
                               max_seconds=20, headers={"Content-Type": "text/xml"})),
        ("Good", server.add("/good.xml", body=good, headers={"Content-Type": "text/xml"})),
    ]
    config = write_config(tmp_path, feeds, settings="max_feed_bytes = 200000\n"
                          "extract = false")
    with Desk.open(load_config(config)) as desk:
        summary = desk.refresh()
        titles = {desk.article(i).title for i in desk.ids()}  # type: ignore[union-attr]
    assert set(RU) | set(RU[:2]) | set(AR[:2]) <= titles, titles
    assert not any("\ufffd" in t for t in titles), titles
    errors = {e["feed"]: e["error"] for e in summary.errors}
    assert errors.get("Down") == ("this is a web page (application/rss+xml), not a feed: an "
                                  "error page saying '502 Bad Gateway', although the server "
                                  "answered 200 OK"), errors
    assert set(errors) <= {"Down", "Endless"}, errors
