//! The words the scale demo builds its texts from, each in Hebrew, Arabic and English (in that
//! order, as the hub keeps names): syllables for place names, themes, industries, family and given
//! names, the templates of organisation names, initiative topics with their problems, the goals
//! of a sustainability plan with the SDG codes they serve, roles, reasons and indicators.
//!
//! Templates hold `{P}` (a place), `{T}` (a theme), `{I}` (an industry), `{N}` (a family name),
//! `{R}` (a region), `{M}` (a ministry) and `{Q}` (a neighbourhood).

/// A text in Hebrew, Arabic and English.
pub type Tri = [&'static str; 3];

/// Consonants of invented place names, as written in each script (English transliteration).
pub const CONSONANTS: &[Tri] = &[
    ["ב", "ب", "b"],
    ["ג", "ج", "g"],
    ["ד", "د", "d"],
    ["ז", "ز", "z"],
    ["ח", "ح", "ch"],
    ["ט", "ط", "t"],
    ["י", "ي", "y"],
    ["כ", "ك", "k"],
    ["ל", "ل", "l"],
    ["מ", "م", "m"],
    ["נ", "ن", "n"],
    ["ס", "س", "s"],
    ["פ", "ف", "f"],
    ["צ", "ص", "tz"],
    ["ק", "ق", "q"],
    ["ר", "ر", "r"],
    ["ש", "ش", "sh"],
    ["ת", "ت", "t"],
];

/// Vowels after a consonant: Hebrew and Arabic write only the long ones.
pub const VOWELS: &[Tri] = &[
    ["", "ا", "a"],
    ["י", "ي", "i"],
    ["ו", "و", "o"],
    ["", "", "e"],
    ["ו", "و", "u"],
    ["", "ا", "a"],
];

/// Words that begin place names in Hebrew-speaking localities.
pub const HEBREW_PLACE_PREFIXES: &[Tri] = &[
    ["כפר", "كفار", "Kfar"],
    ["גבעת", "جفعات", "Givat"],
    ["נווה", "نفيه", "Neve"],
    ["רמת", "رمات", "Ramat"],
    ["בית", "بيت", "Beit"],
    ["מצפה", "متسبيه", "Mitzpe"],
    ["קריית", "كريات", "Kiryat"],
    ["עין", "عين", "Ein"],
    ["תל", "تل", "Tel"],
];

/// Words that begin place names in Arabic-speaking localities.
pub const ARABIC_PLACE_PREFIXES: &[Tri] = &[
    ["כפר", "كفر", "Kafr"],
    ["דיר", "دير", "Deir"],
    ["עין", "عين", "Ein"],
    ["ביר", "بير", "Bir"],
    ["אום", "أم", "Umm"],
    ["ג'סר", "جسر", "Jisr"],
    ["ח'רבת", "خربة", "Khirbet"],
];

/// Regions, for clusters of authorities and district offices.
pub const REGIONS: &[Tri] = &[
    ["הגליל המזרחי", "الجليل الشرقي", "Eastern Galilee"],
    ["הגליל המערבי", "الجليل الغربي", "Western Galilee"],
    ["העמקים", "المروج", "Valleys"],
    ["הנגב המערבי", "النقب الغربي", "Western Negev"],
    ["הנגב המזרחי", "النقب الشرقي", "Eastern Negev"],
    ["השרון", "الشارون", "Sharon"],
    ["הכרמל", "الكرمل", "Carmel"],
    ["הגולן", "الجولان", "Golan"],
    ["הערבה", "وادي عربة", "Arava"],
    ["המשולש", "المثلث", "Triangle"],
    ["השפלה", "السهل", "Shfela"],
    ["המרכז", "المركز", "Central"],
];

/// Neighbourhoods, for community groups and initiatives.
pub const NEIGHBOURHOODS: &[Tri] = &[
    ["שכונת הזיתים", "حي الزيتون", "Olive Quarter"],
    ["שכונת התאנים", "حي التين", "Fig Quarter"],
    ["שכונת האלונים", "حي البلوط", "Oak Quarter"],
    ["שכונת הרימונים", "حي الرمان", "Pomegranate Quarter"],
    ["שכונת הגפן", "حي الكرمة", "Vine Quarter"],
    ["שכונת השקד", "حي اللوز", "Almond Quarter"],
    ["שכונת הדקלים", "حي النخيل", "Palm Quarter"],
    ["שכונת הברושים", "حي السرو", "Cypress Quarter"],
    ["השכונה המזרחית", "الحي الشرقي", "East Quarter"],
    ["השכונה המערבית", "الحي الغربي", "West Quarter"],
    ["העיר העתיקה", "البلدة القديمة", "Old Town"],
    ["מרכז העיר", "مركز البلد", "Town Centre"],
    ["שכונת המעיין", "حي العين", "Spring Quarter"],
    ["שכונת הגבעה", "حي التلة", "Hill Quarter"],
    ["שכונת הפרחים", "حي الزهور", "Flower Quarter"],
    ["שכונת הנחל", "حي الوادي", "Stream Quarter"],
];

/// Themes of civil-society bodies and their work.
pub const THEMES: &[Tri] = &[
    ["אנרגיה נקייה", "الطاقة النظيفة", "Clean Energy"],
    ["מחזור", "إعادة التدوير", "Recycling"],
    ["גינות קהילתיות", "الحدائق المجتمعية", "Community Gardens"],
    ["תחבורה בת קיימא", "النقل المستدام", "Sustainable Transport"],
    ["מים", "المياه", "Water"],
    ["חינוך סביבתי", "التربية البيئية", "Environmental Education"],
    ["צדק אקלימי", "العدالة المناخية", "Climate Justice"],
    ["שמירת טבע", "حماية الطبيعة", "Nature Conservation"],
    ["ביטחון תזונתי", "الأمن الغذائي", "Food Security"],
    ["כלכלה מעגלית", "الاقتصاد الدائري", "Circular Economy"],
    ["בנייה ירוקה", "البناء الأخضر", "Green Building"],
    ["יערות עירוניים", "الغابات الحضرية", "Urban Forests"],
    ["רכיבה על אופניים", "ركوب الدراجات", "Cycling"],
    [
        "חקלאות בת קיימא",
        "الزراعة المستدامة",
        "Sustainable Farming",
    ],
    ["בריאות הסביבה", "صحة البيئة", "Environmental Health"],
    [
        "צעירים למען הסביבה",
        "الشباب من أجل البيئة",
        "Youth for the Environment",
    ],
    [
        "נשים למען הסביבה",
        "نساء من أجل البيئة",
        "Women for the Environment",
    ],
    ["התחדשות שכונתית", "تجديد الأحياء", "Neighbourhood Renewal"],
    ["חיסכון באנרגיה", "توفير الطاقة", "Energy Saving"],
    ["הפחתת פסולת", "تقليل النفايات", "Waste Reduction"],
    ["מגוון ביולוגי", "التنوع البيولوجي", "Biodiversity"],
    ["איכות אוויר", "جودة الهواء", "Air Quality"],
    ["קהילה ירוקה", "مجتمع أخضر", "Green Community"],
    [
        "תיקון ושימוש חוזר",
        "التصليح وإعادة الاستخدام",
        "Repair and Reuse",
    ],
    ["חופים נקיים", "شواطئ نظيفة", "Clean Beaches"],
    ["הצללה עירונית", "التظليل الحضري", "Urban Shade"],
    ["אנרגיה קהילתית", "الطاقة المجتمعية", "Community Energy"],
    ["ניהול מי נגר", "إدارة مياه الأمطار", "Stormwater Management"],
    ["נגישות", "الإتاحة", "Accessibility"],
    ["ותיקים פעילים", "كبار السن الفاعلون", "Active Elders"],
];

/// Lines of business, for company names.
pub const INDUSTRIES: &[Tri] = &[
    ["אנרגיה", "طاقة", "Energy"],
    ["סולאר", "سولار", "Solar"],
    ["מיחזור", "تدوير", "Recycling"],
    ["בנייה", "بناء", "Construction"],
    ["הנדסה", "هندسة", "Engineering"],
    ["מזון", "أغذية", "Foods"],
    ["מחלבות", "ألبان", "Dairies"],
    ["טכנולוגיות", "تكنولوجيا", "Technologies"],
    ["תחבורה", "مواصلات", "Transport"],
    ["מערכות מים", "أنظمة مياه", "Water Systems"],
    ["חקלאות", "زراعة", "Agro"],
    ["פלסטיק", "بلاستيك", "Plastics"],
    ["נדל\"ן", "عقارات", "Real Estate"],
    ["תקשורת", "اتصالات", "Communications"],
    ["ייעוץ סביבתי", "استشارات بيئية", "Environmental Consulting"],
    ["לוגיסטיקה", "لوجستيات", "Logistics"],
    ["תעשיות", "صناعات", "Industries"],
    ["קפה", "قهوة", "Coffee"],
    ["אופניים", "دراجات", "Bikes"],
    ["גינון", "تنسيق حدائق", "Landscaping"],
    ["שיווק", "تسويق", "Marketing"],
    ["אריזות", "تغليف", "Packaging"],
];

/// Family names, with whether they are Arabic (for people's languages).
pub const FAMILY_NAMES: &[(Tri, bool)] = &[
    (["כהן", "كوهين", "Cohen"], false),
    (["לוי", "ليفي", "Levi"], false),
    (["מזרחי", "مزراحي", "Mizrahi"], false),
    (["פרץ", "بيرتس", "Peretz"], false),
    (["ביטון", "بيطون", "Biton"], false),
    (["אברהם", "أبراهام", "Avraham"], false),
    (["פרידמן", "فريدمان", "Friedman"], false),
    (["שפירא", "شبيرا", "Shapira"], false),
    (["גולן", "غولان", "Golan"], false),
    (["אזולאי", "أزولاي", "Azoulay"], false),
    (["דהן", "دهان", "Dahan"], false),
    (["אוחיון", "أوحيون", "Ohayon"], false),
    (["ברק", "باراك", "Barak"], false),
    (["רוזן", "روزين", "Rosen"], false),
    (["חורי", "خوري", "Khoury"], true),
    (["מנסור", "منصور", "Mansour"], true),
    (["חדאד", "حداد", "Haddad"], true),
    (["עבאס", "عباس", "Abbas"], true),
    (["נסאר", "نصار", "Nassar"], true),
    (["סעדי", "سعدي", "Saadi"], true),
    (["עודה", "عودة", "Odeh"], true),
    (["ג'בארין", "جبارين", "Jabareen"], true),
    (["זועבי", "زعبي", "Zoabi"], true),
    (["מסארווה", "مصاروة", "Masarwa"], true),
    (["דאהר", "ضاهر", "Daher"], true),
    (["בשארה", "بشارة", "Bishara"], true),
    (["אבו ריא", "أبو ريا", "Abu Raya"], true),
    (["טנוס", "طنوس", "Tannous"], true),
];

/// Given names in Hebrew with their transliteration.
pub const HEBREW_GIVEN_NAMES: &[[&str; 2]] = &[
    ["נועה", "Noa"],
    ["מאיה", "Maya"],
    ["תמר", "Tamar"],
    ["יעל", "Yael"],
    ["שירה", "Shira"],
    ["אביגיל", "Avigail"],
    ["רונית", "Ronit"],
    ["מיכל", "Michal"],
    ["דנה", "Dana"],
    ["הילה", "Hila"],
    ["ענבל", "Inbal"],
    ["אורית", "Orit"],
    ["דניאל", "Daniel"],
    ["יונתן", "Yonatan"],
    ["איתי", "Itay"],
    ["עומר", "Omer"],
    ["אורי", "Ori"],
    ["אריאל", "Ariel"],
    ["יוסי", "Yossi"],
    ["משה", "Moshe"],
    ["דוד", "David"],
    ["אבי", "Avi"],
    ["גיל", "Gil"],
    ["עידו", "Ido"],
];

/// Given names in Arabic with their transliteration.
pub const ARABIC_GIVEN_NAMES: &[[&str; 2]] = &[
    ["سلمى", "Salma"],
    ["ليلى", "Layla"],
    ["رنا", "Rana"],
    ["هبة", "Hiba"],
    ["نور", "Nour"],
    ["ياسمين", "Yasmin"],
    ["مريم", "Maryam"],
    ["رشا", "Rasha"],
    ["سناء", "Sanaa"],
    ["عبير", "Abeer"],
    ["منى", "Mona"],
    ["دعاء", "Duaa"],
    ["محمد", "Mohammad"],
    ["أحمد", "Ahmad"],
    ["خالد", "Khaled"],
    ["يوسف", "Yousef"],
    ["عمر", "Omar"],
    ["سامي", "Sami"],
    ["رامي", "Rami"],
    ["فادي", "Fadi"],
    ["كريم", "Karim"],
    ["إبراهيم", "Ibrahim"],
    ["مروان", "Marwan"],
    ["وسيم", "Wassim"],
];

/// Ministries with district offices.
pub const MINISTRIES: &[Tri] = &[
    [
        "המשרד להגנת הסביבה",
        "وزارة حماية البيئة",
        "Ministry of Environmental Protection",
    ],
    ["משרד האנרגיה", "وزارة الطاقة", "Ministry of Energy"],
    ["משרד החקלאות", "وزارة الزراعة", "Ministry of Agriculture"],
    [
        "משרד החינוך",
        "وزارة التربية والتعليم",
        "Ministry of Education",
    ],
    ["משרד הרווחה", "وزارة الرفاه", "Ministry of Welfare"],
    ["משרד התחבורה", "وزارة المواصلات", "Ministry of Transport"],
];

/// Names of conveners, by the kind of locality (municipality, local council, regional council,
/// cluster; a cluster is named after its region).
pub const CONVENER_NAMES: [Tri; 4] = [
    ["עיריית {P}", "بلدية {P}", "{P} Municipality"],
    [
        "המועצה המקומית {P}",
        "المجلس المحلي {P}",
        "{P} Local Council",
    ],
    [
        "המועצה האזורית {P}",
        "المجلس الإقليمي {P}",
        "{P} Regional Council",
    ],
    [
        "אשכול רשויות {P}",
        "عنقود سلطات {P}",
        "{P} Cluster of Authorities",
    ],
];

pub const NGO_NAMES: &[Tri] = &[
    ["עמותת {T} {P}", "جمعية {T} {P}", "{P} {T} Association"],
    ["{T} למען {P}", "{T} من أجل {P}", "{T} for {P}"],
    ["ידידי {T} ב{P}", "أصدقاء {T} في {P}", "Friends of {T}, {P}"],
    ["פורום {T} {P}", "منتدى {T} {P}", "{P} {T} Forum"],
    ["עמותת {T} {Q}", "جمعية {T} {Q}", "{Q} {T} Association"],
];

pub const FOUNDATION_NAMES: &[Tri] = &[
    [
        "קרן {N} ל{T}",
        "صندوق {N} لدعم {T}",
        "{N} Foundation for {T}",
    ],
    [
        "קרן {P} לקהילה",
        "صندوق {P} للمجتمع",
        "{P} Community Foundation",
    ],
    ["קרן משפחת {N}", "صندوق عائلة {N}", "{N} Family Foundation"],
];

pub const COMMUNITY_GROUP_NAMES: &[Tri] = &[
    ["קהילת {T} {P}", "مجموعة {T} {P}", "{P} {T} Group"],
    [
        "גינה קהילתית {Q}",
        "الحديقة المجتمعية {Q}",
        "{Q} Community Garden",
    ],
    [
        "תושבי {Q} למען {T}",
        "سكان {Q} من أجل {T}",
        "{Q} Residents for {T}",
    ],
    ["מעגל {T} {Q}", "حلقة {T} {Q}", "{Q} {T} Circle"],
];

pub const ACADEMIC_NAMES: &[Tri] = &[
    [
        "המכללה האקדמית {P}",
        "الكلية الأكاديمية {P}",
        "{P} Academic College",
    ],
    ["המכון ל{T} {P}", "معهد {T} {P}", "{P} Institute of {T}"],
    [
        "המרכז למחקר {T}",
        "مركز أبحاث {T}",
        "Centre for {T} Research",
    ],
];

pub const MINISTRY_NAMES: &[Tri] = &[["{M} - מחוז {R}", "{M} - لواء {R}", "{M}, {R} District"]];

pub const AGENCY_NAMES: &[Tri] = &[
    ["תאגיד המים {P}", "شركة مياه {P}", "{P} Water Corporation"],
    [
        "החברה הכלכלית {P}",
        "الشركة الاقتصادية {P}",
        "{P} Economic Development Company",
    ],
    [
        "המתנ\"ס {P}",
        "المركز الجماهيري {P}",
        "{P} Community Centre",
    ],
    [
        "רשות הניקוז {R}",
        "سلطة تصريف {R}",
        "{R} Drainage Authority",
    ],
    [
        "הספרייה העירונית {P}",
        "المكتبة العامة {P}",
        "{P} Public Library",
    ],
];

pub const COMPANY_NAMES: &[Tri] = &[
    ["{N} {I} בע\"מ", "{I} {N} م.ض", "{N} {I} Ltd"],
    ["{I} {P} בע\"מ", "{I} {P} م.ض", "{P} {I} Ltd"],
    ["{N} ובניו {I}", "{N} وأبناؤه {I}", "{N} & Sons {I}"],
    ["קבוצת {N}", "مجموعة {N}", "{N} Group"],
    ["{I} {R}", "{I} {R}", "{R} {I}"],
    [
        "בנק {R} - סניף {P}",
        "بنك {R} - فرع {P}",
        "{R} Bank, {P} Branch",
    ],
];

pub const SOCIAL_ENTERPRISE_NAMES: &[Tri] = &[
    [
        "{T} - מיזם חברתי",
        "{T} - مشروع اجتماعي",
        "{T} Social Enterprise",
    ],
    ["{I} חברתית {P}", "{I} اجتماعية {P}", "{P} Social {I}"],
    ["מיזם {T} {Q}", "مشروع {T} {Q}", "{Q} {T} Venture"],
];

/// Descriptions of organisations: an opening with the theme and the place, and a closing.
pub const DESCRIPTION_OPENINGS: &[Tri] = &[
    [
        "פעילות בתחום {T} ב{P} ובסביבתה.",
        "نشاط في مجال {T} في {P} ومحيطها.",
        "Working on {T} in {P} and around it.",
    ],
    [
        "אנחנו מובילים פרויקטים של {T} עם תושבי {P}.",
        "نقود مشاريع {T} مع سكان {P}.",
        "We lead {T} projects with the residents of {P}.",
    ],
    [
        "ידע, ניסיון ושותפויות בתחום {T} מאז שנות התשעים.",
        "معرفة وخبرة وشراكات في مجال {T} منذ التسعينيات.",
        "Know-how, experience and partnerships in {T} since the nineties.",
    ],
];

pub const DESCRIPTION_CLOSINGS: &[Tri] = &[
    [
        "מתנדבים, תושבים ושותפים מכל המגזרים מוזמנים להצטרף.",
        "ندعو المتطوعين والسكان والشركاء من جميع القطاعات للانضمام.",
        "Volunteers, residents and partners from every sector are welcome to join.",
    ],
    [
        "אנחנו מחפשים שותפים ליוזמות חדשות.",
        "نبحث عن شركاء لمبادرات جديدة.",
        "We are looking for partners for new initiatives.",
    ],
    [
        "**פעילות לכל המשפחה**, בעברית ובערבית.",
        "**نشاطات لكل العائلة**، بالعربية والعبرية.",
        "**Activities for the whole family**, in Hebrew and Arabic.",
    ],
    ["", "", ""],
];

/// Free-text contributions an organisation offers beyond the catalogue.
pub const CONTRIBUTION_TEXTS: &[Tri] = &[
    [
        "ליווי משפטי וחדרי ישיבות",
        "استشارة قانونية وقاعات اجتماعات",
        "Legal advice and meeting rooms",
    ],
    [
        "הסעות למתנדבים",
        "مواصلات للمتطوعين",
        "Transport for volunteers",
    ],
    [
        "ציוד גינון וכלי עבודה",
        "معدات بستنة وأدوات عمل",
        "Gardening tools and equipment",
    ],
    [
        "עיצוב גרפי ופרסום",
        "تصميم غرافيكي ونشر",
        "Graphic design and publicity",
    ],
    [
        "תרגום לערבית ולעברית",
        "ترجمة إلى العربية والعبرية",
        "Translation into Arabic and Hebrew",
    ],
];

/// An initiative's topic: its title, the problem it answers, the SDG goals it serves and the
/// indicators that measure it.
pub struct Topic {
    pub title: Tri,
    pub problem: Tri,
    pub sdg_goals: &'static [u8],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        title: [
            "גגות סולאריים על מבני ציבור",
            "أسطح شمسية على المباني العامة",
            "Solar roofs on public buildings",
        ],
        problem: [
            "מבני הציבור צורכים חשמל רב, ואין תקציב להתקנת מערכות סולאריות.",
            "تستهلك المباني العامة الكثير من الكهرباء، ولا توجد ميزانية لتركيب أنظمة شمسية.",
            "Public buildings use a lot of electricity, and there is no budget for solar systems.",
        ],
        sdg_goals: &[7, 13],
    },
    Topic {
        title: ["גינה קהילתית", "حديقة مجتمعية", "A community garden"],
        problem: [
            "אין בשכונה מקום ירוק משותף, והמגרש הפנוי מוזנח.",
            "لا توجد في الحي مساحة خضراء مشتركة، والقطعة الفارغة مهملة.",
            "The neighbourhood has no shared green space, and the empty lot is neglected.",
        ],
        sdg_goals: &[11, 2],
    },
    Topic {
        title: [
            "עמדות מחזור חכמות",
            "محطات تدوير ذكية",
            "Smart recycling points",
        ],
        problem: [
            "שיעור המחזור נמוך, והפחים הכתומים רחוקים מהבתים.",
            "نسبة التدوير منخفضة، والحاويات بعيدة عن البيوت.",
            "Recycling rates are low, and the bins are far from people's homes.",
        ],
        sdg_goals: &[12, 11],
    },
    Topic {
        title: [
            "שבילי אופניים בטוחים",
            "مسارات دراجات آمنة",
            "Safe cycle paths",
        ],
        problem: [
            "הורים חוששים לשלוח ילדים לבית הספר באופניים בגלל התנועה.",
            "يخشى الأهالي إرسال الأطفال إلى المدرسة بالدراجات بسبب حركة السير.",
            "Parents are afraid to let children cycle to school because of the traffic.",
        ],
        sdg_goals: &[11, 3],
    },
    Topic {
        title: [
            "מעבדת תיקונים שכונתית",
            "ورشة تصليح في الحي",
            "A neighbourhood repair café",
        ],
        problem: [
            "מכשירים תקינים כמעט נזרקים לפח כי אין מי שיתקן אותם.",
            "تُرمى أجهزة شبه سليمة لأنه لا يوجد من يصلحها.",
            "Nearly working appliances are thrown away because nobody repairs them.",
        ],
        sdg_goals: &[12],
    },
    Topic {
        title: ["קומפוסט ביתי", "سماد منزلي", "Home composting"],
        problem: [
            "כמחצית מהפסולת הביתית אורגנית, והיא מגיעה להטמנה.",
            "نحو نصف النفايات المنزلية عضوية، وينتهي بها المطاف في المكبات.",
            "About half of household waste is organic, and it ends up in landfill.",
        ],
        sdg_goals: &[12, 13],
    },
    Topic {
        title: ["הצללה ברחובות", "تظليل الشوارع", "Shade for the streets"],
        problem: [
            "בקיץ הרחובות לוהטים, וקשיש שהולך לקופת החולים נחשף לשמש.",
            "الشوارع حارقة في الصيف، والمسنون يتعرضون للشمس في طريقهم إلى العيادة.",
            "The streets are scorching in summer, and older people walk to the clinic in the sun.",
        ],
        sdg_goals: &[11, 13, 3],
    },
    Topic {
        title: ["נטיעת עצים", "زراعة الأشجار", "Tree planting"],
        problem: [
            "כיסוי העצים ביישוב נמוך, והצל מועט.",
            "نسبة الغطاء الشجري في البلدة منخفضة، والظل قليل.",
            "Tree cover in the town is low, and there is little shade.",
        ],
        sdg_goals: &[15, 13, 11],
    },
    Topic {
        title: [
            "חיסכון באנרגיה במשקי בית",
            "توفير الطاقة في المنازل",
            "Energy saving at home",
        ],
        problem: [
            "משפחות רבות משלמות חשבונות חשמל גבוהים בבתים לא מבודדים.",
            "تدفع عائلات كثيرة فواتير كهرباء مرتفعة في بيوت غير معزولة.",
            "Many families pay high electricity bills in poorly insulated homes.",
        ],
        sdg_goals: &[7, 1],
    },
    Topic {
        title: ["קציר מי גשם", "حصاد مياه الأمطار", "Rainwater harvesting"],
        problem: [
            "מי הגשמים זורמים לביוב, והגינות מושקות במים שפירים.",
            "تذهب مياه الأمطار إلى المجاري، وتُروى الحدائق بمياه الشرب.",
            "Rainwater runs into the drains while gardens are watered with drinking water.",
        ],
        sdg_goals: &[6, 11],
    },
    Topic {
        title: [
            "מועדוני אנרגיה בבתי הספר",
            "نوادي الطاقة في المدارس",
            "Energy clubs in schools",
        ],
        problem: [
            "התלמידים לומדים על משבר האקלים אך אינם פועלים בעצמם.",
            "يتعلم الطلاب عن أزمة المناخ لكنهم لا يعملون بأنفسهم.",
            "Pupils learn about the climate crisis but do not act themselves.",
        ],
        sdg_goals: &[4, 7, 13],
    },
    Topic {
        title: [
            "שוק איכרים מקומי",
            "سوق مزارعين محلي",
            "A local farmers' market",
        ],
        problem: [
            "החקלאים באזור מוכרים למשווקים רחוקים, והתושבים קונים תוצרת מיובאת.",
            "يبيع مزارعو المنطقة لتجار بعيدين، ويشتري السكان منتجات مستوردة.",
            "Local farmers sell to distant traders while residents buy imported produce.",
        ],
        sdg_goals: &[2, 8, 12],
    },
    Topic {
        title: ["הצלת מזון", "إنقاذ الطعام", "Food rescue"],
        problem: [
            "מסעדות ומרכולים זורקים מזון ראוי בזמן שמשפחות זקוקות לו.",
            "ترمي المطاعم والمتاجر طعامًا صالحًا بينما تحتاجه عائلات.",
            "Restaurants and shops throw away good food while families need it.",
        ],
        sdg_goals: &[12, 2],
    },
    Topic {
        title: ["שיקום הנחל", "إعادة تأهيل الوادي", "Restoring the stream"],
        problem: [
            "הנחל שעובר ביישוב מזוהם ומלא פסולת.",
            "الوادي الذي يمر في البلدة ملوث ومليء بالنفايات.",
            "The stream through the town is polluted and full of rubbish.",
        ],
        sdg_goals: &[6, 15],
    },
    Topic {
        title: ["תחבורה שיתופית", "النقل التشاركي", "Shared mobility"],
        problem: [
            "רוב התושבים נוסעים ברכב פרטי גם לנסיעות קצרות.",
            "يستخدم معظم السكان السيارة الخاصة حتى للمسافات القصيرة.",
            "Most residents drive even for short trips.",
        ],
        sdg_goals: &[11, 13],
    },
    Topic {
        title: [
            "ניטור איכות האוויר",
            "رصد جودة الهواء",
            "Air quality monitoring",
        ],
        problem: [
            "תושבים סמוך לאזור התעשייה מתלוננים על ריחות, ואין נתונים.",
            "يشتكي السكان قرب المنطقة الصناعية من الروائح، ولا توجد بيانات.",
            "Residents near the industrial zone complain of smells, and there are no data.",
        ],
        sdg_goals: &[3, 11],
    },
    Topic {
        title: [
            "התייעלות אנרגטית בעסקים",
            "كفاءة الطاقة في المصالح التجارية",
            "Energy efficiency for businesses",
        ],
        problem: [
            "עסקים קטנים אינם יודעים מאיפה להתחיל בחיסכון באנרגיה.",
            "لا تعرف المصالح الصغيرة من أين تبدأ بتوفير الطاقة.",
            "Small businesses do not know where to start with saving energy.",
        ],
        sdg_goals: &[7, 8, 9],
    },
    Topic {
        title: [
            "מחזור פסולת בניין",
            "تدوير مخلفات البناء",
            "Recycling construction waste",
        ],
        problem: [
            "פסולת בניין נשפכת בשטחים פתוחים סביב היישוב.",
            "تُلقى مخلفات البناء في المساحات المفتوحة حول البلدة.",
            "Construction waste is dumped in the open spaces around the town.",
        ],
        sdg_goals: &[12, 11, 15],
    },
    Topic {
        title: [
            "גינות לימודיות בבתי הספר",
            "حدائق تعليمية في المدارس",
            "Learning gardens in schools",
        ],
        problem: [
            "חצרות בתי הספר עשויות אספלט ואין בהן צל או צמחייה.",
            "ساحات المدارس مغطاة بالإسفلت ولا ظل فيها ولا نباتات.",
            "School yards are asphalt, with no shade or plants.",
        ],
        sdg_goals: &[4, 15],
    },
    Topic {
        title: [
            "קהילת אנרגיה מתחדשת",
            "مجتمع الطاقة المتجددة",
            "A renewable energy community",
        ],
        problem: [
            "תושבים רוצים לייצר חשמל נקי יחד, אך אין להם מסגרת.",
            "يريد السكان إنتاج كهرباء نظيفة معًا، لكن لا يوجد إطار لذلك.",
            "Residents want to make clean electricity together but have no framework.",
        ],
        sdg_goals: &[7, 11, 17],
    },
];

/// How initiatives mean to work: one or two of these make an approach.
pub const APPROACHES: &[Tri] = &[
    [
        "העירייה מקצה את המקום, העמותה מגייסת מתנדבים והעסק מממן את הציוד.",
        "توفّر البلدية المكان، وتجنّد الجمعية المتطوعين، وتموّل الشركة المعدات.",
        "The city provides the site, the association recruits volunteers and the company funds the equipment.",
    ],
    [
        "פיילוט של שנה בשכונה אחת, ואחריו הרחבה לפי התוצאות.",
        "تجربة لمدة سنة في حيّ واحد، ثم توسيع بحسب النتائج.",
        "A one-year pilot in one neighbourhood, then expansion based on the results.",
    ],
    [
        "צוות היגוי משותף נפגש פעם בחודש ומפרסם דיווח רבעוני.",
        "لجنة توجيه مشتركة تجتمع مرة في الشهر وتنشر تقريرًا فصليًا.",
        "A joint steering group meets monthly and publishes a quarterly report.",
    ],
    [
        "התושבים שותפים בתכנון, ובני נוער מובילים את ההפעלה.",
        "يشارك السكان في التخطيط، ويقود الشباب التشغيل.",
        "Residents take part in the design, and young people run it.",
    ],
    [
        "החברה מביאה ידע מקצועי, המכללה מלווה במחקר והעירייה משלבת בתוכנית העבודה.",
        "تقدّم الشركة المعرفة المهنية، وترافق الكلية بالبحث، وتدمج البلدية ذلك في خطة العمل.",
        "The company brings know-how, the college follows with research and the city builds it into its work plan.",
    ],
    [
        "מימון משולב: תקציב עירוני, תרומה עסקית וקרן פילנתרופית.",
        "تمويل مشترك: ميزانية بلدية، تبرّع من شركة، وصندوق خيري.",
        "Blended funding: a municipal budget, a business contribution and a philanthropic foundation.",
    ],
];

/// Goals of a locality's sustainability plan: title, department, SDG codes (goals, official
/// targets; checked by a test).
pub const GOALS: &[(Tri, &str, &[&str])] = &[
    (
        [
            "הפחתת פליטות גזי חממה ב-30% עד 2030",
            "خفض انبعاثات غازات الدفيئة بنسبة 30% حتى 2030",
            "Cut greenhouse gas emissions by 30% by 2030",
        ],
        "Sustainability unit",
        &["13", "13.2", "11.6"],
    ),
    (
        [
            "גג סולארי על כל מבנה ציבור",
            "سقف شمسي على كل مبنى عام",
            "A solar roof on every public building",
        ],
        "Engineering",
        &["7", "7.2"],
    ),
    (
        [
            "הכפלת שיעור המחזור הביתי",
            "مضاعفة نسبة تدوير النفايات المنزلية",
            "Double household recycling",
        ],
        "Sanitation",
        &["12", "12.5"],
    ),
    (
        [
            "גינה קהילתית בכל שכונה",
            "حديقة مجتمعية في كل حيّ",
            "A community garden in every neighbourhood",
        ],
        "Community",
        &["11", "11.7"],
    ),
    (
        [
            "שבילי אופניים בין כל השכונות",
            "مسارات دراجات تربط جميع الأحياء",
            "Cycle paths linking every neighbourhood",
        ],
        "Transport",
        &["11", "11.2"],
    ),
    (
        [
            "הפחתת צריכת המים ב-20%",
            "خفض استهلاك المياه بنسبة 20%",
            "Cut water use by 20%",
        ],
        "Water",
        &["6", "6.4"],
    ),
    (
        [
            "חינוך לקיימות בכל בתי הספר",
            "التربية للاستدامة في جميع المدارس",
            "Sustainability education in every school",
        ],
        "Education",
        &["4", "4.7"],
    ),
    (
        [
            "נטיעת 10,000 עצים",
            "زراعة 10,000 شجرة",
            "Plant 10,000 trees",
        ],
        "Parks",
        &["15", "15.1", "13.1"],
    ),
    (
        ["צמצום בזבוז מזון", "الحدّ من هدر الطعام", "Less food waste"],
        "Welfare",
        &["12", "12.3", "2.1"],
    ),
    (
        ["שיפור איכות האוויר", "تحسين جودة الهواء", "Cleaner air"],
        "Environment",
        &["3", "3.9", "11.6"],
    ),
    (
        [
            "התייעלות אנרגטית במבני ציבור",
            "كفاءة الطاقة في المباني العامة",
            "Energy efficiency in public buildings",
        ],
        "Engineering",
        &["7", "7.3"],
    ),
    (
        [
            "כלכלה מקומית ירוקה",
            "اقتصاد محلي أخضر",
            "A green local economy",
        ],
        "Economic development",
        &["8", "8.4", "9.4"],
    ),
    (
        [
            "היערכות לגלי חום",
            "الاستعداد لموجات الحر",
            "Ready for heat waves",
        ],
        "Emergency",
        &["13", "13.1", "11.b"],
    ),
    (
        [
            "שותפויות בין-מגזריות לקיימות",
            "شراكات بين القطاعات للاستدامة",
            "Cross-sector partnerships for sustainability",
        ],
        "CEO office",
        &["17", "17.17"],
    ),
    (
        [
            "שיקום נחלים ושטחים פתוחים",
            "إعادة تأهيل الأودية والمساحات المفتوحة",
            "Restore streams and open spaces",
        ],
        "Environment",
        &["15", "15.5", "6.6"],
    ),
    (
        [
            "תחבורה ציבורית נגישה",
            "مواصلات عامة متاحة",
            "Accessible public transport",
        ],
        "Transport",
        &["11", "11.2", "10.2"],
    ),
    (
        [
            "צמצום פסולת בניין",
            "تقليل مخلفات البناء",
            "Less construction waste",
        ],
        "Engineering",
        &["12", "12.5", "11.6"],
    ),
    (
        ["חקלאות עירונית", "الزراعة الحضرية", "Urban agriculture"],
        "Community",
        &["2", "2.4", "11.7"],
    ),
];

/// Partners' roles in an initiative.
pub const ROLES: &[Tri] = &[
    [
        "מימון והתקנה",
        "التمويل والتركيب",
        "Funding and installation",
    ],
    ["הפעלה בשטח", "التشغيل الميداني", "Running it on the ground"],
    ["גיוס מתנדבים", "تجنيد المتطوعين", "Recruiting volunteers"],
    ["ליווי מקצועי", "مرافقة مهنية", "Professional guidance"],
    [
        "הקצאת מקום ואישורים",
        "توفير المكان والتصاريح",
        "Site and permits",
    ],
    ["מחקר ומדידה", "البحث والقياس", "Research and measurement"],
    [
        "תקשורת עם התושבים",
        "التواصل مع السكان",
        "Talking with residents",
    ],
];

pub const INTERESTS: &[Tri] = &[
    [
        "נראות בקהילה",
        "الظهور في المجتمع",
        "Visibility in the community",
    ],
    [
        "עמידה ביעדי התוכנית העירונית",
        "تحقيق أهداف الخطة البلدية",
        "Meeting the city plan's targets",
    ],
    [
        "ניסיון בשטח לצוות",
        "خبرة ميدانية للطاقم",
        "Field experience for the team",
    ],
];

pub const DECLINE_REASONS: &[Tri] = &[
    [
        "היוזמה אינה בסדר העדיפויות של העירייה השנה.",
        "المبادرة ليست ضمن أولويات البلدية هذا العام.",
        "The initiative is not among the city's priorities this year.",
    ],
    [
        "אין תקציב עירוני מתאים בתוכנית העבודה.",
        "لا توجد ميزانية بلدية مناسبة في خطة العمل.",
        "There is no suitable municipal budget in the work plan.",
    ],
    [
        "יוזמה דומה כבר פועלת ביישוב.",
        "مبادرة مشابهة تعمل بالفعل في البلدة.",
        "A similar initiative already runs in the town.",
    ],
];

pub const WITHDRAW_REASONS: &[Tri] = &[
    [
        "השותף העסקי פרש, והיוזמה אינה יכולה להמשיך.",
        "انسحب الشريك التجاري، ولا يمكن للمبادرة الاستمرار.",
        "The business partner left, and the initiative cannot go on.",
    ],
    [
        "לא נמצא מימון מספיק.",
        "لم يتم العثور على تمويل كافٍ.",
        "Not enough funding was found.",
    ],
    [
        "הארגון מתמקד השנה בפעילות אחרת.",
        "تركّز المؤسسة هذا العام على نشاط آخر.",
        "The organisation is focusing on other work this year.",
    ],
];

pub const NO_BUDGET_REASONS: &[Tri] = &[
    [
        "המימון כולו מהשותפים; העירייה תורמת מקום ואישורים.",
        "التمويل كله من الشركاء؛ تساهم البلدية بالمكان والتصاريح.",
        "The partners fund it all; the city provides the site and permits.",
    ],
    [
        "פעילות התנדבותית ללא עלות לעירייה.",
        "نشاط تطوعي بلا تكلفة على البلدية.",
        "Volunteer work at no cost to the city.",
    ],
];

/// Indicators: name, unit, baseline, target.
pub const INDICATORS: &[(Tri, Tri, &str, &str)] = &[
    (
        ["הספק מותקן", "القدرة المركبة", "Installed capacity"],
        ["קו\"ט", "كيلوواط", "kW"],
        "0",
        "250",
    ),
    (
        [
            "משקי בית משתתפים",
            "الأسر المشاركة",
            "Households taking part",
        ],
        ["משקי בית", "أسر", "households"],
        "0",
        "400",
    ),
    (
        [
            "טונות שמוחזרו בשנה",
            "أطنان مُدوّرة سنويًا",
            "Tonnes recycled a year",
        ],
        ["טון", "طن", "t"],
        "120",
        "300",
    ),
    (
        ["עצים שניטעו", "أشجار مزروعة", "Trees planted"],
        ["עצים", "أشجار", "trees"],
        "0",
        "1000",
    ),
    (
        ["מתנדבים פעילים", "متطوعون فاعلون", "Active volunteers"],
        ["אנשים", "أشخاص", "people"],
        "0",
        "60",
    ),
    (
        [
            "פליטות שנחסכו בשנה",
            "انبعاثات تم تجنبها سنويًا",
            "Emissions avoided a year",
        ],
        ["טון CO2e", "طن CO2e", "t CO2e"],
        "0",
        "150",
    ),
];

/// The charter's sections: a vision and objectives.
pub const CHARTER_VISIONS: &[Tri] = &[
    [
        "כל תושב ב{P} שותף לעיר נקייה, ירוקה ומוצלת יותר.",
        "كل ساكن في {P} شريك في بلدة أنظف وأكثر خضرة وظلًا.",
        "Everyone in {P} shares in a cleaner, greener, shadier town.",
    ],
    [
        "{P} מייצרת את האנרגיה שלה ומלמדת אחרים איך.",
        "تنتج {P} طاقتها بنفسها وتعلّم الآخرين كيف.",
        "{P} makes its own energy and shows others how.",
    ],
    [
        "שכונות {P} חיות בלי פסולת מיותרת.",
        "أحياء {P} تعيش بلا نفايات زائدة.",
        "The neighbourhoods of {P} live without needless waste.",
    ],
];

pub const CHARTER_OBJECTIVES: &[Tri] = &[
    [
        "תוצאה ראשונה בתוך שנה, ודיווח פתוח לציבור כל רבעון.",
        "نتيجة أولى خلال سنة، وتقرير علني للجمهور كل فصل.",
        "A first result within a year, and an open report to the public every quarter.",
    ],
    [
        "הרחבה לשלוש שכונות נוספות עד סוף תוכנית העבודה.",
        "التوسع إلى ثلاثة أحياء أخرى حتى نهاية خطة العمل.",
        "Three more neighbourhoods by the end of the work plan.",
    ],
];

pub const PERIODS: &[&str] = &[
    "2025",
    "2026",
    "2027",
    "2026-2027",
    "2026-2028",
    "2025-2026",
];

/// Open calls' titles: `{T}` the topic, `{P}` the place (Hebrew after a prefix).
pub const CALL_TITLES: &[Tri] = &[
    [
        "קול קורא: {T} ב{P}",
        "دعوة مفتوحة: {T} في {P}",
        "Open call: {T} in {P}",
    ],
    [
        "קול קורא לשותפים: {T}",
        "دعوة للشركاء: {T}",
        "Call for partners: {T}",
    ],
    [
        "הזמנה להגשת הצעות: {T} ב{P}",
        "دعوة لتقديم اقتراحات: {T} في {P}",
        "Call for proposals: {T} in {P}",
    ],
];

pub const CALL_SOUGHT: &[Tri] = &[
    [
        "ארגון שיתכנן, יפעיל וימדוד את הפרויקט לאורך שנתיים, יחד עם צוות הקיימות.",
        "منظمة تخطط للمشروع وتشغّله وتقيسه على مدى سنتين، مع فريق الاستدامة.",
        "An organisation to plan, run and measure the project over two years, with the sustainability team.",
    ],
    [
        "שותף עם ניסיון בעבודה קהילתית, שיגייס מתנדבים ויוביל את הפעילות בשטח.",
        "شريك ذو خبرة في العمل المجتمعي يجنّد المتطوعين ويقود النشاط الميداني.",
        "A partner experienced in community work, to recruit volunteers and lead the work on the ground.",
    ],
    [
        "הצעה הכוללת תוכנית עבודה, לוח זמנים, תקציב ומדדי הצלחה.",
        "اقتراح يشمل خطة عمل وجدولًا زمنيًا وميزانية ومؤشرات نجاح.",
        "A proposal with a work plan, a timetable, a budget and measures of success.",
    ],
    [
        "גוף שיביא מימון משלים או תרומה בעין לצד ההשקעה העירונית.",
        "جهة تجلب تمويلًا مكمّلًا أو مساهمة عينية إلى جانب الاستثمار البلدي.",
        "A body to bring matching funds or an in-kind contribution alongside the city's investment.",
    ],
];

pub const CALL_ELIGIBILITY: &[Tri] = &[
    [
        "עמותות, חברות לתועלת הציבור ועסקים הרשומים בישראל.",
        "جمعيات وشركات للمنفعة العامة ومصالح تجارية مسجّلة في إسرائيل.",
        "Associations, public-benefit companies and businesses registered in Israel.",
    ],
    [
        "ארגונים הפועלים ביישוב או בסביבתו שלוש שנים לפחות.",
        "منظمات تعمل في البلدة أو محيطها منذ ثلاث سنوات على الأقل.",
        "Organisations working in or around the locality for at least three years.",
    ],
    [
        "כל ארגון בעל ניסיון מוכח בתחום; שיתופי פעולה בין ארגונים יתקבלו בברכה.",
        "أي منظمة ذات خبرة مثبتة في المجال؛ نرحّب بالشراكات بين المنظمات.",
        "Any organisation with proven experience in the field; joint bids are welcome.",
    ],
];

/// A call's criteria: name and description.
pub const CRITERIA: &[(Tri, Tri)] = &[
    (
        ["השפעה סביבתית", "الأثر البيئي", "Environmental impact"],
        [
            "כמה הפרויקט מקדם את יעדי הקיימות של היישוב.",
            "مدى مساهمة المشروع في أهداف الاستدامة للبلدة.",
            "How far the project advances the locality's sustainability goals.",
        ],
    ),
    (
        ["ניסיון ויכולת", "الخبرة والقدرة", "Experience and capacity"],
        [
            "ניסיון קודם בפרויקטים דומים וצוות מתאים.",
            "خبرة سابقة في مشاريع مشابهة وطاقم مناسب.",
            "Earlier work on similar projects, and a fitting team.",
        ],
    ),
    (
        [
            "מעורבות קהילתית",
            "المشاركة المجتمعية",
            "Community involvement",
        ],
        [
            "שיתוף התושבים בתכנון ובביצוע.",
            "إشراك السكان في التخطيط والتنفيذ.",
            "How residents take part in planning and delivery.",
        ],
    ),
    (
        ["עלות ותועלת", "الكلفة والمنفعة", "Value for money"],
        [
            "התקציב המבוקש מול התוצאות הצפויות.",
            "الميزانية المطلوبة مقابل النتائج المتوقعة.",
            "The budget asked for against the results expected.",
        ],
    ),
    (
        [
            "קיימות לאורך זמן",
            "الاستدامة على المدى الطويل",
            "Lasting results",
        ],
        [
            "מה יישאר אחרי שהמימון יסתיים.",
            "ما الذي سيبقى بعد انتهاء التمويل.",
            "What remains once the funding ends.",
        ],
    ),
    (
        ["חדשנות", "الابتكار", "Innovation"],
        [
            "גישה חדשה שאפשר ללמוד ממנה.",
            "نهج جديد يمكن التعلّم منه.",
            "A new approach others can learn from.",
        ],
    ),
    (
        [
            "שוויון ונגישות",
            "المساواة وإمكانية الوصول",
            "Equity and access",
        ],
        [
            "הגעה לכל השכונות ולכל הקהילות, בעברית ובערבית.",
            "الوصول إلى جميع الأحياء والمجتمعات، بالعربية والعبرية.",
            "Reaching every neighbourhood and community, in Arabic and Hebrew.",
        ],
    ),
];

/// Evaluators' reasons, for a high, a middling and a low score.
pub const SCORE_REASONS: [&[Tri]; 3] = [
    &[
        [
            "הצעה מפורטת ומשכנעת, עם מדדים ברורים.",
            "اقتراح مفصّل ومقنع، بمؤشرات واضحة.",
            "A detailed, convincing proposal with clear measures.",
        ],
        [
            "ניסיון מוכח ושותפים חזקים בשטח.",
            "خبرة مثبتة وشركاء أقوياء في الميدان.",
            "Proven experience and strong partners on the ground.",
        ],
    ],
    &[
        [
            "כיוון טוב, אך לוח הזמנים אופטימי.",
            "اتجاه جيد، لكن الجدول الزمني متفائل.",
            "A good direction, but the timetable is optimistic.",
        ],
        [
            "סביר; חסרים פרטים על המשך הפעילות.",
            "معقول؛ تنقص تفاصيل عن استمرار النشاط.",
            "Reasonable; details on what follows are missing.",
        ],
    ],
    &[
        [
            "ההצעה כללית מדי ואינה עונה על הדרישות.",
            "الاقتراح عام جدًا ولا يلبي المتطلبات.",
            "The proposal is too general and does not meet the requirements.",
        ],
        [
            "אין ניסיון רלוונטי והתקציב אינו מוסבר.",
            "لا توجد خبرة ذات صلة والميزانية غير مبرّرة.",
            "No relevant experience, and the budget is not explained.",
        ],
    ],
];

pub const PROPOSAL_CLOSINGS: &[Tri] = &[
    [
        "מצורפים תוכנית עבודה ותקציב מפורט.",
        "مرفقة خطة عمل وميزانية مفصّلة.",
        "A work plan and a detailed budget are attached.",
    ],
    [
        "נשמח להציג את ההצעה בפני ועדת ההערכה.",
        "يسعدنا عرض الاقتراح أمام لجنة التقييم.",
        "We would be glad to present the proposal to the evaluators.",
    ],
    [
        "הצוות שלנו פועל ביישוב כבר שנים רבות.",
        "يعمل فريقنا في البلدة منذ سنوات عديدة.",
        "Our team has worked in the locality for many years.",
    ],
];

pub const AWARD_REASONS: &[Tri] = &[
    [
        "ההצעה קיבלה את הציון המשוקלל הגבוה ביותר.",
        "حصل الاقتراح على أعلى مجموع مرجّح.",
        "The proposal received the highest weighted score.",
    ],
    [
        "הציון הגבוה ביותר, וניסיון מוכח בפרויקטים דומים ביישוב.",
        "أعلى نتيجة، وخبرة مثبتة في مشاريع مشابهة في البلدة.",
        "The highest score, and proven experience with similar projects here.",
    ],
    [
        "ההצעה המשלבת הטובה ביותר של השפעה, עלות וקיימות לאורך זמן.",
        "أفضل اقتراح يجمع بين الأثر والكلفة والاستدامة.",
        "The best combination of impact, cost and lasting results.",
    ],
];

pub const CANCEL_REASONS: &[Tri] = &[
    [
        "לא הוגשו הצעות העומדות בתנאי הסף.",
        "لم تُقدَّم اقتراحات تستوفي الشروط الأساسية.",
        "No application met the threshold conditions.",
    ],
    [
        "התקציב שיועד לקול הקורא בוטל בעדכון תוכנית העבודה.",
        "أُلغيت الميزانية المخصّصة للدعوة في تحديث خطة العمل.",
        "The budget for the call was cut when the work plan was updated.",
    ],
    [
        "הצרכים השתנו; קול קורא חדש יפורסם בהמשך.",
        "تغيّرت الاحتياجات؛ ستُنشر دعوة جديدة لاحقًا.",
        "The needs have changed; a new call will follow.",
    ],
];

pub const RERUN_REASONS: &[Tri] = &[
    [
        "הוגשו מעט הצעות; המועד הוארך כדי לאפשר לארגונים נוספים להגיש.",
        "قُدّمت اقتراحات قليلة؛ مُدّد الموعد لإتاحة المجال لمنظمات أخرى.",
        "Few applications came in; the deadline is extended so that more organisations can apply.",
    ],
    [
        "הובהרו תנאי הסף; מועד ההגשה נפתח מחדש.",
        "وُضّحت الشروط الأساسية؛ أُعيد فتح موعد التقديم.",
        "The threshold conditions were clarified; applications are open again.",
    ],
];

/// A notice inviting competing proposals: `{T}` the initiative's topic.
pub const NOTICE_SUMMARIES: &[Tri] = &[
    [
        "הוצעה לעירייה שותפות בנושא {T}. ארגונים נוספים מוזמנים להציע חלופה עד המועד.",
        "اقتُرحت على البلدية شراكة في موضوع {T}. نرحّب باقتراحات بديلة من منظمات أخرى حتى الموعد.",
        "A partnership on {T} was proposed to the city. Other organisations may propose an alternative until the closing date.",
    ],
    [
        "לפני שהעירייה מצטרפת ליוזמה בנושא {T}, היא מזמינה הצעות מתחרות.",
        "قبل أن تنضم البلدية إلى مبادرة في موضوع {T}، تدعو إلى تقديم اقتراحات منافسة.",
        "Before the city joins an initiative on {T}, it invites competing proposals.",
    ],
];

/// The convener's reasons after a notice, by outcome: original, alternative, open call, dropped.
pub const NOTICE_REASONS: [Tri; 4] = [
    [
        "לא התקבלו חלופות טובות יותר מההצעה המקורית.",
        "لم تصل بدائل أفضل من الاقتراح الأصلي.",
        "No alternative was better than the original proposal.",
    ],
    [
        "החלופה שהוצעה משיגה את אותן מטרות בעלות נמוכה יותר.",
        "البديل المقترح يحقق الأهداف نفسها بكلفة أقل.",
        "The alternative reaches the same aims at a lower cost.",
    ],
    [
        "התקבלו כמה הצעות ראויות; ייערך קול קורא פתוח.",
        "وصلت عدة اقتراحات جديرة؛ ستُنشر دعوة مفتوحة.",
        "Several worthy proposals came in; an open call will be held.",
    ],
    [
        "העירייה לא תמשיך באף אחת מההצעות בשלב זה.",
        "لن تمضي البلدية في أي من الاقتراحات في هذه المرحلة.",
        "The city will not go on with any of the proposals for now.",
    ],
];

/// Private donors (not in the directory): `{N}` a family name.
pub const PRIVATE_DONORS: &[Tri] = &[
    ["משפחת {N}", "عائلة {N}", "The {N} family"],
    ["קרן משפחת {N}", "صندوق عائلة {N}", "The {N} Family Fund"],
];

/// What a gift is for, by kind: money, goods, services, help.
pub const DONATION_PURPOSES: [&[Tri]; 4] = [
    &[
        [
            "מימון הצללה בחצרות בתי הספר.",
            "تمويل تظليل ساحات المدارس.",
            "Funding shade for school yards.",
        ],
        [
            "מלגות לבני נוער בפרויקט הקיימות השכונתי.",
            "منح للشباب في مشروع الاستدامة في الحي.",
            "Grants for young people in the neighbourhood sustainability project.",
        ],
        [
            "השתתפות בעלות התקנת עמדות טעינה.",
            "مساهمة في كلفة تركيب محطات الشحن.",
            "A share of the cost of charging points.",
        ],
    ],
    &[
        [
            "מחשבים ניידים למרכז הקהילתי.",
            "حواسيب محمولة للمركز الجماهيري.",
            "Laptops for the community centre.",
        ],
        [
            "ספסלים ופחי מחזור לפארק העירוני.",
            "مقاعد وحاويات إعادة تدوير للحديقة العامة.",
            "Benches and recycling bins for the city park.",
        ],
        [
            "שתילים ועצים לנטיעה בשכונות.",
            "شتلات وأشجار للغرس في الأحياء.",
            "Seedlings and trees for planting in the neighbourhoods.",
        ],
    ],
    &[
        [
            "סקר אנרגיה במבני הציבור.",
            "مسح للطاقة في المباني العامة.",
            "An energy survey of public buildings.",
        ],
        [
            "ייעוץ משפטי לתוכנית ההתחדשות.",
            "استشارة قانونية لخطة التجديد.",
            "Legal advice for the renewal plan.",
        ],
    ],
    &[
        [
            "שימוש באולם החברה לאירועי הקהילה.",
            "استخدام قاعة الشركة لفعاليات المجتمع.",
            "Use of the company's hall for community events.",
        ],
        [
            "עובדים מתנדבים בימי ניקיון חופים.",
            "موظفون متطوعون في أيام تنظيف الشواطئ.",
            "Staff volunteering on beach clean-up days.",
        ],
    ],
];

/// The committee's check, by recommendation: accept, accept with conditions, decline.
pub const COMMITTEE_CHECKS: [Tri; 3] = [
    [
        "לתורם אין עניין עסקי מול הרשות; אין חשש לניגוד עניינים.",
        "ليس للمتبرّع مصلحة تجارية مع السلطة؛ لا خشية من تضارب المصالح.",
        "The donor has no business before the authority; no conflict of interest.",
    ],
    [
        "התורם ספק של הרשות; התרומה תתקבל בלי שילוט מסחרי ובלי זיקה למכרזים.",
        "المتبرّع مورّد للسلطة؛ يُقبل التبرع دون لافتات تجارية ودون صلة بالمناقصات.",
        "The donor supplies the authority; accepted without commercial signage and apart from any tender.",
    ],
    [
        "התורם מתמודד במכרז פתוח של הרשות; קבלת התרומה עלולה ליצור ניגוד עניינים.",
        "المتبرّع يتنافس في مناقصة مفتوحة للسلطة؛ قبول التبرع قد يخلق تضاربًا في المصالح.",
        "The donor is bidding in an open tender of the authority; accepting could create a conflict of interest.",
    ],
];

/// The head's reasons where the decision departs from the recommendation.
pub const HEAD_REASONS: &[Tri] = &[
    [
        "המכרז הסתיים ואין עוד חשש לניגוד עניינים.",
        "انتهت المناقصة ولم تعد هناك خشية من تضارب المصالح.",
        "The tender has ended; there is no longer a conflict of interest.",
    ],
    [
        "הרשות אינה יכולה לתחזק את הציוד שנתרם.",
        "لا تستطيع السلطة صيانة المعدات المتبرَّع بها.",
        "The authority cannot maintain the donated equipment.",
    ],
];

pub const COUNCIL_REPORTS: &[Tri] = &[
    [
        "דווח במליאת המועצה, סעיף תרומות ברבעון.",
        "أُبلغ في جلسة المجلس، بند التبرعات للربع.",
        "Reported to the council plenary, quarterly donations item.",
    ],
    [
        "נכלל בדוח התרומות השנתי שהוגש למועצה.",
        "أُدرج في تقرير التبرعات السنوي المقدَّم للمجلس.",
        "Included in the annual donations report to the council.",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_goal_serves_valid_sdg_codes_and_topics_name_real_goals() {
        for (_, _, codes) in GOALS {
            for code in *codes {
                assert!(
                    shutaf_domain::sdg::SdgCode::parse(code).is_ok(),
                    "{code} is not an SDG goal or target"
                );
            }
        }
        for topic in TOPICS {
            assert!(topic.sdg_goals.iter().all(|g| (1..=17).contains(g)));
        }
    }

    #[test]
    fn templates_hold_the_same_placeholders_in_every_language() {
        let groups: [&[Tri]; 13] = [
            NGO_NAMES,
            FOUNDATION_NAMES,
            COMMUNITY_GROUP_NAMES,
            ACADEMIC_NAMES,
            MINISTRY_NAMES,
            AGENCY_NAMES,
            COMPANY_NAMES,
            SOCIAL_ENTERPRISE_NAMES,
            DESCRIPTION_OPENINGS,
            CHARTER_VISIONS,
            CALL_TITLES,
            NOTICE_SUMMARIES,
            PRIVATE_DONORS,
        ];
        for template in groups
            .iter()
            .flat_map(|g| g.iter())
            .chain(CONVENER_NAMES.iter())
        {
            let holes = |text: &str| {
                let mut found: Vec<&str> = ["{P}", "{T}", "{I}", "{N}", "{R}", "{M}", "{Q}"]
                    .into_iter()
                    .filter(|h| text.contains(h))
                    .collect();
                found.sort();
                found
            };
            assert_eq!(holes(template[0]), holes(template[1]), "{template:?}");
            assert_eq!(holes(template[0]), holes(template[2]), "{template:?}");
        }
    }
}
