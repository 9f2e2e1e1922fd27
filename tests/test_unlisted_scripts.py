# ruff: noqa: RUF001  (Cyrillic and Arabic script are the point here)
"""Names not yet listed as Russian, Arabic and Persian news write them, lists of names, and
the guards that keep nouns, places and bodies out (all names invented)."""

from __future__ import annotations

import pytest

from tui.core.actors.russian_names import RU_TITLE_CASES, nominative
from tui.core.refresh.analyzer import Sources, TextItem
from tui.core.refresh.analyzers import analyse_texts


def unlisted(body: str) -> list[tuple[str, str]]:
    """As a refresh finds them: after the gazetteer's names and the places."""
    item = TextItem(1, "", body, "2025-01-01T00:00:00Z", "xx")
    [found] = analyse_texts([item], Sources(None, "unlisted-scripts"),
                            ("actors", "places", "unlisted"))
    return [(name, description) for _id, name, _kind, description, _n, _spans
            in found["unlisted"]]


@pytest.mark.parametrize(("text", "expected"), [
    # Russian: a title in any case, the name back in the nominative
    ("По словам посла России в Турции Алексея Ерхомова, переговоры продолжатся.",
     [("Алексей Ерхомов", "посла России в Турции")]),
    ("Губернатору Курской области Вячеславу Гладилину доложили о пожаре.",
     [("Вячеслав Гладилин", "Губернатору Курской области")]),
    ("Встреча прошла с участием министра обороны Виктора Хреномова.",
     [("Виктор Хреномов", "министра обороны")]),
    ("Его бывшая жена Светлана Маниошевич живёт во Франции.",
     [("Светлана Маниошевич", "жена")]),
    ("Суд допросил бывшую жену Ольгу Скабеевскую.", [("Ольга Скабеевская", "жену")]),
    ("В редакцию обратилась внучка Василия Тычковского, мужчины из деревни.",
     [("Василий Тычковский", "")]),
    ("пресс-секретарь министра Анна Петрухина сообщила о встрече.",
     [("Анна Петрухина", "пресс-секретарь министра")]),
    ("По словам Игоря Сечинова, сделка закрыта.", [("Игорь Сечинов", "")]),
    ("«Мы готовы», — заявил Иван Петряев журналистам.", [("Иван Петряев", "")]),
    # a common given name and a surname, in any case, alone
    ("У храма видели Бориса Надеждинова и Екатерину Дунцевич, а также послов.",
     [("Борис Надеждинов", ""), ("Екатерина Дунцевич", "")]),
    ("Дмитрий Песковский лишь напомнил, что акции незаконны.", [("Дмитрий Песковский", "")]),
    ("секретарём Высшего совета национальной безопасности Али Акбаром Ахмадиановым.",
     [("Али Акбар Ахмадианов", "секретарём Высшего совета национальной безопасности")]),
    ("По данным военных, один из офицеров спецназа, Арнон Заморин, был ранен.",
     [("Арнон Заморин", "офицеров спецназа")]),
    ("Командир батальона «Восток» Александр Ходаковчук заявил о потерях.",
     [("Александр Ходаковчук", "Командир батальона «Восток»")]),
    # Arabic: the qualifier runs through places and bodies; a given name, a nisba or the
    # verb frame of a quotation says where the name starts
    ("وقال المتحدث باسم وزارة الصحة في غزة خليل الدقرانی إن المستشفيات خرجت عن الخدمة",
     [("خليل الدقرانی", "المتحدث باسم وزارة الصحة في غزة")]),
    ("وصرّح مدير مستشفى شهداء الأقصى إياد الجبريني بأن الإمدادات نفدت",
     [("إياد الجبريني", "مدير مستشفى شهداء الأقصى")]),
    ("من جانبه، قال رئيس بلدية بيروت عبد الله درويشان إن الأضرار كبيرة",
     [("عبد الله درويشان", "رئيس بلدية بيروت")]),
    ("وقالت السفيرة الأمريكية ليزا جونسوني إن واشنطن تدعم الجيش",
     [("ليزا جونسوني", "السفيرة الأمريكية")]),
    ("قال وزير الدفاع التركي يشار غولرين الاثنين إن أنقرة لن تنسحب",
     [("يشار غولرين", "وزير الدفاع التركي")]),
    ("وقال محمد الأحمدي إن الوفد سيغادر", [("محمد الأحمدي", "")]),
    ("وقال أستاذ العلوم السياسية د. فراس إلياسي: انتشرت القوات", [("فراس إلياسي", "د.")]),
    # a given name then an "ال" word is a whole name, whatever follows; links make it longer
    ("معرباً عن استغرابه من عدم استغلال الرئيس بشار الأسعدي السنوات الماضية",
     [("بشار الأسعدي", "الرئيس")]),
    ("يحضرها رئيس دولة الإمارات الشيخ حمدان بن زايد آل نهيانی.",
     [("حمدان بن زايد آل نهيانی", "رئيس دولة الإمارات الشيخ")]),
    ("في حين التقى نظيره التركي هاكان فيداني والإيراني لبحث سبل التهدئة",
     [("هاكان فيداني", "نظيره التركي")]),
    ("ونقلت الوكالة عن أحمد الخطيبي قوله إن الوضع صعب", [("أحمد الخطيبي", "")]),
    ("وقال سفير روسيا لدى دمشق ألكسندر يفيموفيتش إن موسكو تدعم الحوار",
     [("ألكسندر يفيموفيتش", "سفير روسيا لدى دمشق")]),
    # Persian: titles and honorifics, a given name past the ezafe chain
    ("سخنگوی وزارت امور خارجه کامران نیک‌فرد در نشست خبری گفت ایران پاسخ می‌دهد",
     [("کامران نیک‌فرد", "سخنگوی وزارت امور خارجه")]),
    ("سردار بهروز کیانیان سخنگوی سپاه اعلام کرد که رزمایش آغاز شد",
     [("بهروز کیانیان", "سردار")]),
    ("وزیر بهداشت لبنان فراس ابیضی اعلام کرد هشت نفر جان باختند",
     [("فراس ابیضی", "وزیر بهداشت لبنان")]),
    ("محمدرضا نیک‌بختی روز دوشنبه در جمع خبرنگاران گفت مذاکرات ادامه دارد",
     [("محمدرضا نیک‌بختی", "")]),
    ("به گزارش ایرنا، بهرام کاظمیان روز دوشنبه در جمع خبرنگاران گفت مذاکرات ادامه دارد",
     [("بهرام کاظمیان", "")]),
    ("ایران در سفر اخیر رافائل گروسیان، مدیرکل آژانس، حسن نیت نشان داد",
     [("رافائل گروسیان", "مدیرکل آژانس")]),
    ("آن را پاسخی به ترور سردار عباس نیلفروشانی دانست.", [("عباس نیلفروشانی", "سردار")]),
    # a common given name alone, opening a clause or after "با", "نظام"
    ("رئیس‌جمهور روز چهارشنبه با ولادیمیر پوتینوف دیدار کرد.", [("ولادیمیر پوتینوف", "")]),
    ("مسعود پزشکیانی عصر سه‌شنبه در جلسه علنی مجلس سوگند یاد کرد.", [("مسعود پزشکیانی", "")]),
    ("بعد أسابيع من سقوط نظام بشار الأسعدي في سوريا", [("بشار الأسعدي", "")]),
    ("وقّع الرئيسان الروسي فلاديمير بوتينوف والإيراني مسعود بزشكياني في الكرملين معاهدة",
     [("فلاديمير بوتينوف", ""), ("مسعود بزشكياني", "")]),
    ("سفیر روسیه در تهران الکسی ددافیان در دیدار با خبرنگاران گفت روابط خوب است",
     [("الکسی ددافیان", "سفیر روسیه در تهران")]),
    # a common given name and a surname alone, in English too; not in a byline
    ("The army said it had killed Yassin Rabiya near the border.", [("Yassin Rabiya", "")]),
    ("No results have been made public.\n\nReporting by Maya Gebel in Beirut and David "
     "Clarkson in London; Editing by Daniel Flinn", []),
    # Lists of names that open with given names, and abbreviated ranks
    ("Romi Gonor, Emily Damar and Doron Steinbach were driven to the border.",
     [("Romi Gonor", ""), ("Emily Damar", ""), ("Doron Steinbach", "")]),
    ("Вместе с ним свободу получили Ноа Аргамон, Альмог Меир Джанов и Шломи Зивер.",
     [("Ноа Аргамон", ""), ("Альмог Меир Джанов", ""), ("Шломи Зивер", "")]),
    ("Maj. Gen. Yaron Finkelberg said the operation would continue.",
     [("Yaron Finkelberg", "Maj. Gen.")]),
    ("The lawyer for the family, Rana Haddadin, said they would sue.",
     [("Rana Haddadin", "lawyer for the family")]),
    # the title after "and" is the next person's (whose four-word name is too long to take)
    ("On board were the governor of East Azar province, Malik Rahmani, and Tabriz's prayer "
     "leader, Ali Al-e Hashimi Dar, with the crew.",
     [("Malik Rahmani", "governor of East Azar province")]),
    # an honorific gives way to a title said later; a title phrase stops at "his", "le"
    ('"It is hard," said Dr. Sherin Abdou. Sherin Abdou, the doctor at the clinic, agreed.',
     [("Sherin Abdou", "doctor at the clinic")]),
    ("The leak was committed by his loyal secretary, Rosalind Woodley, in 1973.",
     [("Rosalind Woodley", "loyal secretary")]),
    ("selon ce qu'a rapporté sur Facebook le porte-parole du président, Berik Ualin, hier.",
     [("Berik Ualin", "porte-parole du président")]),
    # a kunya with its nisba or laqab is one name, in every script (its first two words alone were
    # taken for the whole, and the kunya was cut off a name read backwards from a title)
    ("Лидер группировки Ахмед Тестов, известный под именем Абу Мухаммад аль-Тестави, "
     "призвал сторонников к порядку.",
     [("Ахмед Тестов", "Лидер группировки"), ("Абу Мухаммад аль-Тестави", "")]),
    ("Командир Абу Хасан аш-Шамири заявил журналистам о потерях.",
     [("Абу Хасан аш-Шамири", "Командир")]),
    ("The attack was claimed by Abu Hassan al-Masrawi, the group's spokesman.",
     [("Abu Hassan al-Masrawi", "group's spokesman")]),
    ("وقال القيادي أبو حسن المصراوي إن الهجوم فشل", [("أبو حسن المصراوي", "القيادي")]),
])
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert unlisted(text) == expected


@pytest.mark.parametrize("text", [
    "بدأ رئيس الوزراء زيارة رسمية إلى القاهرة",  # a noun and its adjective
    # past a listed person's name the scan finds no name in the words after it
    "معرباً عن استغرابه من عدم استغلال الرئيس بشار الأسد السنوات الماضية لبدء حوار مع شعبه",
    "وطرد الأهالي وزير المالية الإسرائيلي بتسلئيل سموتريتش حين حاول الانضمام إلى المعزين",
    "سخنگوی وزارت امور خارجه گفت ایران پاسخ می‌دهد",  # the ezafe chain is no name
    "سخنگوی دولت روز دوشنبه گفت تصمیمی گرفته نشده است",
    "به گزارش ایرنا، علی رغم مخالفت‌ها مجلس طرح را تصویب کرد و سخنگو گفت",  # "despite"
    "The strikes hit Khan Younis, Deir al-Balah and Beit Lahia overnight.",  # places
    "The report by Human Rights Watch, Amnesty International and the UN was released.",
    "Gen. Motors and Ford said sales fell.",
    "He studied at George Washington University and the Robert Koch-Institut.",
    "The crowd gathered on Ben Yehuda Street after the attack.",
    "В Москве открылась улица Льва Толстого и площадь Александра Невского.",  # named after
    "Роман Толстого вышел в 1869 году.",  # a novel, not a Roman

    "The head of the delegation, Gaza City, was closed.",
    "در این حادثه هشت نفر جان باختند و سه هزار نفر مجروح شدند",  # "جان" is no "John" here
    "وتعد مصر أكبر مستورد للقمح في العالم",  # "أكبر" is "largest", not Akbar
    "ایران با حسن نیت و صداقت وارد مذاکره شد",  # "حسن نیت" is goodwill
    "سپاه این عملیات را وعده صادق ۲ نامید.",
    "специальный корреспондент “Ъ” Андрон Колесов выяснял, кто поедет",  # only «» inside
])
def test_not_a_person(text: str) -> None:
    assert unlisted(text) == []


@pytest.mark.parametrize(("words", "case", "expected"), [
    ("Алексея Ерхова", "gen", "Алексей Ерхов"),
    ("Игоря Сечина", "gen", "Игорь Сечин"),
    ("Марии Захаровой", "gen", "Мария Захарова"),
    ("Юлии Навальной", "gen", "Юлия Навальная"),
    ("Светланы Маниович", "gen", "Светлана Маниович"),  # a woman's surname does not decline
    ("Насера Канани", "gen", "Насер Канани"),  # nor a foreign one in -и
    ("Вячеславу Гладкову", "dat", "Вячеслав Гладков"),
    ("Алексею Навальному", "dat", "Алексей Навальный"),
    ("Алексеем Антиповичем", "ins", "Алексей Антипович"),  # -ем after ч
    ("Дмитрием Песковым", "ins", "Дмитрий Песков"),
    ("Сергее Шойгу", "pre", "Сергей Шойгу"),
    ("Светлану Петрову", "acc", "Светлана Петрова"),
    ("Анна Петрова", "nom", "Анна Петрова"),
])
def test_russian_names_back_in_the_nominative(words: str, case: str, expected: str) -> None:
    assert " ".join(nominative(words.split(), case)) == expected


def test_russian_titles_in_every_case() -> None:
    assert RU_TITLE_CASES["посла"] == "gen" and RU_TITLE_CASES["послу"] == "dat"
    assert RU_TITLE_CASES["пресс-секретарём"] == "ins"
    assert RU_TITLE_CASES["главой"] == "ins" and RU_TITLE_CASES["губернатору"] == "dat"
    assert RU_TITLE_CASES["командующего"] == "gen" and RU_TITLE_CASES["врио"] == "nom"
