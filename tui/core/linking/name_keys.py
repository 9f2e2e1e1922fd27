# ruff: noqa: RUF001, RUF002, RUF003 - Cyrillic letters in tables and comments are meant
"""People the gazetteer lacks as link features: one key per surname across Latin and Cyrillic.

A fresh story names people nobody listed (round 53 measured it: with each fold's own people
held out of the gazetteer the lists keep their recall but lose precision, so what two reports
share about such a person is worth a key). The unlisted names' recogniser finds them by a
title, an attribution or a given name; here each one's surname becomes a key an English and a
Russian report share: a Russian surname put in the nominative (Лаврова, Лавровым -> Лавров;
Ахмадианом -> Ахмадиан; Навального -> Навальный), then spelt in Latin letters by a small
BGN/PCGN-style table (no library: a few dozen letters, and a key must never change under us),
and both scripts' spellings folded alike where Russian and English write a sound apart (х and
"kh" for a Persian or Arabic "h": Хаменеи, Khamenei, Hamenei). The key is a readable name
("Lavrov", "Pezeshkian"): the reasons show it as it is. Arabic, Persian and Hebrew names are
left to the text part (their script's words): spelling them in Latin letters without their
vowels would join unrelated names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from orjson import dumps

from tui.core.span_reads import span_lists

PREFIX = "~"  # an unlisted name's id among actor ids (no gazetteer id starts so)
MIN_KEY = 4  # shorter keys ("Kim", "Ali") join too many people
LEAD_CHARS = 250  # a name this early in the body is in the lead (features.LEAD_CHARS)

_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_RU_VOWELS = frozenset("аеёиоуыэюяйь")
# a surname's oblique endings after -ов/-ев/-ин/-ын (Лаврова, Патрушевым, Путину, Ивановой)
_POSSESSIVE_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_POSSESSIVE_ENDS = ("ыми", "ым", "ой", "ом", "ою", "ых", "а", "у", "е", "ы")
# an adjectival surname's (Навального, Зеленскому, Вишневским): back to -ий/-ый
_ADJ_ENDS = ("ого", "ому", "ым", "им", "ом", "ой", "ую", "ая")
# a foreign surname's oblique endings after a consonant (Ахмадиана, Ахмадианом, Микати stays)
_NOUN_ENDS = ("ом", "ем", "ым", "а", "у", "е")
# both scripts' spellings of a sound folded to one (after lowercasing and the Cyrillic table)
_FOLDS = (
    ("dzh", "j"),
    ("kh", "h"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("'", ""),
    ("’", ""),
    ("-", ""),
)


def nominative(word: str) -> str:
    """A Russian surname, lowercased, in the nominative as far as its ending tells."""
    for end in _POSSESSIVE_ENDS:
        stem = word[: -len(end)]
        if word.endswith(end) and stem.endswith(_POSSESSIVE_STEMS) and len(stem) >= 3:
            return stem
    for end in _ADJ_ENDS:  # -ого, -ому only adjectives have; the rest after -ск, -цк
        stem = word[: -len(end)]
        if (
            word.endswith(end)
            and len(stem) >= 3
            and (end in ("ого", "ому") or stem.endswith(("ск", "цк")))
        ):
            return stem + ("ий" if stem[-1] in "кгхжчшщ" else "ый")
    for end in _NOUN_ENDS:
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 3 and stem[-1] not in _RU_VOWELS:
            return stem
    return word


def latin(word: str) -> str:
    """A lowercased word in Latin letters: Cyrillic by the table, accents dropped."""
    spelt = "".join(_CYR.get(ch, ch) for ch in word)
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", spelt) if not unicodedata.combining(ch)
    )


def name_key(name: str) -> str | None:
    """The key of a person's name, by its last word: "Сергеем Бородиным" -> "Borodin",
    "Dmitry Borodin" -> "Borodin"; None for a name in another script, or too short."""
    words = name.split()
    if not words:
        return None
    last = words[-1].lower().replace("ё", "е")
    if any("а" <= ch <= "я" for ch in last):
        last = latin(nominative(last))
    elif not last.isascii():
        last = latin(last)
    for a, b in _FOLDS:
        last = last.replace(a, b)
    if last.endswith(("iy", "yy")):  # Зеленский, Zelensky
        last = last[:-2] + "y"
    if last.endswith("h") and len(last) > 2 and last[-2] in "aeiou":  # Haniyeh, Хания
        last = last[:-1]
    if len(last) < MIN_KEY or not (last.isascii() and last.isalpha()):
        return None
    return last.capitalize()


def is_name(actor_id: str) -> bool:
    return actor_id.startswith(PREFIX)


def name_rows(rows: Iterable[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Unlisted people's (name, count, spans JSON) as actor mention rows (`PREFIX` + key,
    count, spans JSON) for `features.raw_features`: names with one key ("Сергей Бородин",
    "Бородиным") as one row, their spans merged in order; only a name in the headline or
    the lead (as `features.salience` reads them): one named in passing (a quoted expert)
    only dilutes the names the coverage of an event shares (round 53)."""
    merged: dict[str, list[list[Any]]] = {}
    for name, _count, spans_json in rows:
        key = name_key(name)
        if key is not None:
            merged.setdefault(PREFIX + key, []).extend(span_lists(spans_json))
    out = []
    for key, spans in sorted(merged.items()):
        distinct = sorted({tuple(s) for s in spans})
        if not any(s[0] == "title" or s[1] < LEAD_CHARS for s in distinct):
            continue
        out.append((key, len(distinct), dumps([list(s) for s in distinct]).decode()))
    return out
