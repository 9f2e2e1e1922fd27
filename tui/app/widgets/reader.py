"""The reader: one article's text, shown literally, and a side panel for context.

Everything from the feed or page is untrusted, so it is wrapped in `rich.text.Text`
(never parsed as markup). Actor mentions are styled from the spans the analysis stored,
which index the stored title and body: exactly the strings shown here, unchanged.
Their colours are component classes (`reader--person|org|state|media`, and `reader--unlisted`
for people the gazetteer lacks) so themes set them. Role phrases the analysis resolved to an
office holder are spelled out under the header ("Russia's defence minister → Andrei Belousov").

The reader knows which article it shows (`article`) and whether that article is in the
list beside it (`outside`), so whoever changes an article asks the reader to show it again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.app.messages import OpenArticle
from tui.app.widgets.article_list import local_time
from tui.app.widgets.side_panel import (
    STYLE_KEYS,
    ActorList,
    RelatedList,
    SidePanel,
    StyleOf,
    style_key,
)
from tui.core import tagnames
from tui.core.bodylinks import link_lines, marked
from tui.core.models import Article, ArticleActor
from tui.core.query.marks import Mark, marks, spans

if TYPE_CHECKING:
    from tui.core.desk import Desk

T = TypeVar("T")


def mention_spans(article: Article,
                  actors: Sequence[ArticleActor]) -> list[tuple[str, int, int, str]]:
    """(field, start, end, style key) for every stored span that fits the text shown."""
    sizes = {"title": len(article.title or ""), "body": len(article.body or "")}
    out = []
    for actor in actors:
        for field, start, end in actor.spans:
            if field in sizes and 0 <= start < end <= sizes[field]:
                out.append((field, start, end, style_key(actor)))
    return out


def role_lines(article: Article, actors: Sequence[ArticleActor]) -> list[str]:
    """"Russia's defence minister → Andrei Belousov": each role phrase the analysis resolved
    to the holder on the article's date, once; then the people the gazetteer does not list,
    with what the article called them and the key that adds them."""
    fields = {"title": article.title or "", "body": article.body or ""}
    lines: list[str] = []
    for actor in actors:
        for field, start, end, _office in actor.roles:
            phrase = " ".join(fields.get(field, "")[start:end].split())
            line = f"{phrase} → {actor.name}"
            if phrase and line not in lines:
                lines.append(line)
    unlisted = [unlisted_note(a) for a in actors if not a.listed]
    if unlisted:
        lines.append("not listed: " + "; ".join(unlisted) + "  (L in the actor panel adds)")
    return lines


def unlisted_note(actor: ArticleActor) -> str:
    """"Name (title)", and the listed actor whose name it is only another spelling of: a
    duplicate is seen before `L` makes it."""
    said = [actor.description] if actor.description else []
    if actor.spelt_like is not None:
        _id, owner, form = actor.spelt_like
        said.append(f"spelt like {owner}'s {form}" if form != owner else f"spelt like {owner}")
    return f"{actor.name} ({', '.join(said)})" if said else actor.name


def article_text(article: Article, actors: Sequence[ArticleActor] = (),
                 style_of: StyleOf | None = None,
                 found: Sequence[Mark] = ()) -> tuple[Text, Text]:
    """(header, body) for an `Article`, actor mentions styled by kind and the words a search
    matched (`found`) marked over them (a background: the actor's colour stays)."""
    header = Text()
    header.append_text(Text(shown_title(article.title), "bold"))
    title_end = len(header)
    header.append("\n")
    meta = [article.feed or ""]
    if article.author:
        meta.append(article.author)
    meta.append(local_time(article.published, True))
    header.append(" · ".join(meta), "italic")
    header.append(f" · id {article.id}", "bold")  # what every CLI command takes
    if article.url:
        header.append("\n")
        header.append(article.url, "underline")
    flags = []
    if article.saved:
        flags.append("★ saved")
    if article.tags:
        flags.append(" ".join(map(tagnames.hashtag, article.tags)))
    if flags:
        header.append("\n")
        header.append("  ".join(flags), "bold")
    for line in role_lines(article, actors):
        header.append("\n")
        header.append(line, "dim")
    body_text, rest = shown_body(article.body or article.summary or "")
    # The links' markers go in as the text is shown (the stored body has none): spans of the
    # stored body are carried over to the text with its markers.
    cited = marked(body_text, article.links if article.body else ())
    body = Text(cited.text if body_text else "(no text was extracted for this article)")
    for start, end, _number in cited.markers:
        body.stylize("dim", start, end)
    for field, start, end, kind in mention_spans(article, actors):
        style = (style_of(kind) if style_of else None) or Style(underline=True)
        if field == "body":
            body.stylize(style, cited.start(start), cited.end(end))
        elif article.title and end <= title_end:  # the title opens the header
            header.stylize(style, start, end)
    if found:
        match = (style_of(MATCH) if style_of else None) or Style(reverse=True)
        for start, end in spans(list(found), body_text):
            body.stylize(match, cited.start(start), cited.end(end))
        if article.title:
            for start, end in spans(list(found), shown_title(article.title), "title"):
                header.stylize(match, start, end)
    if rest:
        body.append(f"\n\n[the text goes on for {rest:,} more characters, too long to lay out "
                    f"here: `newsdesk show {article.id}` prints it whole]", "dim italic")
    if article.body and article.links:
        body.append("\n\nLinks (O and the number opens one):\n" + "\n".join(
            link_lines(article.links)), "dim")
    if note := source_note(article):
        body.append(f"\n\n[{note}]", "dim italic")
    return header, body


READER_MAX_CHARS = 100_000
"""What the reader lays out of one body (~16,000 words, longer than any report): laying out
text costs ~4.5 s a megabyte, and a 3 MB feed item froze the app for 14 s."""
TITLE_MAX_CHARS = 300


def shown_body(text: str) -> tuple[str, int]:
    """(what the reader shows, how many characters it leaves out), cut at a paragraph end."""
    if len(text) <= READER_MAX_CHARS:
        return text, 0
    cut = text.rfind("\n", READER_MAX_CHARS // 2, READER_MAX_CHARS)
    cut = cut if cut > 0 else READER_MAX_CHARS
    return text[:cut].rstrip(), len(text) - cut


def shown_title(title: str) -> str:
    """A headline as the header has room for: a feed's 3,000-character title filled the
    screen before any text."""
    if not title:
        return "(untitled)"
    return title if len(title) <= TITLE_MAX_CHARS else title[:TITLE_MAX_CHARS - 1] + "…"


MATCH = "match"
"""The style key (`reader--match`) of the words the list's search matched."""


_SOURCES = {"feed-content": "the feed's full text", "summary": "the feed's summary"}


def source_note(article: Article) -> str:
    """Where a text that is not the page's own came from, and why, in the reader's words."""
    if not article.body_source or article.body_source == "page":  # a caveat, if any
        return f"the article's page: {article.extract_error}" if article.extract_error else ""
    note = f"text from {_SOURCES.get(article.body_source, 'the feed')}"
    if article.page_due and not article.page_tries:  # a failed page: its error says more
        return note + "; fetching the article's page…"
    if article.extract_error:
        return note + f"; the article's page: {article.extract_error}"
    return note


_RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def paragraphs_aligned(body: Text) -> Text | Group:
    """A body whose paragraphs are right-to-left (Arabic, Persian, Hebrew) with those drawn
    right-aligned. A Rich Text has one alignment for all its lines, so such a body becomes a
    group of its lines (styles kept), each aligned by its first strong letter; any other
    body stays as it is."""
    if not _RTL_SCRIPT.search(body.plain):
        return body
    lines = body.split("\n", allow_blank=True)
    for line in lines:
        if _starts_right_to_left(line.plain):
            line.justify = "right"
    return Group(*lines)


def _starts_right_to_left(line: str) -> bool:
    for char in line:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _fetch(name: str, read: Callable[[], Sequence[T]]) -> tuple[list[T], str | None]:
    """(items, error): a failing analysis query is shown in the panel, never fatal."""
    try:
        return list(read()), None
    except Exception as error:
        return [], f"{name}: {error}"


def reading_place(top: int, height: int, total: int, page_key: str = "space") -> tuple[str, str]:
    """(long, short) words for how far down the text the screen reaches, as `less` and mutt's
    pager say it: "40% · ↓ space: more below", then "end · space: next unread", as soon as
    a short text fits (nothing before the pane is laid out). The scrollbar is easy to miss."""
    if height <= 0 or total <= 0:
        return "", ""
    if top + height >= total:
        return f"end · {page_key}: next unread", "end"
    percent = (top + height) * 100 // total
    return f"{percent}% · ↓ {page_key}: more below", f"{percent}% ↓"


class ArticleText(VerticalScroll, can_focus=True):
    """The article's header and body, scrolled as a pane."""

    def place(self, page_key: str = "space") -> tuple[str, str]:
        """How far down the text the pane shows (see `reading_place`)."""
        return reading_place(int(self.scroll_y), self.scrollable_content_region.height,
                             self.virtual_size.height, page_key)

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
        actors, actor_error = _fetch("actors_of", lambda: desk.actors_of(article.id))
        related, related_error = _fetch("related", lambda: desk.related(article.id))
        self.actors = actors
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
        header, body = article_text(self.article, self.actors, self.style_of, self._found)
        self.query_one("#reader-header", Static).update(header)
        self.query_one("#reader-body", Static).update(paragraphs_aligned(body))

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
