"""Commands on an article's context: actor timelines, related items, story stepping,
and teaching the gazetteer (alias, new actor) followed by re-analysis in a worker."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from textual import work
from textual.widgets import OptionList

from tui.app.screens.base import DeskScreen, guarded
from tui.app.screens.dialogs import NewActorDialog, TextDialog
from tui.app.views import actor_view
from tui.app.widgets.reader import Reader


class ContextMixin(DeskScreen):
    """Mixed into `MainScreen`."""

    analysing = False

    def set_reader_open(self, open_: bool) -> None:
        raise NotImplementedError  # MainScreen lays the panes out

    # -- the side panel ------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A named handler, not @on: Textual only collects @on from its own classes.
        list_id = event.option_list.id
        if list_id not in ("actor-list", "related-list") or event.option.id is None:
            return
        event.stop()
        if list_id == "actor-list":
            actor = self.desk.actor(event.option.id)
            self.show_actor(event.option.id, actor.name if actor else event.option.id)
        else:
            self.open_article(int(event.option.id))

    def show_actor(self, actor_id: str, name: str) -> None:
        """The actor's timeline: every article naming it, newest first."""
        self.filter_query = self.search_text = ""
        count = self.desk.count(f"actor:{actor_id}")
        if self.load_view(actor_view(actor_id, name, count)):
            self.set_reader_open(False)
            self.articles.focus()
            self.view_tree.select_view(self.view)

    @guarded
    def open_article(self, article_id: int, note: str = "") -> None:
        """Show any article in the reader (a related one, the next of a story); the list
        cursor follows when the article is in the current view."""
        article = self.desk.article(article_id)
        if article is None:
            self.say("article no longer in the cache")
            return
        pager = self.articles.pager
        index = pager.index_of(article_id) if pager else None
        if index is None and pager is not None and len(pager) <= 2000:
            index = pager.find(-1, 1, lambda row: row.id == article_id)
        if not article.read and getattr(self.config.settings, "mark_read_on_open", True):
            self.desk.set_read([article_id], True)
            article = dataclasses.replace(article, read=True)
            self.schedule_tree_refresh()
        if index is not None:
            self.articles.go(index)
            self.articles.update_current(read=article.read)
        self.reader.show(article, self.desk)
        self.set_reader_open(True)
        self.outside_view = None if index is not None else article_id
        self.say(note + ("" if index is not None else "  (not in this view)"))

    # -- stories -------------------------------------------------------------------------
    def _article_in_hand(self) -> int | None:
        if self.reader_open and self.reader.article is not None:
            return int(self.reader.article.id)
        row = self.articles.current
        return None if row is None else int(row.id)

    @guarded
    def _story_step(self, step: int) -> None:
        article_id = self._article_in_hand()
        if article_id is None:
            self.say("no article selected")
            return
        story = self.desk.story_of(article_id)
        if story is None:
            self.say("this article is not part of a story")
            return
        ids = list(story.article_ids)  # by publication time, oldest first
        at = ids.index(article_id) + step
        if not 0 <= at < len(ids):
            self.say("last article of the story" if step > 0 else "first article of the story")
            return
        self.open_article(ids[at], f"story {at + 1}/{len(ids)}: {story.label}")

    def action_next_in_story(self) -> None:
        self._story_step(1)

    def action_prev_in_story(self) -> None:
        self._story_step(-1)

    # -- teaching the gazetteer ------------------------------------------------------------
    def selected_actor(self) -> tuple[str, str] | None:
        """(id, name): the actor highlighted in the side panel, else the actor whose
        timeline is shown."""
        if self.reader_open:
            actor = self.query_one(Reader).side.selected_actor
            if actor is not None:
                return str(actor.id), str(actor.name)
        if self.view.kind == "actor" and self.view.ref:
            known = self.desk.actor(self.view.ref)
            return self.view.ref, known.name if known else self.view.ref
        return None

    def action_actor_alias(self) -> None:
        chosen = self.selected_actor()
        if chosen is None:
            self.say("choose an actor first (in the reader's side panel or the tree)")
            return
        actor_id, name = chosen

        def done(alias: str | None) -> None:
            if alias:
                self.reanalyse(f"alias {alias!r} added to {name}",
                               lambda: self.desk.add_actor_alias(actor_id, alias))

        self.app.push_screen(TextDialog(f"Alias for {name}",
                                        f"Another spelling of {name} ({actor_id}); every "
                                        "article is matched again.", "e.g. a transliteration"),
                             done)

    def action_new_actor(self) -> None:
        def done(answer: tuple[str, str] | None) -> None:
            if answer:
                name, kind = answer
                self.reanalyse(f"actor {name!r} ({kind}) added",
                               lambda: self.desk.add_actor(name, kind))

        self.app.push_screen(NewActorDialog(), done)

    def reanalyse(self, what: str, edit: Callable[[], Any]) -> None:
        """Apply a gazetteer edit, then re-match the cache off the UI thread."""
        if self.analysing or getattr(self, "refreshing", False):
            self.say("a refresh or re-analysis is running; try again when it ends")
            return
        self.analysing = True
        self.say(f"{what}; re-matching actors…")
        self._reanalyse_worker(what, edit)

    @work(thread=True, group="analyse", exit_on_error=False)
    def _reanalyse_worker(self, what: str, edit: Callable[[], Any]) -> None:
        def on_event(event: Any) -> None:
            done, total = getattr(event, "done", None), getattr(event, "total", None)
            if done is not None:
                self.app.call_from_thread(self.say, f"{what}; re-analysing {done}/{total}")

        try:
            edit()
            self.desk.analyse_pending(on_event)
        except Exception as error:  # GazetteerError, storage errors: told, never fatal
            self.app.call_from_thread(self._reanalysed, f"gazetteer edit failed: {error}")
            return
        self.app.call_from_thread(self._reanalysed, f"{what}; actors matched again")

    def _reanalysed(self, message: str) -> None:
        self.analysing = False
        self.articles.reload_keep_place()
        self.reshow_reader()
        self.refresh_tree()
        self.say(message)
