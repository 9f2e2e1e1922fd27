# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic and Arabic script are the point here)
"""Length-preserving text normalisation and name-form expansion for actor matching.

The matcher runs one Aho-Corasick pass over a *normalised* copy of the text and maps hits back
to the original by index, so every step here keeps the text the same length: lower-casing,
folding Latin diacritics and Arabic/Persian letter variants, and turning every non-word character
into a space. Names then become space-delimited keys (" shoigu "), which gives whole-word matching
for free in any script and makes "Shoigu's", "al-Julani" and "al Julani" all look alike.
Russian surnames decline ("Путина", "Лаврову") and Arabic glues conjunctions on ("وحماس"), so
`expand_form` adds those variants as extra keys rather than loosening the boundaries.
"""

from __future__ import annotations

import re
import unicodedata

from tui.core import scripts
from tui.core.actors.given_names import CYRILLIC
from tui.core.actors.spellings import hebrew_variants
from tui.core.actors.unmarked import unmark

_NON_WORD = re.compile(r"[\W_]")
# Non-word characters become spaces in two steps, each far cheaper than one regex substitution
# over every character: a byte table for ASCII (over UTF-8, whose other bytes it keeps), then a
# regex for the non-ASCII ones, whose class tests the ASCII range first so ASCII costs little.
_ASCII_TO_SPACE = bytes(b if b >= 0x80 or b == 0x20 or chr(b).isalnum() else 0x20
                        for b in range(256))
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin letters with diacritics -> base letter ("Erdoğan" -> "erdogan"), one char for one.
    for cp in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFD", chr(cp))
        if len(decomposed) > 1 and decomposed[0].isascii() and decomposed[0].isalpha():
            table[cp] = decomposed[0].lower()
    table.update({ord("ı"): "i", ord("ø"): "o", ord("đ"): "d", ord("ł"): "l", ord("ə"): "e"})
    # Transliteration apostrophes are letters to Unicode (Lm) but separators to readers.
    for mark in "ʿʾʼʻ`´":
        table[ord(mark)] = " "
    # Arabic and Persian spell the same letters with different code points.
    for src, dst in {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
                     "ة": "ه", "ۀ": "ه", "ё": "е", "Ё": "е"}.items():
        table[ord(src)] = dst
    table[0x0640] = " "  # tatweel (kashida) is decoration
    return table


_FOLD = _build_fold_table()
# A regex over just the folded characters beats str.translate ~5x on mostly-ASCII text.
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


def _fold(match: re.Match[str]) -> str:
    return _FOLD[ord(match.group())]


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters (e.g. "İ") lower to two; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalize(text: str) -> str:
    """Lower-cased, folded, punctuation-as-space copy of `text` with the same length."""
    lowered = _lower_same_length(text)
    if lowered.isascii():
        return lowered.encode("ascii").translate(_ASCII_TO_SPACE).decode("ascii")
    lowered = _FOLD_RE.sub(_fold, lowered)
    spaced = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_TO_SPACE)
    return _NON_ASCII_NON_WORD.sub(" ", spaced.decode("utf-8", "surrogatepass"))


def squeeze(text: str) -> str:
    """`text` without punctuation or spaces, case kept: how acronyms compare ("U.N." = "UN")."""
    return _NON_WORD.sub("", text)


def key_of(form: str) -> str:
    """The automaton key for a name form: without vowel marks (as the text is read:
    unmarked.py), normalised, single-spaced, padded with spaces."""
    return " " + " ".join(normalize(unmark(form).text).split()) + " "


def keys_of(form: str) -> tuple[str, ...]:
    """`key_of`, and where punctuation and a space meet inside the form ("U.N. General
    Assembly", "Atlanta, Georgia") the key with both spaces, as the text's normal form has."""
    norm = normalize(unmark(form).text)
    key = " " + " ".join(norm.split()) + " "
    spaced = " " + norm.strip() + " "
    return (key,) if spaced == key else (key, spaced)


_INFLECTED = {"cyrl": "cyrillic", "arab": "arabic"}


def script_of(form: str) -> str:
    """"cyrillic", "arabic" or "latin" (any other: only the first two are inflected here), as
    `tui.core.scripts.script_of` judges the form."""
    return _INFLECTED.get(scripts.script_of(form), "latin")


# Russian declension, by how the nominative ends: endings for the slots (genitive, dative,
# instrumental, prepositional, accusative, then spare alternatives), each replacing `cut`
# final letters. "" keeps the word as it is in that slot. All words of a name take the same
# slot, so "Мария Захарова" yields "Марии Захаровой", never "Марии Захарова".
_RU_SLOTS = 7
_RU_RULES: tuple[tuple[tuple[str, ...], int, tuple[str, ...]], ...] = (
    (("ский", "цкий", "ской", "цкой", "ський", "цький"), 2,
     ("ого", "ому", "им", "ом", "ого", "", "")),
    # -ова/-ина serve both surnames (Захаровой) and nouns (Украины, Украине).
    (("ова", "ева", "ина", "ына", "ёва"), 1, ("ой", "ой", "ой", "ой", "у", "ы", "е")),
    (("ия",), 1, ("и", "и", "ей", "и", "ю", "", "")),
    # Adjectives in names of bodies: "Белый дом" -> "Белого дома", "Южный военный округ".
    (("ый", "ой"), 2, ("ого", "ому", "ым", "ом", "ого", "", "")),
    (("ое",), 2, ("ого", "ому", "ым", "ом", "ое", "", "")),
    (("ая",), 2, ("ой", "ой", "ой", "ой", "ую", "", "")),
    (("й", "ь"), 1, ("я", "ю", "ем", "е", "я", "и", "")),
    (("га", "ка", "ха", "жа", "ша", "ча", "ща"), 1, ("и", "е", "ой", "е", "у", "", "")),
    (("а",), 1, ("ы", "е", "ой", "е", "у", "", "")),
    (("я",), 1, ("и", "е", "ей", "е", "ю", "", "")),
    (("ов", "ев", "ёв", "ин", "ын"), 0, ("а", "у", "ым", "е", "а", "ом", "")),
    (tuple("бвгджзклмнпрстфхцчшщ"), 0, ("а", "у", "ом", "е", "а", "", "")),
)


def _surname_first(words: list[str]) -> bool:
    """"Ким Чен Ын", "Мун Чжэ Ин": a Korean or Chinese name starts with a short surname and
    only its last word declines ("с Ким Чен Ыном"), however short. "Лев Толстой" is not one."""
    return len(words) >= 2 and len(words[0]) <= 3 and words[0][:1].isupper() and \
        words[0].lower() not in CYRILLIC


def _ru_cases(word: str, shortest: int = 3) -> tuple[str, ...] | None:
    """The word in each declension slot, or None when it does not decline."""
    if len(word) < shortest or word.isupper():  # acronyms (ООН, РФ) do not decline
        return None
    low = word.lower()
    if word.islower() and len(word) >= 5 and low.endswith(("о", "ие")):
        return _neuter(word)  # common nouns of neuter gender in bodies' names
    for endings, cut, slots in _RU_RULES:
        if low.endswith(endings):
            stem = word[:len(word) - cut]
            if stem[-1:].lower() in "кгхжшчщ":  # spelling: "Исламским", not "Исламскым"
                slots = tuple(e.replace("ы", "и", 1) if e.startswith("ы") else e for e in slots)
            return tuple(stem + e if e else word for e in slots)
    return None  # ends in -о, -у, -е, -и, -ы: indeclinable (Шойгу, Медведко)


_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя", "ое", "ее")


def _head_cases(word: str) -> tuple[str, ...] | None:
    """A word of a body's name as its head declines: "-ий" adjectives too ("Высший" ->
    "Высшего"), and neuter nouns whatever their case ("Министерство" -> "Министерства")."""
    low = word.lower()
    if low.endswith("ий") and not low.endswith(("ский", "цкий")) and len(word) > 4:
        hard = low[-3] in "кгх"
        endings = ("ого", "ому", "им", "ом", "ого") if hard else ("его", "ему", "им", "ем", "его")
        return (*(word[:-2] + e for e in endings), word, word)
    if len(word) >= 5 and low.endswith(("о", "ие")):
        return _neuter(word)
    return _ru_cases(word)


def _neuter(word: str) -> tuple[str, ...]:
    """"государство" -> "государства", "управление" -> "управления" (names in -о never decline,
    so only bodies' names and common nouns come here)."""
    soft = word.lower().endswith("ие")
    endings = ("я", "ю", "ем", "и", "") if soft else ("а", "у", "ом", "е", "")
    return tuple(word[:-1] + e if e else word for e in (*endings, "", ""))


def russian_variants(form: str) -> list[str]:
    """`form` declined through the oblique cases, all words together ("Сергея Лаврова"). A
    body's name (it has a word in lowercase) declines only its head, the leading adjectives
    and the noun they go with: "Совета безопасности России", "Генерального штаба
    Вооружённых сил России", "Партии справедливости и развития"."""
    words = form.split()
    if any(w.isalpha() and w.islower() for w in words[1:]) or (
            len(words) > 1 and words[0].islower()):
        head = 0
        while head < len(words) - 1 and words[head].lower().endswith(_ADJECTIVE):
            head += 1
        cases = [_head_cases(w) if n <= head else None for n, w in enumerate(words)]
    elif _surname_first(words):
        cases = [*(None for _ in words[1:]), _ru_cases(words[-1], shortest=2)]
    else:
        cases = [_ru_cases(w) for w in words]
    if all(c is None for c in cases):
        return []
    out = []
    for i in range(_RU_SLOTS):
        variant = " ".join(w if c is None else c[i] for w, c in zip(words, cases, strict=True))
        if variant != form and variant not in out:
            out.append(variant)
    return out


_AR_PREFIXES = ("و", "ب", "ف")
_AR_CONJUNCTIONS = ("و", "ف")
# A clitic on a name that spells a common word: Persian "بسیاری" (many) is ب + Sayyari (سیاری),
# three false Sayyaris in the development set; a check of ~90 frequent Persian and Arabic
# words against every listed name's clitic forms found no other.
_WORDS = frozenset({"بسیاری"})


def arabic_variants(form: str) -> list[str]:
    """Arabic clitics written onto the name: "وحماس" (and Hamas), "لحزب" -> "للحزب"; and a
    conjunction before a preposition, two at once: "وبالحرس" (and by the Guards), "فللحرس",
    "ولحزب الله" (a news sentence often opens with one)."""
    to = ("لل" + form[2:]) if form.startswith("ال") else "ل" + form
    one = [*(p + form for p in _AR_PREFIXES), to]
    return [v for v in (*one, *(c + v for c in _AR_CONJUNCTIONS for v in (one[1], to)))
            if v not in _WORDS]


def expand_form(form: str) -> list[str]:
    """`form` plus the inflected spellings of it that should match too."""
    script = script_of(form)
    if script == "cyrillic":
        return [form, *russian_variants(form)]
    if script == "arabic":
        forms = [form]
        if "\u200c" in form:  # the ZWNJ reads as a space; a text may also join the parts
            forms.append(form.replace("\u200c", ""))
        return [variant for f in forms for variant in (f, *arabic_variants(f))]
    return [form, *hebrew_variants(form)]


_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "von", "van", "de", "der"}


def last_token(form: str) -> str | None:
    """A person's surname as a second reference: the last space-separated word of a name."""
    words = form.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if last.islower():  # "president" in a role phrase is not a name
        return None
    core = normalize(last).strip()
    if len(core.replace(" ", "")) < 4 or core in _PARTICLES:
        return None
    return last
