"""The zero-width joiners (ZWNJ U+200C, ZWJ U+200D) carried through trafilatura.

trafilatura drops every character `str.isprintable` refuses, and both joiners are format
characters (Cf): "رئیس‌جمهور" came out "رئیسجمهور", its letters wrongly joined, in every
Persian body taken from a page. So a page's text has them replaced by printable letters of a
dead script before extraction (one character for one, so no length trafilatura weighs
changes), and the extracted text gets them back. Stand-ins the page itself uses are never
taken: each pair is used only on a page that holds neither of its letters.
"""

from __future__ import annotations

JOINERS = ("\u200c", "\u200d")
# Phoenician, Old Italic, Gothic: letters (Lo), printable, kept inside a word by every regex.
_STAND_INS = (("\U00010900", "\U00010901"), ("\U00010300", "\U00010301"),
              ("\U00010330", "\U00010331"))
ZWNJ_FORMS = "\u200c" + "".join(pair[0] for pair in _STAND_INS)
"""A ZWNJ as a regex over protected text may meet it: itself or any of its stand-ins."""


class Guard:
    """What `protect` replaced, and the way back."""

    __slots__ = ("_back",)

    def __init__(self, back: dict[int, str] | None) -> None:
        self._back = back

    def restore(self, text: str) -> str:
        """`text` with the joiners back in place of their stand-ins."""
        return text.translate(self._back) if self._back and text else text

    def restore_optional(self, text: str | None) -> str | None:
        return None if text is None else self.restore(text)


def protect(text: str) -> tuple[str, Guard]:
    """(text with its joiners stood in for, the guard that puts them back). A text without
    joiners is returned as it is."""
    if not any(joiner in text for joiner in JOINERS):
        return text, Guard(None)
    for pair in _STAND_INS:
        if not any(letter in text for letter in pair):
            there = {ord(j): s for j, s in zip(JOINERS, pair, strict=True)}
            back = {ord(s): j for j, s in zip(JOINERS, pair, strict=True)}
            return text.translate(there), Guard(back)
    return text, Guard(None)  # a page using all three scripts keeps trafilatura's way
