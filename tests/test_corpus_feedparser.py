"""feedparser's own test corpus (2,107 hostile, broken and odd feeds) served over loopback
HTTP and ingested by the real pipeline: every file is stored or fails alone, nothing hangs.
Where a file's `Expect:` line speaks of titles or links, our stored values are compared."""

from __future__ import annotations

import ast
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SHARED, write_config
from tests.httpserver import LocalServer
from tui.core.config.loader import load_config
from tui.core.desk import Desk
from tui.core.text.sanitize import clean_line

CORPUS = SHARED / "peers" / "feedparser" / "tests"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"feedparser corpus not found at "
                                f"{CORPUS} (CI keeps ../shared beside the checkout)")

_HEADER = re.compile(r"^\s*Header:\s*([^:\s]+):(.*)$", re.MULTILINE)
_EXPECT = re.compile(r"Expect:\s*(.*?)\s*(?:-->|$)", re.MULTILINE | re.DOTALL)
_CLAUSE = re.compile(r"""(not\s+)?(feed|entries\[(\d+)\])"""
                     r"""(?:\.(title|link)\b|\[['"](title|link)['"]\])"""
                     r"""\s*==\s*(u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*")(?!\s*\+)""")


@dataclass(frozen=True)
class Check:
    file: str
    index: int | None  # None: the feed itself
    field: str
    expected: str


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


def headers_of(text: str) -> dict[str, str]:
    head = text[:4000].split("-->", 1)[0]
    found = {k.strip(): v.strip() for k, v in _HEADER.findall(head)}
    found.setdefault("Content-type", "application/json" if head.lstrip().startswith("{")
                     else "application/xml")
    return {k: v for k, v in found.items() if k.lower() != "status"}


def checks_of(name: str, text: str) -> list[Check]:
    match = _EXPECT.search(text[:4000])
    if not match or " or " in match.group(1):
        return []
    out = []
    for negated, _whole, index, f1, f2, literal in _CLAUSE.findall(match.group(1)):
        if negated:
            continue
        try:
            value = ast.literal_eval(literal)
        except (ValueError, SyntaxError):
            continue
        out.append(Check(name, int(index) if index else None, f1 or f2, value))
    return out


def _stored(conn: sqlite3.Connection, feed_name: str) -> tuple[str | None, str | None,
                                                                list[tuple[str, str | None, int]]]:
    feed_id, title = conn.execute("SELECT id, title FROM feeds WHERE name = ?",
                                  (feed_name,)).fetchone()
    rows = conn.execute(
        "SELECT a.title, a.url, (SELECT count(*) FROM article_feeds x WHERE x.article_id = a.id) "
        "FROM article_feeds af JOIN articles a ON a.id = af.article_id WHERE af.feed_id = ? "
        "ORDER BY a.id", (feed_id,)).fetchall()
    return title, None, rows


def _strip_markup(text: str) -> str:
    import html

    return clean_line(html.unescape(re.sub(r"<[^>]*>", "", text)))


def compare(conn: sqlite3.Connection, checks: list[Check]) -> dict[str, int]:
    tally = {"exact": 0, "same after whitespace/markup clean-up": 0, "differs": 0,
             "entry missing": 0, "shared with another file (same guid)": 0}
    for check in checks:
        feed_title, _, entries = _stored(conn, check.file)
        if check.index is None:
            if check.field != "title":
                continue  # we do not keep the feed's home link
            ours: str | None = feed_title
        elif check.index >= len(entries):
            tally["entry missing"] += 1
            continue
        else:
            title, url, owners = entries[check.index]
            if owners > 1:
                tally["shared with another file (same guid)"] += 1
                continue
            ours = title if check.field == "title" else url
        if ours == check.expected:
            tally["exact"] += 1
        elif (ours or "") == _strip_markup(check.expected):
            tally["same after whitespace/markup clean-up"] += 1
        else:
            tally["differs"] += 1
    return tally


def test_feedparser_corpus_through_pipeline(server: LocalServer, tmp_path: Path) -> None:
    files = corpus_files()
    checks: list[Check] = []
    feeds = []
    for path in files:
        name = str(path.relative_to(CORPUS))
        raw = path.read_bytes()
        text = raw.decode("utf-8", "replace")
        route = "/" + name.replace("\\", "/")
        url = server.add(route, body=raw, headers=headers_of(text))
        feeds.append({"name": name, "url": url, "extract": False})
        checks.extend(checks_of(name, text))
    config = load_config(write_config(
        tmp_path, feeds, settings="per_host = 32\nconcurrency = 32\nkeep_days = 0"))
    started = time.monotonic()
    with Desk.open(config) as desk:
        summary = desk.refresh(extract=False)
        elapsed = time.monotonic() - started
        status = desk.feeds()
        tally = compare(desk.conn, checks)
        articles = desk.count()
    failed = [s for s in status if s.failures]
    print(f"\nfeedparser corpus: {len(files)} files in {elapsed:.1f} s: {summary.feeds_ok} "
          f"ingested, {summary.feeds_failed} per-feed errors, {articles} articles stored")
    kinds: dict[str, int] = {}
    for s in failed:
        kind = re.sub(r"\(.*", "", s.last_error or "").strip()
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  error {n:>4}  {kind}")
    mapped = sum(tally.values())
    print(f"Expect: clauses on titles/links: {len(checks)}; compared {mapped}: {tally}")
    assert summary.feeds_ok + summary.feeds_failed == len(files)
    assert all(s.last_ok or s.last_error for s in status)  # every file has an outcome
    assert summary.feeds_ok > 0.9 * len(files)
    agree = tally["exact"] + tally["same after whitespace/markup clean-up"]
    assert agree >= 0.9 * (agree + tally["differs"])
    assert elapsed < 120
