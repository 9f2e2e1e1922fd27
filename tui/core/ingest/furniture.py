# ruff: noqa: RUF001, RUF003  (Cyrillic, Arabic and Persian cue words are the point here)
"""Page furniture that trafilatura leaves inside bodies from Russian, Arabic and Persian
outlets (and some English shapes the post-clean in extract.py missed): a "Читайте также"
line with no colon, Arabic and Persian photo credits, live blogs' bare clocks, cookie and
paywall notices, corrections, "most read" headings, source lines and author labels.

Each is the page's, not the story's: its names became the article's actors. A line is
dropped only when it is that notice as a whole; a sentence that reports something in the
article's own words ("Officials said the site uses cookies to track visitors") stays.
"""

from __future__ import annotations

import re

from tui.core.ingest.joiners import ZWNJ_FORMS

_ZW = f"[{ZWNJ_FORMS} ]?"  # a ZWNJ as the page holds it (joiners.py), a space or none

# Whole-line shapes, one alternation (extract.py's _DROP_RE does the same).
_ANCHORED = [
    # An imperative cross-link cue over another story's headline, with no mark between
    # ("ЧИТАЙТЕ ТАКЖЕ Шойгу прибыл...", "اقرأ أيضاً.. ..."): readers are never told this in
    # an article's prose. ("Подробнее", "по теме" open real sentences: not here.)
    r"^\W{0,3}(читайте (также|еще|ещё)|смотрите также|[اإأ]قرأ (أيضاً|أيضا|ايضاً|ايضا|كذلك)"
    r"|(بیشتر|همچنین) بخوانید|شاهد (أيضاً|أيضا|ايضا))\W{0,3}\s.{3,200}$",
    # A gallery's or video's teaser for another story: "In pictures: ...", "بالصور: ...".
    r"^\W*(in pictures|in photos|photo gallery|gallery|фоторепортаж|фотогалерея|بالصور"
    r"|گزارش تصویری)\s*[:|].{0,200}$",
    # Photo credits in Arabic and Persian, and Persian's "photo by" / "photo source".
    r"^\W*(الصورة|صورة|الصور|تصویر|عکس از|منبع عکس|عکاس|фотография|источник фото)\s*[:|/©]"
    r".{0,150}$",
    # A live blog's age alone on its line: "5 minutes ago", "منذ 5 دقائق" (its clock is a stamp:
    # body_noise.py).
    r"^\W*(\d+|an?|one)\s+(minutes?|mins?|hours?|hrs?|days?)\s+ago\W*$",
    r"^\W*\d+\s+(минут[уы]?|час(а|ов)?|дн(я|ей))\s+назад\W*$",
    r"^\W*منذ\s+\d+\s+(دقيقة|دقائق|ساعة|ساعات|أيام|يوم)\W*$",
    r"^\W*\d+\s+(دقیقه|ساعت|روز)\s+پیش\W*$",
    # "Most read" and its kin heading a list of other stories.
    rf"^\W*(самое (читаемое|популярное|обсуждаемое)|популярное|الأكثر (قراءة|مشاهدة|تداولا?)"
    rf"|(اخبار |مطالب )?(پربازدیدترین|پربیننده{_ZW}ترین)(\s*(ها|اخبار|مطالب))?"
    r"|(اخبار|مطالب) پربازدید)\W*$",
    # Corrections and update notes: about the article, not the event.
    r"^\W*(correction|clarification|исправление|уточнение|تصحيح|توضيح|اصلاحیه)\s*:.{0,300}$",
    r"^\W*an earlier version of this (article|story|report|piece)\b.{0,300}$",
    r"^\W*(editor'?s note\s*:\s*)?this (article|story|report|piece) (has been|was) "
    r"(updated|corrected|amended)\b.{0,200}$",
    # A source or author label alone ("Источник: ТАСС", "المصدر: الجزيرة + وكالات").
    r"^\W*(sources?|источник|источники|المصدر|المصادر|منبع|منابع)\s*:\s*[^.!?]{1,80}$",
    r"^\W*(автор|автор текста|الكاتب|بقلم|نویسنده|خبرنگار)\s*:\s*[^.!?]{1,120}$",
    # Comment counters, age labels and log-in prompts.
    r"^\W*(comments?|комментарии|التعليقات|تعليقات|نظرات)\W*(\d+\W*)?$",
    r"^\W*\d{1,2}\+\W*$",
    r"^\W*(already (have an account|a subscriber|registered)\?\W*(log|sign) ?in"
    r"|уже (есть подписка|подписаны|зарегистрированы)\?\W*(войдите|авторизуйтесь)).{0,60}$",
    # Russian legal footnotes under a name with a star: "* Meta признана экстремистской ...",
    # and the foreign-agent label; the names in them are no actors of the story.
    r"^\s*\*.{0,200}(запрещен\w*|признан\w*) .{0,120}$",
    r"^\W*(данное|настоящее|этот|настоящий) (сообщение|материал)\W*(\(?(материал|информация)"
    r"\)?\W*)?(создан|произвед|распростран)\w*.{0,300}иностранн\w+ агент.{0,200}$",
    # Arabic follow rows naming an app extract.py's row does not know.
    r"^\W*(تابعوا|تابعونا|تابعنا|اشتركوا في).{0,60}(واتساب|واتس آب|جوجل نيوز|أخبار جوجل|تطبيق"
    r"|تيك توك|إكس)\W*$",
]
_ANCHORED_RE = re.compile("|".join(f"(?:{p})" for p in _ANCHORED), re.I)

# Notices told by two things in one line (a cookie word and consent wording, a subscription
# and the rest of the article): each runs only when the line holds one of its cue words.
_COOKIE = r"(cookies?|куки|файл\w* cookie|کوکی|الكوكيز|ملفات تعريف الارتباط|ملفات الارتباط)"
_CONSENT = (r"(we use|our use|this (web)?site uses|you (agree|consent|accept)|accept all"
            r"|мы используем|сайт использует|вы соглашаетесь|согласие|نستخدم|يستخدم"
            rf"|توافق|موافقت|استفاده می{_ZW}کن|این (وب{_ZW})?سایت)")
# Paywalls speak to the reader ("subscribe to continue reading", "for subscribers only"); a
# sentence about subscribers in the story's own words does not.
_PAYWALL_EN = (r"(subscribe (now |today )?(to (continue|keep) reading|for (full|unlimited) access)"
               r"|to (continue|keep) reading,? (please )?(subscribe|log in|sign in)"
               r"|(this|the) (article|story|content) is (only )?(available )?(for|to) subscribers"
               r"|subscribers only|already a subscriber)")
_PAYWALL_RU = (r"(чтобы (продолжить чтение|дочитать|прочитать (статью|материал) (полностью"
               r"|целиком)),? (оформите|купите) подписку|(материал|статья) доступ\w* только "
               r"(для )?подписчик\w*|только для подписчиков)")
_PAYWALL_AR = (r"((للاستمرار في القراءة|لمواصلة القراءة|لقراءة المقال كامل\S*)[،,]? ?(اشترك|سجل)"
               r"|(هذا )?(المحتوى|المقال) (متاح )?(فقط )?للمشتركين)")
_PAYWALL_FA = r"(برای ادامه (مطالعه|خواندن).{0,40}(اشتراک|مشترک شوید)|(ویژه|فقط برای) مشترک(ان|ین))"
_PAIRED = [  # (cue words, pattern)
    (("cookie", "куки", "کوکی", "الكوكيز", "الارتباط"),
     rf"^(?=.{{0,300}}{_COOKIE})(?=.{{0,300}}{_CONSENT}).{{0,400}}$"),
    (("subscri",), rf"^.{{0,200}}{_PAYWALL_EN}.{{0,200}}$"),
    (("подпис",), rf"^.{{0,200}}{_PAYWALL_RU}.{{0,200}}$"),
    (("اشترك", "سجل", "المشتركين"), rf"^.{{0,200}}{_PAYWALL_AR}.{{0,200}}$"),
    (("مشترک",), rf"^.{{0,200}}{_PAYWALL_FA}.{{0,200}}$"),
    # Newsletter and channel boxes in Arabic, Persian and Russian.
    (("النشرة",), r"^.{0,60}(اشترك|سجل|انضم).{0,40}النشرة (البريدية|الإخبارية|الاخبارية).{0,80}$"),
    (("خبرنامه",), rf"^.{{0,80}}خبرنامه.{{0,60}}(عضو شوید|مشترک شوید|ثبت{_ZW}نام).{{0,40}}$"),
    (("нашем", "наш "), r"^.{0,60}\b(в|на) (нашем|наш) (telegram|телеграм|канал|дзен|max|vk)"
     r"\S*.{0,40}$"),
    (("подпис",), r"^\W*(подписывайтесь|подпишитесь) на .{1,40} в (telegram|телеграм|дзен|max"
     r"|vk|вконтакте|«?дзен)\W*$"),
    # An author's bio ending "Follow her on X" ("He urged them to follow him on X" stays).
    (("follow",), r"^(.{0,200}[.!]\s+)?follow (her|him|them) on (x|twitter|telegram|instagram"
     r"|bluesky|linkedin)(\s+@\w+)?\W*$"),
]
# A caption ending with its agency: "... في أنقرة (أ ف ب)" (searched only in a line ending so).
_AGENCY_END = re.compile(r"\((أ\.? ?ف\.? ?ب|رويترز|الأناضول|أسوشيتد برس|غيتي|إيبا|ایرنا|ایسنا"
                         r"|تسنیم|ТАСС|РИА Новости)\)\s*$")
# Cue -> the patterns it gates, looked up with a plain loop (a generator per entry cost more
# than the patterns themselves).
_BY_CUE: dict[str, list[re.Pattern[str]]] = {}
for _cues, _pattern in _PAIRED:
    for _cue in _cues:
        _BY_CUE.setdefault(_cue, []).append(re.compile(_pattern, re.I))


def is_furniture(line: str) -> bool:
    """A line (whitespace collapsed) that is one of the notices above as a whole."""
    if len(line) > 400:
        return False
    if _ANCHORED_RE.match(line):
        return True
    if line.endswith(")") and len(line) <= 260 and _AGENCY_END.search(line):
        return True
    low = line.lower()
    for cue, patterns in _BY_CUE.items():
        if cue in low:
            for pattern in patterns:
                if pattern.match(line):
                    return True
    return False


# An author box: its heading alone on a line, then the bio (whose employers and beats became
# the article's actors).
_BIO_BOX = re.compile(r"^[^\S\n]*\W*(about the author|об авторе|عن الكاتب|نبذة عن الكاتب"
                      rf"|درباره{_ZW}(ی )?نویسنده)\W*\n+[^\n]{{1,400}}(\n|$)", re.I | re.M)


_BIO_CUES = ("uthor", "UTHOR", "автор", "Автор", "АВТОР", "الكاتب", "نویسنده")


def drop_bio_boxes(text: str) -> str:
    """`text` (lines) without an author box: the heading and the one paragraph under it.
    Plain finds first: the line-start search costs as much as the rest of the post-clean."""
    if not any(cue in text for cue in _BIO_CUES):
        return text
    return _BIO_BOX.sub("", text)
