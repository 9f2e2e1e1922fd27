"""Make untrusted feed and page text safe to store and to print on a terminal.

Titles like ``\\x1b]52;c;...\\x07`` would write the user's clipboard, ``\\x1b[2J`` clears the
screen, bidi overrides disguise text. All of it is removed before anything is stored, so no
later consumer (TUI, CLI, export) has to remember.
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
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?                # 8-bit OSC
  | \x1b[ -/]*[0-~]?                              # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 except tab/newline, DEL, C1; bidi embeddings/overrides/isolates; BOM and other invisibles
# that only serve to disguise text.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\ufff9-\ufffb]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)*")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control/bidi characters; keep \\n and \\t."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def clean_line(text: str | None) -> str:
    """A one-line field (title, author, feed name): no controls, no line breaks, single spaces."""
    if not text:
        return ""
    text = strip_controls(unicodedata.normalize("NFC", text)).replace("\r", " ").replace("\n", " ")
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str | None) -> str:
    """A body: paragraphs kept (one blank line between), everything else as in clean_line."""
    if not text:
        return ""
    text = strip_controls(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
