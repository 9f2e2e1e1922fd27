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

_PATTERNS = [
    # "Live:" tickers over another story's link.
    r"^\W*(live( updates| blog)?|прямая трансляция|онлайн-трансляция|بث مباشر|مباشر"
    rf"|(پخش )?زنده|(ב)?שידור חי|canlı( yayın| blog)?)\s*[:|\u2013\u2014-]\s*{_NOSENT}{{3,200}}$",
    # App promos: an imperative to get the site's app.
    r"^\W*(download|get|install) (the|our) ([\w'\u2019-]+ ){0,4}app\b.{0,100}$",
    r"^\W*(скачайте|установите) (наше |мобильное )*приложение.{0,120}$",
    r"^\W*(حمّل|حمِّل|حمل|حملوا|نزّل|نزل|قم بتحميل) (تطبيق|التطبيق).{0,120}$",
    r"^.{0,40}(اپلیکیشن|اپ|برنامه)\b.{0,40}(را )?(دانلود|نصب) کنید\W*$",
    r"^\W*הורידו את (האפליקציה|האפליקצייה).{0,80}$",
    r"^.{0,60}\buygulama(mızı|sını|yı)?\s+(indirin|yükleyin|indirebilirsiniz)\W*$",
    # Podcast promos: a listen or subscribe with the platforms named.
    r"^.{0,120}(listen|subscribe|follow|слушайте|подпишитесь|استمع|استمعوا|گوش کنید)\b.{0,120}"
    r"(apple podcasts|spotify|google podcasts|castbox|яндекс[ .]музык\w*"
    r"|wherever you (get|listen to) (your )?podcasts).{0,80}$",
    # Channel promos.
    r"^\W*(تابعوا|تابعونا|تابعنا|انضموا|انضم|اشتركوا)\b.{0,60}(واتساب|واتس آب|تلغرام|تيليغرام"
    r"|قناتنا).{0,60}$",
    rf"^.{{0,60}}(تلگرام|واتساپ|واتس{_ZW}اپ|ایتا|بله|روبیکا|اینستاگرام|سروش).{{0,40}}"
    r"(بپیوندید|عضو شوید|دنبال کنید)\W*$",
    r"^\W*(הצטרפו|עקבו|הירשמו)\b.{0,40}(טלגרם|ווטסאפ|וואטסאפ|אינסטגרם|טוויטר|יוטיוב|ערוץ"
    r"|קבוצת).{0,40}שלנו.{0,40}$",
    r"^.{0,40}(whatsapp|telegram|instagram|youtube|twitter|x)\s+(kanalımıza|kanalımızı"
    r"|hesabımızı|hesabımıza|grubumuza)\s*(katılın|abone olun|takip edin)\W*$",
    # Cross-link labels.
    rf"^\W*(также на сайте|ещё на сайте|еще на сайте|עוד בנושא|קראו עוד|קראו גם"
    rf"|bunlar da ilginizi çekebilir|ilgili haber(ler)?|ayrıca (bakınız|okuyun)"
    rf"|also on [\w .'\u2019-]{{2,30}})\s*[:|\u2013\u2014-]\s*{_NOSENT}{{3,200}}$",
    r"^\W*(also on [\w .'\u2019-]{2,30}|כתבות נוספות|ilgili haberler|daha fazla haber)\W*$",
    r"^.{0,60}\bdevamı (için )?(tıklayın|tıklayınız)\W*$",
    # A shouted video label over the video's title: "VIDEO Hezbollah drone footage ...".
    rf"^\W*(?-i:VIDEO|VİDEO|ВИДЕО)\s+{_NOSENT}{{3,150}}$",
    # A gallery's counter, alone or before its caption: "Photo 1 of 6", "2/6 Crowds ...".
    r"^\W*(photo|image|picture|slide|фото|слайд|صورة|عکس|תמונה|fotoğraf|görsel)\s*\d{1,3}"
    r"\s*(of|из|من|از|מתוך|/)\s*\d{1,3}\W*$",
    rf"^\W*\d{{1,3}}\s*/\s*\d{{1,3}}\s+{_NOSENT}{{3,160}}$",
]
_PROMO_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)


def is_promo(line: str) -> bool:
    """A line (whitespace collapsed) that is one of the promos or tickers above as a whole."""
    return len(line) <= 400 and _PROMO_RE.match(line) is not None
