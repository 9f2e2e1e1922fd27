# ruff: noqa: RUF001, RUF003  (Cyrillic script is the point here)
"""Russian titles in every case, and names given back in the nominative.

Russian news declines the title and the name together: "по словам посла ... Алексея Ерхова",
"губернатору ... Вячеславу Гладкову", "бывшей жены Светланы Маниович". A title's case form is
a trigger like its nominative, and says which case the name after it is in; the name is shown
in the nominative ("Алексей Ерхов"), found by undoing the gazetteer's own declension rules
(text.py) and checking each guess by declining it again.
"""

from __future__ import annotations

from functools import lru_cache

from tui.core.actors.text import _ru_cases
from tui.core.actors.titles import RU_TITLES

NOM, GEN, DAT, INS, PRE, ACC = "nom", "gen", "dat", "ins", "pre", "acc"
PL = "pl"  # genitive plural: "один из офицеров спецназа, X Y," only
_SLOT = {GEN: 0, DAT: 1, INS: 2, PRE: 3, ACC: 4}
_FLEETING = {"посол": "посл", "отец": "отц", "боец": "бойц", "ловец": "ловц"}
_INDECLINABLE = {"врио", "замминистра", "замглавы", "экс-премьер"}
# Nouns whose name follows at once in the genitive, whatever their own case: "семья
# Александра Труфанова", "родные Алексея Иванова", "по словам Ивана Петрова".
GOVERN_GENITIVE = frozenset(("семья", "семьи", "семье", "семью", "семьёй", "родные", "родных",
                             "родственники", "родственников", "словам", "мнению"))
# Kin in the nominative take a name after them in either case: "жена Светлана" (she is
# Svetlana), "внучка Василия Тычко" (his granddaughter).
KINSHIP = frozenset(("жена", "супруга", "муж", "супруг", "вдова", "мать", "отец", "сын", "дочь",
                     "брат", "сестра", "внук", "внучка", "племянник"))
_HUSHING = tuple("жшчщц")
_VOWELS = "аеёиоуыэюя"
_TAILS = ("", "а", "я", "й", "ь", "ий", "ый", "ая", "ия", "ой")  # "Навальный" before "-ной"
_CONSONANTS = "бвгджзклмнпрстфхцчшщ"


def _title_forms(word: str) -> dict[str, str]:
    """A title's singular case forms: "посол" -> посла (gen, and acc), послу, послом, после."""
    if word in _INDECLINABLE:
        return {word: NOM}
    forms: dict[str, str] = {}

    def add(stem: str, endings: tuple[str, ...]) -> None:
        for case, ending in zip((GEN, DAT, INS, PRE, ACC), endings, strict=True):
            forms.setdefault(stem + ending, case)

    if word.endswith(("ый", "ой")) or (word.endswith("ий") and word[-3] in "кгх"):
        add(word[:-2], ("ого", "ому", "ым" if word.endswith(("ый", "ой")) else "им", "ом",
                        "ого"))
    elif word.endswith("ий"):
        add(word[:-2], ("его", "ему", "им", "ем", "его"))
        forms.setdefault(word[:-2] + "их", PL)  # "из военнослужащих"
    elif word.endswith("ь"):
        add(word[:-1], ("я", "ю", "ем", "е", "я"))
        forms.setdefault(word[:-1] + "ей", PL)  # "из представителей"
        forms.setdefault(word[:-1] + "ём", INS)
    elif word.endswith("а"):
        stem = word[:-1]
        soft = stem.endswith(tuple("гкхжшчщ"))
        add(stem, ("и" if soft else "ы", "е", "ей" if stem.endswith(_HUSHING) else "ой", "е",
                   "у"))
    elif word.endswith("я"):
        add(word[:-1], ("и", "е", "ей", "е", "ю"))
        forms.setdefault(word[:-1] + "ёй", INS)
    elif word[-1:] in "бвгджзклмнпрстфхцчшщ":
        stem = _FLEETING.get(word, word)
        add(stem, ("а", "у", "ем" if stem.endswith(_HUSHING) else "ом", "е", "а"))
        forms.setdefault(stem + ("ей" if stem.endswith(_HUSHING) else "ов"), PL)
    forms[word] = NOM
    return forms


def _title_cases() -> dict[str, str]:
    out: dict[str, str] = {}
    for word in sorted(RU_TITLES):
        for form, case in _title_forms(word).items():
            out.setdefault(form, case)
    for word in GOVERN_GENITIVE:
        out[word] = GEN
    return out


RU_TITLE_CASES = _title_cases()  # every case form of every title -> the case it is in


@lru_cache(maxsize=8192)
def _candidates(word: str, slot: int, given: frozenset[str]) -> tuple[str, ...]:
    """Nominatives that decline to `word` in `slot`, likeliest first: the longest ending
    undone ("Навальному" is "Навальный", not "Навальном"), then the shortest."""
    guesses: list[tuple[int, int, int, str]] = []
    for cut_len in range(1, 4):
        stem = word[:-cut_len]
        for rank, tail in enumerate(_TAILS):
            guess = stem + tail
            cases = _ru_cases(guess) if len(guess) >= 3 else None
            if cases is None or cases[slot] != word or \
                    guess.endswith("й") != (guess[-2:-1] in _VOWELS and guess.endswith("й")) or \
                    (guess.endswith("ь") and guess[-2:-1] in _VOWELS):
                continue
            if guess[-2:-1] in _VOWELS and (guess.endswith("а") or (
                    guess.endswith("я") and guess[-2] not in "иая")):
                continue  # "Сергее" is Сергей's, not a "Сергеа" or "Сергея"
            if word.endswith("и") and not guess.endswith("ия") and guess.lower() not in given:
                continue  # "Канани" is a foreign name that does not decline, "Марии" is Мария
            guesses.append((-cut_len, len(guess), rank, guess))
    if slot == _SLOT[INS] and word.endswith("ем") and word[-3:-2] in "жшчщц" and \
            _ru_cases(word[:-2]) is not None:
        guesses.append((-2, len(word) - 2, -1, word[:-2]))  # "Антиповичем": -ем after ч
    out = [g for _c, _n, _r, g in sorted(guesses)]
    if _ru_cases(word) is None or (not out and word[-1:].lower() in _CONSONANTS):
        out.append(word)  # indeclinable (Шойгу, Канани), or a woman's surname (Маниович)
    return tuple(out)


def nominative(words: list[str], case: str, given: frozenset[str] = frozenset()) -> list[str]:
    """The name's words back in the nominative; each word unchanged where no guess fits."""
    if case not in _SLOT:
        return words
    slot = _SLOT[case]
    out = []
    for n, word in enumerate(words):
        found = _candidates(word, slot, given)
        if n == 0 and given:
            found = tuple(g for g in found if g.lower() in given) or (
                (word,) if word.lower() in given else found)  # "Ким" stays Ким
        out.append(found[0] if found else word)
    return out


@lru_cache(maxsize=8192)
def given_case(word: str, given: frozenset[str]) -> str | None:
    """The case in which `word` is a common given name ("Бориса": gen), or None."""
    if word.lower() in given:
        return NOM
    for case, slot in _SLOT.items():
        if any(g.lower() in given for g in _candidates(word, slot, given)):
            return case
    return None


def given_forms(given: frozenset[str]) -> set[str]:
    """Every case form of the Cyrillic given names, as triggers for `ru_given_name`."""
    out = set()
    for name in given:
        if "\u0400" <= name[:1] <= "\u04ff" and name not in _NOT_ALONE:
            out.add(name)
            out.update(form.lower() for form in _ru_cases(name.capitalize()) or ())
    return out


# Given names that are also common nouns ("Роман Толстого" is a novel): never a name alone.
_NOT_ALONE = {"роман", "лев", "слава", "мир", "вера", "надежда", "любовь", "папа", "ван", "ким",
              "пак", "кит", "дун", "мао", "хань", "цинь", "линь", "чжан", "чжай", "марк"}
