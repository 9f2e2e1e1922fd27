"""Marked rows: many articles for one triage key, as dired's marks, mutt's tags and Elfeed's
region. `m` marks the article in hand (and moves on), `M` every article listed (or clears
the marks); while any are marked, `s`, `N`, `x`, `t` and `T` act on all of them, and one `u`
takes the whole batch back; `E` exports them, `y` copies their links (one a line) and `o`
opens each link (asking first above OPEN_WITHOUT_ASKING). Marks belong to the list as
shown: listing another query clears them, so a key never acts on an article out of sight."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app import browser
from tui.app.said import Hint, Said
from tui.app.screens.dialogs import ConfirmDialog
from tui.app.screens.host import Host, guarded
from tui.app.screens.tags import AddTagsScreen, RemoveTagScreen
from tui.app.screens.triage import Triage, short, tag_shown
from tui.core import tagnames
from tui.core.words import counted

if TYPE_CHECKING:
    from tui.core.desk import Desk
    from tui.core.models import ArticleRow

OPEN_WITHOUT_ASKING = 5
"""`o` on more marked articles than this asks first: each link is a browser tab or, with a
console browser, a session to leave before the next."""


class Marks:
    """The list's marks, and the triage keys' batch form."""

    def __init__(self, host: Host, triage: Triage) -> None:
        self.host = host
        self.triage = triage

    def warn(self, message: str) -> None:
        self.host.warn(message)

    @property
    def ids(self) -> set[int]:
        return self.host.articles.marked

    def __bool__(self) -> bool:
        return bool(self.ids)

    def either(self, batch: Callable[[], None], one: Callable[[], None]) -> Callable[[], None]:
        """A triage key: on the marked articles while any are, else on the one in hand. Only
        marks on rows still listed count; when none is left, the key does nothing but say so
        (the batch it was meant for is out of sight, and the one in hand was not meant)."""
        def run() -> None:
            if not self.ids:
                one()
            elif self.keep_listed() and not self.ids:
                self.host.say("the marked articles left the list: nothing done (no marks left)")
            else:
                batch()
        return run

    def keep_listed(self) -> int:
        """Drop the marks of articles the list no longer has (changed outside since the last
        reload); the status line counts the rest. Returns how many went."""
        gone = self.host.articles.keep_listed_marks()
        if gone:
            self.host.articles.refresh()
            self.host.update_status()
        return gone

    # -- marking ---------------------------------------------------------------------------
    def toggle(self) -> None:
        """`m`: mark or unmark the article in hand; from the list, go on to the next row."""
        host = self.host
        row = self.triage.target()
        if row is None:
            return
        articles = host.articles
        if articles.locate(row.id) is None:
            host.say(Said(short(row), " is not listed: only listed articles are marked"))
            return
        self.ids.symmetric_difference_update({row.id})
        articles.refresh()
        if not any(pane is host.focused for pane in host.reader.panes):
            articles.move(1)  # as dired's m and mutt's t: on to the next row
        self._said()

    def mark_all(self) -> None:
        """`M`: mark every article listed; with some marked already, clear the marks."""
        host = self.host
        if self.ids:
            self.clear()
            host.say("marks cleared")
            return
        pager = host.articles.pager
        if pager is None or not len(pager):
            host.say("nothing listed to mark")
            return
        self.ids.update(pager.ids())
        self._said()

    def clear(self) -> None:
        if self.ids:
            self.ids.clear()
            self.host.articles.refresh()
            self.host.update_status()  # the count goes with the ✓s, not at the next move

    def _said(self) -> None:
        count = len(self.ids)
        key = self.host.key
        keys = " ".join(key(name) for name in ("toggle_saved", "toggle_read", "dismiss",
                                                "add_tags", "remove_tag", "export_view",
                                                "copy_link", "open_browser"))
        clears = f" ({key('mark_all')} clears)"  # kept whole, the label giving way (said.py)
        self.host.say(Said(f"{counted(count, 'article')} marked: {keys} act on them",
                           Hint(clears, clears)) if count else "no marks")
        self.host.update_status()

    # -- the batch -------------------------------------------------------------------------
    def _done(self, what: str, revert: Callable[[Desk], object], ids: list[int]) -> None:
        """After a batch: one undo for all of it, the list read again in place (rows that
        left the view go, as after `A`), marks kept on the rows still listed."""
        host = self.host
        self.triage.push(what, revert, ids)
        host.articles.reload_keep_place()  # which drops the marks of rows that left
        host.reader.show_again(host.desk)
        host.view_tree.recount_soon()
        host.update_status()
        host.say(Said(what, Hint(f" ({host.key('undo')} undoes)")))

    def _flag(self, column: str, yes: str, no: str) -> None:
        """Set `column` on every marked article; when all had it already, take it off all."""
        desk, ids = self.host.desk, sorted(self.ids)
        value = True
        changed = desk.set_flag(ids, column, True)
        if not changed:
            value, changed = False, desk.set_flag(ids, column, False)
        what = f"{self._of(len(changed))} {yes if value else no}"
        self._done(what, lambda d: d.set_flag(changed, column, not value), changed)

    @guarded
    def toggle_saved(self) -> None:
        self._flag("saved", "saved ★", "unsaved")

    @guarded
    def toggle_read(self) -> None:
        self._flag("read", "marked read", "marked unread")

    @guarded
    def dismiss(self) -> None:
        desk, ids = self.host.desk, sorted(self.ids)
        read = desk.set_read(ids, True)
        dismissed = desk.dismiss(ids)

        def revert(desk: Desk) -> None:
            desk.undismiss(dismissed)
            desk.set_read(read, False)

        what = f"{self._of(len(dismissed))} dismissed"
        self._done(what, revert, sorted({*read, *dismissed}))

    def _label(self) -> str:
        return f"{counted(len(self.ids), 'marked article')}"

    def _of(self, changed: int) -> str:
        """'3 marked articles', or '2 of 3 marked articles' when the others had it already."""
        return self._label() if changed == len(self.ids) else f"{changed} of {self._label()}"

    @guarded
    def add_tags(self) -> None:
        self.host.app.push_screen(AddTagsScreen(self.host.desk.all_tags(), self._label()),
                                  functools.partial(self._tags_added, sorted(self.ids)))

    @guarded
    def _tags_added(self, ids: list[int], tags: list[str] | None) -> None:
        if not tags:
            return
        desk = self.host.desk
        had = {row.id: {tagnames.key(t) for t in row.tags} for row in desk.rows(ids)}
        added = {tag: [i for i, keys in had.items() if tagnames.key(tag) not in keys]
                 for tag in tags}
        added = {tag: lacking for tag, lacking in added.items() if lacking}
        desk.add_tags(list(had), tags)  # to all: a tag a rule gave is the user's now (kept)
        if not added:
            self.host.say(f"the {self._label()} have these tags already")
            return

        def revert(desk: Desk) -> None:
            for tag, lacking in added.items():
                desk.remove_tag(lacking, tag)

        names = " ".join(map(tag_shown, added))
        changed = sorted({i for lacking in added.values() for i in lacking})
        self._done(f"{self._of(len(changed))} tagged {names}", revert, changed)

    @guarded
    def remove_tag(self) -> None:
        rows = self.host.desk.rows(sorted(self.ids))
        tags = sorted({tagnames.key(t): t for row in rows for t in row.tags}.values(),
                      key=tagnames.key)
        if not tags:
            self.host.say(f"the {self._label()} have no tags")
            return
        self.host.app.push_screen(RemoveTagScreen(tuple(tags), self._label()),
                                  functools.partial(self._tag_removed, rows))

    @guarded
    def _tag_removed(self, rows: list[ArticleRow], tag: str | None) -> None:
        if not tag:
            return
        having = [r.id for r in rows if tagnames.key(tag) in {tagnames.key(t) for t in r.tags}]
        self.host.desk.remove_tag(having, tag)
        what = f"{tag_shown(tag)} removed from {self._of(len(having))}"
        self._done(what, lambda desk: desk.add_tags(having, [tag]), having)


    # -- their links -----------------------------------------------------------------------
    def _in_order(self) -> list[ArticleRow]:
        """The marked rows in the list's order (what a dossier or a clipboard reads)."""
        pager = self.host.articles.pager
        rows = {row.id: row for row in self.host.desk.rows(sorted(self.ids))}
        order = pager.ids() if pager is not None else sorted(rows)
        return [rows[i] for i in order if i in rows]

    @guarded
    def copy_links(self) -> None:
        """`y` with marks: every marked article's link, one a line, as a script would read."""
        rows = self._in_order()
        urls = [row.url for row in rows if row.url]
        if not urls:
            self.host.say(f"the {self._label()} have no links")
            return
        self.host.app.copy_to_clipboard("\n".join(urls))
        lacking = len(rows) - len(urls)
        self.host.say(f"{counted(len(urls), 'link')} of the {self._label()} sent to the "
                      "terminal's clipboard, one a line"
                      + (f" ({lacking} without a link)" if lacking else ""))

    @guarded
    def open_links(self) -> None:
        """`o` with marks: each marked article's web link, in list order, as `o` opens one."""
        urls = [row.url for row in self._in_order() if row.url and browser.web_link(row.url)]
        if not urls:
            self.host.say(f"the {self._label()} have no web links")
            return
        if len(urls) <= OPEN_WITHOUT_ASKING:
            self._open(urls)
            return
        self.host.app.push_screen(
            ConfirmDialog("Open the marked links", f"Open {len(urls)} links in the browser, "
                          f"one after another? (To copy them instead, answer no, then press "
                          f"{self.host.key('copy_link')}.)"),
            lambda yes: self._open(urls) if yes else self.host.say("no link opened"))

    def _open(self, urls: list[str]) -> None:
        for url in urls:
            self.triage.open_url(url)
        if len(urls) > 1:
            self.host.say(f"opened {counted(len(urls), 'link')} of the {self._label()}")
