# ruff: noqa: RUF002, RUF003  (Turkish and Icelandic letters are the point here)
"""Bytes -> text for feeds and pages alike: one decision, and a truthful note when it guessed.

Servers mislabel charsets often: a Windows-1256 Arabic feed that says utf-8 (or nothing), a
Windows-1251 Russian one, UTF-8 labelled Latin-1, a Windows-1254 Turkish one said to be
Windows-1252. The order is BOM, valid UTF-8, a declared
legacy charset (HTTP header, then `<?xml encoding>` or `<meta charset>`), then detection
among the encodings met on the web. Valid UTF-8 beats a legacy label: mislabelled UTF-8 is
common, while legacy text that happens to be valid UTF-8 is almost never seen.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, replace

from tui.core.text import c1

_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_CHARSET = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S | re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))

WEB_CODECS = ("cp1252", "cp1251", "cp1250", "cp1256", "cp1254", "cp1253", "cp1255", "cp1257",
              "koi8_r", "iso8859_2", "iso8859_15", "gb18030", "big5", "shift_jis", "euc_jp",
              "euc_kr", "cp874", "utf_16")
"""Encodings actually met on the web, most common first: ties in detection go to the earlier."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    how: str  # "bom" | "utf-8" | "declared" | "guessed" | "unsure" | "replaced" | "doubtful"
    # | "mixed"
    declared: tuple[str, ...]  # the labels the document gave (header first), as written

    @property
    def note(self) -> str | None:
        """Plain words when the charset was not the one declared, or none was and the text
        is not UTF-8: the reader may then see wrong letters, and should know why."""
        if self.how not in ("guessed", "unsure", "replaced", "doubtful", "mixed"):
            return None
        said = _said(self.declared)
        if self.how == "mixed":
            legacy = display_name(self.encoding)
            return f"mixes utf-8 and {legacy}{said}; each part decoded as what it is"
        if self.how == "doubtful":
            return (f"reads as nonsense in {_labels(self.declared)}, the charset it says, and "
                    "no other charset fits better; its letters may be wrong")
        if self.how == "replaced":
            return (f"not valid utf-8{said} and no charset fits; "
                    "unreadable characters were replaced")
        shown = display_name(self.encoding)
        if self.how == "unsure":
            return (f"not in {_labels(self.declared) if self.declared else 'utf-8'}, the charset "
                    f"it says; decoded as {shown}, but other charsets fit as well: its letters "
                    "may be wrong")
        if not self.declared:
            return f"sent in {shown} without saying so; decoded as {shown} (a guess)"
        return f"sent in {shown} although it says {_labels(self.declared)}; decoded as {shown}"


def _labels(declared: tuple[str, ...]) -> str:
    names = list(dict.fromkeys(display_name(codec_of(d) or d) for d in declared))
    return " and ".join(names)


def _said(declared: tuple[str, ...]) -> str:
    return f" (it says {_labels(declared)})" if declared else ""


def display_name(codec: str) -> str:
    """A codec as people name it: windows-1256, KOI8-R, ISO-8859-2, utf-8."""
    name = codecs.lookup(codec).name if _known(codec) else codec
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859"):
        return "ISO-8859-" + name.split("-")[-1].split("_")[-1]
    return name.replace("_", "-").upper() if name.startswith("koi8") else name


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def codec_of(name: str | None) -> str | None:
    """A charset label as a Python codec name, or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Browsers read these labels as the superset encodings; do the same.
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return "gb18030" if codec in ("gb2312", "gbk") else codec


def utf16_order(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 without a byte-order mark, told by its markup:
    every ASCII character is a NUL and its byte, so NULs fill one side of the byte pairs
    (binary data has them on both, text on neither); else None."""
    sample = raw[:1024]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even <= half * 0.02:
        return "utf-16-le"
    if even > half * 0.3 and odd <= half * 0.02:
        return "utf-16-be"
    return None


def declared_labels(raw: bytes, content_type: str | None) -> tuple[str, ...]:
    """The charsets a document names: the HTTP header's, then its XML or meta declaration."""
    head = raw[:4096]
    found = []
    if content_type and (m := _CT_CHARSET.search(content_type)):
        found.append(m.group(1))
    for pattern in (_META_CHARSET, _XML_CHARSET):
        if m2 := pattern.search(head):
            found.append(m2.group(1).decode("ascii", "ignore"))
    return tuple(found)


def _without_c1(text: str) -> str:
    """UTF-16's C1 sequences, dropped as text (c1.strip_bytes reads byte-oriented charsets
    only): the parsers read a U+009B as windows-1252's "›" before the sanitizer sees it, and
    "Café›31m" was stored."""
    return c1.TEXT.sub("", text) if "\x9b" in text or "\x9d" in text else text


def decode(raw: bytes, content_type: str | None = None) -> Decoded:
    """Decode a feed or a page, its C1 escape sequences dropped (c1.py: in a byte-oriented
    charset only, never UTF-16's pairs). Never raises."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            if enc == "utf-8" and not _valid_utf8(raw):
                raw = raw[len(bom):]  # a tool's BOM on legacy bytes: the declaration decides
                break
            if enc == "utf-8":
                raw = c1.strip_bytes(raw)
            text = raw.decode(enc, errors="replace").lstrip("\ufeff")
            return Decoded(_without_c1(text) if "16" in enc else text, enc, "bom", ())
    declared = declared_labels(raw, content_type)
    if wide := utf16_order(raw):  # its NULs are valid UTF-8, which would read first
        found = "declared" if any("16" in (codec_of(d) or "") for d in declared) else "guessed"
        return Decoded(_without_c1(raw.decode(wide, errors="replace")), wide, found, declared)
    raw = c1.strip_bytes(raw)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", "utf-8", declared)
    except UnicodeDecodeError:
        pass
    legacy = [c for c in map(codec_of, declared) if c and c != "utf-8"]
    if (mixed := _mixed(raw, legacy, declared)) is not None:
        return mixed
    # A specific legacy declaration beats a Latin-1 one (often just a server default).
    for codec in (c for c in legacy if c != "cp1252"):
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(raw, Decoded(text, codec, "declared", declared))
    if "cp1252" in legacy:
        latin = raw.decode("cp1252", errors="replace")
        if _turkish(latin):
            return Decoded(raw.decode("cp1254", errors="replace"), "cp1254", "guessed", declared)
        if not _implausible_latin(latin):
            return _checked(raw, Decoded(latin, "cp1252", "declared", declared))
    guessed, sure = _detect_sure(raw)
    if guessed is not None:
        text = raw.decode(guessed, errors="replace")
        if guessed == "cp1252" and _turkish(text):
            guessed, text = "cp1254", raw.decode("cp1254", errors="replace")
        return Decoded(text, guessed, "guessed" if sure else "unsure", declared)
    return Decoded(raw.decode("utf-8", errors="replace"), "utf-8", "replaced", declared)


def _valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# A valid UTF-8 sequence of two bytes or more; legacy letters rarely form one by chance.
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
                       rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
                       rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                       rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]+")


def _mixed(raw: bytes, legacy: list[str], declared: tuple[str, ...]) -> Decoded | None:
    """UTF-8 and a legacy charset in one document (a feed whose items were written by two
    systems): each UTF-8 sequence read as UTF-8 and each other byte in the legacy charset,
    declared or detected from those bytes alone; None when the text is not mostly UTF-8's
    (legacy bytes form a UTF-8 sequence by chance only now and then)."""
    sample = raw[:400_000]
    high = sum(map(len, _HIGH.findall(sample)))
    in_utf8 = sum(map(len, _UTF8_SEQ.findall(sample)))
    if in_utf8 < 16 or in_utf8 < high * 0.25 or in_utf8 == high:
        return None
    strays = b" ".join(_HIGH.findall(_UTF8_SEQ.sub(b" ", sample)))
    codec = next(iter(legacy), None) or _detect(strays) or "cp1252"
    name = f"newsdesk-mixed-{codec}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, lambda e: _as_legacy(e, codec))
    return Decoded(raw.decode("utf-8", errors=name), codec, "mixed", declared)


def _as_legacy(error: UnicodeError, codec: str) -> tuple[str, int]:
    """The bytes UTF-8 could not read, read in `codec` (a codecs error handler)."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode(codec, "replace"), error.end


def _checked(raw: bytes, found: Decoded) -> Decoded:
    """A declared single-byte charset that reads as nonsense (Cyrillic or Arabic bytes said to
    be windows-1252, ISO-8859-15 or KOI8-R) gives way to the charset the bytes fit; when none
    fits better, the declared reading stays, and says it is doubtful."""
    messy = _mess(found.text)
    if messy < _MESSY:
        return found
    guessed = _detect(raw)
    if guessed is not None and guessed != found.encoding:
        text = raw.decode(guessed, errors="replace")
        if _mess(text) < messy / 2:
            return Decoded(text, guessed, "guessed", found.declared)
    return replace(found, how="doubtful") if messy >= _NONSENSE else found


_MESSY, _NONSENSE = 0.1, 0.4
"""charset_normalizer's chaos above which the detector is asked, and above which a text is
said to read as nonsense: right readings of our Russian, Arabic, French and German samples
score 0-0.02, Persian with its ZWNJ 0.14-0.17; wrong single-byte ones 0.14-0.26 (Cyrillic as
KOI8-R or Arabic as Cyrillic) and 1-1.9 (either as a Latin charset)."""


def _mess(text: str) -> float:
    """The chaos of a page's words (its markup left out), over its first 20,000 letters."""
    from charset_normalizer.md import mess_ratio

    words = " ".join(_MARKUP.sub(" ", text[:400_000]).split())[:20_000]
    return float(mess_ratio(words, 1.0)) if words else 0.0


def _implausible_latin(text: str) -> bool:
    """True when 'Latin-1' text is mostly accented letters: another charset, mislabelled."""
    letters = [c for c in _MARKUP.sub(" ", text[:200_000]) if c.isalpha()]
    return len(letters) > 40 and sum(ord(c) > 127 for c in letters) > len(letters) // 4


_TURKISH_ONLY = frozenset("ðýþÐÝÞ")  # ğ ı ş Ğ İ Ş read as windows-1252
_TURKISH_TOO = frozenset("çüÇÜ")  # Turkish letters both charsets share; Icelandic has neither
_ICELANDIC = frozenset("æáúÆÁÚ")  # Icelandic's own, which Turkish never writes


def _turkish(latin: str) -> bool:
    """windows-1254 (Turkish) bytes read as windows-1252: the two differ in six letters only,
    so the text is no nonsense to a chaos measure, just wrong ('Dýþiþleri' for 'Dışişleri').
    Only Icelandic and Faroese write ð and þ, and they never write ç or ü."""
    if latin.isascii():
        return False
    counts = Counter(c for c in _MARKUP.sub(" ", latin[:200_000]) if ord(c) > 0xBF)
    odd = sum(counts[c] for c in _TURKISH_ONLY)
    return odd >= 3 and sum(counts[c] for c in _TURKISH_TOO) > 0 \
        and sum(counts[c] for c in _ICELANDIC) * 4 < odd


def _detect(raw: bytes) -> str | None:
    return _detect_sure(raw)[0]


def _detect_sure(raw: bytes) -> tuple[str | None, bool]:
    """The charset the bytes read best in, and whether it beat every other reading. Ranked by
    chaos, then language coherence, then word shape (`_odd_words`), then web frequency: a short
    KOI8-R title has no chaos as Hebrew or Thai either, and windows-1255 came first by
    frequency alone ("Лавров" read "לֱ׳ֿׂ׳"). Unsure when another reading, other text, ties
    on all three measures: only the frequency chose."""
    from charset_normalizer import from_bytes

    sample = raw[:200_000]
    matches = list(from_bytes(sample, cp_isolation=list(WEB_CODECS)))
    if not matches:
        return None, True

    def measured(match: object) -> tuple[float, float]:
        return (round(float(getattr(match, "chaos", 1.0)), 2),
                -round(float(getattr(match, "coherence", 0.0)), 2))

    top = min(map(measured, matches))
    tied = [m for m in matches if measured(m) == top]
    if len(tied) == 1:
        return str(tied[0].encoding), True
    shapes = {id(m): _odd_words(str(m)) for m in tied}  # only ties are read again

    def prio(match: object) -> int:
        enc = str(getattr(match, "encoding", ""))
        return WEB_CODECS.index(enc) if enc in WEB_CODECS else len(WEB_CODECS)

    best = min(tied, key=lambda m: (shapes[id(m)], prio(m)))
    text = str(best)
    sure = all(shapes[id(m)] != shapes[id(best)] or str(m) == text for m in tied if m is not best)
    return str(best.encoding), sure


def _odd_words(text: str) -> float:
    """The share of words shaped as no language writes them: a combining mark after no letter
    (Thai or Hebrew points read from Cyrillic bytes: "לֱ׳ֿׂ׳"), or small letters then capitals
    ("лАВРОВ": KOI8-R read as windows-1251)."""
    from unicodedata import category

    words = _MARKUP.sub(" ", text[:100_000]).split()
    if not words:
        return 0.0
    odd = 0
    for word in words:
        before = " "
        for char in word:
            if (category(char) == "Mn" and not (before.isalpha() or category(before) == "Mn")) \
                    or (before.islower() and char.isupper()):
                odd += 1
                break
            before = char
    return round(odd / len(words), 2)
