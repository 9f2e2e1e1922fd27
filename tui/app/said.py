"""Status messages built from parts, so a line too short for one knows what to cut.

A message says what was done or what came of it ("removed #analysis from", "nothing added"),
names what it was done to (an article's title, an actor's name) and often ends with the key
that acts on it ("(u undoes)"). The name is in sight already (the list's row, the panel's
line), so it gives way first, before the view's label; the verb, the outcome and the key
stay. A hint too long for the line takes its short form (the key and what it is typed
with, "(f actor:vladimir-putin)"); to keep that, the names and then the label give way
further (the label to a few columns, "Unr…", before it goes whole). A plain `str` message
has no such parts and is cut at its end, as before.
"""

from __future__ import annotations

from rich.text import Text

GIVE_FLOOR = 8
"""A name that gives way keeps this many columns ("#40 A t…"), so it still says which."""
NAME_LAST = 2
"""A name gives way this far ("V…") only to keep a key hint, which names it or acts on it."""
LABEL_FLOOR = 12
"""A view label cut to make room keeps this many columns ("Story: Kurs…"), so the line
still says where you are; it gives way further only to keep a key hint."""
LABEL_LAST = 4
"""...to this many ("Unr…", a hint of where you are) before it goes whole: a line one
column short for "Unread" beside "(e: feeds)" lost the label whole."""

_OPENS, _CLOSE = "\u2066\u2067\u2068", "\u2069"


class Give(str):
    """The part of a message that gives way first: a title or a name."""


class Hint(str):
    """A closing key hint (" (e lists them)"): whole, or its `short` form (" (e: feeds)")
    when the line has no room for it, or left out whole (half a key hint points nowhere)."""

    short: str

    def __new__(cls, text: str, short: str = "") -> Hint:
        made = super().__new__(cls, text)
        made.short = short
        return made


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


def fitted(message: str, room: int, label: int = 0) -> tuple[str, int]:
    """`message` and a view label of `label` columns in `room`: (the message, the label's
    columns kept). In order, each only as far as it must: the names (each to `GIVE_FLOOR`,
    the first first), the label (to `LABEL_FLOOR`); then a hint takes its short form, for
    which the names give way to `NAME_LAST`, the label to `LABEL_LAST`, then whole; a hint
    that still has no room is left out. What still does not fit is cut at the end by the
    line. An isolate cut open is closed, so what follows keeps its place."""
    floor = min(label, LABEL_FLOOR)
    if not isinstance(message, Said):
        return str(message), max(min(label, room - cells(message)), floor)
    tries = ((GIVE_FLOOR, LABEL_FLOOR, "long"), (GIVE_FLOOR, LABEL_FLOOR, "short"),
             (NAME_LAST, LABEL_FLOOR, "short"), (NAME_LAST, LABEL_LAST, "short"),
             (NAME_LAST, 0, "short"))  # 0: the label goes whole
    for names, least, hints in tries:
        if hints == "short" and not any(isinstance(p, Hint) and p.short for p in message.parts):
            break
        text, kept = _given(message.parts, room, label if least else 0, least, names, hints)
        if cells(text) + kept <= room:
            return text, kept
    return _given(message.parts, room, label, LABEL_FLOOR, GIVE_FLOOR, "none")


def _given(parts: tuple[str, ...], room: int, label: int, least: int, names: int,
           hints: str) -> tuple[str, int]:
    """The message with its hints `long`, `short` or `none`, its names cut (to `names` at
    most) and then the label (to `least` columns) as far as `room` needs."""
    shown = [_hint(p, hints) if isinstance(p, Hint) else p for p in parts]
    over = sum(map(cells, shown)) + label - room
    for at, part in enumerate(shown):
        width = cells(part)
        keep = max(names - 1, width - over - 1)  # the "…" takes one column
        if over > 0 and isinstance(parts[at], Give) and keep < width - 1:
            shown[at] = _cut(part, keep)
            over -= width - cells(shown[at])
    return "".join(shown), max(label - max(over, 0), min(label, least))


def _hint(part: Hint, hints: str) -> str:
    return part if hints == "long" else part.short if hints == "short" else ""


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
