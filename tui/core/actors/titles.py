"""Words that mark a person in news prose, per language, for finding names the gazetteer lacks
(`unlisted.py`): titles ("spokesman", "governor", "пресс-секретарь", "المتحدث"), attribution
verbs ("said", "заявил", "قال", "گفت"), and words that show a capitalised run is not a person
("Ministry", "Council", months). Written from how news is phrased, not from any test set.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A title right before a name ("spokesman John Kirby") or after it ("John Kirby, the spokesman").
EN_TITLES = _words("""
spokesman spokeswoman spokesperson governor mayor minister ambassador envoy commander general
colonel lieutenant major admiral captain sergeant speaker president vice-president premier
chancellor director chief head adviser advisor aide secretary deputy senator congressman
congresswoman representative lawmaker mp legislator official officer prosecutor judge justice
chairman chairwoman chair leader negotiator diplomat analyst expert researcher professor
scholar lecturer economist historian journalist correspondent reporter editor commentator
activist lawyer attorney founder ceo executive manager coordinator rapporteur commissioner
inspector administrator governor-general emir sheikh cleric imam rabbi patriarch archbishop
bishop metropolitan pastor priest mufti ayatollah hojatoleslam mullah militant fighter
commandant marshal brigadier pilot doctor dr surgeon nurse paramedic witness survivor hostage
prisoner detainee resident student teacher engineer farmer businessman businesswoman oligarch
tycoon banker blogger opposition dissident candidate member deputy-head vice-chairman
poet writer novelist author artist singer musician actor actress filmmaker photographer
scientist physicist athlete player coach woman man girl boy mother father son daughter wife
husband widow widower brother sister soldier volunteer medic worker driver owner ombudsman
mediator attendant chief-of-staff secretary-general director-general prosecutor-general
attorney-general counterpart predecessor successor mr mrs ms
""")
# Ranks and titles news abbreviates with a full stop ("Maj. Gen. Yaron Fink", "Sen. Jo Ray").
EN_ABBREVIATIONS = _words("gen maj lt col brig capt sgt adm cmdr cpl pvt rep sen gov amb prof "
                          "dr mr mrs ms insp supt")
EN_TITLES |= EN_ABBREVIATIONS
# Words a title phrase read backwards stops at: articles, possessive pronouns, prepositions
# and conjunctions, in the outlets' languages ("committed by his loyal secretary").
TITLE_STOPS = _words("""
the a an of for to and or in at on by with about from his her their its our my your another
whose who that which le la les l un une du des de sur par et en el los las su sus ni y del
der die das den dem ein eine und von mit il lo gli i e di
""") | _words("из и в на с по от для а но его её их один одна одного одной")  # noqa: RUF001
# Qualifiers that may sit between a title and its name and are not part of the name.
EN_SMALL = _words("the a an of for to and in at on de")

EN_SAID = _words("said says told added stated warned wrote noted explained insisted argued "
                 "claimed declared announced confirmed")

# Capitalised words that show a run is an organisation, place or date, not a person.
EN_NOT_NAME = _words("""
ministry ministries council committee commission party army forces force navy guard guards
corps agency service services office department court parliament assembly house senate
congress government administration authority authorities bank company corporation group
university institute foundation union front brigade brigades battalion regiment division
movement organisation organization news times post press radio tv television channel
network agency's journal daily monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
street square airport station prison hospital school centre center city region province
district oblast republic kingdom state states united nations national international federal
democratic islamic revolutionary popular liberation military security intelligence defence
defense foreign interior justice health affairs east west north south northern southern
eastern western middle gulf sea strait river lake mount valley bridge plant port base
christmas easter ramadan eid hajj new year war crisis summit forum conference treaty accord
deal initiative programme program project operation mission fund reuters afp ap tass
president minister secretary general spokesman spokeswoman the a an of and in on at for
mr mrs ms dr sir his her their its our
""")

RU_TITLES = _words("""
пресс-секретарь спикер губернатор глава министр замминистра посол постпред представитель
командующий командир генерал генерал-майор генерал-лейтенант генерал-полковник полковник
адмирал председатель президент премьер премьер-министр директор руководитель начальник
советник помощник секретарь заместитель депутат сенатор мэр прокурор судья лидер
официальный переговорщик дипломат аналитик эксперт политолог профессор журналист
корреспондент обозреватель правозащитник адвокат юрист основатель бизнесмен олигарх
врио вице-премьер вице-президент атаман муфтий патриарх митрополит уроженец уроженка
житель жительница заложник заложница солдат офицер военнослужащий пленный гражданин гражданка
вдова мать отец сын дочь брат сестра поэт писатель священник активист блогер омбудсмен
жена супруга муж супруг внук внучка племянник журналистка активистка правозащитница
уполномоченный генпрокурор главком замглавы вице-спикер спикер ректор шейх эмир султан
король принц кронпринц наследник участник сотрудник сотрудница военный пилот
""")
RU_SAID = _words("заявил заявила сказал сказала сообщил сообщила отметил отметила добавил "
                 "добавила подчеркнул подчеркнула написал написала признал признала")

AR_TITLES = _words("""
المتحدث الناطق المتحدثة الناطقة رئيس رئيسة وزير وزيرة سفير سفيرة مندوب محافظ قائد
الرئيس الوزير السفير المحافظ القائد الأمين أمين مدير مديرة نائب مستشار مستشارة عضو
المبعوث مبعوث زعيم الزعيم رئيس_الوزراء العميد اللواء العقيد الفريق الجنرال الشيخ
المرشد مفتي البطريرك المحلل الخبير الباحث الصحفي المراسل المحامي الناشط مسؤول المسؤول
الشيخ الدكتور المهندس السيد السيدة
السفيرة الوزيرة المستشارة النائبة الأمينة المديرة القائدة المبعوثة مراسل مراسلة المراسلة
القيادي القيادية الكاتب الكاتبة الأستاذ الأستاذة الطبيب الطبيبة الجراح المحامية الناشطة
الصحفية المحللة الباحثة الخبيرة رئيسة نائبة مديرة عضوة المسؤولة الأسير الأسيرة
المحتجز المحتجزة الرهينة الجندي الضابط النقيب الملازم النائب العماد أستاذ د
نظيره نظيرته نظيرها نظيريه الشهيد
""")
AR_SAID = _words("قال قالت أكد أكدت أعلن أعلنت صرح صرحت أضاف أضافت أوضح أوضحت اعتبر اعتبرت "
                 "وقال وقالت وأكد وأكدت وأعلن وأضاف وأضافت وأوضح وصرح "
                 # with the shadda news sometimes writes, and "according to"
                 "صرّح صرّحت وصرّح وصرّحت أكّد أكّدت وأكّد وأكّدت وأعلنت وصرحت وأوضحت واعتبر "
                 "أفاد أفادت وأفاد وأفادت ذكر ذكرت وذكر وذكرت بحسب وبحسب حسب وفق ووفق قوله قولها")
# Words inside an Arabic title's qualifier ("المتحدث باسم وزارة الخارجية") that are no name.
# Honorifics and ranks written right before a name, with no qualifier ("الشيخ موفق طريف").
AR_HONORIFICS = _words("د الشيخ اللواء العميد العقيد الفريق الجنرال الدكتور المهندس السيد السيدة "
                       "سرلشکر سردار سرتیپ دکتر آقای خانم حجت‌الاسلام آیت‌الله مهندس "
                       "سرهنگ سرگرد دریادار تیمسار شهید الشهيد سید")
AR_QUALIFIER = _words("""
باسم وزارة مجلس هيئة حركة حزب جيش دولة جمهورية لشؤون في لدى مكتب جهاز قوات منظمة
الخارجية الدفاع الداخلية الإيرانية الروسية الإسرائيلية الأمريكية الأميركية التركية السورية
اللبنانية العراقية الأوكرانية المصرية السعودية القطرية الحكومة الحكومي الدولة النواب الشورى
الأمن الوطني القومي الأعلى العام العامة الأركان للقوات المسلحة الثوري الإسلامي الرئاسة
خارجية داخلية دفاع صحة مالية عدل إعلام اقتصاد نفط طاقة تجارة شرطة محافظة بلدية مستشفى
مركز مديرية دائرة قسم شركة جامعة مجلة صحيفة قناة وكالة لجنة كتلة كتائب سرايا ألوية فرقة
لواء فيلق حكومة سلطة رئاسة
""")
# Persian institutions in a title's ezafe chain ("سخنگوی وزارت امور خارجه"): no name word.
FA_QUALIFIER = _words("""
وزارت امور خارجه کشور دفاع بهداشت اقتصاد نفت نیرو دولت مجلس شورای شورا اسلامی امنیت ملی
سپاه پاسداران انقلاب ارتش نیروی هوایی زمینی دریایی قوه قضاییه قضائیه سازمان ستاد کل
نیروهای مسلح جمهوری کمیسیون سیاست خارجی دادگستری استان شهر شهرداری فرمانداری دانشگاه
بانک مرکزی خبرگزاری روزنامه حزب جبهه جنبش کمیته هیئت ویژه سیاسی حقوقی بین‌الملل
""")
AR_STOP = _words("إن أن إنه أنه إنّ أنّ في على من إلى عن خلال بعد قبل مع إلى لـ، ، : . يوم أمس "
                 "اليوم الذي التي ما لا لم لن قد كان كانت هو هي وإن بأن وأن بأنه لأن كما "
                 "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد مساء صباح ليلة فجر عبر "
                 "لدى أمام حول ضد بين إثر عقب حين حيث عندما بينما وعلى وفي ومن أي صلى لـ ل "
                 # Persian
                 "در از به با که این آن را و برای تا بر پس پیش نیز هم روز امروز دیروز است بود "
                 "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه صبح عصر شب "
                 "ضمن طی پیرامون درباره رغم "
                 # Persian verbs that end a sentence right after a name
                 "کرد شد داد دانست خواند نمود گرفت رسید آمد رفت کرده شده داده نامید خواست "
                 "هستند نیست باشد گذاشت کردند شدند دادند "
                 # and the nouns of "دیدار کرد", "سفر کرد"
                 "دیدار گفت‌وگو گفتگو ملاقات سفر تماس سخنرانی")

FA_TITLES = _words("""
سخنگوی سخنگو وزیر رئیس سفیر نماینده فرمانده استاندار معاون دبیر مشاور مدیر رهبر
سرلشکر سردار سرتیپ امیر دریادار کارشناس تحلیلگر پژوهشگر خبرنگار روزنامه‌نگار وکیل
فعال عضو نایب آقای خانم حجت‌الاسلام آیت‌الله دکتر مهندس سرهنگ سرگرد تیمسار دریادار
رئیس‌جمهور فرماندار شهردار دادستان قاضی نخست‌وزیر همتای فرستاده مدیرکل دبیرکل شهید سید
""")
FA_SAID = _words("گفت گفته اعلام تاکید تأکید افزود نوشت اظهار")

# The same in the other languages of the outlets read (German, French, Spanish, Italian,
# Polish): titles, and a few German compounds that news writes as one word.
LATIN_TITLES = _words("""
sprecher sprecherin minister ministerin präsident präsidentin kanzler kanzlerin botschafter
botschafterin generalsekretär chef chefin direktor direktorin abgeordnete abgeordneter experte
expertin anführer vorsitzende vorsitzender bürgermeister bürgermeisterin gouverneur oberst
regierungssprecher außenminister außenministerin verteidigungsminister verteidigungsministerin
innenminister ministerpräsident bundeskanzler kremlsprecher kremlchef staatschef regierungschef
armeesprecher militärsprecher generalstabschef geheimdienstchef nahost-experte journalist
journalistin
porte-parole ministre président présidente ambassadeur ambassadrice secrétaire général
directeur directrice responsable député députée sénateur maire dirigeant chercheur chercheuse
analyste expert experte journaliste avocat avocate commandant otage prisonnier
portavoz ministro ministra presidenta jefe jefa embajador embajadora secretario secretaria
directora diputado diputada senador alcalde alcaldesa gobernador líder experto experta
periodista abogado abogada canciller rehén
portavoce ambasciatore segretario generale direttore deputato sindaco esperto giornalista
rzecznik prezydent ambasador sekretarz generał dyrektor poseł burmistrz szef lider ekspert
""")
LATIN_SAID = _words("""
sagte erklärte betonte sagt déclaré affirmé indiqué estimé dijo afirmó declaró señaló aseguró
explicó dichiarato affermato powiedział powiedziała oświadczył oświadczyła
""")
