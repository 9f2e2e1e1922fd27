# ruff: noqa: RUF001  (Cyrillic, Arabic, Persian, Hebrew and Turkish cue words are the point)
"""A site's promotions and tickers inside an article body, in the six languages the desk
reads: "Live:" tickers over another story, app and podcast promos, Telegram and WhatsApp
channel promos (Persian, Hebrew, Arabic, Turkish), cross-link labels furniture.py and the
post-clean did not know ("Также на сайте:", "עוד בנושא:", "Bunlar da ilginizi çekebilir:"),
a shouted VIDEO label over a video's title, and a gallery's "Photo 1 of 6" counters.

Their names (the ticker's Beirut, the teaser's Netanyahu) became the article's actors. Each
pattern asks for the promo's own voice (an imperative to the reader, "our", a platform name,
a label with its colon), so a sentence reporting the same things stays: "Hamas urged its
supporters to join its Telegram channel", "Live coverage of the trial was banned".
"""

from __future__ import annotations

import re

from tui.core.ingest.joiners import ZWNJ_FORMS

_ZW = f"[{ZWNJ_FORMS} ]?"  # a ZWNJ as the page holds it (joiners.py), a space or none
_NOSENT = r"[^.!?؟]"  # a ticker or a teaser is a headline: no sentence's end in it
_PODCAST = "podcast|подкаст|بودكاست|پادکست|פודקאסט"

_ANCHORED = [  # each starts at the line's start: one alternation, tried there only
    # "Live:" tickers over another story's link.
    r"^\W*(live( updates| blog)?|прямая трансляция|онлайн-трансляция|بث مباشر|مباشر"
    rf"|(پخش )?زنده|(ב)?שידור חי|canlı( yayın| blog)?)\s*[:|\u2013\u2014-]\s*{_NOSENT}{{3,200}}$",
    # App promos: an imperative to get the site's app.
    r"^\W*(download|get|install) (the|our) ([\w'\u2019-]+ ){0,4}app\b.{0,100}$",
    r"^\W*(скачайте|установите) (наше |мобильное )*приложение.{0,120}$",
    r"^\W*(حمّل|حمِّل|حمل|حملوا|نزّل|نزل|قم بتحميل) (تطبيق|التطبيق).{0,120}$",
    r"^\W*הורידו את (האפליקציה|האפליקצייה).{0,80}$",
    # Channel promos.
    r"^\W*(تابعوا|تابعونا|تابعنا|انضموا|انضم|اشتركوا)\b.{0,60}(واتساب|واتس آب|تلغرام|تيليغرام"
    r"|قناتنا).{0,60}$",
    r"^\W*(הצטרפו|עקבו|הירשמו)\b.{0,40}(טלגרם|ווטסאפ|וואטסאפ|אינסטגרם|טוויטר|יוטיוב|ערוץ"
    r"|קבוצת).{0,40}שלנו.{0,40}$",
    # Cross-link labels.
    rf"^\W*(также на сайте|ещё на сайте|еще на сайте|עוד בנושא|קראו עוד|קראו גם"
    rf"|bunlar da ilginizi çekebilir|ilgili haber(ler)?|ayrıca (bakınız|okuyun)"
    rf"|(bunu|bunları) da okuyun"
    rf"|also on [\w .'\u2019-]{{2,30}})\s*[:|\u2013\u2014-]\s*{_NOSENT}{{3,200}}$",
    r"^\W*(also on [\w .'\u2019-]{2,30}|כתבות נוספות|ilgili haberler|daha fazla haber)\W*$",
    # A shouted video or podcast label over its title: "VIDEO Hezbollah drone footage ...".
    rf"^\W*(?-i:VIDEO|VİDEO|ВИДЕО|PODCAST|ПОДКАСТ)\s+{_NOSENT}{{3,150}}$",
    # A podcast's or a listen label over an episode's title: "Podcast | ...", "🎧 Listen: ...".
    rf"^\W*({_PODCAST}|listen|слушайте|استمع|بشنوید|האזינו)\s*[:|\u2013\u2014-]\s*"
    rf"{_NOSENT}{{3,200}}$",
    # A gallery's counter, alone or before its caption: "Photo 1 of 6", "2/6 Crowds ...".
    r"^\W*(photo|image|picture|slide|фото|слайд|صورة|عکس|תמונה|fotoğraf|görsel)\s*\d{1,3}"
    r"\s*(of|из|من|از|מתוך|/)\s*\d{1,3}\W*$",
    rf"^\W*\d{{1,3}}\s*/\s*\d{{1,3}}\s+{_NOSENT}{{3,160}}$",
]
# These find their words anywhere in the line's head (`.{0,N}` first: they scan), so each
# runs only when the lowered line holds one of its cue words, which every match contains.
_SCANNING = [  # (cue words, pattern)
    (("دانلود", "نصب"), r"^.{0,40}(اپلیکیشن|اپ|برنامه)\b.{0,40}(را )?(دانلود|نصب) کنید\W*$"),
    (("uygulama",), r"^.{0,60}\buygulama(mızı|sını|yı)?\s+(indirin|yükleyin|indirebilirsiniz)"
     r"\W*$"),
    # Podcast promos: a listen or subscribe with the platforms named.
    (("podcast", "spotify", "яндекс"),
     r"^.{0,120}(listen|subscribe|follow|слушайте|подпишитесь|استمع|استمعوا|گوش کنید)\b"
     r".{0,120}(apple podcasts|spotify|google podcasts|castbox|яндекс[ .]музык\w*"
     r"|wherever you (get|listen to) (your )?podcasts).{0,80}$"),
    (("بپیوندید", "عضو شوید", "دنبال کنید"),
     rf"^.{{0,60}}(تلگرام|واتساپ|واتس{_ZW}اپ|ایتا|بله|روبیکا|اینستاگرام|سروش).{{0,40}}"
     r"(بپیوندید|عضو شوید|دنبال کنید)\W*$"),
    (("kanalımız", "hesabımız", "grubumuz"),
     r"^.{0,40}(whatsapp|telegram|instagram|youtube|twitter|x)\s+(kanalımıza|kanalımızı"
     r"|hesabımızı|hesabımıza|grubumuza)\s*(katılın|abone olun|takip edin)\W*$"),
    (("devamı",), r"^.{0,60}\bdevamı (için )?(tıklayın|tıklayınız)\W*$"),
]
_ANCHORED_RE = re.compile("|".join(f"(?:{p})" for p in _ANCHORED), re.I)


def _folded(word: str) -> str:
    """A word lowered as re.I matches it in Turkish: a shouted "AYRICA" lowers to "ayrica"
    and "İLGİLİ" to "ilgili" with combining dots, neither an opener as spelled; both fold
    the dotless i and drop the dot here."""
    return word.lower().replace("\u0307", "").replace("\u0131", "i")


# The words an _ANCHORED line opens with (lowered): a line opening otherwise, or with no
# digit, is passed over before the alternation (most body lines: it cost 15% of the clean).
_OPENERS = frozenset(map(_folded, [
    "live", "прямая", "онлайн", "بث", "مباشر", "پخش", "زنده", "בשידור", "שידור",
    "canlı", "canli", "download", "get", "install", "скачайте", "установите", "حمّل",
    "حمِّل", "حمل", "حملوا", "نزّل", "نزل", "قم", "הורידו", "تابعوا", "تابعونا", "تابعنا",
    "انضموا", "انضم", "اشتركوا", "הצטרפו", "עקבו", "הירשמו", "также", "ещё", "еще", "עוד",
    "קראו", "bunlar", "bunu", "bunları", "ilgili", "ayrıca", "also", "כתבות", "daha", "video",
    "vi̇deo", "видео", "photo", "image", "picture", "slide", "фото", "слайд", "صورة", "عکس",
    "תמונה", "fotoğraf", "görsel", "podcast", "подкаст", "بودكاست", "پادکست", "פודקאסט",
    "listen", "слушайте", "استمع", "بشنوید", "האזינו"
]))
_OPENER = re.compile(r"[\W_]*([^\s:|/\u2013\u2014-]+)")
_BY_CUE = [(cues, re.compile(p, re.I)) for cues, p in _SCANNING]


def is_promo(line: str) -> bool:
    """A line (whitespace collapsed) that is one of the promos or tickers above as a whole.
    A body paragraph (long, two sentences or more) is passed over before any pattern."""
    if len(line) > 400 or (len(line) >= 250 and line.count(". ") >= 2):
        return False
    opener = _OPENER.match(line)
    word = _folded(opener.group(1)) if opener else ""
    if (word in _OPENERS or word[:1].isdigit()) and _ANCHORED_RE.match(line):
        return True
    low = line.lower()
    for cues, pattern in _BY_CUE:  # a plain loop: generators per entry cost more here
        for cue in cues:
            if cue in low:
                if pattern.match(line):
                    return True
                break
    return False


# --------------------------------------------------------------------------- podcast boxes

_PODCAST_CUES = ("podcast", "подкаст", "بودكاست", "پادکست", "פודקאסט", "listen", "слушать", "استمع")
_BOX_LABEL = re.compile(rf"^\W*((the|our|a|наш) )?({_PODCAST})\W*$"
                        r"|^\W*(?-i:(?:[A-Z\u0410-\u042f][\w'\u2019&.-]* ){1,4})podcast\W*$", re.I)
_BOX_CALL = re.compile(r"^\W*(listen|subscribe|слушайте|подпишитесь|استمع|استمعوا|گوش کنید"
                       rf"|بشنوید|האזינו)\b.{{0,150}}({_PODCAST}|apple podcasts|spotify|castbox"
                       r"|яндекс[ .]музык)|^\W*(listen|слушать|استمع)( now| сейчас| الآن)?\W*$",
                       re.I)
_TWO_SENTENCES = re.compile(r"[.!?\u061f]\s")


def drop_podcast_boxes(lines: list[str]) -> list[str]:
    """`lines` (whitespace collapsed) without a podcast box: its label ("PODCAST", "The Gulf
    Briefing podcast") and the episode's title under it, a listen call ("Listen on Spotify",
    "Listen now") and a title over or under it. The title is a headline (no full stop, one sentence
    at most) whose names became the article's actors; the article's own sentences end in a
    full stop and stay."""
    if not any(cue in line.lower() for line in lines for cue in _PODCAST_CUES):
        return lines
    label = [bool(_BOX_LABEL.match(line)) for line in lines]
    call = [not label[i] and bool(_BOX_CALL.match(line)) for i, line in enumerate(lines)]
    drop: set[int] = set()
    for i in range(len(lines)):
        if label[i]:
            drop.add(i)
            drop.update(j for j in range(i + 1, min(i + 3, len(lines)))
                        if all(call[k] or _title(lines[k]) for k in range(i + 1, j + 1)))
        elif call[i]:
            drop.add(i)
            drop.update(j for j in (i - 1, i + 1) if 0 <= j < len(lines) and _title(lines[j]))
    return [line for i, line in enumerate(lines) if i not in drop]


def _title(line: str) -> bool:
    return len(line) <= 160 and line[-1] not in ".\u2026" and not _TWO_SENTENCES.search(line)


# --------------------------------------------------------------------------- pull quotes

_OPENING = "\"'\u201c\u201e\u00ab\u2018\u300c"  # a pull quote sits in quote marks ...
_CLOSING = "\"'\u201d\u00bb\u2019\u300d"  # ... or has no sentence's end (a standfirst has)
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u300c\u300d .!?\u2026-\u2013\u2014"


def drop_pull_quotes(lines: list[str]) -> list[str]:
    """`lines` without pull quotes: a short line (six words or more) in quote marks or with
    no full stop whose words, quote marks aside, stand inside a line of the body 40
    characters longer or more. The page
    repeats a sentence in large type as design; read as text it is the sentence twice.
    A body of over 300 lines or 200,000 characters is left as it is (each line is searched
    for in the whole body)."""
    if len(lines) < 2 or len(lines) > 300:
        return lines
    whole = "\n".join(lines).casefold()
    if len(whole) > 200_000:
        return lines
    kept = []
    for line in lines:
        if 30 <= len(line) <= 200 and ((line[0] in _OPENING and line[-1] in _CLOSING)
                                       or line[-1] not in ".!?\u2026"):
            core = line.strip(_QUOTE_MARKS).casefold()
            if len(core) >= 30 and core.count(" ") >= 5 and whole.count(core) >= 2 \
                    and any(len(other) >= len(line) + 40 and _quoted_in(core, other.casefold())
                            for other in lines):
                continue
        kept.append(line)
    return kept


def _quoted_in(core: str, host: str) -> bool:
    """`core` stands in `host` as a pull quote does. A host that is `core` with only a
    dateline before it ("MOSCOW (Agency) - ...", no sentence of its own, ending in a bracket
    or a dash) and a full stop after is the lead, repeated as the standfirst over it:
    both stay."""
    at = host.find(core)
    if at < 0:
        return False
    before = host[:at].rstrip()
    return not (before[-1:] in (")", "-", "\u2013", "\u2014") and len(before) <= 100
                and not host[at + len(core):].strip(_QUOTE_MARKS)
                and not _SENTENCE_END.search(before))


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u00bb\u2019)]*\s")
