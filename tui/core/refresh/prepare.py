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
    from tui.core.ingest.extract import MAX_TAGS, cut_feed_html
    from tui.core.ingest.language import guess_language
    from tui.core.ingest.links import feed_links
    from tui.core.ingest.parse import parse_feed

    parsed = parse_feed(data, headers, feed_url)
    entries = []
    cut = 0
    for e in parsed.entries:
        content_html, content_cut = cut_feed_html(e.content_html or "")
        summary_html, summary_cut = cut_feed_html(e.summary_html or "")
        cut += content_cut or summary_cut
        content, summary = _text(content_html), _text(summary_html)
        body, source = (content, "feed-content") if content else (summary, "summary")
        html = content_html if content else summary_html
        entries.append(NewEntry(
            key=e.key, url=e.url, title=e.title, author=e.author, summary=summary or None,
            feed_content=content or None, published=e.published,
            lang=e.lang or guess_language(e.title, body),
            body=body, body_source=source if body else "", shared_link=e.shared_link,
            links=feed_links(html, body, e.url or feed_url)))
    warning = parsed.warning
    if cut:  # on the feed, as a cut page is said on its article
        said = f"{cut} items' text" if cut > 1 else "1 item's text"
        said += f" cut off at {MAX_TAGS:,} tags"
        warning = f"{warning}; {said}" if warning else said
    return PreparedFeed(parsed.title, parsed.lang, tuple(entries), parsed.error, warning,
                        parsed.truncated_entries)
