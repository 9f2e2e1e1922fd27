# ruff: noqa: RUF001, RUF002 - Cyrillic, Arabic and Persian letters are the point here
"""Letters and digits a search treats as one, folded alike in the index and in each query.

Russian text and nearly every typed query write ё as е ("партнерстве" for "партнёрстве");
Arabic outlets write numbers in Arabic-Indic digits (٣), Persian ones in their own (۲۲۳۱),
others in ASCII (2231). SQLite's unicode61 tokenizer keeps each apart, so the text the index
gets has ё as е and every such digit as its ASCII one, and so does every query term (quoted
ones too: no reader means "ё only"). One character for one, so offsets do not move.

Changing `fold` (or `arabic_search.extra_tokens`) changes the index: it needs a migration
that indexes every article again (0014_search_fold.sql).
"""

from __future__ import annotations

import re

from tui.core import arabic_search

_DIGITS = {chr(first + n): str(n) for first in (0x0660, 0x06F0) for n in range(10)}
_TABLE = str.maketrans({"ё": "е", "Ё": "Е"} | _DIGITS)
_ARABIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# ё and Ё in UTF-8: a body without them (or Arabic script) is not even decoded
_YO = (b"\xd1\x91", b"\xd0\x81")


def fold(text: str) -> str:
    """`text` as the index holds it: ё as е, Arabic-Indic and Persian digits as 0-9."""
    if "ё" in text or "Ё" in text or _ARABIC_DIGIT.search(text):
        return text.translate(_TABLE)
    return text


def fts_text(value: object) -> str | None:
    """What the index gets for a stored title or body (the triggers pass it as a blob), or
    None when that is the text as stored: then SQLite indexes its own copy, undecoded.

    Otherwise the folded text, and after it the searchable forms of its Arabic-script words
    (`arabic_search.extra_tokens`)."""
    if isinstance(value, bytes):
        arabic = any(lead in value for lead in arabic_search.BLOCK_LEADS)
        if not arabic and not any(yo in value for yo in _YO):
            return None
        text = value.decode("utf-8", "replace")
    elif isinstance(value, str):
        text = value
    else:
        return None
    folded = fold(text)
    extra = arabic_search.extra_tokens(text)
    if not extra and folded is text:
        return None
    return folded + extra
