"""Text decoded with the wrong charset, put right before it is cleaned and stored.

Two kinds are common in news feeds and pages:
- UTF-8 read as Latin-1/Windows-1252 somewhere upstream (and re-encoded): a curly quote
  becomes ``\\xe2\\x80\\x9d`` as three characters. ftfy undoes exactly this, and
  only when its evidence is strong; C1 controls are part of that evidence, so this runs before
  the sanitizer drops them.
(Windows-1251 or -1256 bytes served as UTF-8 are the decoder's to read right: charset.py.)

Most text costs one regex scan: ftfy runs only on text with a mojibake-like pair.
"""

from __future__ import annotations

import re

# A UTF-8 lead byte read as Latin-1/cp1252 (Â..ï) followed by a continuation byte read the
# same way (U+0080..U+00BF, or the cp1252 letters at 0x80..0x9F). Only a gate: ftfy decides.
_SUSPECT = re.compile(
    "[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)


def looks_mojibake(text: str) -> bool:
    return not text.isascii() and _SUSPECT.search(text) is not None


def repair_text(text: str) -> str:
    """Undo UTF-8-read-as-Latin-1 mojibake; any other text comes back unchanged."""
    if not looks_mojibake(text):
        return text
    import ftfy  # loads only for the rare text that needs it

    return str(ftfy.fix_encoding(text))


def repair_markup(html: str) -> str:
    """`repair_text` for a whole page, before the extractor drops the C1 evidence: only the
    stretches between tags that hold a mojibake pair go to ftfy (a few hundred bytes of a
    page, not all of it: ftfy over a whole 200 KB page costs 50-300 ms)."""
    if not looks_mojibake(html):
        return html
    out: list[str] = []
    last = 0
    for match in _SUSPECT.finditer(html):
        if match.start() < last:
            continue
        start = max(html.rfind("<", last, match.start()), html.rfind(">", last, match.start()))
        start = last if start < 0 else start + 1
        ends = [i for i in (html.find("<", match.end()), html.find(">", match.end())) if i >= 0]
        end = min(ends) if ends else len(html)
        out += [html[last:start], repair_text(html[start:end])]
        last = end
    out.append(html[last:])
    return "".join(out)
