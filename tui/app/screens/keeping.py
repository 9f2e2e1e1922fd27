"""Keeping what the list shows: as a saved view in feeds.toml (`V`), or as a dossier file
(`E`, Markdown, HTML or JSON, as `newsdesk export` writes), headed by what the list shows (a
saved view's name, a story's label, the filter and the search) rather than the bare query."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len

from tui.app.said import LABEL_FLOOR
from tui.app.screens.dialogs import ExportDialog, TextDialog, format_of
from tui.app.screens.host import Host, guarded
from tui.app.views import ViewSpec, cut
from tui.core.config.loader import Config, ConfigError
from tui.core.query import QueryError
from tui.core.query.joined import joined
from tui.core.words import counted

SLUG_ROOM = 32
"""A file name made from a view's label stays short enough to show whole on an 80-column
status line once written (`newsdesk-damascus-assad-8-9-dec-2024.md`)."""


def view_name(view: ViewSpec) -> str:
    """A view as a dossier calls it: a story by its label (not its outlet count), an actor by
    name (not its article count)."""
    if view.kind == "story":
        return re.sub(r" · \d+ outlets?$", "", view.label)
    if view.kind == "actor":
        return re.sub(r" \(\d+\)$", "", view.label)
    return view.label


def dossier_about(view: ViewSpec, filter_query: str, search_text: str) -> str:
    """What the dossier's heading names: the view, then the filter and the search applied."""
    about = view_name(view)
    if filter_query:
        about += f", filter {filter_query}"
    if search_text:
        about += f", search {search_text}"
    return about


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower(), flags=re.UNICODE) if w]


def slug(label: str, room: int = SLUG_ROOM) -> str:
    """A view's label as part of a file name, cut between words. A story's dates (the last
    part of its label) stay whole: the words before them give way."""
    parts = label.split(" · ")
    dated = len(parts) > 1 and parts[-1][:1].isdigit()
    dates = "-".join(_words(parts[-1])) if dated else ""
    words = _words(" ".join(parts[:-1] if dated else parts))
    left = room - len(dates) - (1 if dates and words else 0)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > left:
            break
        kept.append(word)
    if words and not kept:  # one long word: cut it rather than lose the name
        kept = [words[0][:max(left, 8)]]
    return "-".join(w for w in ("-".join(kept), dates) if w) or "view"


QUERY_ROOM = 48
"""The whole name's room once a filter or search is in it: the view's part gives way to it,
down to VIEW_FLOOR."""
VIEW_FLOOR = 16
NAMING_FIELDS = re.compile(r"\b(?:actor|tag|feed|place|country|title|view|story|lang):", re.I)
"""Fields a slug drops (`actor:lavrov` is "lavrov"); `is:`, `since:`... stay as words."""


def query_words(query: str) -> list[str]:
    """A filter or search as words of a file name: `actor:lavrov OR -feed:tass` gives
    lavrov, or, not, tass."""
    text = NAMING_FIELDS.sub(" ", re.sub(r"(^|[\s(])-", r"\1 not ", query))
    return _words(text)


def dossier_name(view: ViewSpec, filter_query: str, search_text: str) -> str:
    """The file name `E` offers: what the list shows, the view then its filter and search
    (`newsdesk-all-lavrov-or-haniyeh.md`), so another list is not offered the same file."""
    narrowed = query_words(f"{filter_query} {search_text}")
    if not narrowed:
        return f"newsdesk-{slug(view_name(view))}.md"
    rest = slug(" ".join(narrowed), QUERY_ROOM - VIEW_FLOOR - 1)
    named = slug(view_name(view), max(VIEW_FLOOR, QUERY_ROOM - len(rest) - 1))
    return f"newsdesk-{named}-{rest}.md"


def home_short(path: Path) -> str:
    """`path` as the user reads it: under the home folder as `~/…`."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except (ValueError, RuntimeError):  # elsewhere, or no home folder known
        return str(path)


def exported(count: str, fmt: str, target: Path, room: int) -> str:
    """The message that says where the dossier went, in `room` columns: whatever gives way
    first (the count, the folders), the file name stays; the format only when its extension
    does not say it."""
    note = "" if format_of(target.name) == fmt else f" ({fmt})"
    shown, name = home_short(target), target.name
    tries = [f"exported {count}{note} to {shown}", f"exported {count}{note} to …/{name}",
             f"exported to {shown}", f"exported to …/{name}", f"exported {name}"]
    for message in tries:
        if cell_len(message) <= room:
            return message
    return "exported " + cut_name(name, room - len("exported "))


def cut_name(name: str, room: int) -> str:
    """A file name too long for `room`: its start and its extension kept."""
    stem, dot, ext = name.rpartition(".")
    tail = f"{dot}{ext}" if dot and len(ext) <= 5 else ""
    return cut(stem if tail else name, max(room - len(tail), 4)) + tail


class Keeping:
    """Save the list's query as a view; export the articles listed."""

    def __init__(self, host: Host, use_config: Callable[[Config], object],
                 show_made: Callable[[ViewSpec], object]) -> None:
        self.host = host
        self.use_config = use_config
        """Puts feeds.toml as read back after a save in use, as R's re-read does."""
        self.show_made = show_made
        """Lists the view just saved, a level down from where it was made (`Trail.to_made`)."""

    def warn(self, message: str) -> None:
        self.host.warn(message)

    def saved_query(self) -> str:
        """The view with its filter and search (`l` is a way of looking, not saved), as the
        user would type it: flat, each term once."""
        host = self.host
        return joined(host.view.query, host.filter_query, host.search_text)

    def save_view(self) -> None:
        host = self.host
        query = self.saved_query()
        if not query:
            host.say(f"nothing to save: filter ({host.key('filter')}) or search "
                     f"({host.key('search')}) first")
            return
        where = host.config.path
        if where is None:
            host.say("no feeds.toml to save a view in (start newsdesk with --config FILE)")
            return
        host.app.push_screen(
            TextDialog("Save as a view", f"Query: {query}\nEnter adds it as a [[view]] to {where}; "
                       "it shows under Views in the tree.", "a name, e.g. Iran this week"),
            lambda name: self._save(name, query))

    @guarded
    def _save(self, name: str | None, query: str) -> None:
        if not name:
            return
        host = self.host
        try:
            config = host.desk.save_view(name, query)
        except (QueryError, ConfigError) as error:
            host.say(f"view not saved: {error}")
            return
        self.use_config(config)  # with whatever else was edited in the file meanwhile
        self.show_made(ViewSpec("query", name, query))
        host.say(f"saved the view {name!r} ({query})")

    @guarded
    def export_view(self) -> None:
        """The rows the list shows, not the query run again: an article read in Unread is
        still listed, so it is in the dossier too. With marks, the marked rows only (as
        dired's and mutt's commands take the marked files and mails), in list order, in a
        file whose name says so."""
        host = self.host
        pager = host.articles.pager
        count = len(pager) if pager is not None else 0
        if pager is None or not count:
            host.say("nothing listed to export")
            return
        marked = len(host.articles.marked)
        about = dossier_about(host.view, host.filter_query, host.search_text)
        name = dossier_name(host.view, host.filter_query, host.search_text)
        if marked:
            about = f"{counted(marked, 'marked article')} of {about}"
            name = name.removesuffix(".md") + "-marked.md"
        host.app.push_screen(ExportDialog(about, marked or count, f"~/{name}"),
                             lambda answer: self._export(answer, about, bool(marked)))

    @guarded
    def _export(self, answer: tuple[str, str] | None, about: str, marked: bool) -> None:
        host = self.host
        pager = host.articles.pager
        if answer is None or pager is None:
            return
        path, fmt = answer
        target = Path(path).expanduser()
        query, ids = pager.query, pager.ids()  # as listed now (the list may have reloaded)
        if marked:
            ids = [i for i in ids if i in host.articles.marked]
        count = counted(len(ids), 'article')
        # the status line keeps the view's label LABEL_FLOOR columns and the list position;
        # the message's two-space lead and the line's padding (a column either side) take 4
        room = host.app.size.width - LABEL_FLOOR - len(f"  {len(ids)}/{len(ids)}") - 4
        host.say(f"exporting {count} to {home_short(target)}…")

        def work() -> None:  # in a worker thread: a big view takes a while
            try:
                text = host.desk.export(query, fmt, ids, about)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            except (OSError, QueryError, ValueError, sqlite3.Error) as error:
                host.app.call_from_thread(host.warn, f"export failed: {error}")
                return
            host.app.call_from_thread(host.say, exported(count, fmt, target, room))

        host.in_thread(work, "export")
