"""The reader: one article's text, shown literally, and a side panel for context.

Everything from the feed or page is untrusted, so it is wrapped in `rich.text.Text`
(never parsed as markup). The side panel lists actors and related articles when the
Desk offers them (`actors_of`, `related`), added by later work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from tui.app.widgets.article_list import local_time

MENTION = Style(underline=True, bold=True)


def article_text(article: Any, actors: Sequence[Any] = ()) -> tuple[Text, Text]:
    """(header, body) for an `Article`; actor mentions (spans) are underlined."""
    header = Text()
    title = Text(article.title or "(untitled)", "bold")
    header.append_text(title)
    header.append("\n")
    meta = [article.feed or ""]
    if article.author:
        meta.append(article.author)
    meta.append(local_time(article.published, True))
    header.append(" · ".join(meta), "italic")
    if article.url:
        header.append("\n")
        header.append(article.url, "underline")
    flags = []
    if article.saved:
        flags.append("★ saved")
    if article.tags:
        flags.append(" ".join(f"#{t}" for t in article.tags))
    if flags:
        header.append("\n")
        header.append("  ".join(flags), "bold")
    body_text = article.body or article.summary or ""
    body = Text(body_text if body_text else "(no text was extracted for this article)")
    if article.body:  # spans index the stored body, so only mark that text
        for actor in actors:
            for field, start, end in getattr(actor, "spans", ()):
                if field == "body":
                    body.stylize(MENTION, start, end)
                elif field == "title":
                    header.stylize(MENTION, start, end)
    if article.body_source and article.body_source != "page":
        body.append(f"\n\n[text from the feed's {article.body_source}]", "dim italic")
    return header, body


def _fetch(desk: Any, method: str, article_id: int) -> tuple[list[Any] | None, str | None]:
    """(items, error) from an optional Desk method; (None, None) when it does not exist."""
    call = getattr(desk, method, None)
    if call is None:
        return None, None
    try:
        return list(call(article_id)), None
    except Exception as error:  # shown in the panel, never fatal
        return [], f"{method}: {error}"


def side_text(actors: list[Any] | None, related: list[Any] | None,
              errors: Sequence[str] = ()) -> Text | None:
    """Actors and related items, or None while the Desk offers neither."""
    if actors is None and related is None:
        return None
    out = Text()
    for error in errors:
        out.append(error + "\n", "dim")
    if actors is not None:
        out.append("Actors\n", "bold")
        for actor in actors[:30]:
            count = getattr(actor, "count", None)
            out.append(f"• {getattr(actor, 'name', actor)}" + (f" ({count})" if count else ""))
            out.append("\n")
        if not actors:
            out.append("none found\n", "dim")
    if related is not None:
        out.append("\nRelated\n" if actors is not None else "Related\n", "bold")
        for item in related[:20]:
            feed = getattr(item, "feed", None)
            out.append(f"• {getattr(item, 'title', item)}" + (f" — {feed}" if feed else ""))
            out.append("\n")
        if not related:
            out.append("none found\n", "dim")
    return out


class Reader(Horizontal):
    """Article text (scrolls) and its context: beside it on wide screens, else below."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Any | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-scroll", can_focus=True):
            yield Static(id="reader-header")
            yield Static(id="reader-body")
            yield Static(id="reader-context")
        with VerticalScroll(id="reader-side", can_focus=False):
            yield Static(id="reader-side-text")

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#reader-scroll", VerticalScroll)

    def show(self, article: Any, desk: Any) -> None:
        self.article = article
        actors, actor_error = _fetch(desk, "actors_of", article.id)
        related, related_error = _fetch(desk, "related", article.id)
        header, body = article_text(article, actors or ())
        self.query_one("#reader-header", Static).update(header)
        self.query_one("#reader-body", Static).update(body)
        errors = [e for e in (actor_error, related_error) if e]
        side = side_text(actors, related, errors)
        self.set_class(side is not None, "-context")
        if side is not None:
            self.query_one("#reader-side-text", Static).update(side)
            self.query_one("#reader-context", Static).update(side)
        self.scroller.scroll_home(animate=False, immediate=True)

    def page_down(self) -> bool:
        """Scroll one page; False when already at the end."""
        scroller = self.scroller
        if scroller.scroll_y >= scroller.max_scroll_y:
            return False
        scroller.scroll_page_down(animate=False)
        return True
