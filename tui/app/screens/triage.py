"""Commands that change an article's state: read, saved, tags, dismiss, undo; plus the
link actions. Each calls the Desk at once, so quitting or a kill loses nothing."""

from __future__ import annotations

import functools
import webbrowser
from typing import Any

from textual import work

from tui.app.screens.base import DeskScreen, guarded
from tui.app.screens.feeds import FeedsScreen
from tui.app.screens.tags import AddTagsScreen, RemoveTagScreen


class TriageMixin(DeskScreen):
    """Mixed into `MainScreen`."""

    def _row(self) -> Any | None:
        row = self.articles.current
        shown = self.reader.article
        if self.reader_open and shown is not None and shown.id == self.outside_view:
            # a related/story article outside the list: the row under the cursor is
            # another article, so acting on it would surprise
            self.say("the reader shows an article outside this list; open its view "
                     "(e.g. a story in the tree) to triage it")
            return None
        if row is None:
            self.say("no article selected")
        return row

    def _reader_follows(self, row: Any) -> None:
        """Keep the open reader in step with a change to the article it shows."""
        article = self.reader.article
        if self.reader_open and article is not None and article.id == row.id:
            fresh = self.desk.article(row.id)
            if fresh is not None:
                self.reader.show(fresh, self.desk)

    @guarded
    def action_toggle_read(self) -> None:
        row = self._row()
        if row is None:
            return
        self.desk.set_read([row.id], not row.read)
        self.articles.update_current(read=not row.read)
        self.say("marked unread" if row.read else "marked read")
        self.schedule_tree_refresh()

    @guarded
    def action_toggle_saved(self) -> None:
        row = self._row()
        if row is None:
            return
        self.desk.set_saved(row.id, not row.saved)
        self.articles.update_current(saved=not row.saved)
        self._reader_follows(row)
        self.say("unsaved" if row.saved else "saved ★")
        self.schedule_tree_refresh()

    @guarded
    def action_dismiss_article(self) -> None:
        row = self._row()
        if row is None:
            return
        self.desk.dismiss([row.id])
        self.articles.update_current(read=True, dismissed=True)
        self.undo_stack.append(("dismiss", [row.id]))
        self.say("dismissed (u undoes)")
        self.articles.move(1)
        self.schedule_tree_refresh()

    @guarded
    def action_mark_view_read(self) -> None:
        ids = list(self.desk.mark_all_read(self.current_query))
        if not ids:
            self.say("nothing unread here")
            return
        self.undo_stack.append(("read", ids))
        self.load_view(self.view)
        self.say(f"marked {len(ids)} read (u undoes)")
        self.schedule_tree_refresh()

    @guarded
    def action_undo(self) -> None:
        if not self.undo_stack:
            self.say("nothing to undo")
            return
        kind, ids = self.undo_stack.pop()
        if kind == "dismiss":  # back into Unread: not dismissed, not read
            self.desk.undismiss(ids)
        self.desk.set_read(ids, False)
        self.articles.reload_keep_place()
        self.say(f"undone: {len(ids)} unread again")
        self.schedule_tree_refresh()

    @guarded
    def action_add_tags(self) -> None:
        row = self._row()
        if row is None:
            return

        @guarded
        def done(_self: Any, tags: list[str] | None) -> None:
            if not tags:
                return
            self.desk.add_tags([row.id], tags)
            fresh = self.desk.article(row.id)  # spelt as stored: "iran" joins "Iran"
            merged = fresh.tags if fresh is not None else tuple(sorted({*row.tags, *tags}))
            self._apply_tags(row, merged)
            added = [t for t in merged if t not in row.tags]
            self.say("tagged " + " ".join(f"#{t}" for t in added) if added else "already tagged")

        self.app.push_screen(AddTagsScreen(self.desk.all_tags(), row.title),
                             functools.partial(done, self))

    @guarded
    def action_remove_tag(self) -> None:
        row = self._row()
        if row is None:
            return
        if not row.tags:
            self.say("this article has no tags")
            return

        @guarded
        def done(_self: Any, tag: str | None) -> None:
            if not tag:
                return
            self.desk.remove_tag([row.id], tag)
            self._apply_tags(row, tuple(t for t in row.tags if t != tag))
            self.say(f"removed #{tag}")

        self.app.push_screen(RemoveTagScreen(row.tags), functools.partial(done, self))

    def _apply_tags(self, row: Any, tags: tuple[str, ...]) -> None:
        index = self.articles.pager.index_of(row.id) if self.articles.pager else None
        if index is not None and index == self.articles.cursor:
            self.articles.update_current(tags=tags)
        self._reader_follows(row)
        self.schedule_tree_refresh()

    def action_open_browser(self) -> None:
        row = self._row()
        if row is None or not row.url:
            self.say("this article has no link")
            return
        self._browse(row.url)
        self.say("opening in the browser")

    @work(thread=True, group="browser", exit_on_error=False)
    def _browse(self, url: str) -> None:
        webbrowser.open(url)  # no shell: the URL is untrusted

    def action_copy_link(self) -> None:
        row = self._row()
        if row is None or not row.url:
            self.say("this article has no link")
            return
        self.app.copy_to_clipboard(row.url)
        self.say("link copied")

    @guarded
    def action_feed_errors(self) -> None:
        self.app.push_screen(FeedsScreen(list(self.desk.feeds())))
