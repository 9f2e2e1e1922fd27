"""The main screen: views | article list | reader, a query bar and a status line.

The screen lays the panes out, keeps what the list shows (view, filter, search) and the
status line, and carries out what the panes ask: open an article, list an actor's timeline
or a view. Every key is a command run by name (`action_run`): movement and `enter` go to the
focused pane; opening and stepping through articles is `Reading`'s, changing them
`Triage`'s, long work `Jobs`'. Every data operation is a `Desk` call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Input

from tui.app.commands import COMMANDS, key_of, keymap, screen_bindings
from tui.app.empty_state import empty_text, read_left_out
from tui.app.habits import habit_hint
from tui.app.messages import OpenArticle, OpenRelated, OpenView, ShowActor
from tui.app.paging import Pager
from tui.app.screens.actors_file import ActorsFile
from tui.app.screens.arrange import Arrange
from tui.app.screens.closing import footer_now, innermost
from tui.app.screens.command_table import command_table
from tui.app.screens.feed_editing import FeedEditing
from tui.app.screens.follow import Follow
from tui.app.screens.jobs import Jobs
from tui.app.screens.keeping import Keeping
from tui.app.screens.marks import Marks
from tui.app.screens.narrowing import Narrowing
from tui.app.screens.query_entry import QueryEntry
from tui.app.screens.reading import Reading
from tui.app.screens.resume import Resume
from tui.app.screens.teaching import Teaching
from tui.app.screens.trail import Trail
from tui.app.screens.triage import Triage
from tui.app.views import ALL, UNREAD, ViewSpec, actor_view, combine, title_of
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.panes import Pane
from tui.app.widgets.query_bar import Mode, QueryBar, QueryNote
from tui.app.widgets.reader import Reader
from tui.app.widgets.status import KeyFooter, StatusLine, place
from tui.app.widgets.view_tree import ViewTree
from tui.app.widgets.visual_text import reorders
from tui.core import tagnames
from tui.core.config.loader import Config
from tui.core.desk import Desk
from tui.core.query import QueryError


class MainScreen(Screen[None]):
    """Where the reading happens."""

    BINDINGS: ClassVar[list[BindingType]] = screen_bindings()
    AUTO_FOCUS = "#articles"

    def __init__(self, desk: Desk, config: Config) -> None:
        super().__init__()
        self.desk = desk
        self.config = config
        self.keymap = keymap(config.keys)
        self.view: ViewSpec = UNREAD if _has_unread(desk) else ALL
        self.filter_query = ""
        self.search_text = ""
        self.hide_read = config.settings.hide_read
        self.arranger = Arrange(self)
        self.triage = Triage(self)
        self.marks = Marks(self, self.triage)
        self.reading = Reading(self, self.triage.read_on_opening)
        self.jobs = Jobs(self)
        self.follow = Follow(self, self.jobs.refresh_all, lambda: self.jobs.busy is not None)
        self.jobs.before_refresh, self.jobs.after_job = self.follow.reread_config, self.follow.seen
        self.teaching = Teaching(self, self.jobs)
        self.actors_file = ActorsFile(self, self.jobs)
        self.follow.also.append(self.actors_file.poll)
        self.trail = Trail(self)
        self.keeping = Keeping(self, self.follow.use, self.trail.to_made)
        self.resume = Resume(self, self.trail, self.reading)
        self.query_entry = QueryEntry(self)
        self.narrowing = Narrowing(self)
        self.follow.renamed.append(self.trail.rename_feeds)
        self.feed_editing = FeedEditing(self, self.follow.use, self.jobs,
                                        lambda: self.trail.to_view(ALL))
        self._commands = command_table(self)

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ViewTree(self.desk, self.config, id="views")
            with Container(id="work"):
                yield ArticleList(id="articles")
                yield Reader(id="reader")
        yield QueryBar(id="query-bar")
        yield QueryNote(id="query-error")
        yield StatusLine(id="status")
        yield KeyFooter(COMMANDS, self.keymap, id="footer")

    def on_mount(self) -> None:
        self.reader.display = False
        self.arranger.follow_reading()
        self.relayout()
        self.load_view(self.view)
        self.view_tree.recount()
        self.call_after_refresh(self.resume.restore)  # the place at the last quit
        self.follow.start()
        self.actors_file.start()
        if self.desk.upgraded:  # said on stderr before the pause; here what it was
            what, seconds = self.desk.upgraded
            self.say(f"cache upgraded in {seconds:.1f} s: {what}")
        if self.desk.read_only:  # said once: every key that would change it says so too
            self.say("read-only cache: reading and searching work; marks, saves, tags and "
                     "refresh are off")

    def on_resize(self) -> None:
        self.relayout()

    def relayout(self) -> None:
        self.arranger.relayout()

    def set_reader_open(self, open_: bool) -> None:
        self.arranger.set_reader_open(open_)
        self.update_footer()

    def on_descendant_focus(self) -> None:
        # The focus as it is now, not the event's widget: focus events bubble up from
        # different depths, so after fast tabs the reader's may arrive after the tree's.
        self.set_class(isinstance(self.focused, ViewTree), "-show-views")
        self.relayout()
        self.update_footer()

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def view_tree(self) -> ViewTree:
        return self.query_one(ViewTree)

    @property
    def footer(self) -> KeyFooter:
        return self.query_one(KeyFooter)

    @property
    def query_note(self) -> QueryNote:
        return self.query_one(QueryNote)

    @property
    def query_bar(self) -> QueryBar:
        return self.query_one(QueryBar)

    # -- commands ------------------------------------------------------------------------
    def action_run(self, name: str) -> None:
        """Run the command `name`: its key, the palette, or any widget's
        `run_action("screen.run('name')")`."""
        self._commands[name]()
        self.update_footer()

    def update_footer(self) -> None:
        """The footer says what its keys do now (`closing.footer_now`)."""
        if self.is_mounted:
            self.footer.show(*footer_now(self))

    def on_screen_suspend(self) -> None:
        self.update_footer()  # the palette on top: its keys
    on_screen_resume = on_screen_suspend

    def in_thread(self, work: Callable[[], object], group: str) -> None:
        self.run_worker(work, thread=True, group=group, exit_on_error=False)

    # -- the panes -----------------------------------------------------------------------
    def focused_pane(self) -> Pane:
        return self.arranger.focused_pane()

    def open_focused(self) -> None:
        request = self.focused_pane().open()
        if request is not None:
            self.reading.open(request.article_id, request.note)

    @on(OpenArticle)
    def _open_requested(self, message: OpenArticle) -> None:
        self.reading.open(message.article_id, message.note)

    @on(Reader.PageWanted)
    def _page_wanted(self, message: Reader.PageWanted) -> None:
        self.jobs.fetch_page(message.article_id)

    @on(ShowActor)
    def _actor_requested(self, message: ShowActor) -> None:
        self.trail.to_actor(message.actor_id)

    @on(OpenRelated)
    def _related_requested(self, message: OpenRelated) -> None:
        self.trail.to_related(message.article_id)

    @on(OpenView)
    def _view_requested(self, message: OpenView) -> None:
        self.trail.to_view(message.view)  # a timeline goes down; other views sideways

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        self.update_status()

    # -- what the list shows -------------------------------------------------------------
    @property
    def current_query(self) -> str:
        return self.query_of(self.view)

    def query_of(self, view: ViewSpec) -> str:
        """`view` as the list shows it: with the filter, the search and `l`."""
        hidden = UNREAD.query if self.hide_read and view.kind != "unread" else ""
        return combine(view.query, hidden, self.filter_query, self.search_text)

    def load_view(self, view: ViewSpec, pager: Pager | None = None, *,
                  new_query: bool = False) -> bool:
        """Show `view` (with the active filter/search); False on a bad query. A message
        about the view listed before goes. Listing the same view again keeps the article in
        hand selected while it is listed, else its place (the row after it, as newsboat
        does), except that a `new_query` (typed in the bar) starts at the top. The reader
        stays open on its article whatever the list does (newsboat's and Elfeed's article
        stays until the user leaves it): one the list no longer has is `outside`, and the
        keys act on it while a reader pane has the focus (`Triage.target`), on the list's row
        otherwise. Nothing here waits on a timer or a worker, so a key typed next sees the
        same state however fast it comes. `pager`: the rows as the list had them (going
        back), else they are read anew."""
        try:
            pager = pager or Pager(self.desk, self.query_of(view))
        except QueryError as error:
            self.show_query_error(error)
            return False
        except (sqlite3.Error, OSError) as error:
            self.warn(f"storage error: {error}")
            return False
        reader = self.reader
        listed = reader.article if reader.is_open and not reader.outside else None
        hand = listed if listed is not None and self.focused_pane() in reader.panes \
            else self.articles.current  # what triage acts on (`Triage.target`)
        keep = hand.id if hand is not None and view == self.view else None
        if self.view != view:
            self.status_line.clear_message()
        self.query_one(QueryNote).clear()
        self.view = view
        self.view_tree.listed = view
        if not len(pager):
            narrowed = bool(self.filter_query or self.search_text or self.hide_read)
            words = combine(self.filter_query, self.search_text)
            read = read_left_out(self.desk, view.kind, view.query, words, self.hide_read)
            self.articles.empty_text = empty_text(self.desk, self.config, view.label,
                                                  pager.query, narrowed, view.feed, read,
                                                  view.kind == "unread", self.key, words)
        self.articles.set_feed_tags(frozenset(
            tagnames.key(tag) for feed in self.config.feeds for tag in feed.tags))
        if self.articles.pager is None or self.articles.pager.query != pager.query:
            self.marks.clear()  # marks are for the rows in sight
        self.articles.set_pager(pager)
        if keep is not None and not self.articles.select(keep) and not new_query:
            self.articles.go(self.desk.count(pager.query, before=keep))  # its place
        if reader.article is not None:  # what the reader shows may not be listed any more
            reader.outside = self.articles.locate(reader.article.id) is None
            reader.mark_search(self.search_text)
        self.update_status()
        return True

    def reload_view(self) -> bool:
        return self.load_view(self.view)

    def show_actor(self, actor_id: str, name: str) -> None:
        """The actor's timeline: every article naming it, newest first (`q` comes back)."""
        self.trail.down(actor_view(actor_id, name, self.desk.count(f"actor:{actor_id}")))

    # -- reading ---------------------------------------------------------------------------
    def open_article(self, article_id: int, note: str | None = "") -> None:
        """Show any article in the reader (see `Reading.open`)."""
        self.reading.open(article_id, note)

    def close_one(self, quit_at_top: bool = True) -> None:
        """Close the innermost open thing (`closing.innermost`, which the footer names); quit
        when nothing is open (`q`; Esc and Backspace never quit). Where the reader took the
        screen because it is small, `q` goes straight back to the list."""
        step = innermost(self)
        if quit_at_top or not step.quits:
            step.act()
        self.update_footer()

    def tree_to_list(self) -> None:
        self.set_focus(self.articles)  # a border's weight is all that changes: say it
        self.say(f"to the list; {self.key('close')} again "
                 + ("goes back" if self.trail.places else "quits"))

    # -- the query bar (query_entry.py) ---------------------------------------------------
    def open_query_bar(self, mode: Mode) -> None:
        self.query_entry.open(mode)

    def close_query_bar(self) -> None:
        self.query_entry.close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "run" and self.query_entry.has_focus() else True

    def take_typing(self, event: events.Key) -> bool:
        return self.query_entry.take_typing(event)

    def on_key(self, event: events.Key) -> None:
        self.query_entry.escape(event)

    def habit(self, event: events.Key) -> None:
        """Another reader's key: say which one does that here. Asked by the app, once the
        key has bubbled up to it after the keys before it (a `b` typed just after `t` reached
        this screen before `t`'s dialog was up, flashed its hint, then went into the dialog)."""
        if self.focused is not self.query_bar and (hint := habit_hint(event.key, self.keymap)):
            self.say(hint)

    @on(Input.Changed, "#query-bar")
    def _query_edited(self) -> None:
        self.query_one(QueryNote).clear()  # the error was about the text before

    @on(Input.Submitted, "#query-bar")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_entry.submitted(event.value.strip())

    # -- the status line -------------------------------------------------------------------
    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    def update_status(self) -> None:
        pager = self.articles.pager
        total = len(pager) if pager else 0
        text = place(title_of(self.view), self.filter_query, self.search_text, self.hide_read,
                     reorder=reorders(self.config))
        marked = f"  {len(self.articles.marked)} marked" if self.articles.marked else ""
        above = self.articles.new_above  # arrived out of sight above: g shows them
        new = f"  {above} new above" if above else ""
        position = Text(f"{marked}  {self.articles.cursor + 1 if total else 0}/{total}{new}")
        self.status_line.show_place(text, position)
        self.update_footer()

    def say(self, message: str) -> None:
        self.status_line.say(message)

    def key(self, name: str) -> str:
        return key_of(self.keymap, name)

    def unsay(self, message: str) -> None:
        if self.status_line.message == message:
            self.status_line.clear_message()

    def stand(self, line: str) -> None:
        self.status_line.stand(line)

    def warn(self, message: str) -> None:
        self.say(message)
        self.app.bell()

    def show_query_error(self, error: QueryError) -> None:
        """Once: whole in the note under the bar (it wraps and stays) while the bar is open to
        fix it; on the status line when no bar is (a saved view's query, from the tree)."""
        text = f"query error (column {error.column}): {error.message or error}"
        if self.query_bar.mode is not None:
            self.query_one(QueryNote).show(text)
        else:
            self.say(text)


def _has_unread(desk: Desk) -> bool:
    try:
        return bool(desk.count(UNREAD.query))
    except (QueryError, sqlite3.Error):
        return False
