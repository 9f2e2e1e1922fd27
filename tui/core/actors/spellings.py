# ruff: noqa: RUF001, RUF003  (Arabic, Persian and Hebrew script are the point here)
"""Spellings of a listed name that writers of one region or script use and the gazetteer need
not list one by one (the matcher and the spelling checks take them as the name's own).

- Persian compound given names are written joined in Persian ("محمدرضا عارف") and apart in
  Arabic ("محمد رضا عارف"): each spelling brings the other, or "رضا عارف" was a person not
  listed and Mohammad Reza Aref counted only by his title.
- Egyptian and Gulf writers spell a foreign g with ج, not غ ("سيرجي شويجو" for سيرغي شويغو):
  a name whose Latin form has a g (not gh, which is غ itself) is found with ج for its غ.
- Arabic and Persian write "Abd al-" names apart or joined ("محمد عبد السلام", "محمد
  عبدالسلام"; "عبد الملك", "عبدالملك"): each spelling brings the other.
- Hebrew writes its prefixes onto the next word ("בטהרן" in Tehran, "וחמאס" and Hamas,
  "שחמאס" that Hamas): a Hebrew name is found with them, as Arabic's clitics are (text.py).
  After ב, ל and כ the article ה drops ("הסנאט", "בסנאט" in the Senate): a form with the
  article is found so too.
"""

from __future__ import annotations

import re

_COMPOUND_HEAD = "محمد"  # محمدرضا, محمدجواد, محمدباقر, محمدعلی, محمدحسین...
_ZWNJ = "\u200c"
_FOREIGN_G = re.compile(r"g(?!h)", re.IGNORECASE)
_HEBREW = re.compile("[\u05d0-\u05ea]")
# ו and; ה the; ב in; ל to; מ from; ש that; כ as; and the usual pairs of them
_HEBREW_PREFIXES = ("ו", "ה", "ב", "ל", "מ", "ש", "כ", "וה", "וב", "ול", "ומ", "וש", "שה",
                    "שב", "של", "מה", "כש", "לה", "בה", "כה")
_ARTICLE_DROPS = ("ב", "ל", "כ", "וב", "ול", "שב")  # ב + הסנאט is written בסנאט
_ABD_APART = re.compile(r"(?<!\S)عبد (ال\w{2,})")  # عبد السلام -> عبدالسلام
_ABD_JOINED = re.compile(r"(?<!\S)عبد(ال\w{2,})")  # عبدالسلام -> عبد السلام


def written_alike(form: str, latin_name: str) -> list[str]:
    """Other spellings of `form` (a name or alias of the actor whose name is `latin_name`)."""
    out: list[str] = []
    words = form.split()
    if words and words[0].startswith(_COMPOUND_HEAD):
        rest = words[0][len(_COMPOUND_HEAD):].lstrip(_ZWNJ)
        if len(rest) >= 2:  # محمدرضا -> محمد رضا
            out.append(" ".join([_COMPOUND_HEAD, rest, *words[1:]]))
        elif words[0] == _COMPOUND_HEAD and len(words) >= 3:  # محمد رضا عارف -> محمدرضا
            out.append(" ".join([_COMPOUND_HEAD + words[1], *words[2:]]))
    if "عبد" in form:
        out += [spelt for spelt in (_ABD_APART.sub(r"عبد\1", form),
                                    _ABD_JOINED.sub(r"عبد \1", form)) if spelt != form]
    if "غ" in form and _FOREIGN_G.search(latin_name):
        out += [spelt.replace("غ", "ج") for spelt in (form, *out)]
    return out


def hebrew_variants(form: str) -> list[str]:
    """A Hebrew name with the prefixes written onto it ("טהרן" -> "בטהרן", "וטהרן")."""
    if not _HEBREW.match(form[:1]):
        return []
    out = [prefix + form for prefix in _HEBREW_PREFIXES]
    if form.startswith("ה") and len(form.split()[0]) > 3:
        out += [prefix + form[1:] for prefix in _ARTICLE_DROPS]
    return out
