"""Commands that change an article's state: read, saved, tags, dismiss, undo; plus the
link commands. Each calls the Desk at once, so quitting or a kill loses nothing.

They act on the article you are looking at (`target`): the one the reader shows when one
of the reader's panes has the focus, else the one selected in the list. Every change puts
its inverse on one undo stack, so `u` takes back any of them, the last first; the read an
opening makes is on it too (`read_on_opening`).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import subprocess
import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from tui.app import browser
from tui.app.said import Give, Hint, Said
from tui.app.screens.dialogs import ConfirmDialog, TextDialog
from tui.app.screens.host import Host, guarded
from tui.app.screens.tags import AddTagsScreen, RemoveTagScreen
from tui.core import tagnames
from tui.core.models import Article, BodyLink
from tui.core.visual import isolated
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.models import ArticleRow

UNDO_DEPTH = 200
REDRAWN = 200  # rows redrawn one by one after an undo (a bigger one is reloaded only)


@dataclasses.dataclass(frozen=True, slots=True)
class Undo:
    """One triage action, as a way back: `revert` puts the Desk as it was before."""

    what: str
    """What is taken back, for the status line ("saved", "tagged #x"...): a `Said`, its
    article's name the part that gives way."""
    revert: Callable[[Desk], object]
    ids: tuple[int, ...]
    """The articles it changed (their rows are redrawn after the undo)."""
    selected: int | None = None
    """The list's selected article when it was done: selected again after a reload."""


def label(row: ArticleRow) -> str:
    """How a dialog or message names an article: its id and title."""
    title = row.title if len(row.title) <= 60 else row.title[:59] + "…"
    return f"#{row.id} {isolated(title)}"  # an Arabic title keeps its place in the line


def tag_shown(tag: str) -> str:
    """How a status message names a tag: its `#` form, the name a bidi isolate (see
    `visual.isolated`), so an Arabic tag keeps its place and `#` stays on its left."""
    written = tagnames.hashtag(tag)
    return written[0] + isolated(written[1:])


def short(row: ArticleRow) -> Give:
    """How a status message names an article: id and the start of its title, the part of
    a `Said` message that gives way on a short line (the row is in sight)."""
    title = row.title if len(row.title) <= 28 else row.title[:27].rstrip() + "…"
    return Give(f"#{row.id} {isolated(title)}")


class Triage:
    """Acts on the article in hand; owns the one undo stack."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.undo_stack: list[Undo] = []

    def _undoes(self) -> Hint:
        return Hint(f" ({self.host.key('undo')} undoes)")

    def warn(self, message: str) -> None:
        self.host.warn(message)

    def target(self) -> ArticleRow | None:
        """The article triage acts on: the reader's when a reader pane has the focus (the
        article shown, wherever it comes from), else the list's selected row."""
        host = self.host
        reader = host.reader
        if reader.is_open and reader.article is not None and \
                any(pane is host.focused for pane in reader.panes):
            return reader.article
        row = host.articles.current
        if row is None:
            host.say("no article selected")
        return row

    def push(self, what: str, revert: Callable[[Desk], object], ids: list[int]) -> None:
        current = self.host.articles.current
        self.undo_stack.append(Undo(what, revert, tuple(ids),
                                    current.id if current is not None else None))
        del self.undo_stack[:-UNDO_DEPTH]

    def _changed(self, row: ArticleRow, **flags: object) -> None:
        """The list's row, the reader (when it shows `row`) and the tree's counts follow a
        change made to `row` in the Desk."""
        host = self.host
        host.articles.update_article(row.id, **flags)  # type: ignore[arg-type]
        host.reader.show_again(host.desk, only=row.id)
        host.view_tree.recount_soon()

    def read_on_opening(self, row: ArticleRow) -> None:
        """Opening `row` (enter, space, n, a story step) marked it read: that is on the
        stack too, so `u` right after takes it back instead of an older action."""
        ids = [row.id]
        self.push(Said("marked read ", short(row)), lambda desk: desk.set_read(ids, False), ids)

    @guarded
    def toggle_read(self) -> None:
        row = self.target()
        if row is None:
            return
        was, ids = row.read, [row.id]
        self.host.desk.set_read(ids, not was)
        what = Said("marked unread " if was else "marked read ", short(row))
        self.push(what, lambda desk: desk.set_read(ids, was), ids)
        self._changed(row, read=not was)
        self.host.say(Said(what, self._undoes()))

    @guarded
    def toggle_saved(self) -> None:
        row = self.target()
        if row is None:
            return
        was, article_id = row.saved, row.id
        self.host.desk.set_saved(article_id, not was)
        self.push(Said("unsaved " if was else "saved ", short(row)),
                   lambda desk: desk.set_saved(article_id, was), [article_id])
        self._changed(row, saved=not was)
        self.host.say(Said("unsaved " if was else "saved ★ ", short(row), self._undoes()))

    @guarded
    def dismiss(self) -> None:
        row = self.target()
        if row is None:
            return
        ids, was_read, was_dismissed = [row.id], row.read, row.dismissed

        def revert(desk: Desk) -> None:
            if not was_dismissed:
                desk.undismiss(ids)
            desk.set_read(ids, was_read)

        self.host.desk.dismiss(ids)
        self.push(Said("dismissed ", short(row)), revert, ids)
        self._changed(row, read=True, dismissed=True)
        self.host.say(Said("dismissed ", short(row), self._undoes()))
        articles = self.host.articles
        if articles.current is not None and articles.current.id == row.id:
            articles.move(1)

    @guarded
    def mark_view_read(self, everywhere: bool = False) -> None:
        """`A`: the view's articles read; `C` (`everywhere`): every feed's, as newsboat's,
        after a yes when `confirm_mark_all_feeds_read` is on (newsboat's default asks too:
        `C` reaches far beyond the list in sight)."""
        if not everywhere or not self.host.config.settings.confirm_mark_all_feeds_read:
            self._mark_read(everywhere)
            return
        unread = self.host.desk.count("is:unread")
        if not unread:
            self.host.say("nothing unread in any feed")
            return
        self.host.app.push_screen(
            ConfirmDialog("Mark all feeds read", f"Mark {counted(unread, 'unread article')} "
                          "read in every feed?"),
            lambda yes: self._mark_read(True) if yes else self.host.say("nothing marked read"))

    @guarded
    def _mark_read(self, everywhere: bool) -> None:
        ids = list(self.host.desk.mark_all_read("" if everywhere else self.host.current_query))
        if not ids:
            self.host.say("nothing unread in any feed" if everywhere else "nothing unread here")
            return
        self.push(f"marked {len(ids)} read", lambda desk: desk.set_read(ids, False), ids)
        self.host.reload_view()
        where = " in every feed" if everywhere else ""
        self.host.say(Said(f"marked {len(ids)} read{where}", self._undoes()))
        self.host.reader.show_again(self.host.desk)
        self.host.view_tree.recount_soon()

    @guarded
    def undo(self) -> None:
        if not self.undo_stack:
            self.host.say("nothing to undo")
            return
        done = self.undo_stack.pop()
        done.revert(self.host.desk)
        host = self.host
        articles = host.articles
        pager = articles.pager
        if len(done.ids) == 1 and pager is not None and pager.index_of(done.ids[0]) is not None:
            # One row: changed in place like any triage key, so the list keeps its rows
            # (a read one stays in Unread) and the cursor its article.
            self._redraw(done.ids)
        else:
            articles.reload_keep_place()
            self._redraw(done.ids[:REDRAWN])  # rows kept in place are not re-read by a reload
            if done.selected is not None:
                articles.select(done.selected)
        host.reader.show_again(host.desk)
        host.say(Said("undone: ", done.what, f" ({len(self.undo_stack)} more to undo)"
                      if self.undo_stack else ""))
        host.view_tree.recount_soon()

    def _redraw(self, ids: tuple[int, ...]) -> None:
        for article_id in ids:
            fresh = self.host.desk.article(article_id)
            if fresh is not None:
                self.host.articles.update_article(
                    article_id, read=fresh.read, saved=fresh.saved, dismissed=fresh.dismissed,
                    tags=fresh.tags)

    # -- tags ----------------------------------------------------------------------------
    @guarded
    def add_tags(self) -> None:
        row = self.target()
        if row is None:
            return
        self.host.app.push_screen(AddTagsScreen(self.host.desk.all_tags(), label(row)),
                                  functools.partial(self._tags_added, row))

    @guarded
    def _tags_added(self, row: ArticleRow, tags: list[str] | None) -> None:
        if not tags:
            return
        ids = [row.id]
        self.host.desk.add_tags(ids, tags)
        fresh = self.host.desk.article(row.id)  # spelt as stored: "iran" joins "Iran"
        merged = fresh.tags if fresh is not None else tuple(sorted({*row.tags, *tags}))
        added = [t for t in merged if t not in row.tags]
        if not added:
            self.host.say("already tagged")
            return

        def revert(desk: Desk) -> None:
            for tag in added:
                desk.remove_tag(ids, tag)

        what = Said("tagged ", " ".join(map(tag_shown, added)), " on ", short(row))
        self.push(what, revert, ids)
        self._changed(row, tags=merged)
        self.host.say(Said(what, self._undoes()))

    @guarded
    def remove_tag(self) -> None:
        row = self.target()
        if row is None:
            return
        if not row.tags:
            self.host.say(f"{label(row)} has no tags")
            return
        self.host.app.push_screen(RemoveTagScreen(row.tags, label(row)),
                                  functools.partial(self._tag_removed, row))

    @guarded
    def _tag_removed(self, row: ArticleRow, tag: str | None) -> None:
        if not tag:
            return
        ids = [row.id]
        self.host.desk.remove_tag(ids, tag)
        what = Said("removed ", tag_shown(tag), " from ", short(row))
        self.push(what, lambda desk: desk.add_tags(ids, [tag]), ids)
        self._changed(row, tags=tuple(t for t in row.tags if t != tag))
        self.host.say(Said(what, self._undoes()))

    # -- links and feeds -------------------------------------------------------------------
    def open_browser(self) -> None:
        row = self.target()
        if row is None or not row.url:
            self.host.say("this article has no link")
            return
        if not browser.web_link(row.url):
            self.host.say(f"not a web link ({self.host.key('copy_link')} copies it)")
            return
        self.open_url(row.url)

    @guarded
    def open_cited_link(self) -> None:
        """`O`: ask for the number of a link the text cites (`[n]`), then open it as `o` does."""
        row = self.target()
        if row is None:
            return
        article = row if isinstance(row, Article) else self.host.desk.article(row.id)
        links = article.links if article is not None else ()
        if not links:
            self.host.say(Said(short(row), " cites no links in its text"))
            return
        span = "1" if len(links) == 1 else f"1-{len(links)}"
        self.host.app.push_screen(
            TextDialog(f"Open a link of {label(row)}", f"The link's number ({span}): the text "
                       "shows [n] after its words, and lists them at its end", span,
                       default="1" if len(links) == 1 else "", enter="opens"),
            functools.partial(self._cited_link_chosen, row, links))

    def _cited_link_chosen(self, row: ArticleRow, links: tuple[BodyLink, ...],
                           answer: str | None) -> None:
        if answer is None:
            return
        number = answer.strip().strip("[]")
        if not number.isdigit() or not 1 <= int(number) <= len(links):
            self.host.say(Said(f"no link [{answer}]: ", short(row), " cites "
                               f"{counted(len(links), 'link')}, [1] to [{len(links)}]"))
            return
        self.open_url(links[int(number) - 1].url)

    def open_url(self, url: str) -> None:
        """Open a web link in the browser the settings name, or the system's."""
        setting = self.host.config.settings.browser
        try:
            launch = browser.plan(url, setting)
        except ValueError as error:
            self.host.say(f"browser setting {setting!r}: {error}")
            return
        where, copy = self.host.config.path or "feeds.toml", self.host.key("copy_link")
        if launch is None:
            self.host.say(f"no browser found ({browser.unfound()}{copy} copies the link)")
            self.host.app.notify(f"To open links with {self.host.key('open_browser')}, install "
                                 'a browser and set browser = "lynx %u" (or another) in '
                                 f"[settings] of {where}", title="No browser found",
                                 severity="warning", markup=False, timeout=15)
            return
        program = browser.missing(launch.argv) if launch.argv else None
        if program is not None:
            name = os.path.basename(program)
            self.host.warn(f"browser {name!r} not found ({copy} copies the link)")
            self.host.app.notify(f"{program!r} is not installed or not on the PATH: install it, "
                                 f"or set another browser in [settings] of {where}",
                                 title="Browser not found", severity="warning", markup=False,
                                 timeout=15)
            return
        if launch.console and launch.argv:
            self._browse_here(launch.argv)
        else:
            argv = launch.argv
            self.host.in_thread(lambda: self._browse(argv, url), "browser")
            self.host.say("opening in the browser")

    def _browse_here(self, argv: tuple[str, ...]) -> None:
        """A console browser gets the terminal: the app is suspended until it exits.
        Nothing may escape the suspended block: Textual resumes the app only when the block
        ends normally, so a failure there left the screen blank for good."""
        failure: BaseException | None = None
        try:
            with self.host.app.suspend():
                try:
                    done = subprocess.run(argv, check=False)  # no shell: the URL is untrusted
                except BaseException as error:  # raised again once resumed
                    failure = error
        except SuspendNotSupported:
            self.host.say("this terminal cannot hand over the screen; "
                          f"{self.host.key('copy_link')} copies the link")
            return
        if isinstance(failure, OSError):
            self.host.warn(f"cannot run {argv[0]}: {failure.strerror or failure}")
        elif isinstance(failure, KeyboardInterrupt):
            self.host.say("the browser was interrupted")
        elif failure is not None:
            raise failure
        else:
            self.host.say("back from the browser" if done.returncode == 0
                          else f"{argv[0]} exited with status {done.returncode}")

    def _browse(self, argv: tuple[str, ...] | None, url: str) -> None:
        """In a worker thread: a graphical browser opens its own window, in the background."""
        if argv is None:
            webbrowser.open(url)
            return
        try:  # not waited for (it may live for hours); subprocess reaps it later
            subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as error:
            self.host.app.call_from_thread(self.host.say, f"cannot run {argv[0]}: "
                                                          f"{error.strerror or error}")

    def copy_link(self) -> None:
        row = self.target()
        if row is None or not row.url:
            self.host.say("this article has no link")
            return
        self.host.app.copy_to_clipboard(row.url)  # OSC 52: whether it lands is the terminal's
        self.host.say("link sent to the terminal's clipboard")
