"""Which characters quote, for every place users type names (queries, tags).

Typographic quotes (pasted, or typed on a phone or a Russian/German keyboard) open a quoted
run like '"' does and close at their partner. Inside a '"'-quoted run they are just
characters: `feed:"Эхо «Москвы»"` names that feed, and the `t` dialog's `"Эхо «Москвы»"` is
that tag.
"""

from __future__ import annotations

TYPOGRAPHIC = {"\u201c": "\u201d\u201c", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb",
               "\u201d": "\u201d", "\u00bb": "\u00ab"}
"""Each typographic opening quote -> the characters that close its run ('"' closes too)."""
QUOTES = '"' + "".join(TYPOGRAPHIC)


def closers(opener: str) -> str:
    """What ends a quoted run opened by `opener`."""
    return '"' if opener == '"' else TYPOGRAPHIC[opener] + '"'
