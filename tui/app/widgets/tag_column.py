"""The tags at the end of a list row: what the headline leaves of it."""

from __future__ import annotations

from rich.text import Text

from tui.core import tagnames
from tui.core.words import counted

HEADLINE = 50
"""Columns a headline keeps before the user's own tags get any (they take what is left, and
more of the headline only when they all fit beside it)."""

def tag_column(tags: tuple[str, ...], room: int) -> Text:
    """The tags in what the headline leaves of the row (it gets its width first, as in
    Elfeed): the whole tags that fit, in order, then "+N" for the ones left out; "N tags" when
    no whole one fits; nothing when not even that does (the reader shows them all)."""
    names = [tagnames.hashtag(tag) for tag in tags]
    shown: list[str] = []
    for name in names:
        rest = len(names) - len(shown) - 1
        line = " ".join([*shown, name]) + (f" +{rest}" if rest else "")
        if Text(line).cell_len <= room:
            shown.append(name)
    if shown:
        rest = len(names) - len(shown)
        return Text(" ".join(shown) + (f" +{rest}" if rest else ""))
    count = Text(counted(len(names), 'tag'))
    return count if names and count.cell_len <= room else Text()
