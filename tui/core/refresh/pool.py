"""The CPU-bound steps, as top-level functions a process pool can run.

Feed HTML (summaries, content:encoded) is turned into text here, inside the worker, so the
event loop only ever handles ready-to-store values.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.ingest.extract import Extracted, clean_lines_text, extract_page, html_to_text
from tui.core.ingest.parse import parse_feed
from tui.core.store.articles import NewEntry

if TYPE_CHECKING:
    from tui.core.actors.matcher import Matcher
    from tui.core.linking.score import Raw


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    title: str | None
    lang: str | None
    entries: tuple[NewEntry, ...]
    error: str | None
    warning: str | None
    truncated_entries: int


def _text(html: str | None) -> str:
    return clean_lines_text(html_to_text(html)) if html else ""  # html_to_text: clean_lines


def prepare_feed(data: bytes, headers: dict[str, str], feed_url: str) -> PreparedFeed:
    parsed = parse_feed(data, headers, feed_url)
    entries = []
    for e in parsed.entries:
        content, summary = _text(e.content_html), _text(e.summary_html)
        body, source = (content, "feed-content") if content else (summary, "summary")
        entries.append(NewEntry(
            key=e.key, url=e.url, title=e.title, author=e.author, summary=summary or None,
            feed_content=content or None, published=e.published, lang=e.lang,
            body=body, body_source=source if body else "", shared_link=e.shared_link))
    return PreparedFeed(parsed.title, parsed.lang, tuple(entries), parsed.error, parsed.warning,
                        parsed.truncated_entries)


def _without_headline(body: str, title: str | None) -> str:
    """Some templates put the headline inside the article element; the reader shows it apart."""
    first, _, rest = body.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return body


_matchers: dict[tuple[str | None, str], Matcher] = {}


def _matcher(actors_file: str | None, source_hash: str) -> Matcher:
    """Built once per worker and gazetteer version (~0.25 s)."""
    key = (actors_file, source_hash)
    if key not in _matchers:
        from tui.core.actors.matcher import Matcher, load_gazetteer

        _matchers.clear()
        _matchers[key] = Matcher(load_gazetteer(Path(actors_file) if actors_file else None))
    return _matchers[key]


def warm_analysis(actors_file: str | None, source_hash: str) -> None:
    """Build the matchers while the network is still busy, not when analysis starts."""
    from tui.core.linking.text import place_matcher

    _matcher(actors_file, source_hash)
    place_matcher()


def analyse_texts(items: list[tuple[int, str, str]], actors_file: str | None,
                  source_hash: str) -> list[tuple[int, list[tuple[int, str, int, str]], Raw]]:
    """Actor mentions and linking features for (id, title, body): pure text work, so the
    analysis of a big refresh runs on every core while the main process writes."""
    from tui.core.linking.score import raw_features
    from tui.core.store.actors import mention_rows

    matcher = _matcher(actors_file, source_hash)
    out = []
    for article_id, title, body in items:
        rows = mention_rows(article_id, matcher.match(title, body))
        out.append((article_id, rows, raw_features(title, body, [r[1:] for r in rows])))
    return out


def extract_worker(raw: bytes, url: str, content_type: str | None) -> Extracted:
    extracted = extract_page(raw, url, content_type)  # its body is clean_lines output
    body = _without_headline(clean_lines_text(extracted.body), extracted.title)
    return Extracted(body, extracted.author, extracted.published, extracted.sitename,
                     extracted.title, extracted.error)


class WorkerPool:
    """The process pool, made on first use and renewed when a worker dies.

    A worker killed by the OOM killer or a crash inside lxml breaks a ProcessPoolExecutor for
    good; without renewal every later feed would fail until the app restarts. Workers are
    spawned, not forked: the TUI has threads, and fork with threads is unsafe.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 2
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is not None and getattr(self._pool, "_broken", False):
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def renew(self, broken: ProcessPoolExecutor) -> None:
        """Drop `broken` if it is still the current pool (several tasks may report it)."""
        with self._lock:
            if self._pool is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
