# ruff: noqa: RUF001  (Cyrillic script is the point here)
"""A state named by its demonym as the modifier of what a state does or who acts for it:
"Israeli strikes", "Iranian officials", "Russian troops" name Israel, Iran and Russia acting
(an article that only says "Israeli" listed Lebanon, not Israel); "a Russian journalist" or
"Iranian cinema" name no state. In Russian the adjective comes before the noun ("иранские
военные"), in Arabic and Persian after it ("الطائرات الإسرائيلية", "مقامات ایرانی"), each
language with its own list of nouns: measured with bench/actors_eval.py, the adjectives after any
noun cost states precision on two sets of four; with these lists, no false state on any set.
Those states are shown, but drive no link (native_demonym): as link features they cost linking.
The demonyms are places.toml's (kind = "demonym"); "русский" is left out (a people, a language).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from tui.core.places.matcher import bundled_places


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

# What a state does or who acts for it (a body the table composes is found as the body).
NOUNS = _words("""
strike strikes airstrike airstrikes air raid raids attack attacks bombardment shelling fire
operation operations offensive incursion invasion army military forces force troops soldiers
officials official government authorities minister ministers president premier leader leaders
leadership delegation diplomats diplomat negotiators envoy ambassador embassy navy warplanes
jets drones drone missile missiles aircraft warships security intelligence cabinet spokesman
spokeswoman statement side regime police tanks artillery sanctions demands response
retaliation counterpart counterparts foreign defence defense state
""")
RU_NOUNS = _words("""
военные военных военным военными войска войск войскам войсками силы сил силам силами удар
удара удары ударов ударам ударами авиаудар авиаудары авиаударов обстрел обстрелы обстрелов
атака атаки атаку атак беспилотники беспилотников дроны дронов ракеты ракет власти властей
властям властями чиновники чиновников дипломаты дипломатов делегация делегации делегацию
сторона стороны стороне сторону руководство руководства лидеры лидеров военнослужащие
военнослужащих самолеты самолетов истребители корабли кораблей санкции санкций операция
операции операцию наступление наступления представители представителей спецслужбы спецслужб
режим режима
""")
# Arabic nouns with their article; a proclitic (و ف ب ل) before them is read past.
AR_NOUNS = _words("""
القوات الغارات الغارة الضربات الضربة الطائرات المسيرات الصواريخ الهجمات الهجوم القصف السلطات
المسؤولين المسؤولون الوفد الدبلوماسيين الجانب الاحتلال العدوان العملية العمليات التوغل القيادة
الاعتداءات الدفاعات المقاتلات النظام البوارج
""")
FA_NOUNS = _words("""
نیروهای حملات حمله جنگنده‌های پهپادهای موشک‌های مقامات مقام‌های دیپلمات‌های هیئت طرف رژیم
مسئولان نظامیان ناوهای هواپیماهای تجاوز
""")
_RU_ENDINGS = "ий|ая|ое|ие|ого|ой|ому|ую|им|ими|их|ом|ей"


def _either(forms: list[str]) -> str:
    return "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) or "(?!)"


class DemonymStates:
    """Finds a demonym that modifies a noun of its language's list and gives its span and
    state."""

    _ru: re.Pattern[str] | _InScript
    _rtl: re.Pattern[str] | _InScript

    def __init__(self, states: Container[str]) -> None:
        self.state: dict[str, str] = {}  # English demonym, Russian stem ("иранск"), Arabic or
        for place in bundled_places().values():  # Persian adjective -> state id
            if place.kind != "demonym" or len(place.country) != 1 or \
                    place.country[0] not in states:
                continue
            for form in place.forms:
                if (form.isascii() and form[:1].isupper()) or form.startswith("ال") or \
                        (form.endswith("ی") and "\u0600" <= form[0] <= "\u06ff"):
                    self.state[form] = place.country[0]
                elif form.endswith(("ский", "цкий")) and not form.startswith("русск"):
                    self.state[form[:-2]] = place.country[0]
        latin = [f for f in self.state if f.isascii()]
        stems = [f for f in self.state if f.endswith("к") and not f.isascii()]
        rtl = [f for f in self.state if f not in latin and f not in stems]
        self._en = _NotAfter(re.compile(rf"({_either(latin)})[ \u00a0]+([\w'\u2019-]+)"),
                             re.compile(r"[\w-]"))
        self._ru = re.compile(rf"(?<![\w-])((?:{_either(stems)})(?:{_RU_ENDINGS}))[ \u00a0]+(\w+)",
                              re.IGNORECASE)
        self._rtl = re.compile(rf"(?<!\w)(?:[وفبل]|وب|ول|فب|فال)?([\w\u200c]+)[ \u00a0]+"
                               rf"({_either(rtl)})(?!\w)")
        # a text without a Cyrillic (Arabic-script) letter is not scanned for the Russian
        # stems (Arabic and Persian forms): every one has such letters, which case-fold only to
        # their own script's, and most articles have none (a cold run's scans of English
        # articles for them were ~5% of the pool's text halves)
        self._ru = _InScript(self._ru, _CYRILLIC, stems)
        self._rtl = _InScript(self._rtl, _ARABIC, rtl)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, state id) of each demonym that modifies a noun of its language."""
        found = [(m.start(1), m.end(1), self.state[m.group(1)])
                 for m in self._en.finditer(text) if m.group(2).lower() in NOUNS]
        for m in self._ru.finditer(text):
            if m.group(2).lower().replace("ё", "е") in RU_NOUNS:
                stem = m.group(1).lower()
                state = next(self.state[s] for s in self.state if stem.startswith(s) and
                             s.endswith("к") and not s.isascii())
                found.append((m.start(1), m.end(1), state))
        found.extend((m.start(2), m.end(2), self.state[m.group(2)])
                     for m in self._rtl.finditer(text) if m.group(1) in AR_NOUNS
                     or m.group(1) in FA_NOUNS or "ال" + m.group(1) in AR_NOUNS)
        return sorted(found)


class _NotAfter:
    """`(?<!<before>)<pattern>`'s matches, the look behind tested on each match found: a
    pattern that starts with its alternatives is scanned for their first letters in C, one
    that starts by looking behind tries every position (a fifth of the time on English
    text). A match that fails the test is tried again one character on, as the look behind
    would have sent the scan there."""

    def __init__(self, pattern: re.Pattern[str], before: re.Pattern[str]) -> None:
        self.pattern, self.before = pattern, before

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        search, before, at = self.pattern.search, self.before.match, 0
        while (m := search(text, at)) is not None:
            start = m.start()
            if start and before(text, start - 1):
                at = start + 1
                continue
            yield m
            at = m.end()


# every Cyrillic block: a few letters outside the first fold to letters in it ("\u1c80" is "в")
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_ARABIC = re.compile("[\u0600-\u06ff]")


class _InScript:
    """A pattern that matches only where one of `forms` is, each holding a letter of
    `script`: a text without one is not scanned."""

    def __init__(self, pattern: re.Pattern[str], script: re.Pattern[str],
                 forms: list[str]) -> None:
        if not all(script.search(f) for f in forms):
            raise ValueError("a form without a letter of its script")
        self.pattern, self.script = pattern, script

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.script.search(text) else iter(())


_native: list[frozenset[str]] = []


def native_demonym(words: str) -> bool:
    """A Russian, Arabic or Persian demonym ("иранские", "الإسرائيلية", "ایرانی"). Its state
    is shown but drives no link: measured on a-h + k (seeds 7/8/9), as link features they cost
    B3-F1 0.9404 -> 0.9372; the English ones help (0.9358 without them)."""
    if words.isascii():
        return False
    if not _native:
        _native.append(frozenset(f for f in DemonymStates(_Everything()).state
                                  if not f.isascii()))
    forms = _native[0]
    low = words.lower()
    return low in forms or (" " not in low and low[-2:] in _RU_ENDINGS.split("|") and
                            low[:-2] in forms) or (low[-3:] in _RU_ENDINGS.split("|") and
                                                   low[:-3] in forms)


class _Everything:
    """Every state: the forms of all demonyms."""

    def __contains__(self, item: object) -> bool:
        return True
