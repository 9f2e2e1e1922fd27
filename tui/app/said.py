"""Status messages built from parts, so a line too short for one knows what to cut.

A message says what was done or what came of it ("removed #analysis from", "nothing added"),
names what it was done to (an article's title, an actor's name) and often ends with the key
that acts on it ("(u undoes)"). The name is in sight already (the list's row, the panel's
line), so it is the part that gives way; the verb, the outcome and the hint stay. A plain
`str` message has no such parts and is cut at its end, as before.
"""

from __future__ import annotations

from rich.text import Text

GIVE_FLOOR = 8
"""A name that gives way keeps this many columns ("#40 A t…"), so it still says which."""

_OPENS, _CLOSE = "\u2066\u2067\u2068", "\u2069"


class Give(str):
    """The part of a message that gives way first: a title or a name."""


class Hint(str):
    """A closing key hint (" (u undoes)"): kept whole or, when the line has no room for it
    once the names gave way, left out whole (half a key hint points nowhere)."""


class Said(str):
    """A message as one string (it compares and prints as one) that keeps its `parts`, so a
    short line knows which are names (`Give`) and hints (`Hint`)."""

    parts: tuple[str, ...]

    def __new__(cls, *parts: str) -> Said:
        flat: list[str] = []
        for part in parts:
            flat += part.parts if isinstance(part, Said) else [part]
        made = super().__new__(cls, "".join(flat))
        made.parts = tuple(flat)
        return made


def fitted(message: str, room: int) -> str:
    """`message` in `room` columns: the names it gives are cut first (each to `GIVE_FLOOR`,
    the first first), then a hint that still has no room is left out; what still does not
    fit is cut at the end by the line. An isolate cut open is closed, so what follows keeps
    its place."""
    over = cells(message) - room
    if over <= 0 or not isinstance(message, Said):
        return str(message)
    parts = list(message.parts)
    for at, part in enumerate(parts):
        width = cells(part)
        keep = max(GIVE_FLOOR - 1, width - over - 1)  # the "…" takes one column
        if over > 0 and isinstance(part, Give) and keep < width - 1:
            parts[at] = _cut(part, keep)
            over -= width - cells(parts[at])
    for at in reversed(range(len(parts))):
        if over > 0 and isinstance(parts[at], Hint):
            over -= cells(parts[at])
            parts[at] = ""
    return "".join(parts)


def cells(text: str) -> int:
    return Text(text).cell_len


def _cut(name: str, keep: int) -> str:
    """`name`'s first `keep` columns and "…", its isolates closed."""
    cut = name
    while cells(cut) > keep:
        cut = cut[:-1]
    cut = cut.rstrip()
    opened = sum(cut.count(c) for c in _OPENS) - cut.count(_CLOSE)
    return cut + "…" + _CLOSE * max(opened, 0)
