"""The event-type lexicon `what.py` reads: how news in English, Russian, Arabic, Persian and
Hebrew names what happened, written from general news vocabulary (not from any one set of
articles). A cue ending in "*" matches a word's beginning; "_" joins the words of a phrase;
Arabic and Hebrew cues may carry the usual prefixes in front (`what._forms`).
"""

from __future__ import annotations

# type -> (label shown to users, cues). General news vocabulary, one line per language: English,
# Russian, Arabic, Persian, Hebrew.
LEXICON: dict[str, tuple[str, tuple[str, ...]]] = {
    "assassination": ("killing", (
        "assassinat* eliminat* slain slaying targeted_killing killing_of was_killed",
        "ликвидир* ликвидац* убийств* покушени* убит убита",
        "اغتيال* اغتال* تصفيه مقتل",
        "ترور* به_شهادت_رسید",
        "חיסול* חוסל* התנקשות* התנקש* נרצח*",
    )),
    "deaths": ("deaths", (
        "killed killing kills dead death_toll wounded injured casualties",
        "погиб* жертв* ранен* раненых",
        "قتلى قتيل* شهداء شهيد* جرحى استشهد* استشهاد",
        "کشته* شهید* زخمی* مجروح* جان_باختند",
        "נהרג* הרוג* נפצע* פצוע* פצועים נספו",
    )),
    "air_strike": ("air strike", (
        "airstrike* air_strike* air_raid* strike strikes struck bomb* warplane* jets shell*",
        "авиаудар* удар* бомб* обстрел* авиаци*",
        "غاره غارات قصف* الطيران_الحربي طائرات_حربيه",
        "حمله_هوایی حملات_هوایی بمباران* جنگنده*",
        "תקיפה תקיפות תקיפת* תקף תקפו הפצצ* הפציצ* מטוסי_קרב",
    )),
    "drone": ("drone attack", (
        "drone* uav* unmanned",
        "беспилот* дрон* бпла",
        "مسيره مسيرات طائره_مسيره",
        "پهپاد*",
        "רחפן* כטב* מלט",
    )),
    "missile": ("missile attack", (
        "missile* rocket* ballistic",
        "ракет* баллистич*",
        "صاروخ* صواريخ باليستي*",
        "موشک* بالستیک",
        "טיל טילים טילי רקטה רקטות רקטת* בליסטי*",
    )),
    "ground": ("ground offensive", (
        "incursion* offensive invasion invade* ground_operation ground_assault troops_crossed",
        "наступлени* вторжени* рейд* прорыв* сухопутн*",
        "توغل* اجتياح* عمليه_بريه هجوم_بري",
        "عملیات_زمینی تهاجم_زمینی یورش*",
        "פלישה פלישת* פלש* תמרון* מבצע_קרקעי כוחות_קרקע*",
    )),
    "takeover": ("fall of a government", (
        "toppl* ousted overthrow* deposed seized_power fall_of fled rebels_seize captured",
        "сверг* свержени* падени* переворот* бежал* захват*",
        "سقوط اطاحه الاطاحه اسقاط المخلوع فرار سيطر*",
        "سقوط سرنگون* فرار کودتا* تصرف*",
        "הפיכה הפיכת* הודח* נפל_המשטר נפילת* השתלטו",
    )),
    "talks": ("talks", (
        "visit* talks met meet* meeting* summit* hosted arrived phone_call negotiat*",
        "визит* переговор* встреч* встрет* саммит* прибыл* посетил* телефонн*",
        "زياره زيارته محادثات مباحثات لقاء التقى يلتقي اجتماع* قمه وصل مفاوضات",
        "سفر دیدار* گفتگو* گفت_وگو* مذاکر* نشست* ملاقات*",
        "ביקור ביקורו ביקר שיחות שיחת_טלפון נפגש* פגישה פגישת* ועידה ועידת* פסגה פסגת* משא_ומתן",
    )),
    "inauguration": ("inauguration", (
        "inaugurat* sworn_in swearing-in swearing_in oath_of_office took_office takes_office",
        "инаугурац* присяг* вступил*_в_должность",
        "تنصيب* اليمين_الدستوريه ادى_اليمين",
        "تحلیف* تنفیذ*",
        "הושבע* טקס_ההשבעה השבעת* נכנס_לתפקידו",
    )),
    "election": ("election", (
        "election* elected electoral vote votes voting voter* ballot* polls polling_station*"
        " referendum* runoff* run-off",
        "выбор* голосован* референдум* избира* избран*",
        "انتخاب* اقتراع تصويت استفتاء",
        "انتخابات* رای_گیری همه_پرسی",
        "בחירות בחירת* הצבעה הצבעת* קלפי* נבחר*",
    )),
    "ceasefire": ("ceasefire", (
        "ceasefire* cease-fire* truce* armistice halt_to_the_fighting pause_in_fighting",
        "перемири* прекращени*_огня",
        "وقف_اطلاق_النار وقف_النار هدنه التهدئه",
        "آتش_بس",
        "הפסקת_אש הפסקת_האש הודנה רגיעה",
    )),
    "treaty": ("agreement", (
        "treaty treaties agreement* deal pact* accord* signed signing",
        "договор* соглашени* подписа* сделк* пакт*",
        "معاهده اتفاق اتفاقيه توقيع",
        "پیمان* معاهده* توافق* قرارداد* امضا*",
        "הסכם* אמנה אמנת* חתמו נחתם",
    )),
    "captives": ("prisoners and hostages", (
        "hostage* captive* prisoner* swap* detainees freed",
        "заложник* пленн* обмен*",
        "رهائن رهينه اسرى اسير تبادل* الافراج اطلاق_سراح محتجزين",
        "گروگان* اسرا اسیر* مبادله* آزادسازی",
        "חטוף חטופים חטופה חטופות חטופי* שבוי* אסירים אסירי* עסקת_חטופים עסקת_החטופים",
    )),
    "sanctions": ("sanctions", (
        "sanction* embargo* price_cap blacklist* export_ban asset_freeze tariff*",
        "санкци* эмбарго потол*_цен",
        "عقوبات حظر",
        "تحریم*",
        "סנקציות סנקציה עיצומים אמברגו",
    )),
    "protest": ("protest", (
        "protest* demonstrat* rally rallies rallied crowds marched marchers riot* tear_gas",
        "протест* митинг* демонстрац* манифестац* разгон*",
        "احتجاج* تظاهر* مظاهر* متظاهر* محتج*",
        "اعتراض* تظاهر* تجمع* معترض* اغتشاش*",
        "הפגנה הפגנות הפגנת* מפגינים מחאה מחאות מחאת*",
    )),
    "explosion": ("explosions", (
        "explosion* explod* blast* detonat* booby-trapped",
        "взрыв* сдетонир*",
        "انفجار* تفجير* انفجر*",
        "انفجار* منفجر*",
        "פיצוץ* פיצוצ* התפוצצ* התפוצצות*",
    )),
    "arrest": ("arrest", (
        "arrest* detain* detention custody",
        "арест* задерж*",
        "اعتقال* اعتقل* توقيف",
        "بازداشت* دستگیر*",
        "נעצר* מעצר* עצורים",
    )),
    "trial": ("trial", (
        "trial court* verdict* sentenc* convict* acquit* indict* charged_with prosecut*",
        "суд суда суде судом судебн* приговор* обвинени* осужд*",
        "محكمه محاكمه حكم_ب* الادانه",
        "دادگاه* محاکمه* حکم",
        "הורשע* גזר_הדין גזר_דין כתב_אישום בית_המשפט",
    )),
    "appointment": ("appointment", (
        "appoint* nominat* named_as dismiss* sacked resign* reshuffle* successor* replace*",
        "назнач* отставк* уволен* преемник* сменил*",
        "تعيين اقاله استقاله خلفا",
        "انتصاب* منصوب* برکنار* استعفا* جانشین*",
        "מונה מונתה מינוי* ימונה התפטר* פוטר* מחליפו",
    )),
    "disaster": ("crash or disaster", (
        "crash* wreckage earthquake* flood* wildfire* hard_landing",
        "крушени* катастроф* авари* землетрясени* наводнени*",
        "تحطم* زلزال فيضان*",
        "زلزله سیل حادثه*",
        "התרסק* התרסקות* רעידת_אדמה שיטפון* שריפ*",
    )),
    "shipping": ("attack on shipping", (
        "vessel* tanker* cargo_ship* freighter* ship ships shipping",
        "судн* танкер* корабл*",
        "سفينه سفن ناقله",
        "کشتی* نفتکش*",
        "ספינה ספינות ספינת* אונייה אוניות אוניית* מכלית* מכליות",
    )),
    "nuclear": ("nuclear programme", (
        "nuclear enrichment uranium iaea centrifuge*",
        "ядерн* атомн* уран* магатэ",
        "نووي* تخصيب يورانيوم",
        "هسته_ای غنی_سازی اورانیوم",
        "גרעין* העשרה העשרת* אורניום צנטריפוג*",
    )),
    "terror": ("gun or bomb attack", (
        "gunmen gunman shooting terror* terrorist* massacre*",
        "теракт* террорист* стрельб* боевик*",
        "هجوم_ارهابي ارهابي* مسلحين مسلح اطلاق_النار مجزره",
        "تروریست* تیراندازی کشتار",
        "פיגוע* מחבל* טרור ירי",
    )),
    "retaliation": ("retaliation", (
        "retaliat* reprisal* revenge avenge* vowed_to_respond",
        "возмезди* месть ответн*",
        "انتقام* ثار الرد",
        "انتقام* تلافی*",
        "תגמול* נקמה נקמת* נקום",
    )),
    "economy": ("economy", (
        "interest_rate* key_rate inflation central_bank oil_price* budget gdp currency",
        "ставк* инфляц* центробанк* центральн*_банк* бюджет* рубл*",
        "التضخم البنك_المركزي اسعار_النفط",
        "تورم بانک_مرکزی نرخ_ارز",
        "אינפלציה ריבית שער_החליפין הבנק_המרכזי תקציב",
    )),
}
