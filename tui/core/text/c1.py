# ruff: noqa: RUF002  (windows-1252 reads 0x9B as a guillemet: the point here)
"""Single-byte C1 escape sequences: CSI (0x9B) and OSC (0x9D), the 8-bit forms of ESC [ and
ESC ]. Dropping the control alone left its payload on screen ("Red 31mALERT0m"), so the whole
sequence goes, as the ESC form's does (sanitize._ESCAPES).

They come three ways (UTF-16 aside: charset.decode drops them from its text by `TEXT`): as
the character U+009B (a UTF-8 C2 9B, or a `&#x9b;`, escaped again as `&amp;#x9b;` in a feed's
escaped HTML, which the parser reads as windows-1252's "›"), and as a raw
0x9B byte in a legacy document, where windows-1252 reads it as "›" (browsers read Latin-1 so
too). The parsers map a C1 character to its windows-1252 letter before the sanitizer sees it,
so feeds and pages lose the sequences here, as bytes, before decoding (`strip_bytes`).

Mojibake is not an attack: 0x9B is also a UTF-8 continuation byte ("ě" is C4 9B, read as
Latin-1 "Ä\\x9b"), repaired later. As a CSI's parameter is ASCII, the 0x9B can only end such
a character: it is left to the sanitizer (which drops the control alone) only where it does,
after a two-byte lead, a three-byte lead and one continuation, or a four-byte lead and two
(or their Latin-1 letters). After any other high byte it ends nothing: a Latin-1 "é" (E9, a
three-byte lead with no continuation) before it kept "31m" on screen. A CSI needs a parameter
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

# The control, unless it is the last byte of a UTF-8 character: after a two-byte lead, a
# three-byte lead and one continuation, a four-byte lead and two. As bytes, as Latin-1
# letters, and as those letters in UTF-8 (double-encoded: C3 84 C2 9B is "Ä\x9b"). Each is led
# by its literal, the lookbehinds looking back past it: a lookbehind first was tried at every
# position of a page (1.7x the scan).
def _ending_nothing(control: str, lead2: str, lead3: str, lead4: str, cont: str) -> str:
    return (f"{control}(?<!{lead2}{control})(?<!{lead3}{cont}{control})"
            f"(?<!{lead4}{cont}{cont}{control})")


_LATIN1 = ("[\u00c2-\u00df]", "[\u00e0-\u00ef]", "[\u00f0-\u00f4]", "[\u0080-\u00bf]")
TEXT = re.compile(_ending_nothing("\x9b", *_LATIN1) + _CSI_TAIL + "|"
                  + _ending_nothing("\x9d", *_LATIN1) + _OSC_TAIL)
"""The sequences as characters, for text no parser maps (sanitize.strip_controls)."""

_BYTES = re.compile((
    # U+009B in UTF-8, unless it ends a double-encoded character
    _ending_nothing(r"\xc2\x9b", r"\xc3[\x82-\x9f]", r"\xc3[\xa0-\xaf]", r"\xc3[\xb0-\xb4]",
                    r"\xc2[\x80-\xbf]") + _CSI_TAIL
    # a character reference to it, in any spelling
    + r"|&(?:amp;)?#(?:[xX]0*9[bB]|0*155);" + _CSI_TAIL
    # the raw byte, unless it ends a UTF-8 character
    + "|" + _ending_nothing(r"\x9b", r"[\xc2-\xdf]", r"[\xe0-\xef]", r"[\xf0-\xf4]",
                            r"[\x80-\xbf]") + _CSI_TAIL).encode("latin-1"))
# Gates, each led by a literal (sre skips to it): 0.2 ms over a 230 kB page, where the
# alternation above took 1.5 ms and 0x9B alone is in every page with Cyrillic "Л" or Arabic ";".
_REF = re.compile(rb"#(?:[xX]0*9[bB]|0*155);")
_RAW = re.compile(rb"\x9b[0-9:;?]")


def strip_bytes(raw: bytes) -> bytes:
    """`raw` without its C1 CSI sequences; the same object when it holds none."""
    if _RAW.search(raw) is None and _REF.search(raw) is None:
        return raw
    return _BYTES.sub(b"", raw)
