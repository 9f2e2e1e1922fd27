"""Which article the reader shows: opening one (the one way, whoever asks), paging through
it, and stepping to the next unread article or the next article of its story."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.app.said import Said
from tui.app.screens.host import Host, guarded
from tui.app.views import UNREAD, combine

if TYPE_CHECKING:
    from tui.core.models import ArticleRow


class Reading:
    """Opens articles in the reader and keeps the list's cursor on them."""

    def __init__(self, host: Host, marked_read: Callable[[ArticleRow], None]) -> None:
        self.host = host
        self.marked_read = marked_read
        """Told of each article opening marked read (the undo stack takes it)."""
        self.onward: Callable[[int], bool] | None = None
        """Where `n` and `p` go past the list's last unread (`Trail.unread_feed`)."""
        self.onward_left: Callable[[int], object] | None = None
        """Whether `onward` has somewhere to go (`Trail.unread_feed_after`), for hints."""
        self.none_left = ""
        """What `n` or `p` last said it found none of: said where the cursor was, it is taken
        back once a step moves (at row 3, "no earlier unread articles" is not true)."""

    def warn(self, message: str) -> None:
        self.host.warn(message)

    @guarded
    def open(self, article_id: int, note: str | None = "") -> None:
        """Show any article in the reader, marked read unless the settings say otherwise;
        the list's cursor goes to it when it is in this view, else the reader takes the
        focus (a story's article `]` reaches outside the list). `note` goes on the status
        line, with a word when the article is not in this view (None: the line is left
        alone, as opening from the list does)."""
        host = self.host
        article = host.desk.article(article_id)
        if article is None:
            host.say("article no longer in the cache")
            return
        articles = host.articles
        index = articles.locate(article_id)
        marked = (not article.read and host.config.settings.mark_read_on_open
                  and not host.desk.read_only)  # a read-only cache: opened, left unread
        if marked:
            host.desk.set_read([article_id], True)
            article = dataclasses.replace(article, read=True)
            host.view_tree.recount_soon()
        if index is not None:
            if index != articles.cursor:
                articles.go(index)
            row = articles.current
            if row is not None and row.read != article.read:
                articles.update_current(read=article.read)
        if marked:
            self.marked_read(article)
        host.reader.show(article, host.desk, outside=index is None, search=host.search_text)
        host.set_reader_open(True)
        if index is None and not any(pane is host.focused for pane in host.reader.panes):
            # The list cannot select it, so the keys go to the reader that shows it: what
            # they act on (`Triage.target`) is the article on screen, as its border says.
            host.set_focus(host.reader.scroller)
        host.app.clear_notifications()  # start-up notices would cover the text (they are
        # on stderr too, and ? names the config in use)
        if note is not None:
            host.say(Said(note, "" if index is not None else "  (not in this view)"))

    def open_selected(self) -> None:
        row = self.host.articles.current
        if row is not None:
            self.open(row.id, None)

    def page(self) -> None:
        """Page the reader; open the selected article when the reader is closed; at the
        end of the article, go on to the next unread one."""
        reader = self.host.reader
        if reader.is_open and reader.page_down():
            return
        if not reader.is_open and self.host.articles.current is not None:
            self.open_selected()
            return
        self.step_unread(1, self.onward)

    def step_unread(self, step: int, onward: Callable[[int], bool] | None = None) -> None:
        """`n` (step 1), `p` (-1); at the list's last unread, `onward` (a feed's list: the next
        feed with unread articles, `Trail.unread_feed`) if it finds any."""
        articles = self.host.articles
        if articles.pager is None:
            return
        found = articles.find_unread(step)
        if found is None and onward is not None and onward(step):
            return
        if found is None:
            self.none_left = self._none_left(step, articles.pager.query)
            self.host.say(self.none_left)
            return
        self.host.unsay(self.none_left)
        articles.go(found)
        if self.host.reader.is_open:
            self.open_selected()

    def _none_left(self, step: int, query: str) -> str:
        """Why `n` or `p` found nothing, and where the unread ones are: from a feed's list `n`
        goes on to the next feed's, as newsboat's does (`onward`); a tag's, a story's or a
        search's list keeps to itself, and its end is not the morning's."""
        none = "no more unread articles" if step > 0 else "no earlier unread articles"
        desk = self.host.desk
        try:
            here = desk.count(combine(query, UNREAD.query))
            elsewhere = desk.count(UNREAD.query) - here
        except Exception:  # a count for a hint must not stop the key
            return none
        if here:
            back = self.host.key("prev_unread" if step > 0 else "next_unread")  # as remapped
            return f"{none} in this list ({back} goes the other way)"
        if elsewhere:
            return f"{none} in this list; {elsewhere} elsewhere (Unread lists them)"
        return none

    def in_hand(self) -> int | None:
        """The article the reader shows, else the one selected in the list."""
        reader = self.host.reader
        if reader.is_open and reader.article is not None:
            return reader.article.id
        row = self.host.articles.current
        return None if row is None else row.id

    @guarded
    def step_story(self, step: int) -> None:
        """`]` (step 1) goes on to the story's next article in the order every list shows
        it, newest first, so the next is older, as `j` and `n` go; `[` to the newer one."""
        article_id = self.in_hand()
        if article_id is None:
            self.host.say("no article selected")
            return
        story = self.host.desk.story_of(article_id)
        if story is None:
            self.host.say("this article is not part of a story")
            return
        ids = list(reversed(story.article_ids))  # oldest first there; lists are newest first
        at = ids.index(article_id) + step
        if not 0 <= at < len(ids):
            key = self.host.key("prev_in_story" if step > 0 else "next_in_story")
            self.host.say(f"oldest article of the story ({key} goes to newer ones)" if step > 0
                          else f"newest article of the story ({key} goes to older ones)")
            return
        way = "older" if step > 0 else "newer"
        self.open(ids[at], f"story {at + 1}/{len(ids)}, {way}: {story.label}")
