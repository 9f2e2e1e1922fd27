# ruff: noqa: RUF001, RUF002 - Arabic and Persian letters are the point here
"""Arabic-script words made findable by full-text search, on both sides of the index.

Arabic writes conjunctions, prepositions and the article as part of the next word: "ولبنان"
is "and Lebanon", "بالعراق" "in Iraq", so SQLite's tokenizer sees one word that a search for
"لبنان" never matches. Spellings vary too (أ/إ/آ/ا, ة/ه, ى/ي, Persian ی and ک, optional
vowel marks that the tokenizer even treats as separators, the Persian zero-width non-joiner).

So every Arabic-script word of an article's title and body is indexed a second time, after the
text, as marked tokens: its normalised form and that form without each run of attached
proclitics (و ف, then ب ك ل, then ال; ل + ال is written لل). A bare Arabic word in a query is
normalised the same way and looks for the marked token only; a quoted phrase still matches the
text as written, as quotes do for Russian. The marker (a private-use letter) keeps the two
apart: nobody types it, and the tokenizer keeps it inside the word.

Changing what `indexed` returns changes the index: the FTS triggers send the same value on
delete as on insert, so a change needs a migration that re-indexes the affected articles.
"""

from __future__ import annotations

import re
import unicodedata

MARK = "\ue000"
# A run of Arabic-script characters (letters, marks, digits, punctuation) and the ZWNJ;
# its words are the letters left after normalisation.
_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_ANY = re.compile(f"[{_SCRIPT}]")
_RUN = re.compile(f"[{_SCRIPT}\u200c]+")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_LETTERS = re.compile(r"[^\W\d_]+")
_DROP = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x06D6, 0x06EE), 0x200C])
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه",
                       "ى": "ي", "ی": "ي", "ک": "ك"} | {chr(c): None for c in _DROP})
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_PROCLITICS = tuple(sorted(
    {(c + p + a).replace("لال", "لل") for c in _CONJUNCTIONS for p in _PREPOSITIONS
     for a in ("", "ال")} - {""}, key=len, reverse=True))
_MIN_STEM = 2


def has_arabic(text: str) -> bool:
    return _ANY.search(text) is not None


def normalise(word: str) -> str:
    """One word (or run) in the index's spelling: no vowel marks, tatweel or ZWNJ; one alef,
    ha for ta marbuta, one yeh, one kaf ("أَمْرِيكَا" -> "امريكا", Persian "ی" -> "ي")."""
    if _PRESENTATION.search(word):
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_FOLD)


def word_forms(word: str) -> list[str]:
    """The normalised word and what is left of it without each run of proclitics
    ("وبالعراق" -> وبالعراق, بالعراق, العراق, عراق)."""
    forms = [word]
    for proclitic in _PROCLITICS:
        if word.startswith(proclitic) and len(word) - len(proclitic) >= _MIN_STEM:
            forms.append(word[len(proclitic):])
    return forms


def _run_forms(run: str) -> list[str]:
    """A Persian word joined by ZWNJ ("کتاب‌ها") is found whole and by each part."""
    forms = [form for word in _LETTERS.findall(normalise(run)) for form in word_forms(word)]
    if "\u200c" in run:
        forms += [form for part in run.split("\u200c")
                  for word in _LETTERS.findall(normalise(part)) for form in word_forms(word)]
    return forms


def indexed(text: str) -> str:
    """`text` as the FTS index gets it: unchanged unless it has Arabic script, else followed
    by the marked forms of its Arabic-script words (each once)."""
    if not has_arabic(text):
        return text
    forms = dict.fromkeys(form for run in _RUN.findall(text) for form in _run_forms(run))
    return text + "\n" + " ".join(MARK + form for form in forms) if forms else text


def query_word(text: str) -> str | None:
    """A bare query word as the marked token to look for, or None when it is not one
    Arabic-script word (it is then searched as typed)."""
    if not _RUN.fullmatch(text):
        return None
    words = _LETTERS.findall(normalise(text))
    return MARK + words[0] if len(words) == 1 else None
