# ruff: noqa: RUF001  (Cyrillic, Arabic, Persian, Hebrew and Turkish are the point here)
"""An adversarial site of our own pages (en/ru/ar/fa/he/tr) whose boilerplate sits inside the
article body: related-story carousels as lists, "Also on <site>" blocks, video embeds with
titles, pull quotes repeating a sentence, "Live:" tickers, tables of other headlines, podcast
and app promos, galleries with caption lists, Telegram and WhatsApp channel promos.

Each page is (paragraphs of the story, [(inserted markup, a trace that may not stay)]). Every
line is our own wording; the events are real, the prose is ours.
"""

from __future__ import annotations

PAGES: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "en": ([
        "Iranian and Omani officials met in Muscat on Tuesday to discuss a possible exchange of "
        "detainees, according to two people who attended the session.",
        "The delegation from Tehran was led by a deputy foreign minister, who told reporters "
        "that the talks had been constructive and would continue next week.",
        "Diplomats in the region said the mediation had gained pace after a series of phone "
        "calls between the capitals earlier this month.",
        "Observers cautioned that earlier rounds had stalled over the number of people to be "
        "released and the order in which they would be freed.",
    ], [
        ("<div class='carousel'><h3>More from the Middle East</h3><ul><li><a href='/o/1'>"
         "Netanyahu addresses the Knesset on hostages</a></li><li><a href='/o/2'>Erdogan "
         "hosts Aliyev in Ankara for energy talks</a></li></ul></div>", "More from the Middle"),
        ("<div class='also-on'><p>Also on Desk Post</p><ul><li><a href='/o/3'>Lavrov and "
         "Araghchi sign a cooperation plan in Moscow</a></li></ul></div>", "Also on Desk Post"),
        ("<div class='video'><p>VIDEO Hezbollah drone footage shown on Lebanese TV</p>"
         "<p>02:14</p></div>", "drone footage"),
        ("<aside class='pullquote'><blockquote>“The talks had been constructive and would "
         "continue next week”</blockquote></aside>", "“"),
        ("<p><strong>LIVE:</strong> <a href='/live'>Israeli strikes on Beirut suburbs, "
         "latest updates</a></p>", "LIVE"),
        ("<table class='headlines'><tr><td><a href='/o/4'>Houthis claim a missile strike on "
         "a tanker in the Red Sea</a></td><td>12:30</td></tr><tr><td><a href='/o/5'>Assad's "
         "family granted asylum in Moscow</a></td><td>11:05</td></tr></table>", "Houthis"),
        ("<p>Listen to The Gulf Briefing, our daily podcast, on Apple Podcasts, Spotify or "
         "wherever you get your podcasts.</p>", "podcast"),
        ("<p>Download the Desk Post app for breaking news alerts.</p>", "app"),
        ("<div class='gallery'><p>Photo 1 of 6</p><ul><li>Khamenei greets Pezeshkian in "
         "Tehran. Photo: IRNA</li><li>2/6 Crowds gather outside the parliament</li></ul>"
         "</div>", "Khamenei"),
    ]),
    "ru": ([
        "Министр обороны России прибыл в Тегеран, где провёл переговоры с руководством "
        "Ирана о военном сотрудничестве.",
        "По данным министерства, стороны обсудили поставки техники и совместные учения в "
        "Каспийском море в следующем году.",
        "Эксперты отмечают, что визит состоялся на фоне роста напряжённости в регионе и "
        "после серии консультаций в Москве.",
    ], [
        ("<div class='related'><h3>Похожие материалы</h3><ul><li><a href='/r/1'>Лавров "
         "встретился с Аракчи в Москве</a></li><li><a href='/r/2'>Кадыров провёл совещание "
         "в Грозном</a></li></ul></div>", "Кадыров"),
        ("<p><strong>Прямая трансляция:</strong> <a href='/live'>Удары по Бейруту, "
         "последние новости</a></p>", "Бейрут"),
        ("<p>Слушайте наш подкаст «Итоги недели» в Яндекс Музыке и Apple Podcasts</p>",
         "подкаст"),
        ("<p>Скачайте наше приложение, чтобы первыми узнавать главные новости</p>",
         "приложение"),
        ("<p>Также на сайте: <a href='/r/3'>Пезешкиан прибыл в Казань на саммит</a></p>",
         "Пезешкиан"),
    ]),
    "ar": ([
        "وصل وفد إيراني رفيع إلى مسقط يوم الثلاثاء لبحث صفقة محتملة لتبادل المحتجزين مع "
        "الجانب الأميركي.",
        "وقال مسؤول عماني إن المحادثات كانت بناءة وإنها ستستأنف الأسبوع المقبل في العاصمة.",
        "ويرى مراقبون أن الوساطة تسارعت بعد سلسلة من الاتصالات الهاتفية بين العواصم.",
    ], [
        ("<div class='related'><h3>أخبار ذات صلة</h3><ul><li><a href='/a/1'>نتنياهو يتحدث "
         "أمام الكنيست عن الأسرى</a></li><li><a href='/a/2'>أردوغان يستقبل علييف في أنقرة"
         "</a></li></ul></div>", "نتنياهو"),
        ("<p><strong>مباشر:</strong> <a href='/live'>غارات إسرائيلية على الضاحية الجنوبية "
         "لبيروت</a></p>", "الضاحية"),
        ("<p>حمّل تطبيق الموقع لتصلك الأخبار العاجلة أولاً بأول</p>", "تطبيق"),
        ("<p>تابعوا قناتنا على واتساب لآخر الأخبار</p>", "واتساب"),
        ("<p>فيديو | الحوثيون يعلنون استهداف سفينة في البحر الأحمر</p>", "الحوثيون"),
    ]),
    "fa": ([
        "هیئتی از تهران روز سه‌شنبه برای گفت‌وگو درباره تبادل زندانیان وارد مسقط شد.",
        "یک مقام عمانی گفت این گفت‌وگوها سازنده بوده و هفته آینده در همین شهر ادامه خواهد "
        "یافت.",
        "ناظران می‌گویند میانجیگری پس از چند تماس تلفنی میان پایتخت‌ها شتاب گرفته است.",
    ], [
        ("<p>برای دریافت فوری اخبار به کانال تلگرام ما بپیوندید</p>", "تلگرام"),
        ("<p>کانال واتساپ ما را دنبال کنید</p>", "واتساپ"),
        ("<div class='related'><h3>مطالب مرتبط</h3><ul><li><a href='/f/1'>سفر شویگو به تهران و "
         "دیدار با لاریجانی</a></li></ul></div>", "شویگو"),
        ("<p><strong>زنده:</strong> <a href='/live'>حمله اسرائیل به حومه بیروت</a></p>",
         "بیروت"),
        ("<p>اپلیکیشن ما را دانلود کنید</p>", "اپلیکیشن"),
    ]),
    "he": ([
        "משלחת איראנית הגיעה ביום שלישי למסקט כדי לדון בעסקה אפשרית לחילופי עצירים.",
        "גורם עומאני אמר כי השיחות היו בונות ויימשכו בשבוע הבא באותה העיר.",
        "משקיפים מעריכים כי התיווך הואץ לאחר סדרת שיחות טלפון בין הבירות.",
    ], [
        ("<p>הצטרפו לערוץ הטלגרם שלנו לעדכונים שוטפים</p>", "טלגרם"),
        ("<p>הצטרפו לקבוצת הווטסאפ שלנו</p>", "ווטסאפ"),
        ("<div class='related'><h3>כתבות נוספות</h3><ul><li><a href='/h/1'>נתניהו נאם "
         "בכנסת על החטופים</a></li></ul></div>", "נתניהו"),
        ("<p><strong>בשידור חי:</strong> <a href='/live'>תקיפות בדאחייה, העדכונים האחרונים"
         "</a></p>", "דאחייה"),
        ("<p>עוד בנושא: <a href='/h/2'>ארדואן אירח את אלייב באנקרה</a></p>", "ארדואן"),
        ("<p>הורידו את האפליקציה שלנו</p>", "האפליקציה"),
    ]),
    "tr": ([
        "İranlı bir heyet salı günü tutuklu takası görüşmeleri için Maskat'a ulaştı.",
        "Ummanlı bir yetkili, görüşmelerin yapıcı geçtiğini ve gelecek hafta aynı kentte "
        "süreceğini söyledi.",
        "Gözlemciler, arabuluculuğun başkentler arasındaki bir dizi telefon görüşmesinden "
        "sonra hız kazandığını belirtiyor.",
    ], [
        ("<div class='related'><h3>İlgili Haberler</h3><ul><li><a href='/t/1'>Erdoğan, "
         "Aliyev'i Ankara'da ağırladı</a></li></ul></div>", "Aliyev"),
        ("<p><strong>CANLI:</strong> <a href='/live'>İsrail'in Beyrut'a saldırıları, son "
         "gelişmeler</a></p>", "Beyrut"),
        ("<p>Haberin devamı için tıklayın</p>", "tıklayın"),
        ("<p>Bunlar da ilginizi çekebilir: <a href='/t/2'>Netanyahu Knesset'te konuştu</a>"
         "</p>", "Netanyahu"),
        ("<p>Son dakika haberleri için uygulamamızı indirin</p>", "uygulamamızı"),
        ("<p>WhatsApp kanalımıza katılın</p>", "WhatsApp"),
    ]),
}

LANG_META = {"en": "en", "ru": "ru", "ar": "ar", "fa": "fa", "he": "he", "tr": "tr"}
RTL = {"ar", "fa", "he"}


def page_html(lang: str, spread: bool = True) -> bytes:
    """The page for `lang`: its paragraphs with the inserts spread between them (all after
    the first paragraph when `spread` is False)."""
    paras, inserts = PAGES[lang]
    parts: list[str] = []
    markup = [m for m, _ in inserts]
    per = max(1, -(-len(markup) // max(1, len(paras) - 1))) if spread else len(markup)
    for i, para in enumerate(paras):
        parts.append(f"<p>{para}</p>")
        if i < len(paras) - 1:
            parts.extend(markup[i * per:(i + 1) * per])
    parts.extend(markup[(len(paras) - 1) * per:])
    direction = " dir='rtl'" if lang in RTL else ""
    return (f"<!doctype html><html lang='{lang}'{direction}><head><meta charset='utf-8'>"
            f"<title>{lang}: envoys meet in Muscat</title></head><body><nav><a href='/'>Home"
            "</a></nav><article><h1>Envoys meet in Muscat</h1>" + "".join(parts)
            + "</article><footer><a href='/about'>About</a></footer></body></html>").encode()
