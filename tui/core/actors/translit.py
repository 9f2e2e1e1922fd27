"""The other common Latin spellings of a listed person's name (Mohammed/Muhammad, Sergei/Sergey,
Yevgeny/Evgeny), so a wire's transliteration is not "not listed" until the user teaches it.

Two small, general parts, not a list per person:
- classes of given names that English-language news spells several ways (Arabic names mostly:
  the vowels Arabic script leaves out, and Russian names whose Latin form differs by more
  than an ending);
- the endings and initials of the two Russian romanisations in use (BGN/PCGN and the
  passport's): -ei/-ey and -ai/-ay at a given name's end, Ye-/E- at its start.
Only full names of two words or more get variants (a lone word is too easy to meet as
something else), and the matcher adds a variant only where no actor lists that spelling
itself: a variant never takes a name from another actor.

Provenance: written by hand from general knowledge of romanisation (BGN/PCGN, ICAO passports,
the wires' house styles), late 2026.
"""

from __future__ import annotations

import itertools
import re

from tui.core.actors.gazetteer import Actor
from tui.core.actors.text import script_of

_CLASSES = (
    "Mohammed Mohammad Muhammad Mohamed Muhammed Mohamad",
    "Ahmed Ahmad", "Mahmoud Mahmud", "Mustafa Mostafa", "Hussein Husein Hussain Husain",
    "Hassan Hasan", "Youssef Yousef Yusuf", "Abdullah Abdallah", "Osama Usama",
    "Omar Umar", "Khaled Khalid", "Walid Waleed", "Said Saeed Sayed", "Hamad Hamed",
    "Suleiman Sulaiman Soleiman", "Ismail Ismael", "Ibrahim Ebrahim",
    "Alexander Aleksandr", "Alexei Aleksei Alexey Aleksey", "Maxim Maksim",
    "Yuri Yury Yuriy Iouri", "Dmitry Dmitri Dmitriy", "Mikhail Michail",
    "Vyacheslav Viacheslav", "Valery Valeriy Valeri", "Anatoly Anatoliy Anatoli",
    "Vitaly Vitaliy Vitali", "Yulia Yuliya Iulia", "Natalia Natalya",
)
_ALIKE: dict[str, tuple[str, ...]] = {
    name.casefold(): tuple(words.split()) for words in _CLASSES for name in words.split()}
_ENDINGS = (("ey", "ei"), ("ei", "ey"), ("ay", "ai"), ("ai", "ay"))
_YE = re.compile(r"^Ye(?=vg|len|gor|kat|fim|lizav)")  # Yevgeny, Yelena, Yegor...; not Yemen
_E = re.compile(r"^E(?=vg|len|gor|kat|fim|lizav)")  # Evgeny, Elena, Egor...: the reverse
MAX_VARIANTS = 12  # per name: a few words with a few spellings each


def _word_variants(word: str, given: bool) -> list[str]:
    """`word` and its other spellings (capitalised words only: a name's words); the Russian
    endings and initials only for the `given` name (Khamenei is no Khameney)."""
    if not word[:1].isupper() or len(word) < 3:
        return [word]
    out = [word, *_ALIKE.get(word.casefold(), ())]
    if not given:
        return list(dict.fromkeys(out))
    for ending, other in _ENDINGS:
        if word.endswith(ending) and len(word) > 4:
            out.append(word[:-2] + other)
    if _YE.match(word):
        out += [_YE.sub("E", w, count=1) for w in list(out) if _YE.match(w)]
    elif _E.match(word):
        out += ["Ye" + w[1:] for w in list(out) if _E.match(w)]
    return list(dict.fromkeys(out))


def spellings(name: str) -> list[str]:
    """The other spellings of a person's full name (not `name` itself); none for one word."""
    words = name.split()
    if len(words) < 2:
        return []
    options = [_word_variants(w, i == 0) for i, w in enumerate(words)]
    out = []
    for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS + 1):
        spelt = " ".join(combo)
        if spelt != name:
            out.append(spelt)
    return out[:MAX_VARIANTS]


def spelling_variants(actor: Actor) -> list[str]:
    """A person's full Latin names in the other common romanisations."""
    if actor.kind != "person" or actor.family_first:
        return []
    return [v for form in actor.full_forms() if script_of(form) == "latin"
            for v in spellings(form)]
