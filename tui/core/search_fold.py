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
_ARABIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def fold(text: str) -> str:
    """`text` as the index holds it: ё as е, Arabic-Indic and Persian digits as 0-9."""
    if text.isascii():
        return text
    return _fold_digits(_fold_yo(text))


def _fold_yo(text: str) -> str:
    # str.replace, not str.translate: that took 350 us on a Russian body
    if "ё" in text or "Ё" in text:
        return text.replace("ё", "е").replace("Ё", "Е")
    return text


def _fold_digits(text: str) -> str:
    # twenty `in`s took 1 us on an Arabic body, a regular expression's search 21 us
    if any(digit in text for digit in _DIGITS):
        return _ARABIC_DIGIT.sub(_ascii_digit, text)
    return text


def _ascii_digit(match: re.Match[str]) -> str:
    return _DIGITS[match.group()]


def fts_text(value: object) -> str | None:
    """What the index gets for a stored title or body (the triggers pass it as a blob), or
    None when that is the text as stored: then SQLite indexes its own copy, undecoded.

    Otherwise the folded text, and after it the searchable forms of its Arabic-script words
    (`arabic_search.extra_tokens`)."""
    if isinstance(value, bytes):  # `in` chains, not any(): the generator cost more than them
        arabic = (b"\xd8" in value or b"\xd9" in value or b"\xda" in value
                  or b"\xdb" in value)  # the lead bytes of U+0600-U+06FF
        if not arabic and not ((b"\xd1" in value or b"\xd0" in value)  # Cyrillic, then ё Ё
                               and (b"\xd1\x91" in value or b"\xd0\x81" in value)):
            return None
        text = value.decode("utf-8", "replace")
    elif isinstance(value, str):
        text, arabic = value, arabic_search.has_arabic(value)
    else:
        return None
    folded = _fold_yo(text)
    if not arabic:  # a Cyrillic text: its digits need no search
        return None if folded is text else folded
    return _fold_digits(folded) + arabic_search.extra_tokens(text)
