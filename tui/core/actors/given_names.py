# ruff: noqa: RUF001, RUF002  (Arabic and Cyrillic script are the point here)
"""Common given names, for telling a person's name from a phrase where case does not help.

Arabic and Persian have no capitals, so after a title ("مدير مستشفى ... إياد الجبري") the
first word of a name is what shows where the title's qualifier ends; in Russian and English a
given name lets a name found by attribution alone ("сказал Иван Петров", "Emily Damari and
...") count. The gazetteer's people add theirs (recognize.py); these are the names common in
the region's news whom it need not list.

Provenance: written by hand from general knowledge of naming in Arabic, Persian, Russian,
Hebrew and English (the commonest given names, no source list copied), late 2025. Names that
are also common words or places ("Israel", "Jordan", "نور", "سلام", "أمل", "أكبر" and "اکبر"
(folded alike), "بهمن" (a month), "Вера", "Надежда", "Любовь", "Мир") are left out on purpose:
a given name is a precision signal.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Arabic script: Arabic names as Arabic spells them, Persian ones as Persian does (ی, ک).
ARABIC_SCRIPT = _words("""
محمد أحمد احمد محمود مصطفى علي حسن حسين حسان خالد عمر عمرو عثمان يوسف يوسف إبراهيم ابراهيم
إسماعيل اسماعيل يحيى زكريا موسى عيسى داود سليمان سليم سامي سامر سمير سعد سعود
فيصل فهد ناصر نبيل نبيه نزار نصري نعيم هشام هاشم هاني هيثم وليد وائل وسام ياسر
ياسين يزن يونس طارق طلال طه عاطف عبد عبدالله عبدالرحمن عبدالعزيز عبدالكريم عبدالناصر
عبدالملك عبيدة عدنان عزمي عصام علاء عماد عمار عوض غازي غسان فادي فراس فؤاد فتحي
قاسم قيس لؤي ماجد مازن مالك مأمون مجدي مراد مروان مشعل معاذ معتز منذر منير مهدي
مهند موفق ميشال ميشيل ناجي نجيب نديم نواف هادي همام وجدي وحيد ياسر بشار بشير بسام
باسم باسل بلال جواد حاتم حازم حافظ حامد حمد حمدي حمزة حيدر خليل رائد رامي
رامز رشيد رضا رفيق رياض زياد زهير سامح سعدي سلمان سهيل شادي شريف صابر صادق صبحي صلاح
ضياء ظافر عارف عباس عبدو عفيف عقيل أسامة أسعد أشرف أمجد أنس أنور أيمن أيوب إياد إيهاب
ثامر جابر جبران جعفر حسام حكمت راشد راضي زيد شاكر شوقي صفوان طلعت عدي
عزت عصمت علوان فايز فواز قصي لطفي ماهر محسن مرتضى مصعب معن
مؤيد نايف نمر وفيق ياسين يعقوب إلياس الياس جورج ميخائيل بطرس أنطوان انطوان
فاطمة عائشة خديجة مريم زينب سارة ساره ليلى هند رنا ريم لينا لمى منى نادية ناديا سلمى
سميرة سعاد رغد رهف دعاء آمنة أسماء جميلة رانيا رباب رقية روان ريما
زهرة سناء شيماء عبير علا غادة فدوى لبنى مها ميساء نسرين نهى نوال هالة هبة ياسمين
محمدرضا محمدعلی محمدجواد محمدباقر محمدحسین محمدمهدی علیرضا علی‌اکبر علی‌اصغر علی‌محمد غلامرضا
غلامحسین حمیدرضا امیرحسین امیرعلی حسینعلی مهدی رضا حمید مجید سعید مسعود جواد کاظم
صادق باقر هادی مرتضی مصطفی عباس ابراهیم اسماعیل یوسف یحیی عیسی موسی داوود سلیمان
بهرام بهروز بهزاد پرویز جمشید داریوش فرهاد فریدون کامران کیومرث منوچهر همایون هوشنگ
سیاوش شاهین شهرام کوروش آرش بابک بیژن پدرام پیمان رامین سامان سیروس فرشید کیوان مازیار
مهرداد یاسر ایرج احسان افشین حسن حسین علی محمد محمود احمد
عبدالله عبدالرضا عبدالحمید عبدالناصر غلامعلی نعمت‌الله روح‌الله فضل‌الله حبیب‌الله
اسدالله عزت‌الله سیف‌الله ولی‌الله رحمت‌الله قاسم ناصر مجتبی میثم مهران محسن محمدصادق
فاطمه زهرا معصومه مریم زینب طاهره سمیه نرگس نسرین پروین مهناز لیلا مینا نازنین
الهام الهه مرضیه اعظم فرزانه مهسا نیلوفر سپیده شهلا
أفيخاي بنيامين يسرائيل موشيه دافيد يوآف إيهود نفتالي يائير بيني جدعون أرييه إيتمار
سيرغي سيرجي ألكسندر الكسندر أليكسي ألكسي ديمتري دميتري فلاديمير فياتشيسلاف يوري إيغور
ميخائيل نيكولاي إيفان فيكتور بوريس أندريه أنطونيو جون جيمس مايكل ديفيد دونالد ريتشارد
روبرت ويليام توماس ماركو مارك بيتر ستيفن كريستوفر إيمانويل فرانسوا أولاف أنالينا
كير ماريا آنا كاترين كاثرين أورسولا جوزيب فولوديمير أوليكساندر دميترو
سرگئی الکساندر الکسی دیمیتری ولادیمیر ویاچسلاو یوری ایگور میخائیل نیکلای ایوان ویکتور
بوریس آندری آنتونیو جیمز مایکل دیوید دونالد ریچارد رابرت ویلیام توماس مارکو
پیتر استیون کریستوفر امانوئل فرانسوا اولاف آنالنا ماریا آنا کاترین اورسولا
ولودیمیر بنیامین
تركي بندر سلمان راكان غانم هزاع طحنون حمدان زايد مكتوم رافائل رافاييل ستيف أنتوني
رافائل استیو آنتونی
""")

# Russian (nominative), with the Hebrew and other names Russian news writes often.
CYRILLIC = _words("""
александр алексей анатолий андрей антон аркадий арсений артём артем борис вадим валентин
валерий василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий глеб
григорий давид даниил денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид
максим марат михаил никита николай олег павел пётр петр роман руслан рустам семён семен
сергей станислав степан тимур тимофей фёдор федор филипп эдуард юрий яков ярослав
алина алла анастасия анна валентина валерия вероника виктория галина дарья евгения
екатерина елена елизавета жанна зоя ирина кристина ксения лариса людмила маргарита марина
мария наталья наталия нина оксана ольга полина светлана софья софия тамара татьяна ульяна
юлия яна
ахмед ахмад мухаммед мохаммед махмуд хасан хусейн али омар юсуф ибрагим исмаил халед халид
мустафа абдулла абдель рамзан магомед
ноа шломи альмог арнон ави авив йоси моше давид эли эйтан эфраим ицхак яир йонатан
""")

# Latin script: English first names and the region's names as English news writes them.
LATIN = _words("""
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
tyler aaron henry adam peter nathan douglas zachary walter kyle harold carl jeremy keith
roger gerald ethan arthur terry sean lawrence joe noah jesse albert bryan
billy bruce willie dylan alan ralph gabriel roy juan wayne eugene logan randy louis
russell vincent philip bobby johnny bradley mary patricia jennifer linda elizabeth barbara
susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna
michelle carol amanda dorothy melissa deborah stephanie rebecca laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha
gloria teresa ann sara frances kathryn janice jean abigail alice judy sophia
denise doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
marie kayla alexis lori
mohammed mohammad muhammad mohamed ahmed ahmad mahmoud mustafa ali hassan hasan hussein
hossein khaled khalid omar umar youssef yousef yusuf ibrahim ismail yahya zakaria musa issa
suleiman salim salem sami samer samir saeed saad faisal fahd nasser nabil nabih nizar
nidal hisham hashem hani haitham walid wael yasser yasin yassin younis tariq talal taha adel
abdullah abdul abdel abd abdulrahman abdelaziz adnan aziz issam alaa imad ammar fadi fares
firas fouad fathi qassem kassem qasim karim kamal majed majid mazen malik marwan mishal
muath mounir munir mahdi mehdi muhannad nader naji najib nawaf hadi bashar bashir bassam
basem basel bilal jamal jamil jihad javad jawad hatem hazem hafez hamed hamad hamdi hamza
haidar haider khalil raed rami ramez rashid reza rafik riad riyad ziad zuhair sameh shadi
sharif saleh sadeq sadegh salah diaa aref abbas osama usama asaad ashraf amjad amin anas
anwar ayman ayoub iyad ehab eyad badr thamer jaber gebran jaafar habib hussam rashed rabie
zaid sultan shaker shawki safwan talaat odai ezzat ghaleb fayez fawaz qusai kamel lutfi maher
mohsen mokhtar morteza mostafa masoud massoud mosab maan mansour moayad nayef nimr hilal
yaqoub elias fatima fatma aisha khadija maryam mariam zeinab zainab sarah laila leila layla
huda hind rana reem lina lama mona nadia salma samira souad raghad rahaf doaa amina asma
hanan rania ruqaya rawan rima zahra sanaa shaima safaa abeer ola ghada fadwa lubna maha
maysa nisreen noha nawal hala heba wafaa yasmin yasmine
alireza gholamreza hamidreza amirhossein mohammadreza mojtaba kazem bahram behrouz farhad
fereydoun kamran kiumars manouchehr siavash shahin shahram kourosh arash babak bijan pedram
peyman ramin saman cyrus farshid keyvan maziar mehrdad vahid iraj ehsan afshin bahman
ruhollah esmaeil esmail narges nasrin shirin parvin mahnaz mina nazanin elham marzieh
masoumeh fatemeh tahereh somayeh farzaneh mahsa niloufar azadeh sepideh
avi aviv yossi moshe eli eitan ephraim yitzhak yair yonatan noa shlomi almog arnon omer
itay ido amit yoav gilad doron romi emily liri naama daniella karina agam ofer keith gadi
eliya yarden tal shiri kfir hersh yehuda ohad sasha iair sagui ori
alexei alexey alexander sergei sergey dmitry dmitri vladimir vyacheslav yuri yury igor oleg
andrei andrey mikhail nikolai ivan viktor valery anatoly boris pavel maxim denis evgeny
yevgeny gennady vasily konstantin leonid ruslan roman vadim artem kirill stanislav timur
ilya grigory yaroslav svetlana tatiana tatyana irina olga natalia natalya yekaterina ekaterina
elena yelena marina lyudmila lyudmila ksenia anastasia daria darya yulia julia alla galina
volodymyr oleksandr oleksiy andriy mykola mykhailo serhiy dmytro yuliia vitali vitaly
""")
