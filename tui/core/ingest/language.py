# ruff: noqa: RUF003  (Arabic and Persian letters are the point here)
"""A language for articles whose feed declares none, from their own text.

`lang:ru` filters on the declared language; a feed without `<language>` (many regional outlets)
left its articles out of every such filter and view. Non-Latin scripts settle it almost alone
(the letters Persian adds to Arabic, those Ukrainian adds to Russian); Latin text is judged by
its commonest short words, and left undecided when they do not clearly point one way.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")
_PERSIAN = set("پچژگکی")  # not in Arabic's own alphabet
_ARABIC_ONLY = set("كية")  # Arabic forms Persian writes otherwise (ک ی ه)
_UKRAINIAN = set("іїєґ")
_STOPWORDS = {
    "en": "the and of to in is was that for on with said by from has have are were it its",
    "fr": "le la les des et est une dans du pour que qui sur au aux pas par ont été",
    "de": "der die und das ist nicht mit den dem ein eine von zu sich auf für auch wurde",
    "it": "il che della di per una sono del nel alla con gli le anche è stato",
    "es": "el los las del que por una con para se su al como más fue según",
    "tr": "ve bir bu ile için olarak da de ise daha çok gibi sonra",
}
_BY_WORD: dict[str, set[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words.split():
        _BY_WORD.setdefault(_word, set()).add(_lang)
MIN_LETTERS = 12
MIN_HITS = 3


def guess_language(*texts: str | None) -> str | None:
    """An ISO 639-1 code for the text, or None when it does not say clearly."""
    text = " ".join(t for t in texts if t)[:4000]
    scripts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        code = ord(char)
        scripts["arabic" if 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFC
                else "cyrillic" if 0x0400 <= code <= 0x04FF
                else "hebrew" if 0x0590 <= code <= 0x05FF
                else "latin" if code < 0x0250 else "other"] += 1
    if sum(scripts.values()) < MIN_LETTERS:
        return None
    script, _ = scripts.most_common(1)[0]
    if script == "arabic":
        persian = sum(text.count(c) for c in _PERSIAN)
        arabic = sum(text.count(c) for c in _ARABIC_ONLY)
        return "fa" if persian > arabic else "ar"
    if script == "cyrillic":
        return "uk" if any(c in _UKRAINIAN for c in text.casefold()) else "ru"
    if script == "hebrew":
        return "he"
    if script == "latin":
        return _latin(text)
    return None


def _latin(text: str) -> str | None:
    votes: Counter[str] = Counter()
    for word in _WORD.findall(text.casefold()):
        for lang in _BY_WORD.get(word, ()):
            votes[lang] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
