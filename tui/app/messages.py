"""What a pane asks of the main screen: open an article, show an actor's timeline, show a
view. Every widget may post one (a double click, a side-panel selection, the tree); the screen
handles each in one place, so opening is done the same way whoever asks."""

from __future__ import annotations

from textual.message import Message

from tui.app.views import ViewSpec


class OpenArticle(Message):
    """Show an article in the reader (and mark it read, as the settings say).

    `note` goes on the status line, with a word when the article is not in the list (a story
    step says where it is); None leaves the status line alone, as opening from the list does.
    """

    def __init__(self, article_id: int, note: str | None = "") -> None:
        super().__init__()
        self.article_id = article_id
        self.note = note


class OpenRelated(Message):
    """Show a related item of the article in the reader, a level down: `q`, Esc or Backspace
    come back to the article it was listed under."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class ShowActor(Message):
    """List the actor's timeline: every article naming it, newest first."""

    def __init__(self, actor_id: str) -> None:
        super().__init__()
        self.actor_id = actor_id


class OpenView(Message):
    """List a view chosen in the tree, with no filter or search."""

    def __init__(self, view: ViewSpec) -> None:
        super().__init__()
        self.view = view
