# ruff: noqa: RUF002  (windows-1252 reads 0x9B as a guillemet: the point here)
"""Single-byte C1 escape sequences: CSI (0x9B) and OSC (0x9D), the 8-bit forms of ESC [ and
ESC ]. Dropping the control alone left its payload on screen ("Red 31mALERT0m"), so the whole
sequence goes, as the ESC form's does (sanitize._ESCAPES).

They come three ways: as the character U+009B (a UTF-8 C2 9B, or a `&#x9b;`), and as a raw
0x9B byte in a legacy document, where windows-1252 reads it as "›" (browsers read Latin-1 so
too). The parsers map a C1 character to its windows-1252 letter before the sanitizer sees it,
so feeds and pages lose the sequences here, as bytes, before decoding (`strip_bytes`).

Mojibake is not an attack: 0x9B is also a UTF-8 continuation byte ("ě" is C4 9B, read as
Latin-1 "Ä\\x9b"), repaired later. After a lead or continuation byte (or their Latin-1
letters) the control is left to the sanitizer, which drops it alone. A CSI needs a parameter
("31m", "2J": never "›About" in a breadcrumb, nor the "t" of "one\\x9btwo"), and payloads
never cross markup (`<`, `&`).
"""

from __future__ import annotations

import re

# Parameters, intermediates, final byte (ECMA-48); `<` `=` `>` are private parameters, left out
# so a sequence never eats markup.
_CSI_TAIL = r"[0-9:;?]+[ -%'-/]*[@-~]"
# OSC: a number and ';' (0 title, 8 link, 52 clipboard), then its string to BEL or ST.
_OSC_TAIL = "[0-9]{1,4};[^\x07\x9c\x1b\x9d<\n]{0,2048}(?:\x07|\x9c|\x1b\\\\)"

TEXT = re.compile(f"(?<![\u0080-\u00bf\u00c2-\u00f4])(?:\x9b{_CSI_TAIL}|\x9d{_OSC_TAIL})")
"""The sequences as characters, for text no parser maps (sanitize.strip_controls)."""

_BYTES = re.compile(
    # U+009B in UTF-8, unless it continues a double-encoded character (C3 84 C2 9B: "Ä\x9b")
    rb"(?<!\xc3[\x82-\xb4])(?<!\xc2[\x80-\xbf])\xc2\x9b" + _CSI_TAIL.encode()
    # a character reference to it, in any spelling
    + rb"|&#(?:[xX]0*9[bB]|0*155);" + _CSI_TAIL.encode()
    # the raw byte, after no high byte (a UTF-8 or legacy letter it could belong to)
    + rb"|(?<![\x80-\xff])\x9b" + _CSI_TAIL.encode()
)
# Gates, each led by a literal (sre skips to it): 0.2 ms over a 230 kB page, where the
# alternation above took 1.5 ms and 0x9B alone is in every page with Cyrillic "Л" or Arabic ";".
_REF = re.compile(rb"&#(?:[xX]0*9[bB]|0*155);")
_RAW = re.compile(rb"\x9b[0-9:;?]")


def strip_bytes(raw: bytes) -> bytes:
    """`raw` without its C1 CSI sequences; the same object when it holds none."""
    if _RAW.search(raw) is None and _REF.search(raw) is None:
        return raw
    return _BYTES.sub(b"", raw)
