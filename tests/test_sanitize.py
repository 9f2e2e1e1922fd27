"""Terminal safety: no escape sequence, control or bidi character from a feed or page survives
to the cache or to `newsdesk list`/`show`, and Rich markup in data is only ever text."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, write_config
from tests.httpserver import LocalServer
from tests.test_refresh import P1, P2
from tests.test_refresh import PAGE as REFRESH_PAGE
from tui.core.config.loader import ConfigError, load_config, parse_config
from tui.core.desk import Desk
from tui.core.text.sanitize import clean_line, clean_text, strip_controls

# Anything a terminal acts on, or that disguises text; also what SQLite cannot store.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f"
                       "\u061c\ufeff\ud800-\udfff]")

CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
HOSTILE_TITLES = [
    f"{CLIPBOARD}Clipboard title",
    "\x1b[2JScreen cleared",
    "[link=file:///etc]x[/]",
    "\x9b31mEight-bit CSI\x9dosc\x9c",
    "\u202eevil\u202c bidi \x07bell\x00nul",
]


@pytest.mark.parametrize(("raw", "clean"), [
    (f"{CLIPBOARD}Title", "Title"),
    ("\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\", "click"),
    ("a\x1b[2Jb\x1b[1;31mc\x1b[0m", "abc"),
    ("\x1bPq#0;2;0;0;0#0~~@@vv@@~~$\x1b\\sixel", "sixel"),
    ("\x9b2J\x9d0;title\x07x", "x"),  # C1 CSI and OSC go whole, as ESC [ and ESC ] do
    ("one\x9btwo \x9d end", "onetwo end"),  # no parameter, no sequence: the control alone
    ("abc\u202edcba\u2066x\u2069", "abcdcbax"),
    ("line\u2028two\x0bthree", "line two three"),
    ("[bold red]not markup[/]", "[bold red]not markup[/]"),
    ("\u0645\u06cc\u200c\u0634\u0648\u062f",) * 2,  # ZWNJ is Persian spelling: kept
    ("x\ud800y", "xy"),
    ("Netan\u00adyahu and Vladi\u00admir Pu\u2060tin", "Netanyahu and Vladimir Putin"),
])
def test_clean_line_examples(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_clean_text_keeps_paragraphs() -> None:
    assert clean_text("one\r\n\x1b[31mtwo\x1b[0m\n\n\n\nthree\x07") == "one\ntwo\n\nthree"


_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)
_escapy = st.lists(st.sampled_from(
    ["\x1b", "[", "]", "\x07", "\x9c", "\x9b", "\x9d", "\x90", "\\", "52;c;", "2J", "m", "a",
     " ", "\n", "\r", "\u202e", "\ud800", "e\u0301", "\u0301", "\x00", "\u2028"]),
    max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_text, _escapy))
def test_sanitizer_fuzz(text: str) -> None:
    line, body = clean_line(text), clean_text(text)
    for out in (line, body):
        assert not FORBIDDEN.search(out)
        out.encode("utf-8")  # storable: no lone surrogates
    assert "\n" not in line and "\t" not in line
    assert clean_line(line) == line and clean_text(body) == body  # idempotent
    assert not FORBIDDEN.search(strip_controls(text).replace("\n", "").replace("\t", ""))


_toml_leaf = st.one_of(st.text(max_size=20), st.integers(-5, 10**6), st.booleans(),
                       st.floats(allow_nan=True), st.none())
_toml = st.recursive(_toml_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["name", "url", "tags", "query", "tag", "lang", "extract",
                                     "cache_dir", "concurrency", "read_timeout", "x"]),
                    inner, max_size=5)), max_leaves=20)
_doc = st.dictionaries(st.sampled_from(["settings", "feed", "rule", "mute", "view", "keys",
                                        "other"]), _toml, max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_doc)
def test_config_loader_fuzz(data: dict[str, Any]) -> None:
    """Any decoded TOML shape gives a Config or a ConfigError, never a traceback."""
    try:
        config = parse_config(data, base=Path("/tmp"))
    except ConfigError as exc:
        assert str(exc)
    else:
        assert all(f.url.startswith(("http://", "https://")) for f in config.feeds)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_config_file_fuzz(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("cfg") / "feeds.toml"
    path.write_bytes(raw)
    with contextlib.suppress(ConfigError):
        load_config(path)


def _xml(text: str) -> str:
    """As a feed would carry it: control characters as numeric references."""
    out = text.replace("&", "&amp;").replace("<", "&lt;")
    return "".join(f"&#{ord(c)};" if ord(c) < 32 or 0x7f <= ord(c) < 0xa0 else c for c in out)


PAGE = REFRESH_PAGE.format(
    t="Story",
    p1=P1.replace("regional security", "\x1b[31mregional security\x1b[0m [bold]two people[/bold]"),
    p2=P2.replace("joint statement", "joint \x1b]52;c;cm0gLXJmIH4K\x07statement"))


def test_hostile_text_through_pipeline_and_cli(server: LocalServer, tmp_path: Path) -> None:
    page = server.add("/story.html", body=PAGE.encode(), headers={"Content-Type": "text/html"})
    items = "".join(
        f"<item><title>{_xml(t)}</title><link>{page if i == 0 else page + f'?{i}'}</link>"
        f"<guid>h{i}</guid><author>{_xml(CLIPBOARD)}x@example.org</author>"
        f"<description>{_xml('<p>' + t + ' body</p>')}</description></item>"
        for i, t in enumerate(HOSTILE_TITLES))
    feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>'
            f'{_xml(CLIPBOARD)}Feed</title>{items}</channel></rss>')
    url = server.add("/hostile.xml", body=feed.encode(), headers={"Content-Type": "text/xml"})
    config_path = write_config(tmp_path, [("Hostile", url)])
    with Desk.open(load_config(config_path)) as desk:
        summary = desk.refresh(extract=True)
        assert summary.new_articles == len(HOSTILE_TITLES) and summary.extracted >= 1
        stored = [tuple(r) for r in desk.conn.execute(
            "SELECT title, url, author, summary, body FROM articles")]
        stored += [tuple(r) for r in desk.conn.execute("SELECT name, title, last_error FROM feeds")]
    for row in stored:
        for value in row:
            assert not FORBIDDEN.search(value or ""), row
    titles = {row[0] for row in stored[:len(HOSTILE_TITLES)]}
    assert {"Clipboard title", "Screen cleared", "[link=file:///etc]x[/]"} <= titles
    bodies = [row[4] for row in stored if len(row) > 4 and "Officials" in (row[4] or "")]
    assert bodies and "[bold]two people[/bold]" in bodies[0]  # markup kept as plain text

    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"}
    outputs = []
    for args in (["list"], ["list", "--json"], ["show", "1"], ["show", "1", "--json"],
                 ["feeds"]):
        done = subprocess.run([sys.executable, "-m", "tui", "--config", str(config_path), *args],
                              capture_output=True, env=env, timeout=60, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.decode("utf-8"))
    for out in outputs:
        assert not FORBIDDEN.search(out.replace("\n", "")), out
    assert "[link=file:///etc]x[/]" in outputs[0]  # printed as text, not a hyperlink
    assert "Clipboard title" in outputs[0]


def test_page_escape_payload_removed_whole() -> None:
    from tui.core.refresh.pool import extract_worker

    body = extract_worker(PAGE.encode(), "http://127.0.0.1/story.html", "text/html").body
    assert body and "52;c" not in body and "[31m" not in body
