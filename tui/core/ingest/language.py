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

from tui.core import scripts

_WORD = re.compile(r"[^\W\d_]+")
_PERSIAN = set("پچژگکی")  # not in Arabic's own alphabet
_ARABIC_ONLY = set("كية")  # Arabic forms Persian writes otherwise (ک ی ه)
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
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


_SCRIPTS = (("arabic", re.compile(f"[{scripts.ARABIC}{scripts.ARABIC_FORMS}]")),
            ("cyrillic", re.compile(f"[{scripts.CYRILLIC}]")),
            ("hebrew", re.compile(f"[{scripts.HEBREW}]")),
            ("latin", re.compile(f"[{scripts.LATIN}]")))
SAMPLE_CHARS = 600  # a title and a paragraph: enough, and ~0.1 ms


def guess_language(*texts: str | None) -> str | None:
    """An ISO 639-1 code for the text, or None when it does not say clearly."""
    text = " ".join(t for t in texts if t)[:SAMPLE_CHARS]
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS}
    script = max(counts, key=counts.__getitem__)
    if counts[script] < MIN_LETTERS:
        return None
    if script == "arabic":
        persian = sum(text.count(c) for c in _PERSIAN)
        arabic = sum(text.count(c) for c in _ARABIC_ONLY)
        return "fa" if persian > arabic else "ar"
    if script == "cyrillic":
        return "uk" if _UKRAINIAN.search(text) else "ru"
    if script == "hebrew":
        return "he"
    return _latin(text)


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
