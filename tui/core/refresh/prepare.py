"""A feed's bytes made ready to store, in a worker (pool.py runs it): parsed, its HTML turned
into text, each entry's language guessed. Its own module so that a refresh with nothing new,
which parses nothing, does not create these records (each a millisecond at import)."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.store.entries import NewEntry


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    title: str | None
    lang: str | None
    entries: tuple[NewEntry, ...]
    error: str | None
    warning: str | None
    truncated_entries: int


def _text(html: str | None) -> str:
    from tui.core.ingest.extract import clean_lines_text, html_to_text

    return clean_lines_text(html_to_text(html)) if html else ""  # html_to_text: clean_lines


def prepare_feed(data: bytes, headers: dict[str, str], feed_url: str) -> PreparedFeed:
    """In a worker. Parsing and extraction load there, never in a refresh with nothing new."""
    from tui.core.ingest.language import guess_language
    from tui.core.ingest.links import feed_links
    from tui.core.ingest.parse import parse_feed

    parsed = parse_feed(data, headers, feed_url)
    entries = []
    for e in parsed.entries:
        content, summary = _text(e.content_html), _text(e.summary_html)
        body, source = (content, "feed-content") if content else (summary, "summary")
        html = e.content_html if content else e.summary_html
        entries.append(NewEntry(
            key=e.key, url=e.url, title=e.title, author=e.author, summary=summary or None,
            feed_content=content or None, published=e.published,
            lang=e.lang or guess_language(e.title, body),
            body=body, body_source=source if body else "", shared_link=e.shared_link,
            links=feed_links(html, body, e.url or feed_url)))
    return PreparedFeed(parsed.title, parsed.lang, tuple(entries), parsed.error, parsed.warning,
                        parsed.truncated_entries)
