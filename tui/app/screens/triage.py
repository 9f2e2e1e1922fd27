"""Commands that change an article's state: read, saved, tags, dismiss, undo; plus the
link commands. Each calls the Desk at once, so quitting or a kill loses nothing."""

from __future__ import annotations

import functools
import subprocess
import webbrowser
from typing import TYPE_CHECKING, Literal

from textual.app import SuspendNotSupported

from tui.app import browser
from tui.app.screens.feeds import FeedsScreen
from tui.app.screens.host import Host, guarded
from tui.app.screens.tags import AddTagsScreen, RemoveTagScreen

if TYPE_CHECKING:
    from tui.core.models import ArticleRow

Undo = tuple[Literal["dismiss", "read"], list[int]]


class Triage:
    """Acts on the article selected in the list; owns the undo stack."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.undo_stack: list[Undo] = []

    def warn(self, message: str) -> None:
        self.host.warn(message)

    def target(self) -> ArticleRow | None:
        """The list's selected row, unless the reader shows another article."""
        host = self.host
        reader = host.reader
        if reader.is_open and reader.article is not None and reader.outside:
            # a related/story article outside the list: the row under the cursor is
            # another article, so acting on it would surprise
            host.say("the reader shows an article outside this list; open its view "
                     "(e.g. a story in the tree) to triage it")
            return None
        row = host.articles.current
        if row is None:
            host.say("no article selected")
        return row

    def _changed(self, row: ArticleRow) -> None:
        """The reader (when it shows `row`) and the tree's counts follow a change."""
        self.host.reader.show_again(self.host.desk, only=row.id)
        self.host.view_tree.recount_soon()

    @guarded
    def toggle_read(self) -> None:
        row = self.target()
        if row is None:
            return
        self.host.desk.set_read([row.id], not row.read)
        self.host.articles.update_current(read=not row.read)
        self.host.say("marked unread" if row.read else "marked read")
        self.host.view_tree.recount_soon()

    @guarded
    def toggle_saved(self) -> None:
        row = self.target()
        if row is None:
            return
        self.host.desk.set_saved(row.id, not row.saved)
        self.host.articles.update_current(saved=not row.saved)
        self.host.say("unsaved" if row.saved else "saved ★")
        self._changed(row)

    @guarded
    def dismiss(self) -> None:
        row = self.target()
        if row is None:
            return
        self.host.desk.dismiss([row.id])
        self.host.articles.update_current(read=True, dismissed=True)
        self.undo_stack.append(("dismiss", [row.id]))
        self.host.say("dismissed (u undoes)")
        self.host.articles.move(1)
        self.host.view_tree.recount_soon()

    @guarded
    def mark_view_read(self) -> None:
        ids = list(self.host.desk.mark_all_read(self.host.current_query))
        if not ids:
            self.host.say("nothing unread here")
            return
        self.undo_stack.append(("read", ids))
        self.host.reload_view()
        self.host.say(f"marked {len(ids)} read (u undoes)")
        self.host.view_tree.recount_soon()

    @guarded
    def undo(self) -> None:
        if not self.undo_stack:
            self.host.say("nothing to undo")
            return
        kind, ids = self.undo_stack.pop()
        if kind == "dismiss":  # back into Unread: not dismissed, not read
            self.host.desk.undismiss(ids)
        self.host.desk.set_read(ids, False)
        self.host.articles.reload_keep_place()
        self.host.say(f"undone: {len(ids)} unread again")
        self.host.view_tree.recount_soon()

    # -- tags ----------------------------------------------------------------------------
    @guarded
    def add_tags(self) -> None:
        row = self.target()
        if row is None:
            return
        self.host.app.push_screen(AddTagsScreen(self.host.desk.all_tags(), row.title),
                                  functools.partial(self._tags_added, row))

    @guarded
    def _tags_added(self, row: ArticleRow, tags: list[str] | None) -> None:
        if not tags:
            return
        self.host.desk.add_tags([row.id], tags)
        fresh = self.host.desk.article(row.id)  # spelt as stored: "iran" joins "Iran"
        merged = fresh.tags if fresh is not None else tuple(sorted({*row.tags, *tags}))
        self._retagged(row, merged)
        added = [t for t in merged if t not in row.tags]
        self.host.say("tagged " + " ".join(f"#{t}" for t in added) if added
                      else "already tagged")

    @guarded
    def remove_tag(self) -> None:
        row = self.target()
        if row is None:
            return
        if not row.tags:
            self.host.say("this article has no tags")
            return
        self.host.app.push_screen(RemoveTagScreen(row.tags),
                                  functools.partial(self._tag_removed, row))

    @guarded
    def _tag_removed(self, row: ArticleRow, tag: str | None) -> None:
        if not tag:
            return
        self.host.desk.remove_tag([row.id], tag)
        self._retagged(row, tuple(t for t in row.tags if t != tag))
        self.host.say(f"removed #{tag}")

    def _retagged(self, row: ArticleRow, tags: tuple[str, ...]) -> None:
        articles = self.host.articles
        index = articles.pager.index_of(row.id) if articles.pager else None
        if index is not None and index == articles.cursor:
            articles.update_current(tags=tags)
        self._changed(row)

    # -- links and feeds -------------------------------------------------------------------
    def open_browser(self) -> None:
        row = self.target()
        if row is None or not row.url:
            self.host.say("this article has no link")
            return
        if not browser.web_link(row.url):
            self.host.say("not a web link (y copies it)")
            return
        setting = self.host.config.settings.browser
        try:
            launch = browser.plan(row.url, setting)
        except ValueError as error:
            self.host.say(f"browser setting {setting!r}: {error}")
            return
        if launch is None:
            where = self.host.config.path or "feeds.toml"
            self.host.say(f'no browser found (y copies the link); set browser = "lynx %u" in '
                          f"[settings] of {where}")
            return
        if launch.console and launch.argv:
            self._browse_here(launch.argv)
        else:
            argv, url = launch.argv, row.url
            self.host.in_thread(lambda: self._browse(argv, url), "browser")
            self.host.say("opening in the browser")

    def _browse_here(self, argv: tuple[str, ...]) -> None:
        """A console browser gets the terminal: the app is suspended until it exits."""
        try:
            with self.host.app.suspend():
                done = subprocess.run(argv, check=False)  # no shell: the URL is untrusted
        except SuspendNotSupported:
            self.host.say("this terminal cannot hand over the screen; y copies the link")
            return
        except OSError as error:
            self.host.say(f"cannot run {argv[0]}: {error.strerror or error}")
            return
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
        self.host.app.copy_to_clipboard(row.url)
        self.host.say("link copied")

    @guarded
    def feed_errors(self) -> None:
        self.host.app.push_screen(FeedsScreen(list(self.host.desk.feeds())))
