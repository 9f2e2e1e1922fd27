"""One canonical form for tags, everywhere (config, OPML, CLI, app, rules, queries).

A tag is shown as the user first spelt it (`display`: NFC, no controls, single spaces) and
matched by its `key` (the same, case-folded with Unicode's full folding), so `Россия`,
`россия` and `РОССИЯ` are one tag, `tag:россия` finds it and `--remove iran` removes `Iran`.
The store keeps both columns; migration 0005 merged the duplicates older versions made.
"""

from __future__ import annotations

import unicodedata

_KEEP = {"\u200c", "\u200d"}  # ZWNJ/ZWJ: part of Persian spelling


def display(name: str) -> str:
    """The tag as shown: NFC, control and format characters out, whitespace collapsed."""
    kept = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch)[0] != "C" or ch in _KEEP)
    return " ".join(kept.split())


def key(name: str) -> str:
    """What two spellings of one tag have in common (NFC of the case-folded display form)."""
    return unicodedata.normalize("NFC", display(name).casefold())


def typed(word: str) -> str:
    """A tag as a user types it where tags are asked for (`tag --add`, the `t` dialog): a
    leading `+` (the query's `+tag`, which users copy) or `#` (a hashtag) is not part of the
    name, or `+priority` became a tag that `+priority` and `tag:priority` never found."""
    return display(display(word).lstrip("+#"))


def typed_list(text: str) -> list[str]:
    """'a, +b,c' -> ['a', 'b', 'c']: commas separate tags (a tag name never holds one, as in
    the `t` dialog); two spellings of one tag count once."""
    tags: list[str] = []
    for word in text.split(","):
        tag = typed(word)
        if tag and all(key(tag) != key(t) for t in tags):
            tags.append(tag)
    return tags
