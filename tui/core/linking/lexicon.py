# ruff: noqa: RUF001, RUF003 - Turkish dotless ı is meant
"""The event-type lexicon `what.py` reads: how news in English, Russian, Arabic, Persian,
Hebrew and Turkish names what happened, written from general news vocabulary (not from any one
set of articles). A cue ending in "*" matches a word's beginning; "_" joins the words of a phrase;
Arabic and Hebrew cues may carry the usual prefixes in front (`what._forms`).
"""

from __future__ import annotations

# type -> (label shown to users, cues). General news vocabulary, one line per language: English,
# Russian, Arabic, Persian, Hebrew, Turkish. Turkish is read with ı and İ as i (`what.normalise`:
# a headline in capitals has no dotless I), so its ASCII-looking stems are checked against
# English and the other Latin-script languages: no "sel*" (sell), "gemi*" (Gemini), "dava*".
LEXICON: dict[str, tuple[str, tuple[str, ...]]] = {
    "assassination": ("killing", (
        "assassinat* eliminat* slain slaying targeted_killing killing_of was_killed",
        "ликвидир* ликвидац* убийств* покушени* убит убита",
        "اغتيال* اغتال* تصفيه مقتل",
        "ترور* به_شهادت_رسید",
        "חיסול* חוסל* התנקשות* התנקש* נרצח*",
        "suikast* öldürüldü öldürülmesi infaz_edildi",
    )),
    "deaths": ("deaths", (
        "killed killing kills dead death_toll wounded injured casualties",
        "погиб* жертв* ранен* раненых",
        "قتلى قتيل* شهداء شهيد* جرحى استشهد* استشهاد",
        "کشته* شهید* زخمی* مجروح* جان_باختند",
        "נהרג* הרוג* נפצע* פצוע* פצועים נספו",
        "hayatını_kaybetti hayatını_kaybeden can_kaybı öldü ölü* yaralı* yaralandı",
    )),
    "air_strike": ("air strike", (
        "airstrike* air_strike* air_raid* strike strikes struck bomb* warplane* jets shell*",
        "авиаудар* удар* бомб* обстрел* авиаци*",
        "غاره غارات قصف* الطيران_الحربي طائرات_حربيه",
        "حمله_هوایی حملات_هوایی بمباران* جنگنده*",
        "תקיפה תקיפות תקיפת* תקף תקפו הפצצ* הפציצ* מטוסי_קרב",
        "hava_saldırı* hava_harekât* hava_harekat* bombala* saldırı* vurdu vurul* savaş_uçak*",
    )),
    "drone": ("drone attack", (
        "drone* uav* unmanned",
        "беспилот* дрон* бпла",
        "مسيره مسيرات طائره_مسيره",
        "پهپاد*",
        "רחפן* כטב* מלט",
        "insansız_hava_araç insansız_hava_arac* iha siha dron*",
    )),
    "missile": ("missile attack", (
        "missile* rocket* ballistic",
        "ракет* баллистич*",
        "صاروخ* صواريخ باليستي*",
        "موشک* بالستیک",
        "טיל טילים טילי רקטה רקטות רקטת* בליסטי*",
        "füze* roket* balistik*",
    )),
    "ground": ("ground offensive", (
        "incursion* offensive invasion invade* ground_operation ground_assault troops_crossed",
        "наступлени* вторжени* рейд* прорыв* сухопутн*",
        "توغل* اجتياح* عمليه_بريه هجوم_بري",
        "عملیات_زمینی تهاجم_زمینی یورش*",
        "פלישה פלישת* פלש* תמרון* מבצע_קרקעי כוחות_קרקע*",
        "kara_harekât* kara_harekat* kara_operasyon* işgal* kara_saldırı* sınır_ötesi_operasyon*",
    )),
    "takeover": ("fall of a government", (
        "toppl* ousted overthrow* deposed seized_power fall_of fled rebels_seize captured",
        "сверг* свержени* падени* переворот* бежал* захват*",
        "سقوط اطاحه الاطاحه اسقاط المخلوع فرار سيطر*",
        "سقوط سرنگون* فرار کودتا* تصرف*",
        "הפיכה הפיכת* הודח* נפל_המשטר נפילת* השתלטו",
        "devrildi devril* darbe* iktidarı_ele_geçir* kaçtı",
    )),
    "talks": ("talks", (
        "visit* talks met meet* meeting* summit* hosted arrived phone_call negotiat*",
        "визит* переговор* встреч* встрет* саммит* прибыл* посетил* телефонн*",
        "زياره زيارته محادثات مباحثات لقاء التقى يلتقي اجتماع* قمه وصل مفاوضات",
        "سفر دیدار* گفتگو* گفت_وگو* مذاکر* نشست* ملاقات*",
        "ביקור ביקורו ביקר שיחות שיחת_טלפון נפגש* פגישה פגישת* ועידה ועידת* פסגה פסגת* משא_ומתן",
        "ziyaret* görüşme* görüştü görüşecek müzakere* zirve* toplantı* bir_araya_geldi"
        " telefon_görüşmesi*",
    )),
    "inauguration": ("inauguration", (
        "inaugurat* sworn_in swearing-in swearing_in oath_of_office took_office takes_office",
        "инаугурац* присяг* вступил*_в_должность",
        "تنصيب* اليمين_الدستوريه ادى_اليمين",
        "تحلیف* تنفیذ*",
        "הושבע* טקס_ההשבעה השבעת* נכנס_לתפקידו",
        "yemin_etti yemin_töreni göreve_başla* göreve_başlama_töreni",
    )),
    "election": ("election", (
        "election* elected electoral vote votes voting voter* ballot* polls polling_station*"
        " referendum* runoff* run-off",
        "выбор* голосован* референдум* избира* избран*",
        "انتخاب* اقتراع تصويت استفتاء",
        "انتخابات* رای_گیری همه_پرسی",
        "בחירות בחירת* הצבעה הצבעת* קלפי* נבחר*",
        "seçim* oylama* sandık* referandum* oy_verdi",
    )),
    "ceasefire": ("ceasefire", (
        "ceasefire* cease-fire* truce* armistice halt_to_the_fighting pause_in_fighting",
        "перемири* прекращени*_огня",
        "وقف_اطلاق_النار وقف_النار هدنه التهدئه",
        "آتش_بس",
        "הפסקת_אש הפסקת_האש הודנה רגיעה",
        "ateşkes* çatışmaların_durdurulması",
    )),
    "treaty": ("agreement", (
        "treaty treaties agreement* deal pact* accord* signed signing",
        "договор* соглашени* подписа* сделк* пакт*",
        "معاهده اتفاق اتفاقيه توقيع",
        "پیمان* معاهده* توافق* قرارداد* امضا*",
        "הסכם* אמנה אמנת* חתמו נחתם",
        "anlaşma* antlaşma* mutabakat* imzala* imzalandı",
    )),
    "captives": ("prisoners and hostages", (
        "hostage* captive* prisoner* swap* detainees freed",
        "заложник* пленн* обмен*",
        "رهائن رهينه اسرى اسير تبادل* الافراج اطلاق_سراح محتجزين",
        "گروگان* اسرا اسیر* مبادله* آزادسازی",
        "חטוף חטופים חטופה חטופות חטופי* שבוי* אסירים אסירי* עסקת_חטופים עסקת_החטופים",
        "rehine* esir* tutsak* mahkum_takası esir_takası",
    )),
    "sanctions": ("sanctions", (
        "sanction* embargo* price_cap blacklist* export_ban asset_freeze tariff*",
        "санкци* эмбарго потол*_цен",
        "عقوبات حظر",
        "تحریم*",
        "סנקציות סנקציה עיצומים אמברגו",
        "yaptırım* ambargo*",
    )),
    "protest": ("protest", (
        "protest* demonstrat* rally rallies rallied crowds marched marchers riot* tear_gas",
        "протест* митинг* демонстрац* манифестац* разгон разгона разгоном разогна*",
        "احتجاج* تظاهر* مظاهر* متظاهر* محتج*",
        "اعتراض* تظاهر* تجمع* معترض* اغتشاش*",
        "הפגנה הפגנות הפגנת* מפגינים מחאה מחאות מחאת*",
        "protesto* gösteri* yürüyüş*",
    )),
    "explosion": ("explosions", (
        "explosion* explod* blast* detonat* booby-trapped",
        "взрыв* сдетонир*",
        "انفجار* تفجير* انفجر*",
        "انفجار* منفجر*",
        "פיצוץ* פיצוצ* התפוצצ* התפוצצות*",
        "patlama* patladı infilak*",
    )),
    "arrest": ("arrest", (
        "arrest* detain* detention custody",
        "арест* задерж*",
        "اعتقال* اعتقل* توقيف",
        "بازداشت* دستگیر*",
        "נעצר* מעצר* עצורים",
        "gözaltı* tutukla* tutuklan* yakalandı",
    )),
    "trial": ("trial", (
        "trial court* verdict* sentenc* convict* acquit* indict* charged_with prosecut*",
        "суд суда суде судом судебн* приговор* обвинени* осужд*",
        "محكمه محاكمه حكم_ب* الادانه",
        "دادگاه* محاکمه* حکم",
        "הורשע* גזר_הדין גזר_דין כתב_אישום בית_המשפט",
        "mahkeme* davası davasında yargıla* hapis_cezası",
    )),
    "appointment": ("appointment", (
        "appoint* nominat* named_as dismiss* sacked resign* reshuffle* successor* replace*",
        "назнач* отставк* уволен* преемник* сменил*",
        "تعيين اقاله استقاله خلفا",
        "انتصاب* منصوب* برکنار* استعفا* جانشین*",
        "מונה מונתה מינוי* ימונה התפטר* פוטר* מחליפו",
        "atandı atama* görevden_alındı istifa*",
    )),
    "disaster": ("crash or disaster", (
        "crash* wreckage earthquake* quake quakes aftershock* flood* wildfire* hard_landing",
        "крушени* катастроф* авари* землетрясени* афтершок* наводнени*",
        "تحطم* زلزال زلازل هزه_ارضيه هزات_ارضيه هزه_ارتداديه هزات_ارتداديه فيضان*",
        "زلزله زمین_لرزه* پس_لرزه* سیل حادثه*",
        "התרסק* התרסקות* רעידת_אדמה רעידות_אדמה רעידת_משנה רעידות_משנה שיטפון* שריפ*",
        "deprem* sarsıntı* artçı* sel_felaket* sel_baskın* uçak_kazası enkaz*",
    )),
    "shipping": ("attack on shipping", (
        "vessel* tanker* cargo_ship* freighter* ship ships shipping",
        "судн* танкер* корабл*",
        "سفينه سفن ناقله",
        "کشتی* نفتکش*",
        "ספינה ספינות ספינת* אונייה אוניות אוניית* מכלית* מכליות",
        "gemi gemisi gemisine gemisini gemiye gemiyi gemide gemiler* tanker* yük_gemisi*",
    )),
    "nuclear": ("nuclear programme", (
        "nuclear enrichment uranium iaea centrifuge*",
        "ядерн* атомн* уран* магатэ",
        "نووي* تخصيب يورانيوم",
        "هسته_ای غنی_سازی اورانیوم",
        "גרעין* העשרה העשרת* אורניום צנטריפוג*",
        "nükleer zenginleştir* uranyum*",
    )),
    "terror": ("gun or bomb attack", (
        "gunmen gunman shooting terror* terrorist* massacre*",
        "теракт* террорист* стрельб* боевик*",
        "هجوم_ارهابي ارهابي* مسلحين مسلح اطلاق_النار مجزره",
        "تروریست* تیراندازی کشتار",
        "פיגוע* מחבל* טרור ירי",
        "terör* terörist* silahlı_saldırı* katliam*",
    )),
    "retaliation": ("retaliation", (
        "retaliat* reprisal* revenge avenge* vowed_to_respond",
        "возмезди* месть ответн*",
        "انتقام* ثار الرد",
        "انتقام* تلافی*",
        "תגמול* נקמה נקמת* נקום",
        "misilleme* intikam*",
    )),
    # A space launch is no missile attack: a carrier rocket, a satellite put into orbit. The
    # phrases take in the rocket's word ("ракета-носитель", "Soyuz rocket", "موشک ماهواره‌بر"),
    # which alone would read as a missile. Places (a cosmodrome: a summit was held at one) and
    # a bare "satellite" (satellite images, targeting) name no launch; nor Turkish "uzay"
    # (aerospace: "Havacılık ve Uzay Sanayii").
    "launch": ("space launch", (
        "satellite_launch* satellites_into spacecraft* launch_vehicle* carrier_rocket*"
        " space_rocket* into_orbit in_orbit liftoff lift_off lifted_off soyuz_rocket* soyuz*"
        " astronaut* cosmonaut*",
        "ракета_носител* ракеты_носител* ракете_носител* ракету_носител* ракетой_носител*"
        " ракет_носител* орбит* космонавт* союз_2* запуск_спутник*",
        "قمر_صناعي قمرا_صناعيا اقمار_صناعيه اقمار_الصناعيه صاروخ_حامل* مركبه_فضائيه"
        " مدار_الارض سويوز",
        "ماهواره_بر موشک_ماهواره_بر موشک_ماهواره پرتاب_ماهواره* فضاپیما* سایوز موشک_سایوز"
        " پرتابگر* به_مدار در_مدار",
        "חללית* סויוז משגר_לוויינים שיגור_לוויין* כלי_שיגור",
        "uzay_aracı uzaya yörünge* fırlatma_araç fırlatma_arac* soyuz_roket* soyuz*",
    )),
    "economy": ("economy", (
        "interest_rate* key_rate inflation central_bank oil_price* budget gdp currency",
        "ставк* инфляц* центробанк* центральн*_банк* бюджет* рубл*",
        "التضخم البنك_المركزي اسعار_النفط",
        "تورم بانک_مرکزی نرخ_ارز",
        "אינפלציה ריבית שער_החליפין הבנק_המרכזי תקציב",
        "faiz* enflasyon merkez_bankası petrol_fiyat* bütçe*",
    )),
}

# A strike verb beside a quake or flood word tells of the disaster, not of an attack ("a
# magnitude 7.1 quake struck", "землетрясение ударило", "deprem ... vurdu"): an air-strike cue
# that is one of these verbs counts as "disaster" within `what.NATURE_WINDOW` words of one of
# the NATURE cues (`what._count`). The verbs that are no attack cue ("hit", "ضرب", "פגעה",
# "sarstı") type nothing anyway: Arabic, Persian and Hebrew need no line here.
STRIKE_VERBS = (
    "strike strikes struck striking",
    "удар*",
    "vurdu vurul* vuran",
)
NATURE = (
    "quake* earthquake* magnitude aftershock* tremor* seismic richter floods flooding"
    " floodwater* flash_flood*",
    "землетрясени* толч* магнитуд* афтершок* сейсм* наводнени* паводк*",
    "زلزال* زلازل هزه هزات ريختر فيضان* سيول",
    "زلزله* زمین_لرزه* پس_لرزه* لرزه* ریشتر سیل سیلاب*",
    "רעידת_אדמה רעידות_אדמה רעידת_משנה רעידות_משנה ריכטר שיטפון* שטפון*",
    "deprem* artçı* sarsıntı* büyüklüğünde richter sel_felaket* sel_baskın* taşkın*",
)
