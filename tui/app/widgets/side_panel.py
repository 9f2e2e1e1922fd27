"""The reader's side panel: the article's actors and its related coverage.

Two option lists, each a pane walked with the keyboard: `enter` (or a click) on an actor
asks for its timeline, on a related item asks to open that article (`ShowActor`,
`OpenRelated`: the screen carries them out). Every label is a `rich.text.Text` built from
untrusted titles, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.messages import OpenArticle, OpenRelated, ShowActor
from tui.app.widgets.row_time import local_time
from tui.app.widgets.visual_text import VisualText, drawable, drawn_label
from tui.core.actors.gazetteer import KINDS as GAZETTEER_KINDS
from tui.core.models import ArticleActor
from tui.core.related_items import is_weak, strength_said
from tui.core.visual import isolated

if TYPE_CHECKING:
    from tui.core.store.coverage import RelatedItem

KINDS = GAZETTEER_KINDS  # one list: the gazetteer validates what the panel colours
# What a mention is styled as: its kind, or "unlisted" for a person the gazetteer lacks.
STYLE_KEYS = (*KINDS, "unlisted")
StyleOf = Callable[[str], Style | None]


def style_key(actor: ArticleActor) -> str:
    return actor.kind if actor.listed else "unlisted"


def panel_order(actor: ArticleActor) -> tuple[int, int, str]:
    """People, organisations and states first, by mentions; then people not listed yet; news
    outlets last (cited as sources, they would crowd the top of every wire story)."""
    group = 1 if not actor.listed else 2 if actor.kind == "media" else 0
    return group, -actor.count, str(actor.name).lower()


def actor_prompt(actor: ArticleActor, style: Style | None = None, room: int = 0,
                 reorder: bool = False) -> Text:
    """'Name  kind · count' in its kind's colour, or 'Name  not listed · count' for a person
    the gazetteer lacks (the reader's header says what the article called them), with
    '· like X' when the name is only another spelling of listed actor X's. In `room` columns
    (0: as long as it is) the count stays whole: the name is cut, and 'like X' goes on a
    line of its own when the name would keep less than 10 columns beside it."""
    meta = f"  {actor.kind} · {actor.count}" if actor.listed else f"  not listed · {actor.count}"
    like = (f" · like {actor.spelt_like[1]}"
            if not actor.listed and actor.spelt_like is not None else "")
    name = Text(str(actor.name), style or "")
    if room > 0:
        if like and min(name.cell_len, 10) + cell_len(meta) + cell_len(like) > room:
            below = _cut(like.removeprefix(" · "), room - 2)  # on a line of its own
            like = f"\n  {below}" if below else ""
        beside = 0 if like.startswith("\n") else cell_len(like)
        name.truncate(max(1, room - cell_len(meta) - beside), overflow="ellipsis")
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append_text(drawn_label(name, reorder))  # cut first: the '…' ends the name
    text.append(meta, "dim" if actor.listed else "dim italic")
    text.append(like, "dim italic")  # a duplicate in the making: whose name it echoes
    return text


def _cut(words: str, room: int) -> str:
    """`words` in `room` columns, cut with "…"; nothing when too little of it would show."""
    if cell_len(words) <= room:
        return words
    if room < 10:
        return ""
    cut = Text(words)
    cut.truncate(room, overflow="ellipsis")
    return cut.plain


def related_prompt(item: RelatedItem, reorder: bool = False) -> Text | VisualText:
    """Title, then outlet, date and how strong the link is (the word `newsdesk related`
    gives it), then why it is related (one option, several lines); a weak link ("maybe")
    is dimmed whole. An Arabic title in visual order when the app `reorder`s, the lines
    under it left to right."""
    weak = is_weak(item)
    text = Text(str(item.title), "dim" if weak else "bold")
    text.append("\n")
    text.append(f"{isolated(item.feed)} · {local_time(item.published, True)} · ",
                "dim italic" if weak else "italic")
    text.append(strength_said(item), "dim italic" if weak else "bold italic")
    if item.reasons:
        text.append("\n")
        text.append(str(item.reasons), "dim")
    return drawable(text, reorder=reorder, ltr_from=1)


WEAKER = "── maybe: weaker links ──"
"""The divider before the weak links, when stronger ones come first (not an item: the
cursor passes it)."""


def related_options(items: Sequence[RelatedItem], reorder: bool = False
                    ) -> list[Option | None]:
    """The items as the list shows them: the story's (and likely ones) first, then a quiet
    divider and the weak ones, as `newsdesk related` orders and words them."""
    options: list[Option | None] = []
    for n, item in enumerate(items):
        if options:
            options.append(None)
        if n and is_weak(item) and not is_weak(items[n - 1]):
            options += [Option(Text(WEAKER, "dim italic"), disabled=True), None]
        options.append(Option(related_prompt(item, reorder), id=str(item.id)))
    return options


def _highlighted_id(widget: OptionList) -> str | None:
    index = widget.highlighted
    if index is None or not 0 <= index < widget.option_count:
        return None
    return widget.get_option_at_index(index).id


def _index_of(widget: OptionList, option_id: str | None) -> int:
    """Where the option with this id is now; the top when it is gone."""
    try:
        return widget.get_option_index(option_id) if option_id is not None else 0
    except OptionDoesNotExist:
        return 0


class SideList(OptionList):
    """One list of the side panel, as a pane. Its title shows a marker while it has the
    focus (seen without colour)."""

    def on_focus(self) -> None:
        self._mark()

    def on_blur(self) -> None:
        self._mark()

    def _mark(self) -> None:
        panel = self.parent
        if isinstance(panel, SidePanel):
            panel.retitle()

    def move(self, delta: int) -> None:
        (self.action_cursor_down if delta > 0 else self.action_cursor_up)()

    def to_top(self) -> None:
        self.action_first()

    def to_bottom(self) -> None:
        self.action_last()

    def open(self) -> OpenArticle | None:
        self.action_select()  # the subclass turns the selection into a request
        return None


class ActorList(SideList):
    """The article's actors, most mentioned first: opening one lists its timeline."""

    def on_resize(self) -> None:
        if isinstance(self.parent, SidePanel):
            self.parent.refit()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ShowActor(event.option.id))


class RelatedList(SideList):
    """Other outlets' coverage of the same event: opening one shows it in the reader."""

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenRelated(int(event.option.id)))


class SidePanel(Vertical):
    """Actors (by mentions) over related items (best first)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actors: list[ArticleActor] = []
        self.related: list[RelatedItem] = []
        self.errors: list[str] = []
        self.reorder = False  # the reader's: right-to-left names and titles in visual order
        self._style_of: StyleOf | None = None

    def compose(self) -> ComposeResult:
        yield Label("Actors", id="actors-title", classes="side-title")
        yield ActorList(id="actor-list", classes="side-list")
        yield Label("Related", id="related-title", classes="side-title")
        yield RelatedList(id="related-list", classes="side-list")

    @property
    def actor_list(self) -> ActorList:
        return self.query_one(ActorList)

    @property
    def related_list(self) -> RelatedList:
        return self.query_one(RelatedList)

    def fill(self, actors: Sequence[ArticleActor], related: Sequence[RelatedItem],
             style_of: StyleOf, errors: Sequence[str] = (), analysed: bool = True,
             keep_highlight: bool = False) -> None:
        """Show one article's actors (most mentioned first) and related items; an article
        stored by a refresh still analysing says so instead of "none found". `keep_highlight`
        (the same article shown again, e.g. after a re-match) keeps each list on the item it
        had highlighted, found by id: `-` right after `L` must act on the person just listed."""
        self.actors = sorted(actors, key=panel_order)
        self.related = list(related)
        pending = "being found (refresh still running)…"
        self._style_of = style_of
        lists: tuple[tuple[SideList, list[Option | None], str], ...] = (
            (self.actor_list, self._actor_options(style_of),
             "no actors found" if analysed else "actors " + pending),
            (self.related_list, related_options(self.related, self.reorder),
             "nothing related found" if analysed else "related coverage " + pending))
        for widget, options, empty in lists:
            was = _highlighted_id(widget) if keep_highlight else None
            widget.clear_options()
            if options:
                widget.add_options(options)
                widget.highlighted = _index_of(widget, was)
            else:
                widget.add_option(Option(Text(empty, "dim italic"), disabled=True))
        self.errors = list(errors)
        self.retitle()

    def retitle(self) -> None:
        """'Actors (5)  key 4' and 'Related (2)  key 5'; '▶' before the focused one
        (the screen's focus as it is now: a blur may arrive after the next focus)."""
        focused = self.screen.focused if self.is_attached else None
        for widget, title, key, extra in (
                (self.actor_list, f"Actors ({len(self.actors)})", 4,
                 "  " + "; ".join(self.errors) if self.errors else ""),
                (self.related_list, f"Related ({self._related_count()})", 5, "")):
            mark = widget is focused
            label = Text("▶ " if mark else "", "bold")
            label.append(title, "bold reverse" if mark else "bold")
            # "key 4", not "4": a bare digit after "Actors (6)" read as a second count.
            label.append(f"  key {key}" if not mark else "", "dim")
            label.append(extra)
            which = "#actors-title" if widget is self.actor_list else "#related-title"
            self.query_one(which, Label).update(label)

    def _related_count(self) -> str:
        """'6', '3 + 3 maybe' when some links are weak (their share at a glance), '2 maybe'."""
        weak = sum(1 for item in self.related if is_weak(item))
        strong = len(self.related) - weak
        return (f"{strong} + {weak} maybe" if weak and strong else f"{weak} maybe" if weak
                else f"{strong}")

    def restyle(self, style_of: StyleOf) -> None:
        """Re-colour the actor names after a theme change."""
        widget = self.actor_list
        if not self.actors:
            return
        highlighted = widget.highlighted
        widget.clear_options()
        widget.add_options(self._actor_options(style_of))
        widget.highlighted = highlighted

    def _actor_options(self, style_of: StyleOf) -> list[Option | None]:
        """Each actor in the list's width (0 before it is laid out: cut when it is)."""
        room = self.actor_list.scrollable_content_region.width
        return [Option(actor_prompt(a, style_of(style_key(a)), room, self.reorder), id=a.id)
                for a in self.actors]

    def refit(self) -> None:
        """The list's width changed: the names are cut again to keep every count whole."""
        if self._style_of is not None and self.actors:
            self.restyle(self._style_of)

    @property
    def selected_actor(self) -> ArticleActor | None:
        """The highlighted actor (None when the article has none)."""
        index = self.actor_list.highlighted
        if not self.actors or index is None or not 0 <= index < len(self.actors):
            return None
        return self.actors[index]

    def highlight_actor(self, actor_id: str) -> bool:
        """Highlight a listed actor (one a refused name belongs to); False when the panel
        does not list it or is hidden."""
        index = next((n for n, a in enumerate(self.actors) if a.id == actor_id and a.listed),
                     None)
        if index is None or not self.display:
            return False
        self.actor_list.highlighted = index
        return True

    def has_items(self, which: str) -> bool:
        return bool(self.actors if which == "actors" else self.related)

    def listing(self) -> list[SideList]:
        """The lists that hold items (tab stops only there)."""
        return [widget for widget, items in ((self.actor_list, self.actors),
                                             (self.related_list, self.related)) if items]
