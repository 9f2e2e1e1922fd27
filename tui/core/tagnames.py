"""One canonical form for tags, everywhere (config, OPML, CLI, app, rules, queries).

A tag is shown as the user first spelt it (`display`: NFC, no controls, single spaces) and
matched by its `key` (the same, case-folded with Unicode's full folding), so `Россия`,
`россия` and `РОССИЯ` are one tag, `tag:россия` finds it and `--remove iran` removes `Iran`.
Arabic-script names are matched in the search's spelling too (`arabic_search.normalise`: one
yeh for Persian ی and Arabic ي, one alef, no vowel marks, a ZWNJ as a space), so `ایران` and
`ايران`, `نامه‌های` and `نامه های` are one name however a keyboard writes them.
The store keeps both columns; migrations 0005 and 0019 merged the duplicates older versions
made.
"""

from __future__ import annotations

import unicodedata

from tui.core.quotes import QUOTES, closers

_KEEP = {"\u200c", "\u200d"}  # ZWNJ/ZWJ: part of Persian spelling


def display(name: str) -> str:
    """The tag as shown: NFC, control and format characters out, whitespace collapsed. An
    escape sequence goes whole: an OPML category's colour codes left "[31mUrgent[0m"."""
    if "\x1b" in name or "\x9b" in name:
        from tui.core.text.sanitize import strip_controls

        name = strip_controls(name)
    kept = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch)[0] != "C" or ch in _KEEP)
    return " ".join(kept.split())


def key(name: str) -> str:
    """What two spellings of one tag have in common (NFC of the case-folded display form,
    Arabic-script letters folded as search folds them)."""
    folded = unicodedata.normalize("NFC", display(name).casefold())
    if folded.isascii():
        return folded
    # Loaded here, for a name that is not ASCII: its patterns were ~2 ms of every run's
    # start-up (an unchanged fetch, a cron job's `list`) that reads no tag at all.
    from tui.core import arabic_search

    if not arabic_search.has_arabic(folded):
        return folded
    return " ".join(arabic_search.normalise(folded.replace("\u200c", " ")).split())


def typed(word: str) -> str:
    """A tag as a user types it where tags are asked for (`tag --add`, the `t` dialog): a
    leading `+` (the query's `+tag`, which users copy) or `#` (a hashtag) is not part of the
    name, or `+priority` became a tag that `+priority` and `tag:priority` never found."""
    return display(display(word).lstrip("+#"))


def typed_list(text: str) -> list[str]:
    """'a, +b "two words"' -> ['a', 'b', 'two words']: as tags are typed where they are asked
    for (the `t` dialog, `tag --add`/`--remove`): spaces and commas separate tags, quotes group
    words as in the query language (`+"two words"`), and are never part of a name (one left
    open runs to the end); two spellings of one tag count once."""
    tags: list[str] = []
    for _start, word in runs(text)[0]:
        tag = typed(word)
        if tag and all(key(tag) != key(t) for t in tags):
            tags.append(tag)
    return tags


def runs(text: str) -> tuple[list[tuple[int, str]], bool]:
    """The tags in `text` as typed: (where each starts, its text without the quotes), and
    whether the text ends inside a quote (a tag with spaces still being typed)."""
    found: list[tuple[int, str]] = []
    buf: list[str] = []
    start: int | None = None
    i, n, inside = 0, len(text), False
    while i < n:
        ch = text[i]
        if ch.isspace() or ch == ",":
            if start is not None:
                found.append((start, "".join(buf)))
                buf, start = [], None
            i += 1
            continue
        start = i if start is None else start
        if ch not in QUOTES:
            buf.append(ch)
            i += 1
            continue
        ends, i = closers(ch), i + 1
        while i < n and text[i] not in ends:
            if ch == '"' and text[i] == "\\" and i + 1 < n and text[i + 1] in '"\\':
                i += 1  # \" and \\ as in the query language
            buf.append(text[i])
            i += 1
        inside = i >= n
        i += 1
    if start is not None:
        found.append((start, "".join(buf)))
    return found, inside


def written(tag: str) -> str:
    """A tag as typed back: in quotes when it holds what would split it (`"two words"`)."""
    if any(ch.isspace() or ch == "," or ch in QUOTES for ch in tag):
        return '"' + tag.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return tag


def hashtag(tag: str) -> str:
    """'#iran', '#"Russia Iran"': a tag where several are shown, so one with a space does
    not read as two. An Arabic or Persian tag is a bidi isolate, so that each `#` stays
    before its own tag when a line of them is put in visual order."""
    from tui.core.visual import isolated  # only where tags are shown: fetch never loads it

    return "#" + isolated(written(tag))
