"""Text decoded with the wrong charset, put right before it is cleaned and stored.

Two kinds are common in news feeds and pages:
- UTF-8 read as Latin-1/Windows-1252 somewhere upstream (and re-encoded): a curly quote
  becomes ``\\xe2\\x80\\x9d`` as three characters. ftfy undoes exactly this, and
  only when its evidence is strong; C1 controls are part of that evidence, so this runs before
  the sanitizer drops them.
- Windows-1251 bytes served as UTF-8: invalid UTF-8 that feedparser then reads as
  Windows-1252. Recognised here on the bytes and re-encoded as UTF-8.

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
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


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


def _declared_utf8(data: bytes, headers: dict[str, str]) -> bool:
    """The charset a feed claims: its XML declaration, else the HTTP header, else UTF-8."""
    match = _DECLARED.match(data[:512])
    if match:
        label = match.group(1).decode("ascii", "ignore")
    else:
        found = _CHARSET.search(headers.get("content-type", ""))
        label = found.group(1) if found else "utf-8"
    return label.lower().replace("_", "-") in ("utf-8", "utf8")


def cp1251_as_utf8(data: bytes, headers: dict[str, str]) -> bytes | None:
    """Windows-1251 bytes that claim to be UTF-8, as real UTF-8 (XML declaration fixed);
    None when the bytes are anything else.

    Only bytes that are mostly invalid as UTF-8 qualify (a UTF-8 document with a few bad
    bytes stays as it is), and read as Windows-1251 their non-ASCII letters must be
    overwhelmingly Cyrillic."""
    if data.isascii() or not _declared_utf8(data, headers):
        return None
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    if bad == 0 or sum(1 for c in as_utf8 if ord(c) > 127) - bad > bad:
        return None
    text = data.decode("cp1251", errors="replace")
    wide = [c for c in text if ord(c) > 127]
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic < 8 or cyrillic < 0.9 * len(wide):
        return None
    fixed = text.encode("utf-8")
    match = _DECLARED.match(fixed[:512])
    if match:
        fixed = fixed[: match.start(1)] + b"utf-8" + fixed[match.end(1):]
    return fixed
