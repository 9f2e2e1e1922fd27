"""Make untrusted feed and page text safe to store and to print on a terminal.

Titles like ``\\x1b]52;c;...\\x07`` would write the user's clipboard, ``\\x1b[2J`` clears the
screen, bidi overrides disguise text, a lone surrogate cannot even be stored. All of it is
removed before anything is stored, so no later consumer (TUI, CLI, export) has to remember.
Rich markup such as ``[link=file:///etc]`` is plain text here: the faces never interpret it.
"""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences first (so their payload goes too), then any stray control character.
_ESCAPES = re.compile(
    r"""
    \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL/ST (clipboard, titles, links)
  | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, PM, APC, SOS strings
  | \x1b\[[0-?]*[ -/]*[@-~]?                      # CSI sequences (colours, cursor, clear)
  | \x9b[0-?]*[ -/]*[@-~]?                        # 8-bit CSI
  | [\x90\x98\x9e\x9f][^\x1b\x9c]*\x9c?           # 8-bit DCS, SOS, PM, APC strings
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?                # 8-bit OSC
  | \x1b[ -/]*[0-~]?                              # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 except tab/newline, DEL, C1; bidi embeddings/overrides/isolates and marks; BOM and other
# invisibles that only serve to disguise text; lone surrogates (SQLite cannot store them) and
# the noncharacters U+FFFE/U+FFFF. ZWJ/ZWNJ stay: Persian and emoji need them.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff"
    "\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
# Characters that break lines without being "\n": treated as line breaks, not deleted, so the
# words on either side stay apart.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)*")


# The C1 codes that open an escape sequence; the other opener is ESC (\x1b).
_C1_OPENERS = ("\x90", "\x98", "\x9b", "\x9d", "\x9e", "\x9f")
# The ASCII members of _CONTROLS.
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])


def _may_hold_escapes(text: str) -> bool:
    """A few `in` scans (memchr speed) spare most pages the _ESCAPES pass, which tries seven
    alternatives at every position: 2 ms of a 200 KB page."""
    return "\x1b" in text or (not text.isascii() and any(c in text for c in _C1_OPENERS))


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control/bidi characters; keep \\n and \\t."""
    if _may_hold_escapes(text):
        text = _ESCAPES.sub("", text)
    if text.isascii():  # bytes.translate deletes in one C loop: 5x faster than the regex
        return text.encode("ascii").translate(None, _ASCII_CONTROLS).decode("ascii")
    return _CONTROLS.sub("", text)


def _safe(text: str) -> str:
    # Normalise after stripping: removing a control between a letter and its accent must not
    # leave a string that a second pass would change (cleaning is idempotent).
    return unicodedata.normalize("NFC", strip_controls(_BREAKS.sub("\n", text)))


def clean_line(text: str | None) -> str:
    """A one-line field (title, author, feed name): no controls, no line breaks, single spaces."""
    if not text:
        return ""
    return _SPACES.sub(" ", _safe(text).replace("\n", " ")).strip()


def clean_text(text: str | None) -> str:
    """A body: paragraphs kept (one blank line between), everything else as in clean_line."""
    if not text:
        return ""
    lines = [_SPACES.sub(" ", line).strip() for line in _safe(text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
