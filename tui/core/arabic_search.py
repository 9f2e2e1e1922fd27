# ruff: noqa: RUF001, RUF002, RUF003 - Arabic and Persian letters are the point here
"""Arabic-script words made findable by full-text search, on both sides of the index.

Arabic writes conjunctions, prepositions and the article as part of the next word: "ولبنان"
is "and Lebanon", "بالعراق" "in Iraq", so SQLite's tokenizer sees one word that a search for
"لبنان" never matches. Spellings vary too (أ/إ/آ/ا, ة/ه, ى/ي, Persian ی and ک, ئ and ی as
in رئیس/رییس, optional vowel marks that the tokenizer even treats as separators, the Persian
zero-width non-joiner), Persian writes a plural's ezafe (تحریم‌های for تحریم‌ها), and names
with الله come joined or apart (نصرالله, نصر الله).

So every Arabic-script word of an article's title and body is indexed a second time, after the
text, as marked tokens: its normalised form and that form without each run of attached
proclitics (و ف, then ب ك ل, then ال; ل + ال is written لل). A bare Arabic word in a query is
normalised the same way and looks for the marked token only. The marker (a private-use letter)
keeps the two apart: nobody types it, and the tokenizer keeps it inside the word.

A quoted phrase is words as written in a row, but a reader still means "إسماعيل هنية" to find
"إسماعيل هَنِيَّة" and "اسماعيل هنيه": so the normalised words of the text follow, in their
order, under a second marker (`PHRASE`), and a phrase of Arabic-script words looks for them.

Changing what `extra_tokens` returns changes the index: the FTS triggers send the same value on
delete as on insert, so a change needs a migration that re-indexes the affected articles.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tui.core.scripts import ARABIC_LETTER

MARK = "\ue000"
PHRASE = "\ue001"
# A run of Arabic-script characters (letters, marks, digits, punctuation) and the ZWNJ;
# its words are the letters left after normalisation.
_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
# The UTF-8 lead bytes of that block: found by memchr in a body not yet decoded
BLOCK_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")
_RUN = re.compile(f"[{_SCRIPT}\u200c]+")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_LETTERS = re.compile(r"[^\W\d_]+")
_DROP = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x06D6, 0x06EE), 0x200C])
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه",
                       "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك"} | {chr(c): None for c in _DROP})
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_PROCLITICS = tuple(sorted(
    {(c + p + a).replace("لال", "لل") for c in _CONJUNCTIONS for p in _PREPOSITIONS
     for a in ("", "ال")} - {""}, key=len, reverse=True))
_FIRST_LETTERS = {p[0] for p in _PROCLITICS}
_MIN_STEM = 2
_PROCLITIC_SET = frozenset(_PROCLITICS)
_PLURAL, _EZAFE_PLURAL, _ALLAH = "ها", "هاي", "الله"  # normalised: های is هاي
# Parts a text writes apart that a query may join ("نصر الله" / نصرالله, "تحریم ها"): a
# word, one space and one of these (ی or ي as typed) is indexed joined too. The word is
# found back from the space, in at most _LONGEST_RUN characters.
_APART_PART = re.compile(f" (?:الله|ها|های|هاي)(?![{_SCRIPT}\u200c])")
_RUN_END = re.compile(f"[{_SCRIPT}\u200c]+$")
_LONGEST_RUN = 40


def has_arabic(text: str) -> bool:
    """Whether `text` has letters of the Arabic block (U+0600-U+06FF: Arabic, Persian, Urdu)."""
    return ARABIC_LETTER.search(text) is not None


def normalise(word: str) -> str:
    """One word (or run) in the index's spelling: no vowel marks, tatweel or ZWNJ; one alef,
    ha for ta marbuta, one yeh, one kaf ("أَمْرِيكَا" -> "امريكا", Persian "ی" -> "ي")."""
    if _PRESENTATION.search(word):
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_FOLD)


def word_forms(word: str) -> list[str]:
    """The normalised word and what is left of it without each run of proclitics
    ("وبالعراق" -> وبالعراق, بالعراق, العراق, عراق), each with its Persian and name forms
    (`_variants`)."""
    forms = [word]
    if word[:1] in _FIRST_LETTERS:
        for proclitic in _PROCLITICS:
            if word.startswith(proclitic) and len(word) - len(proclitic) >= _MIN_STEM:
                forms.append(word[len(proclitic):])
    return [variant for form in forms for variant in _variants(form)]


def _variants(word: str) -> tuple[str, ...]:
    """A Persian plural with its ezafe (های) is found as the plural (ها): "تحریم‌های
    اقتصادی" by تحریم‌ها. A name joined to الله ("نصرالله", "عبدالله") is found by its two
    words too, as it is when written apart. Other endings stay: a final ی is as often an
    adjective's (ایرانی, عربي) and a final ها an Arabic pronoun's (عليها), not a variant."""
    if word.endswith(_EZAFE_PLURAL) and len(word) - len(_PLURAL) >= _MIN_STEM:
        return word, word[:-1]
    if word.endswith(_ALLAH) and len(word) - len(_ALLAH) >= _MIN_STEM:
        name = word[:-len(_ALLAH)]
        if name not in _PROCLITIC_SET:  # "فبالله" is "by God", not a name
            return word, name, _ALLAH
    return (word,)


def query_form(word: str) -> str:
    """The form a normalised query word is looked for by: a Persian plural with its ezafe
    as the plural, which every such word is indexed by too (`_variants`)."""
    if word.endswith(_EZAFE_PLURAL) and len(word) - len(_PLURAL) >= _MIN_STEM:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=32_768)
def _run_forms(run: str) -> tuple[str, ...]:
    """A Persian word joined by ZWNJ ("کتاب‌ها") is found whole and by each part. Cached:
    news text repeats its words, and this was most of an Arabic article's insert time."""
    forms = [form for word in _LETTERS.findall(normalise(run)) for form in word_forms(word)]
    if "\u200c" in run:
        forms += [form for part in run.split("\u200c")
                  for word in _LETTERS.findall(normalise(part)) for form in word_forms(word)]
    return tuple(forms)


@functools.lru_cache(maxsize=32_768)
def _run_words(run: str) -> tuple[str, ...]:
    return tuple(_LETTERS.findall(normalise(run)))


def phrase_words(text: str) -> list[str]:
    """The normalised words of the Arabic-script runs of `text`, in order: what a quoted
    phrase is looked for in ("إسماعيل هَنِيَّة" -> اسماعيل, هنيه)."""
    return [word for run in _RUN.findall(text) for word in _run_words(run)]


def run_forms(run: str) -> tuple[str, ...]:
    """The forms the index holds for one run of `word_runs` (unmarked): what a bare query
    word (`query_word` without `MARK`) finds it by."""
    return _run_forms(run)


def word_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, run) for each Arabic-script run of `text`, as the index reads them."""
    return [(m.start(), m.end(), m.group()) for m in _RUN.finditer(text)]


def joined_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the two runs joined) where a word and الله, ها or های are written
    apart ("نصر الله", "تحریم های"), so that the joined spelling finds them too."""
    out = []
    for match in _APART_PART.finditer(text):
        space = match.start()
        before = _RUN_END.search(text, max(0, space - _LONGEST_RUN), space)
        if before is not None:
            out.append((before.start(), match.end(), before.group() + match.group()[1:]))
    return out


def extra_tokens(text: object) -> str:
    """What the FTS index gets after a title or body: "" unless it has Arabic script, else a
    new line and the marked forms of its Arabic-script words (each once).

    The triggers pass the stored UTF-8 as a blob and SQLite appends the result itself: a
    Latin or Cyrillic body is neither decoded nor copied back (decoding was most of the cost,
    +51 us on a 3,600-letter Russian body)."""
    if isinstance(text, bytes):
        if not any(lead in text for lead in BLOCK_LEADS):
            return ""
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str) or not has_arabic(text):
        return ""
    found = _RUN.findall(text)
    runs = dict.fromkeys(found)
    runs.update(dict.fromkeys(joined for _, _, joined in joined_runs(text)))
    forms = dict.fromkeys(form for run in runs for form in _run_forms(run))
    if not forms:
        return ""
    return ("\n" + " ".join(MARK + form for form in forms)
            + "\n" + " ".join(PHRASE + word for run in found for word in _run_words(run)))


def query_word(text: str) -> str | None:
    """A bare query word as the marked token to look for, or None when it is not one
    Arabic-script word (it is then searched as typed)."""
    if not _RUN.fullmatch(text):
        return None
    words = _LETTERS.findall(normalise(text))
    return MARK + query_form(words[0]) if len(words) == 1 else None


def query_phrase(text: str) -> str | None:
    """A quoted phrase of Arabic-script words as the `PHRASE` words to look for in a row, or
    None when a word of it is in another script (it is then searched as typed)."""
    parts = text.split()
    if not parts or not all(_RUN.fullmatch(part) for part in parts) or \
            any(ch.isdigit() for ch in text):  # a number is searched as the text has it
        return None
    words = phrase_words(text)
    return " ".join(PHRASE + word for word in words) if words else None
