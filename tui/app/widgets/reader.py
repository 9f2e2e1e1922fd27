"""The reader: one article's text, shown literally, and a side panel for context.

What it draws of the article (header, body, link markers, actor and search marks) is
`reader_text.py`; here are the panes that show it. Actor colours are component classes
(`reader--person|org|state|media`, and `reader--unlisted` for people the gazetteer lacks) so
themes set them.

The reader knows which article it shows (`article`) and whether that article is in the
list beside it (`outside`), so whoever changes an article asks the reader to show it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.app.messages import OpenArticle
from tui.app.widgets.reader_text import MATCH, article_text
from tui.app.widgets.side_panel import STYLE_KEYS, ActorList, RelatedList, SidePanel
from tui.app.widgets.visual_text import drawable, reorders
from tui.core.models import Article, ArticleActor
from tui.core.query.marks import Mark, marks

if TYPE_CHECKING:
    from tui.core.desk import Desk

T = TypeVar("T")


def _fetch(name: str, read: Callable[[], Sequence[T]]) -> tuple[list[T], str | None]:
    """(items, error): a failing analysis query is shown in the panel, never fatal."""
    try:
        return list(read()), None
    except Exception as error:
        return [], f"{name}: {error}"


def reading_place(top: int, height: int, total: int, page_key: str = "space",
                  unread_next: Callable[[], bool] = lambda: True) -> tuple[str, str]:
    """(long, short) words for how far down the text the screen reaches, as `less` and mutt's
    pager say it: "40% · ↓ space: more below", then "end · space: next unread", as soon as
    a short text fits (nothing before the pane is laid out). The scrollbar is easy to miss.
    At the end, `unread_next()` (asked only there) says whether space has an unread article
    to go to: with none left, promising one misleads ("end · nothing unread to go to")."""
    if height <= 0 or total <= 0:
        return "", ""
    if top + height >= total:  # the short forms still say what the key does: never "end"
        if not unread_next():
            return "end · nothing unread to go to", "end · none unread"
        return f"end · {page_key}: next unread", f"{page_key}: next unread"
    percent = (top + height) * 100 // total
    return f"{percent}% · ↓ {page_key}: more below", f"{percent}% ↓"


class ArticleText(VerticalScroll, can_focus=True):
    """The article's header and body, scrolled as a pane."""

    placed: Callable[[], None] | None = None
    """Told each time the pane is laid out anew (shown again, or another size): how far the
    screen reaches can change with no scroll and no new text size, as when a short article
    opens in a reader that was closed over another short one."""

    def on_resize(self) -> None:
        if self.placed is not None:
            self.placed()

    def place(self, page_key: str = "space",
              unread_next: Callable[[], bool] = lambda: True) -> tuple[str, str]:
        """How far down the text the pane shows (see `reading_place`)."""
        return reading_place(int(self.scroll_y), self.scrollable_content_region.height,
                             self.virtual_size.height, page_key, unread_next)

    def compose(self) -> ComposeResult:
        yield Static(id="reader-header")
        yield Static(id="reader-body")

    def move(self, delta: int) -> None:
        (self.scroll_down if delta > 0 else self.scroll_up)(animate=False)

    def to_top(self) -> None:
        self.scroll_home(animate=False)

    def to_bottom(self) -> None:
        self.scroll_end(animate=False)

    def open(self) -> OpenArticle | None:
        """`enter` in the text opens the article again, from its top."""
        reader = self.parent
        if isinstance(reader, Reader) and reader.article is not None:
            return OpenArticle(reader.article.id, note=None)
        return None


def few_colours(no_color: bool, color_system: str | None) -> bool:
    """True where the actor kinds need more than a colour: NO_COLOR, or a terminal of 16
    colours or none (Rich's "standard", "windows", None)."""
    return no_color or color_system not in ("256", "truecolor")


class Reader(Horizontal):
    """Article text (scrolls) with its actors and related coverage beside it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reader--{key}" for key in (*STYLE_KEYS, MATCH)}

    class PageWanted(Message):
        """The article shown still waits for its page (a refresh deferred it): fetch it now."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.outside = False
        """The article shown is not in the list beside the reader (a related item, a story
        step): the list's selected row is another article."""
        self.actors: list[ArticleActor] = []
        self.search = ""
        """The list's `/` search: the words it matched are marked in the text."""
        self._found: list[Mark] = []
        self._painted_with: tuple[Style | None, ...] = ()
        self.reorder = True
        """Right-to-left text is drawn in visual order (`[settings] bidi`, the terminal)."""

    def compose(self) -> ComposeResult:
        yield ArticleText(id="reader-scroll")
        yield SidePanel(id="reader-side")

    def on_mount(self) -> None:
        """With 16 colours (TERM=xterm) the theme's tints for the kinds fall on one colour, and
        with NO_COLOR on none: the stylesheet then tells them apart by text style too."""
        self.set_class(few_colours(self.app.no_color, self.app.console.color_system),
                       "-few-colours")

    @property
    def is_open(self) -> bool:
        return bool(self.display)

    @property
    def scroller(self) -> ArticleText:
        return self.query_one(ArticleText)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def panes(self) -> tuple[ArticleText, ActorList, RelatedList]:
        side = self.side
        return self.scroller, side.actor_list, side.related_list

    def style_of(self, kind: str) -> Style | None:
        """The theme's style for an actor kind, or "unlisted" (colour and text style, no
        background)."""
        if kind not in (*STYLE_KEYS, MATCH):
            return None
        return self.get_component_rich_style(f"reader--{kind}", partial=True)

    def show(self, article: Article, desk: Desk, *, keep_scroll: bool = False,
             outside: bool = False, search: str | None = None) -> None:
        """Show an article from its top; `keep_scroll` when showing it again; `search`: the
        list's search, whose words are marked (None: the one marked before)."""
        if search is not None and search != self.search:
            self.search, self._found = search, marks(search)
        self.article = article
        self.outside = outside
        self.reorder = reorders(desk.config)
        actors, actor_error = _fetch("actors_of", lambda: desk.actors_of(article.id))
        related, related_error = _fetch("related", lambda: desk.related(article.id))
        self.actors = actors
        self.side.reorder = self.reorder
        self._paint()
        errors = [e for e in (actor_error, related_error) if e]
        self.side.fill(actors, related, self.style_of, errors, analysed=article.analysed,
                       keep_highlight=keep_scroll)
        if not keep_scroll:
            self.scroller.scroll_home(animate=False, immediate=True)
        if article.page_due:
            self.post_message(self.PageWanted(article.id))

    def show_again(self, desk: Desk, *, only: int | None = None) -> None:
        """Read the open article afresh where the reader is (its flags, tags, actors or
        links changed); `only`: just when it is that article."""
        article = self.article
        if not self.is_open or article is None or only not in (None, article.id):
            return
        fresh = desk.article(article.id)
        if fresh is not None:
            self.show(fresh, desk, keep_scroll=True, outside=self.outside)

    def mark_search(self, search: str) -> None:
        """The list's search changed (or was cleared): mark its words in the open text."""
        if search != self.search:
            self.search, self._found = search, marks(search)
            self._paint()

    def _paint(self) -> None:
        if self.article is None:
            return
        self._painted_with = tuple(self.style_of(key) for key in (*STYLE_KEYS, MATCH))
        key = getattr(self.screen, "key", None)  # the user's [keys]: hints name them
        keys = (key("list_unlisted"), key("focus_actors")) if callable(key) else ("L", "4")
        header, body = article_text(self.article, self.actors, self.style_of, self._found, keys)
        # the title is the header's first line; the lines under it are the app's own
        self.query_one("#reader-header", Static).update(
            drawable(header, reorder=self.reorder, ltr_from=1))
        self.query_one("#reader-body", Static).update(drawable(body, reorder=self.reorder))

    def notify_style_update(self) -> None:
        """A new theme: repaint the mentions in its colours."""
        super().notify_style_update()
        if self.article is not None and self.is_mounted:
            self.call_later(self._repaint)

    def _repaint(self) -> None:
        if self._painted_with == tuple(self.style_of(key) for key in (*STYLE_KEYS, MATCH)):
            return  # a focus or class change, not a new theme
        self._paint()
        self.side.restyle(self.style_of)

    def set_measure(self, measure: int | None) -> None:
        """Cap the text's lines at `measure` columns (None: as wide as the pane)."""
        for widget in self.query(Static):
            if widget.id in ("reader-header", "reader-body"):
                widget.styles.max_width = measure

    def page_down(self) -> bool:
        """Scroll one page; False when already at the end."""
        scroller = self.scroller
        if scroller.scroll_y >= scroller.max_scroll_y:
            return False
        scroller.scroll_page_down(animate=False)
        return True
