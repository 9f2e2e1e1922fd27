"""The reader: one article's text, shown literally, and a side panel for context.

Everything from the feed or page is untrusted, so it is wrapped in `rich.text.Text`
(never parsed as markup). Actor mentions are styled from the spans the analysis stored,
which index the stored title and body: exactly the strings shown here, unchanged.
Their colours are component classes (`reader--person|org|state`) so themes set them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.app.widgets.article_list import local_time
from tui.app.widgets.side_panel import KINDS, SidePanel

StyleOf = Callable[[str], Style | None]


def mention_spans(article: Any, actors: Sequence[Any]) -> list[tuple[str, int, int, str]]:
    """(field, start, end, kind) for every stored span that fits the text shown."""
    sizes = {"title": len(article.title or ""), "body": len(article.body or "")}
    out = []
    for actor in actors:
        for field, start, end in getattr(actor, "spans", ()):
            if field in sizes and 0 <= start < end <= sizes[field]:
                out.append((field, start, end, actor.kind))
    return out


def article_text(article: Any, actors: Sequence[Any] = (),
                 style_of: StyleOf | None = None) -> tuple[Text, Text]:
    """(header, body) for an `Article`, actor mentions styled by kind."""
    header = Text()
    header.append_text(Text(article.title or "(untitled)", "bold"))
    title_end = len(header)
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
    for field, start, end, kind in mention_spans(article, actors):
        style = (style_of(kind) if style_of else None) or Style(underline=True)
        if field == "body":
            body.stylize(style, start, end)
        elif article.title and end <= title_end:  # the title opens the header
            header.stylize(style, start, end)
    if article.body_source and article.body_source != "page":
        waiting = "; fetching the article's page…" if getattr(article, "page_due", False) else ""
        body.append(f"\n\n[text from the feed's {article.body_source}{waiting}]", "dim italic")
    return header, body


def _fetch(desk: Any, method: str, article_id: int) -> tuple[list[Any], str | None]:
    """(items, error): a failing analysis query is shown in the panel, never fatal."""
    try:
        return list(getattr(desk, method)(article_id)), None
    except Exception as error:
        return [], f"{method}: {error}"


class Reader(Horizontal):
    """Article text (scrolls) with its actors and related coverage beside it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reader--{kind}" for kind in KINDS}

    class PageWanted(Message):
        """The article shown still waits for its page (a refresh deferred it): fetch it now."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Any | None = None
        self.actors: list[Any] = []
        self._painted_with: tuple[Style | None, ...] = ()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-scroll", can_focus=True):
            yield Static(id="reader-header")
            yield Static(id="reader-body")
        yield SidePanel(id="reader-side")

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#reader-scroll", VerticalScroll)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    def style_of(self, kind: str) -> Style | None:
        """The theme's style for an actor kind (colour and text style, no background)."""
        if kind not in KINDS:
            return None
        return self.get_component_rich_style(f"reader--{kind}", partial=True)

    def show(self, article: Any, desk: Any, *, keep_scroll: bool = False) -> None:
        """Show an article from its top; `keep_scroll` when re-showing it after analysis."""
        self.article = article
        actors, actor_error = _fetch(desk, "actors_of", article.id)
        related, related_error = _fetch(desk, "related", article.id)
        self.actors = actors
        self._paint()
        errors = [e for e in (actor_error, related_error) if e]
        self.side.fill(actors, related, self.style_of, errors,
                       analysed=getattr(article, "analysed", True))
        if not keep_scroll:
            self.scroller.scroll_home(animate=False, immediate=True)
        if getattr(article, "page_due", False):
            self.post_message(self.PageWanted(article.id))

    def _paint(self) -> None:
        if self.article is None:
            return
        self._painted_with = tuple(self.style_of(kind) for kind in KINDS)
        header, body = article_text(self.article, self.actors, self.style_of)
        self.query_one("#reader-header", Static).update(header)
        self.query_one("#reader-body", Static).update(body)

    def notify_style_update(self) -> None:
        """A new theme: repaint the mentions in its colours."""
        super().notify_style_update()
        if self.article is not None and self.is_mounted:
            self.call_later(self._repaint)

    def _repaint(self) -> None:
        if self._painted_with == tuple(self.style_of(kind) for kind in KINDS):
            return  # a focus or class change, not a new theme
        self._paint()
        self.side.restyle(self.style_of)

    def page_down(self) -> bool:
        """Scroll one page; False when already at the end."""
        scroller = self.scroller
        if scroller.scroll_y >= scroller.max_scroll_y:
            return False
        scroller.scroll_page_down(animate=False)
        return True
