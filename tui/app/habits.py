"""Keys other readers have and newsdesk does not: pressed here, they say which key does that
(a newsboat or Elfeed user's `b` or `D` did nothing at all, with no word why)."""

from __future__ import annotations

from collections.abc import Mapping

from tui.app.commands import COMMANDS, key_label
from tui.app.said import Hint, Said

HABITS: Mapping[str, tuple[str, str]] = {
    # key: (what the user wanted, newsdesk's command that does it)
    "b": ("open in the browser", "open_browser"),         # Elfeed
    "P": ("the previous unread", "prev_unread"),           # a shifted p
    "D": ("delete the article", "dismiss"),                # newsboat's delete-article
    "F": ("filter", "filter"),                             # newsboat's set-filter
    "S": ("filter", "filter"),                             # Elfeed's set filter
    "Q": ("quit", "close"),                                # newsboat's hard-quit
    "number_sign": ("open a link the text cites", "open_cited_link"),  # newsboat's goto-url
    "ctrl+n": ("the next feed", "next_feed"),              # newsboat's next-unread-feed
    "colon": ("a command line", "palette"),                # newsboat's, mutt's and vim's `:`
}
WHAT = {"open_browser": "o opens the link in the browser",
        "prev_unread": "p goes to the previous unread, K to the previous feed",
        "dismiss": "x dismisses it (read, hidden from Unread)",
        "filter": "f filters with the query language, / searches",
        "close": "q quits from the list (it first closes what is open)",
        "open_cited_link": "O opens a link the text cites, by its number",
        "next_feed": "J lists the next feed, n goes to the next unread",
        "palette": "ctrl+p opens the command palette (commands by name: quit, reload, tag...)"}


def habit_hint(key: str, keymap: Mapping[str, str]) -> Said | None:
    """What the status line says for `key`, a key no command has (None: not one of those,
    or one the user's [keys] gave a command)."""
    if key not in HABITS or any(key in keymap.get(c.name, c.key).split(",") for c in COMMANDS):
        return None
    _wanted, name = HABITS[key]
    command = next(c for c in COMMANDS if c.name == name)
    own = keymap.get(name, command.key)
    what = WHAT[name] if own == command.key else f"{key_label(own)}: {command.title}"
    label = key_label(key)
    label = repr(label) if label == ":" else label  # "':': no such key", not ":: no such key"
    return Said(f"{label}: no such key in newsdesk; {what}",
                Hint(" (? lists every key)"))  # whole or left out, never "(?" (said.py)
