"""Which script a text is written in: the one detector, and the Unicode blocks it reads.

Term overlap, a name's inflections and a language guess only mean something within one
script, so the linker, the actor matcher and the language guess all ask here. A text is in
the script of more than half its letters (Cyrillic, then Arabic, then Hebrew), else Latin:
a Latin name in an Arabic report does not make it Latin, and a form with no letter is Latin.
Right-to-left *drawing* is another question (any right-to-left letter): `tui.core.visual`.
"""

from __future__ import annotations

import re

CYRILLIC = "\u0400-\u04ff"
ARABIC = "\u0600-\u06ff"  # the Arabic block: Arabic, Persian, Urdu letters, marks and digits
ARABIC_FORMS = "\ufb50-\ufefc"  # presentation forms (a pasted PDF's shaped letters)
HEBREW = "\u0590-\u05ff"
LATIN = "A-Za-z\u00c0-\u024f"

ARABIC_LETTER = re.compile(f"[{ARABIC}]")  # a character of the Arabic block
_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_HEBREW = re.compile(f"[{HEBREW}]")
SAMPLE = 2000  # characters read: a title and the first paragraphs say it


def script_of(text: str) -> str:
    """'cyrl', 'arab', 'hebr' or 'latn' (ISO 15924), by more than half the letters of the
    text's first `SAMPLE` characters."""
    sample = text[:SAMPLE]
    if sample.isascii():  # no Cyrillic, Arabic or Hebrew letter can be in it
        return "latn"
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return "latn"
    if sum(map(str.isalpha, _CYRILLIC.findall(sample))) * 2 > letters:
        return "cyrl"
    if sum(map(str.isalpha, ARABIC_LETTER.findall(sample))) * 2 > letters:
        return "arab"
    if len(_HEBREW.findall(sample)) * 2 > letters:
        return "hebr"
    return "latn"
