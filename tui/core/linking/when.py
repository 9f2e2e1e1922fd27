# ruff: noqa: RUF001 - Cyrillic, Arabic and Persian letters in the cue lists are meant
"""The day an article's lead speaks of: "on Tuesday", "вчера", "الثلاثاء", "سه‌شنبه".

A report says when its event happened; an analysis written three days later still names that
day. Two articles whose leads point at different days (the pagers on Tuesday, the radios on
Wednesday) are less likely one event than their publication times alone suggest. The first
weekday or "yesterday"/"today" word in the headline or first paragraph is read relative to the
publication date; none found means the publication day.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

DAY = 86400.0

# weekday index (Monday 0) -> its names, as written after "on"/"в"/"يوم"/"روز"
_WEEKDAYS = {
    0: ("monday", "понедельник", "الاثنين", "الإثنين", "دوشنبه"),
    1: ("tuesday", "вторник", "الثلاثاء", "سه‌شنبه", "سه شنبه", "سهشنبه"),
    2: ("wednesday", "среду", "среда", "الأربعاء", "الاربعاء", "چهارشنبه"),
    3: ("thursday", "четверг", "الخميس", "پنجشنبه", "پنج‌شنبه", "پنج شنبه"),
    4: ("friday", "пятницу", "пятница", "الجمعة", "جمعه"),
    5: ("saturday", "субботу", "суббота", "السبت", "شنبه"),
    6: ("sunday", "воскресенье", "الأحد", "الاحد", "یکشنبه", "یک‌شنبه"),
}
_RELATIVE = {
    -1: ("yesterday", "вчера", "أمس", "امس", "دیروز"),
    0: ("today", "tonight", "сегодня", "اليوم", "امروز"),
}
_CUES: dict[str, tuple[str, int]] = {
    **{w: ("weekday", k) for k, words in _WEEKDAYS.items() for w in words},
    **{w: ("relative", k) for k, words in _RELATIVE.items() for w in words},
}
# Longest first, so "سه‌شنبه" is not read as "شنبه"; a word character or a zero-width
# non-joiner on either side means the cue is part of a longer word.
_PATTERN = re.compile(
    r"(?<![\w\u200c])(" + "|".join(re.escape(w) for w in sorted(_CUES, key=len, reverse=True))
    + r")(?![\w\u200c])", re.IGNORECASE)
LEAD_CHARS = 600
# a live page's headline: its lead is its latest entry, which seldom names its day
_LIVE = re.compile(r"(?<![\w\u200c])(?:live|онлайн|трансляция|مباشر|لحظه به لحظه|בשידור חי)"
                   r"(?![\w\u200c])", re.IGNORECASE)
_CUE_WORDS = tuple(_CUES)  # all lower case already
_ASCII_CUES = tuple(cue for cue in _CUE_WORDS if cue.isascii())
# Letters IGNORECASE matches to a letter of a cue though lower() does not give that letter
# (dotless i, long s, old Cyrillic forms; "İ" lowers to two): with one of them in a lead, the
# cues are looked for by the pattern alone (test_when checks this list against every letter).
_ODD = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")


def lead_of(title: str, body: str) -> str:
    """The headline and the first paragraph (or the first LEAD_CHARS of the body)."""
    first = body.split("\n\n", 1)[0][:LEAD_CHARS]
    return f"{title}\n{first}"


def event_day(title: str, body: str, published: float) -> int:
    """Days since 1970-01-01 (UTC) of the event the lead speaks of."""
    return lead_day(title, body, published)[0]


def lead_day(title: str, body: str, published: float) -> tuple[int, bool]:
    """`event_day`, and whether the piece reads as written back undated: its lead names no
    day and its headline is no live page's. Wires name their day (180 of 182 in the set),
    analyses and explainers written days on often do not (17 of 73), so such a piece's lead
    is read as its publication day though it speaks of days before (score.py, part
    `undated`); a liveblog's lead is its latest entry, which seldom names a day (21 of 25 do
    not) though it is that day's news."""
    today = math.floor(published / DAY)
    lead = lead_of(title, body)
    start = _first_cue(lead)
    found = _PATTERN.search(lead, start) if start >= 0 else None
    if found is None:
        return today, _LIVE.search(title) is None
    return _day_of(found, today, published), False


def _day_of(found: re.Match[str], today: int, published: float) -> int:
    """The day a matched cue names, read from the publication date."""
    kind, value = _cue_of(found.group(1))
    if kind == "relative":
        return today + value
    weekday = datetime.fromtimestamp(published, UTC).weekday()
    back = (weekday - value) % 7
    # Times are UTC: "on Tuesday" published at 01:00 Tuesday in Moscow is Monday in UTC.
    return today - (back if back < 6 else -1)


def _first_cue(lead: str) -> int:
    """Where the pattern's search may start: the first cue in the lower-cased lead (-1: none,
    so no match). The pattern (IGNORECASE, lookarounds at each of ~700 places) was most of
    `event_day`; it now starts at the first cue, which no match can precede, as each letter
    it matches lowers to the cue's letter at the same place (0 when a letter may not)."""
    low = lead.lower()
    if lead.isascii():  # (most leads) only the English cues can be in it
        cues = _ASCII_CUES
    elif len(low) != len(lead) or _ODD.search(lead):
        return 0
    else:
        cues = _CUE_WORDS
    first = -1
    for cue in cues:
        at = low.find(cue)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


def _cue_of(word: str) -> tuple[str, int]:
    """The cue the pattern matched: lower() gives it, except for the letters of `_ODD`
    ("FRİDAY", or "friday" with a dotless i, raised a KeyError that stopped the analysis)."""
    found = _CUES.get(word.lower())
    if found is not None:
        return found
    return next(_CUES[cue] for cue in _CUE_WORDS
                if re.fullmatch(re.escape(cue), word, re.IGNORECASE))


# A headline that says its event repeats an earlier one of its kind: an ordinal or "again"
# word, or "new" with a word for a wave, a round or an attack ("second wave of blasts", "fresh
# strikes", "снова", "новые удары", "غارات جديدة", "مجددا", "دوباره", "موج دوم").
_EVENTS_RU = r"(?:удар|атак|волн|раунд|обстрел|взрыв)\w*"
_EVENTS_AR = r"(?:غارات|غارة|هجمات|هجوم|ضربات|ضربة|موجة|جولة|انفجارات)"
_EVENTS_FA = r"(?:حملات|حمله|موج|دور|انفجارهای|انفجار)"
_REPEAT_EN = (r"second|third|fourth|another|fresh|again|renewed|repeated|"
              r"new (?:wave|round|strikes?|attacks?|raids?|blasts?)")
_REPEAT = re.compile(
    rf"(?<![\w\u200c])(?:{_REPEAT_EN}|"
    r"втор(?:ой|ая|ое|ую|ого|ом)|треть(?:я|е|ю|его)|повторн\w*|снова|вновь|ещё один|еще один|"
    rf"нов(?:ый|ая|ое|ые|ую|ой|ых) {_EVENTS_RU}|"
    rf"مجددا|مجدداً|ثانية|الثانية|{_EVENTS_AR} (?:جديدة|جديد)|"
    rf"دوباره|مجدد|دومین|سومین|{_EVENTS_FA} (?:جدید|دوم))"
    r"(?![\w\u200c])", re.IGNORECASE)
# _REPEAT for a headline in ASCII, lowered: no other words can match it (IGNORECASE takes no
# ASCII letter for a Cyrillic or Arabic one), and the lowered text matches as the case does
_REPEAT_ASCII = re.compile(rf"(?<![\w\u200c])(?:{_REPEAT_EN})(?![\w\u200c])")


def repeats(title: str) -> bool:
    """Whether the headline says its event repeats an earlier one of its kind ("second wave of
    blasts hits Lebanon"): what it reports came after another such event, which an article
    from half a day or more before it is likely about (score.py, part `repeat`)."""
    if title.isascii():  # (most headlines) the English words alone, in the lowered text
        return _REPEAT_ASCII.search(title.lower()) is not None
    return _REPEAT.search(title) is not None
