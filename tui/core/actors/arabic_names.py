# ruff: noqa: RUF001  (Arabic script is the point here)
"""How Arabic and Persian news name a person, for `unlisted.py`. With no capitals, a name is
found only next to a title, an honorific or an attribution verb, and its edges come from the
words around it: a title's qualifier ends where an "ال" word, a place or a body the gazetteer
found stops ("مدير مستشفى شهداء الأقصى إياد الجبري بأن"), the name is two or three words,
and a stop word, a verb or punctuation closes it.

Past a title's qualifier (Persian's ezafe chain has no "ال" to go by) a name is taken only
with a sign that it is one: a common given name first (given_names.py and the gazetteer's
people), a kunya ("أبو عبيدة"), a nisba last ("الجبري"), or the verb frame of a quotation
("قالت السفيرة ... ليزا جونسون إن").
"""

from __future__ import annotations

from tui.core.actors.name_patterns import Found, Tok, Window
from tui.core.actors.text import normalize
from tui.core.actors.titles import (
    AR_HONORIFICS,
    AR_QUALIFIER,
    AR_SAID,
    AR_STOP,
    AR_TITLES,
    FA_QUALIFIER,
    FA_SAID,
    FA_TITLES,
)

_SPOKESPEOPLE = ("المتحدث", "الناطق", "المتحدثة", "الناطقة", "سخنگوی", "سخنگو")
_TITLES = AR_TITLES | FA_TITLES
_PERSIAN_TITLES = FA_TITLES - AR_TITLES
_SAID = AR_SAID | FA_SAID
_LINKS = {"عبد", "أبو", "ابو", "بن", "ابن", "أم", "ام", "آل", "بنت"}  # "عبد الله", "أبو الغيط"
_KUNYA = {"أبو", "ابو", "أم", "ام"}
_THAT = {"إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنّ", "أنّ"}  # "قال ... إن"
_INSIDE = {"في", "لدى", "عن", "در"}  # "المتحدث باسم وزارة الصحة في غزة": a place inside a qualifier
# Right before a name with nothing between ("الجندي يوسي كوهين", "سردار بهروز کیانی").
_BEFORE_A_NAME = AR_HONORIFICS | {"الجندي", "الضابط", "الأسير", "الأسيرة", "الرهينة",
                                  "المحتجز", "المحتجزة", "النقيب", "الملازم", "القيادي",
                                  "القيادية", *_SPOKESPEOPLE}
_NOT_NAME = AR_STOP | _TITLES | AR_QUALIFIER | _SAID


def bare(word: str) -> str:
    """A word as given names are compared: folded letters, no joiners or marks."""
    return normalize(word).replace(" ", "")


def _ar_word(tok: Tok) -> bool:
    """A word that may be part of a name: not a stop, title or qualifier word, no digit
    ("وعده صادق ۲"), and no "لل" ("for the"): a portfolio after a title, «للشؤون
    الاستراتيجية», is no name."""
    word = tok[2]
    return "\u0600" <= word[:1] <= "\u06ff" and word not in _NOT_NAME and \
        not word[:1].isdigit() and not word.startswith("لل")


def _name_at(w: Window, j: int, size: int) -> list[Tok] | None:
    """Words j.. j+size-1 as a name: Arabic-script words, free, joined, not qualifiers, an
    "ال" word only last or after a link ("عبد الله درويش")."""
    name = w.toks[j:j + size]
    if size > 3 and not any(t[2] in _LINKS for t in name[1:-1]):
        return None  # four or five words only with "بن", "آل": "محمد بن زايد آل نهيان"
    if len(name) != size or not all(_ar_word(t) and not w.taken.hits(t) for t in name) or \
            not all(w.joined(k) for k in range(j + 1, j + size)) or name[-1][2] in _LINKS or \
            name[0][2] in FA_QUALIFIER:  # last is fine: "محسن اسلامی"
        return None
    for k, tok in enumerate(name[:-1]):
        if tok[2].startswith("ال") and not (k > 0 and name[k - 1][2] in _LINKS) and \
                not (k == 0 and bare(tok[2]) in w.given):  # "الکساندر", "الکسی"
            return None
    if size == 3 and not _given(w, name) and _given(w, name[1:]):
        return None  # "إدلب أحمد الحسين": the name starts at the given name
    return name


def _complete(w: Window, name: list[Tok]) -> bool:
    """Nothing of the name runs on: a word that closes it follows, or it opens with a given
    name and ends in an "ال" word ("الرئيس بشار الأسد السنوات الماضية")."""
    end = w.toks.index(name[-1]) + 1
    return _ends_here(w, end) or (len(name[-1][2]) > 3 and name[-1][2].startswith("ال") and
                                  _given(w, name))


def _ends_here(w: Window, k: int) -> bool:
    """Word k is no part of the name before it: punctuation, a stop word, a verb, the end."""
    return k >= len(w.toks) or bool(w.gap(k).strip()) or w.toks[k][2] in AR_STOP or \
        w.toks[k][2] in _SAID or w.toks[k][2] in _TITLES or \
        w.toks[k][2].startswith("وال")  # "سردار X Y سخنگوی سپاه", "X Y والإيراني"


def _given(w: Window, name: list[Tok]) -> bool:
    return bare(name[0][2]) in w.given or name[0][2] in _KUNYA


def _qualifier_end(w: Window, j: int) -> bool:
    """Word j-1 may close a title's qualifier: an "ال" word, a place or body found, a
    qualifier word."""
    prev = w.toks[j - 1]
    return prev[2].startswith(("ال", "لل")) or w.taken.hits(prev) or prev[2] in AR_QUALIFIER \
        or prev[2] in FA_QUALIFIER


def _accept(w: Window, i: int, j: int, name: list[Tok]) -> bool:
    """Whether a name found past a title's qualifier is one (see the module's docstring)."""
    title = w.toks[i][2]
    if _given(w, name):
        return True
    end = j + len(name)
    closer = w.toks[end][2] if end < len(w.toks) and not w.gap(end).strip() else ""
    if closer in _THAT and i > 0 and w.joined(i) and w.toks[i - 1][2] in _SAID:
        return True  # "قالت السفيرة الأمريكية ليزا جونسون إن"
    if j == i + 1:  # right after the title: spokespeople and honorifics only
        return title in _BEFORE_A_NAME
    if not _qualifier_end(w, j):
        return False
    if closer in FA_SAID and w.taken.hits(w.toks[j - 1]):
        return True  # "وزیر بهداشت لبنان فراس ابیض اعلام کرد"
    if title in _PERSIAN_TITLES:
        return False  # Persian qualifiers have no "ال": a given name or a verb frame only
    first, last = name[0][2], name[-1][2]
    if first.endswith(("ة", "ه")):
        return False  # "زيارة رسمية": a noun and its adjective, not a name
    if last.startswith("ال") and last.endswith("ي") and len(last) > 4:
        return True  # a nisba: "إياد الجبري"
    # Past a qualifier made only of its own words ("المتحدث باسم الخارجية الإيرانية"), not
    # past a name or any other word ("الرئيس بشار الأسد السنوات الماضية لبدء حوار").
    return all(t[2] in AR_QUALIFIER or t[2].startswith(("ال", "لل"))
               for t in w.toks[i + 1:j])


def arabic_title(w: Window, i: int) -> Found:
    """"المتحدث باسم وزارة الصحة في غزة خليل الدقران إن": the title, its qualifier (up to
    seven words), a name, and a word that closes it."""
    word = w.toks[i][2]
    if word not in _TITLES or (i > 0 and w.joined(i) and w.toks[i - 1][2] in _TITLES and
                               w.toks[i - 1][2] not in AR_HONORIFICS):
        return
    for j in range(i + 1, min(i + 9, len(w.toks))):
        if not w.joined(j) and not (word == "د" and j == i + 1 and w.gap(j) == ". "):
            return  # "د. فراس إلياس" is "Dr Firas Elias"
        t = w.toks[j][2]
        if t in _SAID or (t in AR_STOP and not (
                t in _INSIDE and j + 1 < len(w.toks) and _qualifier_end(w, j + 2))):
            return
        if j > i + 1 and not _qualifier_end(w, j) and not _given(w, w.toks[j:j + 1]):
            continue
        for size in (5, 4, 3, 2):
            name = _name_at(w, j, size)
            if name is not None and _complete(w, name) and _accept(w, i, j, name):
                end = w.toks[j - 1][1] + (w.gap(j) == ". ")  # "د."
                yield name, w.text[w.toks[i][0]:end]
                return


def arabic_said(w: Window, i: int) -> Found:
    """"قال نبيه بري، رئيس مجلس النواب": verb, two or three words, a comma, a title; or a
    verb and a name that starts with a given name: "وقال محمد الأحمد إن"."""
    if i + 1 >= len(w.toks) or not w.joined(i + 1):
        return
    for size in (2, 3):
        name = _name_at(w, i + 1, size)
        k = i + 1 + size
        if name is None:
            continue
        if k < len(w.toks) and w.gap(k).strip() in ("،", ",") and \
                w.toks[k][2].removeprefix("ال") in _TITLES | {
                    t.removeprefix("ال") for t in AR_TITLES}:
            yield name, w.text[w.toks[k][0]:w.phrase_end(k)]
            return
        if _given(w, name) and _ends_here(w, k):
            yield name, ""
            return


def arabic_quoted(w: Window, i: int) -> Found:
    """"ونقلت الوكالة عن أحمد الخطيب قوله": "عن", a name of two or three words, "قوله"."""
    for size in (2, 3):
        j = i - size
        if j < 1 or w.toks[j - 1][2] not in ("عن", "وعن") or not w.joined(j) or \
                not w.joined(i):
            continue
        name = _name_at(w, j, size)
        if name is not None:
            yield name, ""
            return


def arabic_name_before_title(w: Window, n: int) -> Found:
    """"اسماعیل بقائی، سخنگوی وزارت خارجه": two or three words that open a sentence (or follow
    a verb), a comma, then the title; in Persian also with no comma when the name starts with
    a given name ("مجید تخت‌روانچی معاون وزیر خارجه")."""
    comma = n > 0 and w.gap(n).strip() in ("،", ",")
    if not comma and not (n > 0 and w.joined(n) and w.toks[n][2] in FA_TITLES):
        return
    for size in (2, 3):
        j = n - size
        name = _name_at(w, j, size) if j >= 0 else None
        if name is None or not (comma or _given(w, name)):
            continue
        if w.sentence_start(j) or (j > 0 and w.joined(j) and w.toks[j - 1][2] in (
                _SAID | {"و"})) or (comma and _given(w, name)):
            yield name, w.text[w.toks[n][0]:w.phrase_end(n)]  # "... رافائل گروسی، مدیرکل"
            return


def persian_said(w: Window, i: int) -> Found:
    """"علی باقری روز دوشنبه گفت": a sentence that opens with a given name and ends, a few
    words on, in an attribution verb."""
    def opens(j: int) -> bool:  # a sentence, or a clause: "به گزارش ایرنا، علی باقری ..."
        return w.sentence_start(j) or "،" in w.gap(j)

    start = i
    while start > 0 and i - start < 10 and not opens(start):
        start -= 1
    if not opens(start) or start == i:
        return
    for size in (3, 2):
        name = _name_at(w, start, size)
        if name is not None and _given(w, name) and _ends_here(w, start + size) and \
                start + size <= i:
            yield name, ""
            return


# Given names that are also common words ("حسن النية", "وعده صادق", "علي الرغم" for "على"):
# never a name alone; and what may stand right before a name alone.
_NOT_ALONE = {"حسن", "حسین", "صادق", "علي", "رضا", "عبد", "أمين"}
_BEFORE_ALONE = {"با", "و", "عن", "مع", "نظام", "دولت", "حكومة", "ترور", "اغتيال", "مقتل",
                 "استشهاد", "شهادت", "امضای", "لقاء", "دیدار", "إلى", "به", "از"}


def arabic_given(w: Window, i: int) -> Found:
    """"مسعود پزشکیان در این دیدار", "با ولادیمیر پوتین دیدار کرد", "نظام بشار الأسد في":
    a common given name opening a clause, or after "با", "و", "نظام", and a whole name."""
    word = w.toks[i][2]
    before = w.toks[i - 1][2] if i > 0 and w.joined(i) else ""
    nationality = before.startswith(("ال", "وال")) and before.endswith("ي") and len(before) > 4
    if word in _NOT_ALONE or not (w.sentence_start(i) or "،" in w.gap(i) or
                                  before in _BEFORE_ALONE or nationality):
        return  # "والإيراني مسعود بزشكيان": after a nationality too
    for size in (5, 4, 3, 2):
        name = _name_at(w, i, size)
        if name is not None and _complete(w, name):
            yield name, ""
            return
