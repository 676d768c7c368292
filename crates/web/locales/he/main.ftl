# Shutaf: Hebrew messages (the default language). Every key here exists in en/ and ar/ too (a test checks).

site-name = שותף
skip-to-content = דילוג לתוכן המרכזי
nav-label = ראשי
nav-directory = ארגונים
nav-localities = רשויות
nav-admin = ניהול
nav-signin = כניסה
nav-signup = הרשמה
nav-signout = יציאה
nav-accessibility = הצהרת נגישות
nav-api = API (OpenAPI)
language-switch-label = שפה
footer-about = שותף: פלטפורמה שבה רשויות מקומיות, ארגוני חברה אזרחית ועסקים יוזמים ומנהלים שותפויות בין-מגזריות לקיימות מקומית, ומדווחים עליהן לציבור.
none = אין
choose-option = בחירה…
filter-all = הכול
action-save = שמירה
form-has-errors = יש שדות שדורשים תיקון. כל בעיה מוצגת ליד השדה שלה.

## Sectors, kinds, contributions, roles

sector-public = מגזר ציבורי
sector-third = מגזר שלישי
sector-business = מגזר עסקי
sector-public-hint = רשות מקומית, מועצה אזורית, אשכול רשויות, משרד ממשלתי או גוף ציבורי.
sector-third-hint = עמותה, קרן, קבוצה קהילתית או ארגון אחר ללא כוונת רווח.
sector-business-hint = חברה או מיזם חברתי.
kind-municipality = עירייה
kind-local-council = מועצה מקומית
kind-regional-council = מועצה אזורית
kind-cluster = אשכול רשויות
kind-ministry = משרד ממשלתי
kind-public-agency = גוף ציבורי
kind-ngo = עמותה (ארגון ללא כוונת רווח)
kind-foundation = קרן
kind-community-group = קבוצה קהילתית
kind-academic = מוסד אקדמי
kind-company = חברה
kind-social-enterprise = מיזם חברתי
contribution-authority = סמכות ולגיטימציה
contribution-population-access = נגישות לתושבים ולמוסדות
contribution-knowledge = ידע
contribution-budget = תקציב
contribution-continuity = המשכיות
contribution-public-interest-view = ראייה כוללת של האינטרס הציבורי
contribution-community-trust = קשר ישיר עם הקהילה ואמון הקהילה
contribution-local-networks = רשתות קשרים מקומיות
contribution-project-experience = ניסיון בניהול פרויקטים לטובת הציבור
contribution-flexibility = גמישות
contribution-resource-raising = נגישות לגיוס משאבים
contribution-value-commitment = מחויבות והנעה ערכית
contribution-rapid-execution = יכולת ביצוע מיידית וגמישה
contribution-managerial-knowledge = ידע ניהולי
contribution-prestige = יוקרה
contribution-connections = קשרים
locality-kind-municipality = עירייה
locality-kind-local-council = מועצה מקומית
locality-kind-regional-council = מועצה אזורית
locality-kind-cluster = אשכול רשויות
role-owner = בעלים
role-admin = מנהל
role-member = חבר
scope-read = קריאה בלבד
scope-write = קריאה וכתיבה

## Fields

field-email = כתובת דוא״ל
field-password = סיסמה
field-new-password = סיסמה חדשה (10 תווים לפחות)
field-password-confirm = אימות הסיסמה
field-display-name = השם שלך
field-preferred-language = שפה מועדפת
field-name-he = שם בעברית
field-name-ar = שם בערבית
field-name-en = שם באנגלית
field-sector = מגזר
field-kind = סוג הארגון
field-description = תיאור
field-website = אתר אינטרנט
field-contributions = מה הארגון יכול לתרום
field-contribution = תרומה
field-contributions-text = תרומות נוספות, במילים שלכם
field-localities = רשויות שבהן הארגון פועל
field-locality = רשות
field-locality-kind = סוג הרשות
field-role = תפקיד
field-token-name = שם הטוקן
field-token-scope = הרשאה
hint-markdown = אפשר להשתמש ב-Markdown: **מודגש**, *נטוי*, רשימות וקישורים.

## Errors

error-title = משהו השתבש
error-status = קוד סטטוס:
error-home-link = חזרה לדף הבית
error-not-found = הדף הזה לא קיים, או שהוסר.
error-method-not-allowed = הכתובת הזו לא מקבלת בקשה מהסוג הזה.
error-internal = אירעה אצלנו שגיאה לא צפויה. אפשר לנסות שוב בעוד רגע.
error-invalid-input = חלק מהפרטים שנשלחו אינם תקינים.
error-conflict = הפעולה מתנגשת ברשומה קיימת.
error-rate-limited = יותר מדי ניסיונות. יש להמתין כמה דקות ולנסות שוב.
error-csrf = תוקף הטופס פג, או שהטופס לא נשלח מהאתר הזה. יש לחזור אחורה, לטעון את הדף מחדש ולנסות שוב; בדרך כלל הדפדפן שומר את מה שהוקלד.
error-too-large = מה שנשלח גדול מדי.
error-bad-form = לא ניתן היה לקרוא את הטופס. אפשר לנסות שוב.
error-bad-json = גוף הבקשה אינו JSON תקין במבנה הנדרש.
error-bad-request = לא ניתן היה לקרוא את הבקשה: בדקו את הכתובת, את הפרמטרים שלה ואת מה שנשלח.
error-bad-multipart = לא ניתן היה לקרוא את הקבצים שהועלו: יש לשלוח multipart/form-data, וכל קובץ בשדה בשם file.
error-token-read-only = הטוקן הזה מאפשר קריאה בלבד. לפעולה הזו יש ליצור טוקן עם הרשאת כתיבה.
error-link-invalid = הקישור הזה אינו תקף: ייתכן שכבר נעשה בו שימוש או שפג תוקפו. אפשר לבקש קישור חדש.
error-required = זהו שדה חובה.
error-email-invalid = יש להזין כתובת דוא״ל, למשל name@example.org.
error-password-short = הסיסמה צריכה להכיל 10 תווים לפחות.
error-password-mismatch = שתי הסיסמאות אינן זהות.
error-too-long = הטקסט ארוך מדי.
error-invalid-characters = הטקסט מכיל תווי בקרה בלתי נראים (כמו היפוך כיוון או תווים שעדכון RSS לא יכול לשאת). יש להסיר אותם ולנסות שוב.
error-website-invalid = יש להזין כתובת אינטרנט מלאה שמתחילה ב-https://‎ או ב-http://‎.
error-name-one-language = יש להזין שם בשפה אחת לפחות.
error-choose-option = יש לבחור אחת מהאפשרויות.
error-invalid-cursor = הקישור לעמוד הזה אינו תקין; יש להתחיל מהעמוד הראשון.
error-kind-sector = סוג הארגון הזה אינו שייך למגזר שנבחר.
error-convener-public = הגוף המזמן חייב להיות ארגון מהמגזר הציבורי.
refused-sign-in = יש להתחבר תחילה.
refused-unverified = יש לאשר תחילה את כתובת הדוא״ל: שלחנו אליה קישור.
refused-not-organisation-admin = רק הבעלים והמנהלים של הארגון יכולים לבצע פעולה זו.
refused-only-owner-manages-owners = רק בעלים יכולים למנות בעלים או להסיר אותם.
refused-last-owner = אי אפשר לעזוב את הארגון או לוותר על הבעלות כשאין לארגון בעלים נוספים. יש למנות קודם בעלים נוספים.
refused-not-platform-admin = רק מנהלי הפלטפורמה יכולים לבצע פעולה זו.

## Home

home-title = שותפויות לקיימות מקומית
home-lead = ערים אינן יכולות לעמוד ביעדי הקיימות שלהן לבדן. כאן רשויות מקומיות, ארגוני חברה אזרחית ועסקים מוצאים אלה את אלה, מסכמים מה כל אחד מביא לשותפות, ומדווחים לציבור על השותפויות שלהם.
home-browse = לעיון בארגונים
home-join = להצטרפות לפלטפורמה
home-sectors-heading = מה כל מגזר מביא
home-organisation-count = { $count ->
    [one] רשום ארגון אחד.
    [two] רשומים שני ארגונים.
   *[other] רשומים { $count } ארגונים.
}

## Accounts

signup-title = יצירת חשבון
signup-lead = עם חשבון אפשר ליצור ארגון או להצטרף לארגון קיים, ולקחת חלק בשותפויות.
signup-submit = יצירת חשבון
signup-have-account = כבר יש חשבון?
signup-check-mail-title = כדאי לבדוק את תיבת הדוא״ל
signup-check-mail-body = שלחנו הודעה לכתובת { $email }. יש לפתוח את הקישור שבהודעה כדי לאשר את הכתובת, ואז להתחבר.
signin-title = כניסה
signin-submit = כניסה
signin-forgot = שכחת את הסיסמה?
signin-no-account = עדיין אין חשבון?
signin-failed = כתובת הדוא״ל או הסיסמה שגויות.
signin-unverified = כתובת הדוא״ל עדיין לא אושרה. שלחנו קישור חדש; יש לפתוח אותו ולהתחבר שוב.
forgot-title = איפוס סיסמה
forgot-lead = יש להזין את כתובת הדוא״ל. אם היא שייכת לחשבון, נשלח אליה קישור לבחירת סיסמה חדשה.
forgot-submit = שליחת הקישור
forgot-sent-title = כדאי לבדוק את תיבת הדוא״ל
forgot-sent-body = אם הכתובת { $email } שייכת לחשבון, קישור לאיפוס הסיסמה כבר בדרך. הקישור תקף לשעה אחת.
reset-title = בחירת סיסמה חדשה
reset-submit = שמירת הסיסמה החדשה
profile-title = הפרופיל שלך
profile-language-auto = לפי הגדרת הדפדפן
profile-organisations = הארגונים שלך
profile-no-organisations = החשבון עדיין לא משויך לאף ארגון.
tokens-title = טוקנים ל-API
tokens-lead = טוקנים אישיים מאפשרים לתוכנות להשתמש ב-API של הפלטפורמה בשמך. טוקן לקריאה בלבד יכול רק לקרוא; טוקן לקריאה וכתיבה יכול לעשות כל מה שמותר לך לעשות.
tokens-empty = אין עדיין טוקנים ל-API.
tokens-new = טוקן חדש
tokens-create = יצירת טוקן
tokens-created = הטוקן נוצר. יש להעתיק אותו עכשיו: הוא לא יוצג שוב.
tokens-secret = הטוקן החדש
tokens-created-at = נוצר
tokens-actions = פעולות
tokens-revoke = ביטול
flash-email-verified = כתובת הדוא״ל אושרה. אפשר להתחבר עכשיו.
flash-password-reset = הסיסמה שונתה. אפשר להתחבר עם הסיסמה החדשה.
flash-saved = השינויים נשמרו.
flash-token-revoked = הטוקן בוטל.
flash-invited = ההזמנה נשלחה.
flash-joined = ברוכים הבאים: הצטרפת לארגון.
flash-left = עזבת את הארגון.
flash-locality-created = הרשות נוספה.
flash-redacted = הטקסט הוסר, וההסרה נרשמה ברישום ההחלטות.

## Mail

mail-verify-subject = אישור כתובת הדוא״ל בפלטפורמת שותף
mail-verify-body = שלום,

    כדי לאשר את כתובת הדוא״ל ולסיים את יצירת החשבון בפלטפורמת שותף, יש לפתוח את הקישור הזה:

    { $link }

    הקישור תקף ל-24 שעות. אם לא נרשמת לפלטפורמה, אפשר להתעלם מההודעה הזו.
mail-exists-subject = ניסיון הרשמה לפלטפורמת שותף עם הכתובת שלך
mail-exists-body = שלום,

    מישהו ניסה ליצור חשבון בפלטפורמת שותף עם כתובת הדוא״ל הזו, שכבר יש לה חשבון. אם הניסיון היה שלך, אפשר פשוט להתחבר; אם שכחת את הסיסמה, אפשר לאפס אותה כאן:

    { $link }

    אם הניסיון לא היה שלך, אפשר להתעלם מההודעה הזו.
mail-reset-subject = איפוס הסיסמה בפלטפורמת שותף
mail-reset-body = שלום,

    כדי לבחור סיסמה חדשה, יש לפתוח את הקישור הזה:

    { $link }

    הקישור תקף לשעה אחת. אם לא ביקשת לאפס את הסיסמה, אפשר להתעלם מההודעה הזו; הסיסמה תישאר כפי שהיא.
mail-invite-subject = הזמנה להצטרף לארגון { $organisation } בפלטפורמת שותף
mail-invite-body = שלום,

    קיבלת הזמנה מאת { $inviter } להצטרף לארגון { $organisation } בפלטפורמת שותף, הפלטפורמה לשותפויות בין-מגזריות לקיימות. כדי לקבל את ההזמנה, יש לפתוח את הקישור הזה:

    { $link }

    ההזמנה תקפה ל-14 ימים.

## Organisations

directory-title = ארגונים
directory-lead = גופים ציבוריים, ארגונים ללא כוונת רווח ועסקים שפועלים לקידום קיימות מקומית, ומה כל אחד מהם יכול לתרום.
directory-search = חיפוש לפי שם או מילים
directory-filter = סינון
directory-empty = אין ארגונים שמתאימים לסינון הזה.
directory-count = { $count ->
    [one] ארגון אחד
    [two] שני ארגונים
   *[other] { $count } ארגונים
}
pagination-label = עמודים
pagination-previous = העמוד הקודם
pagination-next = העמוד הבא
pagination-page-of = עמוד { $page } מתוך { $pages }
directory-count-more = יותר מ־{ $count } ארגונים
pagination-page = עמוד { $page }
org-new-title = ארגון חדש
org-edit-title = עריכת הארגון
org-choose-sector = לאיזה מגזר הארגון שייך? לאחר הבחירה יסומנו מראש התרומות המקובלות במגזר; אפשר לשנות אותן.
org-names = שם
org-names-hint = יש לכתוב את השם בכל שפה שבה הארגון משתמש; נדרש שם בשפה אחת לפחות.
org-contributions-hint = מה הארגון יכול להביא לשותפות. התרומות המקובלות במגזר שלו מסומנות מראש.
org-create = יצירת הארגון
org-convenes = מזמן שותפויות ברשויות
members-title = חברי הארגון
members-name = שם
members-change = שינוי
members-remove = הסרה מהארגון
members-invite = הזמנת אדם לארגון
members-send-invitation = שליחת הזמנה
members-pending = הזמנות שעדיין לא התקבלו
members-leave-heading = עזיבת הארגון
members-leave = עזיבה
invitation-title = הזמנה
invitation-lead = הוזמנת להצטרף לארגון { $organisation } בתפקיד { $role }.
invitation-accept = קבלת ההזמנה
invitation-sign-in-first = כדי לקבל את ההזמנה, יש להתחבר, או ליצור חשבון ואז לפתוח שוב את הקישור הזה.

## Localities

localities-lead = הרשויות בפלטפורמה והגופים שמזמנים בהן שותפויות.
localities-empty = עדיין לא נוספו רשויות.
localities-heading = רשויות
locality-convener = הגוף המזמן
locality-organisations = ארגונים שפועלים ברשות
locality-goals = יעדים שעל סדר היום
locality-no-goals = עדיין לא פורסמו יעדים.
locality-edit-title = עריכת רשות
goal-title = יעד
goal-department = אגף
goal-year = שנת תוכנית העבודה
goal-budget-line = סעיף תקציבי
admin-title = ניהול
admin-new-locality = הוספת רשות
admin-create-locality = הוספת הרשות
admin-convener-hint = הגוף הציבורי שהצוות שלו מזמן שותפויות ברשות הזו.
admin-redact-title = הסרת טקסט שלצד הרישום
admin-redact-intro = שם, נימוקים, תורם או טקסט חופשי אחר שמוצג לצד רשומה ברישום ההחלטות נמחקים לצמיתות, עם המלח שלהם, לצד הרישום ובכל עמוד, תשובת ממשק, הזנה וקובץ שהציגו אותם; במקומם נכתב "הוסר ב־<תאריך>: <עילה>". הרשומה עצמה לא משתנה ועדיין ניתנת לאימות, וההסרה נרשמת כרשומה חדשה שאינה מזהה איש. אי אפשר לבטל הסרה.
admin-redact-entry = מספר הרשומה
admin-redact-field = הטקסט
admin-redact-ground = עילת ההסרה
admin-redact-confirm = ידוע לי שהטקסט יימחק לצמיתות
admin-redact-submit = הסרת הטקסט
error-redaction-entry = יש לכתוב את מספר הרשומה (0 ומעלה).
error-redaction-confirm = יש לאשר שהטקסט יימחק לצמיתות.
error-redaction-no-entry = אין ברישום רשומה במספר הזה.
error-redaction-no-text = לצד הרשומה הזו לא מוצג טקסט כזה (טקסט חתום נפתח רק בהחלטה על הקול הקורא).
error-redaction-already = הטקסט הזה כבר הוסר.
record-redact = הסרה

## Accessibility statement

accessibility-title = הצהרת נגישות
accessibility-commitment = פלטפורמת שותף בנויה כך שכל אחת ואחד יוכלו להשתמש בה, כולל אנשים עם מוגבלות, בעברית, בערבית ובאנגלית, בהתאם לתקן ישראלי 5568 ולהנחיות WCAG 2.1 ברמה AA.
accessibility-measures-heading = מה אנחנו עושים
accessibility-measure-standard = בדפים יש אזורי ציון (landmarks), כותרות בסדר הגיוני, שדות טופס עם תוויות, הודעות שגיאה שמוצגות ליד השדה הרלוונטי, וניגודיות צבעים מספקת.
accessibility-measure-languages = כל דף מצהיר על השפה ועל כיוון הכתיבה שלו; עברית וערבית מוצגות מימין לשמאל.
accessibility-measure-keyboard = אפשר לבצע כל פעולה באמצעות המקלדת, עם סימון מיקוד גלוי וקישור לדילוג לתוכן המרכזי; כל הפעולות העיקריות פועלות גם בלי JavaScript.
accessibility-measure-testing = כל דף נבדק אוטומטית באמצעות axe-core בכל אחת מהשפות, כחלק מהבדיקות שלנו.
accessibility-limits-heading = מגבלות ידועות
accessibility-limits = ייתכן שתוכן שנכתב על ידי ארגונים (כמו תיאורים) לא עומד בכל הדרישות. אפשר לפנות אלינו ונעזור לתקן אותו.
accessibility-contact-heading = יצירת קשר
accessibility-contact = אם נתקלת בחסם נגישות, אפשר לכתוב למנהלי הפלטפורמה לכתובת שמסרה הרשות המקומית. נשיב בתוך 14 ימים.
accessibility-updated = ההצהרה נבדקה לאחרונה בנובמבר 2026.

## Lifecycle

stage-idea = רעיון
stage-convened = הגוף המזמן הצטרף
stage-scoping = מיפוי והגדרה
stage-building = בניית השותפות
stage-agreed = סוכמה
stage-implementing = יישום
stage-reviewing = בחינה והערכה
stage-sustaining = שימור התוצאות
stage-closed = הסתיימה
stage-declined = נדחתה
stage-withdrawn = בוטלה
model-sustainable-practice = הרשות מסייעת לעסקים לעבור להתנהלות מקיימת
model-community-responsibility = עסקים פועלים למען הקהילה
model-green-economy = כלכלה מקומית ירוקה
model-joint-agenda = הרשות והעסקים מקדמים יחד סדר יום משותף
management-joint = ניהול משותף
management-led-by-one = בהובלת שותף אחד, ושאר השותפים בשותפות רעיונית
gate-convene-early = הגוף המזמן של הרשות עדיין לא נכנס לתמונה: היוזמה לא תתקדם מעבר לשלב הרעיון עד שהגוף המזמן ימנה איש קשר, או ידחה אותה בנימוקים שיפורסמו.
gate-convene-early-remedy = יש לבקש מהגוף המזמן לעיין ברעיון ולמנות איש קשר; הפלטפורמה עדכנה אותו כשהרעיון הוצע.
gate-fit-agenda = היוזמה אינה מקושרת לאף יעד שעל סדר היום של הרשות: כדי לעבור לבניית השותפות נדרש לפחות יעד מקושר אחד.
gate-fit-agenda-remedy = יש לקשר את היוזמה ליעד אחד לפחות מהיעדים שהרשות פרסמה. אם אף יעד אינו מתאים, כדאי לברר עם הגוף המזמן אם הרעיון בכלל על סדר היום של הרשות.
gate-fit-budget = מקומה של היוזמה בתוכנית העבודה ובתקציב של הרשות עדיין לא נרשם, ועד שיירשם השותפים לא יכולים להגיע להסכמה.
gate-fit-budget-remedy = יש לרשום, יחד עם הגוף המזמן, את הסעיף בתוכנית העבודה ואת הסעיף התקציבי, או לרשום שאין צורך בתקציב של הרשות, ומדוע.
gate-keep-roles = כדי להגיע להסכמה, לכל שותף צריכים להיות תפקיד רשום ותרומות שהוא מתחייב להביא, והשותפים צריכים להגיע משני מגזרים לפחות.
gate-keep-roles-remedy = יש לרשום לכל שותף את התפקיד שלו ואת מה שהוא מתחייב להביא (בכסף או בשווה כסף). אם כל השותפים מאותו מגזר, יש לצרף שותף ממגזר אחר לפני ההסכמה.
gate-shared-vision = לא כל השותפים אישרו את הגרסה הנוכחית של אמנת השותפות: שותפות מוסכמת רק כשכל השותפים מאשרים את אותה הגרסה.
gate-shared-vision-remedy = אם עדיין אין אמנה, יש לנסח אותה יחד; אחר כך יש לבקש מכל שותף שעוד לא אישר את הגרסה הנוכחית לאשר אותה. כל גרסה חדשה מחייבת אישור מחדש של כל השותפים.
gate-integrity = שותפות בין הרשות לבין עסק מחייבת קול קורא, פרסום לקבלת הצעות מתחרות או נימוק רשום לפטור, וגם הצהרות על ניגוד עניינים מכל מקבלי ההחלטות.
gate-integrity-remedy = יש לפרסם קול קורא או הודעה לקבלת הצעות מתחרות, או לרשום את נימוק הפטור הרלוונטי; לאחר מכן כל מקבלי ההחלטות צריכים להגיש הצהרה על ניגוד עניינים, וכל הימנעות מהשתתפות בהחלטה נרשמת.
refused-no-such-transition = אי אפשר לעבור לשלב הזה מהשלב הנוכחי.
refused-not-your-part = התפקיד שלך ביוזמה הזו אינו מאפשר את הצעד הזה.
refused-reason-required = יש לציין נימוק, והוא יפורסם.
refused-gates-unmet = עדיין אי אפשר לבצע את הצעד הזה:
party-convener-staff = צוות הגוף המזמן
party-lead = השותף המוביל
party-partner = שותף
severity-notice = לתשומת לב
severity-warning = אזהרה
severity-critical = קריטי
risk-late-convening = { $count ->
    [one] הרעיון ממתין כבר יום אחד לתגובת הגוף המזמן של הרשות. שיתוף מאוחר של הרשות הוא אחת הסיבות המוכרות לכישלון של שותפויות.
    [two] הרעיון ממתין כבר יומיים לתגובת הגוף המזמן של הרשות. שיתוף מאוחר של הרשות הוא אחת הסיבות המוכרות לכישלון של שותפויות.
   *[other] הרעיון ממתין כבר { $count } ימים לתגובת הגוף המזמן של הרשות. שיתוף מאוחר של הרשות הוא אחת הסיבות המוכרות לכישלון של שותפויות.
}
risk-late-convening-remedy = כדאי לפנות ישירות לגוף המזמן. על צוות הגוף המזמן למנות איש קשר, או לדחות את הרעיון בנימוקים שיפורסמו.
risk-no-goal-fit = היוזמה אינה מקושרת לאף יעד שעל סדר היום של הרשות, ולכן ייתכן שהיא לא עונה על צורכי הרשות.
risk-no-goal-fit-remedy = יש לקשר את היוזמה, יחד עם הגוף המזמן, ליעד אחד או יותר של הרשות. אם אף יעד אינו מתאים, כדאי לחשוב מחדש על הרעיון יחד עם הרשות לפני שממשיכים.
risk-no-budget-fit = היוזמה כבר בשלב בניית השותפות או אחריו, אבל מקומה בתוכנית העבודה ובתקציב של הרשות עדיין לא נרשם.
risk-no-budget-fit-remedy = יש לרשום, יחד עם הגוף המזמן, את הסעיף בתוכנית העבודה ואת הסעיף התקציבי, או לרשום שאין צורך בתקציב של הרשות, ומדוע.
risk-uncovered-contributions = { $count ->
    [one] יש תרומה נדרשת אחת שאף שותף עדיין לא התחייב להביא: { $items }.
    [two] יש שתי תרומות נדרשות שאף שותף עדיין לא התחייב להביא: { $items }.
   *[other] יש { $count } תרומות נדרשות שאף שותף עדיין לא התחייב להביא: { $items }.
}
risk-uncovered-contributions-remedy = כדאי לבדוק אם אחד השותפים הקיימים יכול להתחייב לתרומה הזו, או למצוא במאגר הארגונים ארגון שמציע אותה ולהזמין אותו לשותפות.
risk-single-sector = עדיין אין ביוזמה שותפים משני מגזרים לפחות, ולכן זו עוד לא שותפות בין-מגזרית.
risk-single-sector-remedy = כדאי להזמין שותף ממגזר אחר שמביא את מה שחסר; במאגר הארגונים מופיע מה כל ארגון יכול לתרום.
risk-expectations-gap = הציפיות של השותפים רחוקות זו מזו בנושאים האלה: { $items }.
risk-expectations-gap-remedy = כדאי להשוות את התשובות יחד בפגישה הקרובה ולהסכים על ציפיות משותפות; ליד כל שאלה מופיעה הצעה למה כדאי לדבר עליו. את מה שהוסכם כדאי לכתוב באמנת השותפות.
risk-missing-endorsements = { $count ->
    [one] שותף אחד עדיין לא אישר את הגרסה הנוכחית של אמנת השותפות, או שעדיין אין אמנה.
    [two] שני שותפים עדיין לא אישרו את הגרסה הנוכחית של אמנת השותפות, או שעדיין אין אמנה.
   *[other] { $count } שותפים עדיין לא אישרו את הגרסה הנוכחית של אמנת השותפות, או שעדיין אין אמנה.
}
risk-missing-endorsements-remedy = אם אין עדיין אמנה, יש לנסח אותה יחד: חזון משותף, מטרות, תפקידים, תרומות ואופן קבלת ההחלטות. לאחר מכן יש לבקש מכל שותף לאשר את הגרסה הנוכחית; כל גרסה חדשה מחייבת אישור מחדש של כולם.
risk-integrity-gap = הרשות ועסק שותפים ביוזמה בלי קול קורא, פרסום לקבלת הצעות מתחרות או נימוק רשום לפטור, או בלי הצהרות על ניגוד עניינים מכל מקבלי ההחלטות.
risk-integrity-gap-remedy = יש לפרסם קול קורא או הודעה לקבלת הצעות מתחרות, או לרשום את נימוק הפטור הרלוונטי, ולבקש מכל מקבלי ההחלטות להגיש הצהרה על ניגוד עניינים. מתנה לרשות טעונה החלטה של ועדת התרומות.
risk-integrity-no-competition-or-exemption = אין קול קורא, פרסום לקבלת הצעות מתחרות או נימוק לפטור
risk-integrity-declarations-missing = חסרות הצהרות על ניגוד עניינים של מקבלי החלטות
risk-no-indicators = השותפות כבר סוכמה או בביצוע, אבל אין לה אף מדד שלפיו אפשר למדוד את התוצאות.
risk-no-indicators-remedy = יש להוסיף מדד אחד לפחות, עם ערך בסיס, ערך יעד, יחידת מידה ומועד יעד, ורצוי לקשר אותו לאחד מיעדי הפיתוח בר-הקיימא של האו״ם.
risk-no-activity = { $count ->
    [one] לא נרשמה שום פעילות ביוזמה כבר יום אחד.
    [two] לא נרשמה שום פעילות ביוזמה כבר יומיים.
   *[other] לא נרשמה שום פעילות ביוזמה כבר { $count } ימים.
}
risk-no-activity-remedy = כדאי לרשום את הפגישה, ההחלטה או המדידה האחרונות. אם העבודה נתקעה, כדאי להחליט יחד עם השותפים אם להמשיך, לעבור לבחינה והערכה או לסיים את השותפות.
expectation-time-to-first-result = מתי אתם מצפים לראות את התוצאה הראשונה?
expectation-time-to-first-result-quarter = בתוך רבעון
expectation-time-to-first-result-half-year = בתוך חצי שנה
expectation-time-to-first-result-year = בתוך שנה
expectation-time-to-first-result-several-years = בעוד כמה שנים
expectation-time-to-first-result-advice = כדאי להסכים על אבן דרך מוקדמת ונראית לעין שמתאימה לשנת התקציב של הרשות, ולומר בגלוי מה אפשר להראות כבר ברבעון הראשון.
expectation-decision-speed = באיזו מהירות אתם מצפים שיתקבלו החלטות?
expectation-decision-speed-days = בתוך ימים
expectation-decision-speed-weeks = בתוך שבועות
expectation-decision-speed-months = בתוך חודשים
expectation-decision-speed-budget-cycle = לפי מחזור התקציב השנתי
expectation-decision-speed-advice = כדאי למפות מי מחליט על מה וכמה זמן לוקח כל אישור (מועצה, ועדות, דירקטוריון), להסכים אילו החלטות צוות העבודה מקבל בעצמו, ולתכנן את שאר ההחלטות לפי מחזור התקציב של הרשות.
expectation-publicity = כמה פרסום אתם רוצים לשותפות?
expectation-publicity-none = בלי פרסום
expectation-publicity-low = מעט
expectation-publicity-moderate = במידה
expectation-publicity-high = הרבה
expectation-publicity-advice = כדאי לקבוע באמנת השותפות מה מתפרסם ומתי, אילו שמות ולוגואים מופיעים, מי מאשר הודעות לעיתונות ואיך הקרדיט מתחלק בין השותפים.
expectation-risk-appetite = כמה סיכון אתם מוכנים לקחת בשביל גישה חדשה?
expectation-risk-appetite-low = מעט: רק גישות מוכחות
expectation-risk-appetite-moderate = במידה: פיילוט מוגבל
expectation-risk-appetite-high = הרבה: יש נכונות לנסות משהו שעוד לא נוסה
expectation-risk-appetite-advice = כדאי להסכים על פיילוט קטן עם מבחן הצלחה ברור ועם נקודת החלטה משותפת: להמשיך, להרחיב או לעצור, כך שאף שותף לא יישא בסיכון גדול ממה שהסכים לו.
expectation-budget-certainty = עד כמה התקציב שלכם לשותפות הזו ודאי?
expectation-budget-certainty-committed = מובטח
expectation-budget-certainty-likely = סביר, אבל עוד לא אושר
expectation-budget-certainty-uncertain = לא ודאי
expectation-budget-certainty-advice = כדאי לומר בגלוי איזה כסף כבר אושר ואיזה לא, ומתי צפויים האישורים; לתכנן את השלב הראשון רק על כסף מובטח, ולכתוב באמנה מה קורה אם כסף צפוי לא מגיע.
expectation-commitment = לכמה זמן אתם מתכוונים להישאר בשותפות?
expectation-commitment-one-off = פרויקט חד-פעמי
expectation-commitment-one-year = כשנה
expectation-commitment-several-years = כמה שנים
expectation-commitment-open-ended = בלי מועד סיום קבוע
expectation-commitment-advice = כדאי להסכים על אופק הזמן של השותפות ועל מי ממשיך את העבודה כששותף עוזב; לקבוע מועד לבחינה מחדש ולכתוב באמנה את תנאי היציאה.
expectation-reporting-cadence = כל כמה זמן אתם מצפים לשמוע על ההתקדמות?
expectation-reporting-cadence-monthly = כל חודש
expectation-reporting-cadence-quarterly = כל רבעון
expectation-reporting-cadence-yearly = פעם בשנה
expectation-reporting-cadence-advice = כדאי להסכים על קצב ופורמט דיווח אחד שמתאים לכל השותפים, למשל עדכון חודשי קצר ודוח רבעוני מפורט יותר, ולקבוע מי כותב אותו.

## Initiatives

action-remove = הסרה
activity-title = מה קרה עד כה
checkup-title = בדיקת מצב
checkup-clear = אין סיכונים פתוחים.
checkup-remedy = מה לעשות:
steps-title = הצעדים הבאים
steps-none = כרגע אין כאן צעד שמחכה לך.
steps-sign-in = כדי לקחת חלק ביוזמה הזו יש להתחבר.
move-to-convened = זימון השותפות
move-to-scoping = התחלת המיפוי וההגדרה
move-to-building = התחלת בניית השותפות
move-to-agreed = סימון השותפות כמוסכמת
move-to-implementing = מעבר ליישום
move-to-reviewing = התחלת בחינה והערכה
move-to-sustaining = מעבר לשימור התוצאות
move-to-closed = סיום השותפות
move-to-declined = דחיית היוזמה, בנימוקים שיפורסמו
move-to-withdrawn = ביטול היוזמה, בנימוקים שיפורסמו
field-reason = נימוקים (יפורסמו)
field-stage = שלב
field-sort = מיון
sort-newest = מהחדשה לישנה
sort-risk = מהסיכון הגבוה לנמוך
field-initiative-title = כותרת
field-initiator = הארגון המציע
field-problem = הבעיה
field-approach = הגישה
field-in-hebrew = בעברית
field-in-arabic = בערבית
field-in-english = באנגלית
field-model = מודל השותפות
field-management = אופן הניהול
field-goals = יעדי הרשות שהיוזמה משרתת
field-needs = תרומות נדרשות
field-partner-role = תפקיד
field-interests = אינטרסים
field-benefits = תועלות צפויות
field-cash = בכסף
field-in-kind = בשווה כסף (הערכה)
field-cash-shekels = בכסף (₪)
field-in-kind-shekels = הערכת השווי בשווה כסף (₪)
field-period = תקופה
field-work-plan-item = סעיף בתוכנית העבודה
field-no-budget-reason = מדוע אין צורך בתקציב של הרשות
initiative-new-title = הצעת יוזמה
initiative-new-lead = כל ארגון יכול להציע שותפות. הגוף המזמן של הרשות מקבל על כך הודעה מיד, כך שהרשות נכנסת לתמונה כבר בשלב מוקדם.
initiative-edit-title = עריכת היוזמה
initiative-propose = הגשת היוזמה
initiative-show-goals = הצגת היעדים של הרשות הזו
initiative-need-organisation = הצעת יוזמה נעשית בשם ארגון שבניהולך.
initiative-goals-hint = יש לקשר את היוזמה לסדר היום של הרשות: ליעדים של תוכנית הקיימות ושל תוכנית העבודה שלה.
initiative-no-goals-yet = יש לבחור רשות כדי לראות את היעדים שלה.
initiative-needs-hint = מה השותפים צריכים להביא. בדיקת המצב מראה מה עדיין לא מכוסה.
initiative-proposed-by = הוצעה על ידי
initiative-published-reasons = הנימוקים שפורסמו:
initiative-about = על היוזמה
initiative-engage = הצטרפות כגוף המזמן
initiative-engage-hint = החשבון שלך יירשם כאיש הקשר של הגוף המזמן ליוזמה הזו.
need-covered = מכוסה
need-uncovered = עדיין אין מי שמביא
work-plan-title = מיקום בתוכנית העבודה
work-plan-not-recorded = עדיין לא נרשם
work-plan-placed = נכללת בתוכנית העבודה
work-plan-no-budget-needed = אין צורך בתקציב של הרשות
partners-title = שותפים
partner-status-active = שותף
partner-status-invited = נשלחה הזמנה, עדיין אין תשובה
partner-status-requested = בקשת הצטרפות
partner-describe = התפקיד שלנו, האינטרסים שלנו והתועלות שאנחנו מצפים להן
partner-invite = הזמנה
partner-invite-label = מספר הארגון
partner-invite-hint = המספר שבסוף כתובת הדף של הארגון במאגר הארגונים.
partner-ask-to-join = בקשת הצטרפות בשם { $organisation }
partner-accept = קבלה כשותף
partner-remove = הסרה מהיוזמה
partner-leave = עזיבת היוזמה
contribution-commit = התחייבות לתרומה
convener-tools = לשימוש הגוף המזמן
integrity-title = איך נבחר השותף העסקי
integrity-hint = שותפות בין הרשות לבין עסק מחייבת קול קורא או פרסום לקבלת הצעות מתחרות, או נימוק רשום לפטור.
integrity-competition = פורסם קול קורא, או פורסמה הודעה לקבלת הצעות מתחרות
integrity-exemption = נימוק לפטור
integrity-exemption-text = הסבר (יפורסם)
exemption-below-threshold = מתחת לסף השווי שמחייב מכרז
exemption-special-expertise = מומחיות מיוחדת
exemption-sole-provider = ספק יחיד
exemption-no-municipal-money = אין מעורבות של כספים או נכסים של הרשות
declaration-title = הצהרה על ניגוד עניינים
declaration-question = האם יש לך עניין או זיקה לאחד הצדדים ביוזמה הזו?
declaration-none = אין לי על מה להצהיר
declaration-some = יש לי על מה להצהיר
declaration-details = לאילו ארגונים, ומה טיב הקשר
declaration-submit = שליחת ההצהרה
dashboard-title = יוזמות
dashboard-lead = כל היוזמות ברשות, השלב של כל אחת מהן והסיכונים הפתוחים שלה.
dashboard-empty = אין יוזמות שמתאימות לסינון.
dashboard-count = { $count ->
    [one] יוזמה אחת
    [two] שתי יוזמות
   *[other] { $count } יוזמות
}
charter-title = אמנת השותפות
charter-lead = ההסכמה המשותפת של השותפים: אינה מחייבת מבחינה משפטית, מנוהלת בגרסאות, וכל שותף מאשר אותה.
charter-none = עדיין לא הוצעה אמנת שותפות.
charter-version = גרסה
charter-endorsements = אישורים של הגרסה הזו
charter-endorsed = אישר את הגרסה הנוכחית של האמנה
charter-not-endorsed = עדיין לא אישר את הגרסה הנוכחית של האמנה
charter-endorse = אישור הגרסה הזו
charter-compare = השוואת גרסאות
charter-compare-a = גרסה ראשונה
charter-compare-b = גרסה שנייה
charter-section = סעיף
charter-changed = השתנה
charter-propose = הצעת גרסה חדשה
charter-propose-hint = גרסה חדשה מבטלת את כל האישורים: כל שותף צריך לאשר אותה מחדש.
charter-vision = חזון משותף
charter-vision-hint = מה השותפים רוצים להשיג יחד.
charter-objectives = מטרות
charter-objectives-hint = ספציפיות, מדידות, ברות השגה, מבוססות על משאבים ותחומות בזמן.
charter-roles = התפקיד של כל שותף
charter-roles-hint = מי עושה מה; כדאי שכל מגזר יתמקד במה שהוא עושה הכי טוב.
charter-contributions = תרומות
charter-contributions-hint = מה כל שותף מתחייב להביא, בכסף ובשווה כסף.
charter-interests = אינטרסים ותועלות צפויות
charter-interests-hint = מה כל שותף מקווה להרוויח.
charter-governance = מבנה הניהול
charter-governance-hint = מי מוביל, ואיך השותפות מנוהלת.
charter-decisions = אופן קבלת ההחלטות
charter-decisions-hint = מי מחליט על מה, ואיך.
charter-meetings = תדירות הפגישות
charter-meetings-hint = כל כמה זמן השותפים נפגשים.
charter-disputes = יישוב מחלוקות
charter-disputes-hint = מה קורה כשהשותפים חלוקים בדעותיהם.
charter-communication = תקשורת
charter-communication-hint = איך השותפים מעדכנים זה את זה.
charter-publicity = מה מתפרסם לציבור
charter-publicity-hint = מה הציבור רואה, ומתי.
charter-review = מתי בוחנים את האמנה מחדש
charter-review-hint = מתי האמנה נבחנת מחדש, למשל כששותף מצטרף או עוזב.
charter-exit = יציאה מהשותפות
charter-exit-hint = איך שותף עוזב, ומה קורה אחר כך.
expectations-title = ציפיות
expectations-lead = כל שותף עונה על אותו שאלון קצר, כדי שפערי ציפיות יעלו כבר בשלב מוקדם.
expectations-gaps = איפה השותפים חלוקים
expectations-no-gaps = אין פערים גדולים בין התשובות של השותפים.
expectations-talk-about = על מה כדאי לדבר:
expectations-answers = התשובות של השותפים
expectations-question = שאלה
expectations-unanswered = אין תשובה
expectations-answer-for = התשובות של { $organisation }
sdg-local-target = תת-יעד מקומי
event-proposed = הצעת היוזמה
event-edited = עריכת היוזמה
event-convener-engaged = הגוף המזמן מינה איש קשר
event-partner-invited = הזמנה לשותפות
event-partner-requested = בקשת הצטרפות
event-partner-joined = הצטרפות כשותף
event-partner-left = עזיבת היוזמה
event-partner-described = תיאור התפקיד בשותפות
event-contribution-committed = התחייבות לתרומה
event-contribution-withdrawn = ביטול התחייבות לתרומה
event-work-plan-recorded = רישום המיקום בתוכנית העבודה
event-integrity-recorded = רישום אופן הבחירה של השותף העסקי
event-interests-declared = הגשת הצהרה על ניגוד עניינים
event-charter-proposed = הצעת גרסה לאמנת השותפות
event-charter-endorsed = אישור אמנת השותפות
event-expectations-answered = מענה על שאלון הציפיות
event-stage-idea = חזרה לשלב הרעיון
event-stage-convened = הגוף המזמן הצטרף
event-stage-scoping = תחילת המיפוי וההגדרה
event-stage-building = תחילת בניית השותפות
event-stage-agreed = השותפות סוכמה
event-stage-implementing = תחילת היישום
event-stage-reviewing = תחילת הבחינה וההערכה
event-stage-sustaining = מעבר לשימור התוצאות
event-stage-closed = השותפות הסתיימה
event-stage-declined = היוזמה נדחתה
event-stage-withdrawn = היוזמה בוטלה
flash-engaged = נרשמת כאיש הקשר של הגוף המזמן.
flash-stage-changed = השלב עודכן.
flash-charter-proposed = הגרסה החדשה של אמנת השותפות הוצעה.
flash-endorsed = האישור של אמנת השותפות נרשם.
error-already-partner = הארגון הזה כבר משתתף ביוזמה.
error-amount = יש להזין סכום בשקלים, למשל 12500 או 12,500.50.
error-changed-meanwhile = מישהו שינה את היוזמה בינתיים. יש לטעון את הדף מחדש, לבדוק ולנסות שוב.
error-charter-not-current = אפשר לאשר רק את הגרסה הנוכחית של אמנת השותפות.
error-initiator-managed = יש לבחור ארגון שבניהולך.
error-sdg-code = יש להזין קוד של יעד פיתוח בר-קיימא (SDG), למשל 7, 7.2 או 7.2.1.
error-sdg-unknown-target = אין תת-יעד כזה ביעדי הפיתוח בר-הקיימא.
refused-convener-only = רק הגוף המזמן של הרשות יכול לבצע פעולה זו.
refused-initiative-ended = היוזמה הזו הסתיימה.
mail-initiative-subject = יוזמה חדשה ממתינה לגוף המזמן: { $title }
mail-initiative-body = שלום,

    ברשות שלך הוצעה יוזמת שותפות חדשה: { $title }

    כדאי להיכנס לתמונה מוקדם: יש לעיין ביוזמה ולהצטרף אליה (למנות איש קשר), או לדחות אותה בנימוקים שיפורסמו:

    { $link }

## Agenda

action-edit = עריכה
goal-new-title = הוספת יעד
goal-edit-title = עריכת היעד
goal-horizon = שנת יעד
goal-status = מצב
goal-status-active = פעיל
goal-status-achieved = הושג
goal-status-dropped = בוטל
goal-sdg-codes = מטרות ותת-יעדים של הפיתוח בר-הקיימא
goal-sdg-codes-hint = קודים מופרדים בפסיקים: מטרה (7), תת-יעד (7.2) או יעד מקומי של הרשות (7.2.1).
sdg-translation-note = נוסחי המטרות באנגלית ובערבית הם הנוסחים הרשמיים של האו"ם; הנוסח העברי הוא תרגום של הפלטפורמה.
error-year = יש להזין שנה בין 2000 ל-2100.

## Matching

suggestions-title = שותפים מוצעים
suggestions-lead = ארגונים הפועלים ברשות הזו שישלימו את השותפות: קודם אלה שמביאים את מה שאיש עוד לא מביא ומגזר שעדיין חסר. לכל הצעה מצורף הנימוק.
suggestions-empty = אין ארגון הפועל ברשות הזו שיוסיף את מה שעוד חסר ליוזמה. ארגונים מציינים בפרופיל שלהם היכן הם פועלים.
suggestion-score = התאמה:
reason-covers = מביא את מה שאיש עוד לא מביא: { $items }
reason-new-sector = מוסיף מגזר שעדיין חסר: { $sector }
reason-same-locality = כבר פועל ברשות הזו
reason-shared-goals = פעל על אותן מטרות פיתוח בר-קיימא: { $items }
reason-record = { $count ->
    [one] שותפות קודמת אחת הגיעה להסכמה
    [two] שתי שותפויות קודמות הגיעו להסכמה
   *[other] { $count } שותפויות קודמות הגיעו להסכמה
}
opportunities-title = איפה צריכים אותנו
opportunities-lead = יוזמות פתוחות ברשויות שבהן הארגון פועל שזקוקות למה שהוא מציע, ויעדים ברשויות שבהן הוא פועל שאין להם עדיין יוזמה.
opportunities-initiatives = יוזמות פתוחות שזקוקות לנו
opportunities-empty = כרגע אין יוזמה פתוחה שזקוקה למה שהארגון מציע.
opportunities-covers = היינו מביאים: { $items }
open-goals-title = יעדים שממתינים ליוזמה
open-goals-empty = לכל יעד פעיל ברשויות של הארגון כבר יש יוזמה.

## Notifications

notifications-title = התראות
notifications-empty = אין התראות.
notifications-new = חדש:
notifications-unread = שלא נקראו
notifications-mark-read = סימון הכול כנקרא
notification-initiative-proposed = הוצעה יוזמה חדשה ברשות: כדאי להצטרף מוקדם.

## Local targets

local-targets-title = היעדים המקומיים של הרשות
local-targets-empty = אין עדיין יעדים מקומיים.
local-targets-define = הגדרת יעד מקומי
local-targets-hint = יעד של הרשות עצמה תחת תת-יעד רשמי של מטרות הפיתוח בר-הקיימא, שממוספר אחריו: 7.2.1, 7.2.2, ...
local-target-code = קוד
error-sdg-local-code = לקוד של יעד מקומי יש שלושה חלקים, למשל 7.2.1.
error-sdg-local-undefined = היעד המקומי הזה עדיין לא הוגדר: יש להגדיר אותו קודם בדף הרשות.

field-lead = השותף המוביל
field-lead-hint = בשותפות בהובלת שותף אחד, השותף המוביל מאשר שותפים ומקדם את היוזמה בשלביה.
field-lead-initiator = הגוף היוזם

## Decision log

error-log-range = הטווח הזה אינו ביומן.
error-note-malformed = זו אינה נקודת ביקורת חתומה (פתק חתום בתקן C2SP).
error-checkpoint-differs = נקודת הביקורת הזו אינה זו שהפלטפורמה חתמה עליה בגודל הזה.
error-cosignature-unknown = אין בה חתימה משותפת של עד שהפלטפורמה מקבלת, או שאף חתימה אינה מתאמתת.
record-title = הרישום הציבורי של ההחלטות
record-lead = כל החלטה על השותפויות ברשות, לפי הסדר, כפי שהתקבלה. לרישום אפשר רק להוסיף: כל אחד יכול לבדוק שאף רשומה לא שונתה ולא נמחקה מאז.
record-feed = מעקב בערוץ (Atom)
record-kind = החלטה
record-index = מס׳
record-date = תאריך
record-initiative = יוזמה
record-by = מאת
record-detail = פרטים
record-empty = עדיין לא נרשמה אף החלטה.
record-count = { $count ->
    [one] החלטה אחת
    [two] שתי החלטות
   *[other] { $count } החלטות
}
record-count-more = יותר מ־{ $count } החלטות
record-audit-title = לבודקים ולמבקרים
record-audit = הרישום הוא עץ מרקל כמו ב-RFC 6962 (Certificate Transparency), וראשי העץ חתומים במפתח Ed25519 של הפלטפורמה. בכתובות האלה אפשר לקבל את ראש העץ החתום, את המפתח, את הרשומות עם הבתים הקנוניים שלהן, והוכחות הכללה ועקביות; הפקודה shutaf verify בודקת את היומן של הפלטפורמה.
refused-who-may = מי רשאי: { $parties }.

## Integrity: declarations, recusal, notices (issue 4)

declaration-hint = כל מי שמקבל החלטות בשם הגוף המזמן או בשם שותף עסקי מגיש קודם הצהרה. זיקה לאחד השותפים פירושה הסתלקות מהטיפול ביוזמה הזו, והדבר נרשם ברישום הציבורי.
declaration-hint-call = המעריכים וצוות הגוף המזמן מגישים הצהרה לפני מתן ציונים או קבלת החלטות. זיקה לאחד הגופים המגישים פירושה הסתלקות מהטיפול בהגשה שלו, והדבר נרשם ברישום הציבורי.
declaration-ties = הזיקות שלך לארגונים האלה
relation-none = אין זיקה
relation-employee = עבודה בארגון (כיום או בשנתיים האחרונות)
relation-director = חברות בדירקטוריון או בהנהלה של הארגון
relation-owner = בעלות על חלק מהארגון
relation-relative = בן משפחה קרוב עובד בארגון, מנהל אותו או מחזיק בו
relation-business = הארגון הוא לקוח או ספק שלי
relation-member = התנדבות או חברות בארגון
relation-other = זיקה אחרת (מפורטת בהמשך)
declarations-title = הצהרות על ניגוד עניינים
declarations-none-yet = עדיין לא הוגשו הצהרות.
recusals-title = הסתלקויות
recusals-none = לא נרשמו הסתלקויות.
recusal-line = הסתלקות של { $person } בשל זיקה לארגון { $organisation }
declaration-sealed = הוצהר על עניינים; הזיקות יפורסמו אחרי ההחלטה בקול הקורא.
call-integrity-sealed = עד להחלטה בקול הקורא זהות המגישים חסויה: הזיקות שבהצהרות, וההגשות שמהן הסתלקו, יפורסמו עם ההחלטה.
call-recusals-sealed = { $count ->
    [one] נרשמה הסתלקות אחת מהערכת הגשה.
    [two] נרשמו שתי הסתלקויות מהערכת הגשות.
   *[other] נרשמו { $count } הסתלקויות מהערכת הגשות.
}
integrity-record-title = טוהר המידות ושוויון הזדמנויות
choice-label = איך נבחר השותף העסקי
choice-open-call = קול קורא
choice-competing-proposals = הודעה לקבלת הצעות מתחרות
choice-competition = הליך תחרותי אחר
choice-exemption = פטור ממכרז
choice-unrecorded = עדיין לא נרשם
notice-title = הצעות מתחרות
notice-hint = עסק הביא את היוזמה הזו לרשות. יש לפרסם תקציר של ההצעה ופרק זמן שבו אחרים יכולים להציע חלופות, ואחר כך להחליט, בנימוקים.
notice-summary = תקציר ההצעה (יפורסם)
notice-closes = הגשת הצעות עד
notice-open = פתוח להגשת הצעות
notice-publish = פרסום ההודעה
notice-alternatives = הצעות חלופיות
notice-no-alternatives = לא הוגשו הצעות חלופיות.
notice-alternatives-sealed = { $count ->
    [0] טרם הוגשו הצעות חלופיות. זהות המציעים תפורסם עם ההחלטה שאחרי ההודעה.
    [one] הוגשה הצעה חלופית אחת. זהות המציע תפורסם עם ההחלטה שאחרי ההודעה.
    [two] הוגשו שתי הצעות חלופיות. זהות המציעים תפורסם עם ההחלטה שאחרי ההודעה.
   *[other] הוגשו { $count } הצעות חלופיות. זהות המציעים תפורסם עם ההחלטה שאחרי ההודעה.
}
notice-your-alternatives = ההצעה של הארגון שלכם, שעד ההחלטה רק אתם והגוף המזמן רואים:
notice-your-alternative = ההצעה החלופית שלך
notice-propose = שליחת ההצעה
notice-outcome = החלטה
notice-chosen = ההצעה החלופית שנבחרה (אם נבחרה)
notice-decide = רישום ההחלטה
notice-outcome-original = להמשיך עם ההצעה המקורית
notice-outcome-alternative = להמשיך עם הצעה חלופית
notice-outcome-open-call = לפרסם קול קורא במקום זאת
notice-outcome-dropped = לא להמשיך עם אף אחת מההצעות
time-in-israel = שעון ישראל
field-reasons = נימוקים (יפורסמו)
field-organisation = ארגון
choose-one = בחירה…
matter-initiative = יוזמה
matter-call = קול קורא
refused-undeclared = יש להגיש קודם הצהרה על ניגוד עניינים בעניין הזה: קבלת החלטות כאן מחייבת הצהרה.
refused-recused = הצהרת על זיקה לאחד הצדדים בעניין הזה, ולכן הסתלקת ממנו; הדבר מופיע ברישום הציבורי. מישהו אחר יקבל את ההחלטה.
refused-notice-exists = כבר פורסמה הודעה ליוזמה הזו.
refused-notice-closed = המועד להגשת הצעות חלופיות עבר.
refused-notice-window-open = המועד להגשת הצעות חלופיות עדיין לא הסתיים; אפשר להחליט אחרי שיסתיים.
refused-notice-decided = ההחלטה שבעקבות ההודעה כבר נרשמה.
error-declaration-empty = יש לציין את הארגונים שיש לך זיקה אליהם, או לתאר את העניינים שלך.
error-choose-alternative = יש לבחור אחת מההצעות החלופיות שהתקבלו.
error-alternative-not-chosen = בוחרים הצעה חלופית רק כשההחלטה היא להמשיך עם הצעה חלופית.
error-organisation-managed = יש לבחור ארגון שבבעלותך או בניהולך.
error-too-many = יותר מדי פריטים; יש להסיר חלק מהם.
error-deadline-format = יש להזין תאריך ושעה, למשל 31/12/2026 12:00.
error-deadline-past = המועד צריך להיות בעתיד.

## Open calls

calls-title = קולות קוראים
calls-lead = קריאות לשותפים ולהצעות, פתוחות לכל ארגון. הציונים והנימוקים מתפרסמים אחרי ההחלטה בקול הקורא.
calls-empty = עדיין אין קולות קוראים.
call-new = קול קורא חדש
call-edit-title = עריכת טיוטת הקול הקורא
call-form-lead = קול קורא נשאר טיוטה עד שמפרסמים אותו. אחרי הפרסום הוא נכלל ברישום הציבורי ואינו משתנה.
call-language = שפת הכתיבה
call-title = כותרת
call-purpose = מטרה
call-purpose-hint = לשם מה הקול הקורא, ואילו יעדים הוא משרת.
call-sought = מה מבוקש
call-sought-hint = איזה שותף או איזו הצעה אתם מחפשים.
call-eligibility = מי רשאי להגיש
call-deadline = המועד האחרון להגשה
call-criteria = אמות מידה ומשקלות
call-criteria-hint = לכל אמת מידה יש משקל, וסכום המשקלות הוא 100. המעריכים נותנים לכל הגשה ציון מ-0 עד 10 בכל אמת מידה, עם נימוקים.
call-criterion-name = אמת מידה
call-criterion-weight = משקל (%)
call-goals = היעדים שהוא משרת
call-evaluators = מעריכים
call-evaluators-hint = כתובות הדוא״ל שלהם, מופרדות בפסיקים. כל אחד ואחת מוזמנים בדוא״ל, ומעריכים לאחר שאישרו.
call-save-draft = שמירת הטיוטה
call-phase = שלב
call-phase-draft = טיוטה
call-phase-accepting = פתוח להגשות
call-phase-evaluating = בהערכה
call-phase-awarded = נבחר זוכה
call-phase-cancelled = הסתיים ללא זוכה
call-status-draft = טיוטה
call-status-open = פתוח
call-status-awarded = נבחר זוכה
call-status-cancelled = בוטל
call-published-at = פורסם
call-applications = הגשות
call-application-count = { $count ->
    [one] הגשה אחת
    [two] שתי הגשות
   *[other] { $count } הגשות
}
call-about = על הקול הקורא
call-documents = מסמכים
call-add-documents = הוספת מסמכים
attachments-hint = קובצי PDF, תמונות, OpenDocument או Office, עד { $size } MB לכל קובץ, ועד חמישה קבצים.
action-upload = העלאה
call-publish = פרסום הקול הקורא
call-publish-hint = הפרסום מכניס את הקול הקורא לרישום הציבורי; אחרי הפרסום אי אפשר לערוך אותו.
call-apply = הגשה
call-apply-hint = כל ארגון יכול להגיש עד המועד האחרון. עד אז אפשר לשלוח גרסה חדשה; הגרסה האחרונה היא הקובעת.
call-application-summary = תקציר (יפורסם אחרי ההחלטה)
call-application-summary-hint = כמה משפטים: מה אתם מציעים.
call-application-proposal = ההצעה
call-attachments = קבצים מצורפים
call-apply-submit = שליחת ההגשה
call-results-after-award = הציונים והנימוקים יפורסמו אחרי ההחלטה בקול הקורא.
call-no-applications-shown = אין הגשות להצגה.
call-awarded-to = הזוכה
call-outcome-reasons = נימוקי ההחלטה
call-initiative-link = היוזמה שנולדה ממנו
call-start-initiative = פתיחת היוזמה עם הזוכה
call-rank = מקום
call-results-of = תוצאות ההערכה של
call-mean-score = ציון ממוצע (0–10)
call-scores-and-reasons = כל הציונים, עם הנימוקים
call-score = מתן ציונים להגשה הזו
call-rescore = שינוי הציונים שלך
call-score-0-10 = ציון (0–10)
call-score-submit = שליחת הציונים
call-decide = החלטה בקול הקורא
call-award-to = הזוכה
call-award = בחירת הזוכה
call-reasons-public = הנימוקים מתפרסמים יחד עם התוצאות.
call-rerun = פרסום מחדש עם מועד אחרון חדש
call-cancel = סיום ללא זוכה
call-view = הקול הקורא
refused-call-closed = הקול הקורא הזה אינו מקבל הגשות כרגע.
refused-call-published = קול קורא שפורסם אינו משתנה.
refused-call-still-open = הקול הקורא עדיין מקבל הגשות; ההערכה מתחילה אחרי המועד האחרון.
refused-call-decided = בקול הקורא הזה כבר התקבלה החלטה.
refused-call-not-awarded = רק קול קורא שנבחר בו זוכה יכול להפוך ליוזמה.
refused-call-has-initiative = מהקול הקורא הזה כבר נפתחה יוזמה.
refused-not-evaluator = רק המעריכים של הקול הקורא יכולים לבצע פעולה זו.
error-criteria-required = יש להגדיר אמת מידה אחת לפחות.
error-too-many-criteria = בקול קורא יכולות להיות עד 12 אמות מידה.
error-weight-range = כל משקל צריך להיות מספר שלם בין 1 ל-100.
error-weights-sum = סכום המשקלות צריך להיות 100.
error-criterion-name = לכל אמת מידה שיש לה משקל נדרש שם.
error-score-range = יש להזין מספר שלם בין 0 ל-10.
error-evaluators-required = יש לציין מעריך אחד לפחות.
error-convener-cannot-apply = הגוף המזמן אינו מגיש הצעות לקול קורא שהוא עצמו פרסם.
error-attachment-empty = הקובץ ריק.
error-attachment-too-large = אחד הקבצים גדול מהמותר.
error-attachment-type = אחד הקבצים אינו מסוג מותר, או ששם הקובץ אינו תואם את התוכן שלו.
error-upload-broken = ההעלאה לא הגיעה במלואה; אפשר לנסות שוב.
flash-call-drafted = טיוטת הקול הקורא נשמרה.
flash-call-published = הקול הקורא פורסם.
flash-applied = ההגשה שלך התקבלה.
flash-scored = הציונים שלך נשמרו.
flash-awarded = נבחר זוכה בקול הקורא; התוצאות פורסמו לציבור.
flash-declared = ההצהרה שלך נכללה ברישום הציבורי.
flash-initiative-from-call = היוזמה נפתחה, והזוכה צורף אליה כשותף.

## Donations

donations-title = תרומות לרשות
donations-lead = מתנות לרשות המקומית, והטיפול של ועדת התרומות בכל אחת מהן: בדיקת הוועדה והמלצתה, החלטת ראש הרשות והדיווח למועצה.
donations-empty = לא נרשמו תרומות.
donation-title = תרומה
donation-donor = התורם
donation-donor-organisation = מספר הארגון התורם במאגר הארגונים (אם הוא רשום בו)
donation-kind = מה ניתן
donation-kind-money = כסף
donation-kind-goods = טובין
donation-kind-services = שירותים
donation-kind-help = סיוע ללא תמורה
donation-value = שווי
donation-value-shekels = שווי בשקלים
donation-purpose = ייעוד
donation-initiative = מספר היוזמה שהתרומה מיועדת לה (אם יש)
donation-step = שלב הטיפול
donation-step-registered = נרשמה
donation-step-checked = נבדקה בוועדת התרומות
donation-step-decided = ראש הרשות החליט
donation-step-reported = דווחה למועצה
donation-register = רישום תרומה
donation-procedure = הליך הטיפול
donation-committee-check = בדיקת הוועדה
donation-committee-check-hint = ניגוד עם מכרזים או עם פעולות פיקוח, תנאים, והציפיות של התורם.
donation-recommendation = המלצת הוועדה
recommendation-accept = קבלה
recommendation-accept-with-conditions = קבלה בתנאים
recommendation-decline = דחייה
donation-head-decision = החלטת ראש הרשות
head-decision-accept = קבלה
head-decision-decline = דחייה
donation-reasons-hint = כשההחלטה חורגת מהמלצת הוועדה, נדרשים נימוקים בכתב.
donation-departed = חורגת מהמלצת הוועדה
donation-council-report = הדיווח למועצה
error-departure-reasons = ההחלטה חורגת מהמלצת הוועדה: יש לפרט נימוקים בכתב.
refused-donation-step = זה אינו השלב הבא; ייתכן שהדף אינו מעודכן.
initiative-view = היוזמה

## The public portal

portal-title = הפורטל הציבורי
portal-lead = כל השותפויות של { $convener } עם עסקים, איך נבחר כל שותף, קולות קוראים ותוצאותיהם, הצהרות על ניגוד עניינים והסתלקויות, תרומות ורישום ההחלטות: פתוח לכולם, בלי צורך בחשבון.
portal-sections = חלקי הפורטל
portal-initiatives = שותפויות עם עסקים
portal-initiatives-lead = יוזמות שעסק שותף בהן, ואיך הוא נבחר.
portal-search = חיפוש בכותרות
portal-search-button = חיפוש
portal-initiative-count = { $count ->
    [one] יוזמה אחת
    [two] שתי יוזמות
   *[other] { $count } יוזמות
}
portal-initiative-count-more = יותר מ־{ $count } יוזמות
portal-pagination-first = העמוד הראשון
portal-no-initiatives = אין יוזמות עם שותף עסקי.
portal-business-partners = שותפים עסקיים
portal-stage = שלב
portal-all-calls = כל הקולות הקוראים
portal-all-donations = כל התרומות
portal-log-size = { $count ->
    [one] ברישום ההחלטות יש החלטה אחת.
    [two] ברישום ההחלטות יש שתי החלטות.
   *[other] ברישום ההחלטות יש { $count } החלטות.
}
portal-read-log = לרישום ההחלטות
portal-downloads = נתונים להורדה
portal-downloads-lead = אותם נתונים כקבצים: CSV לגיליונות אלקטרוניים, JSON לתוכנות, וקולות קוראים והחלטות זכייה כחבילות שחרור (release packages) של OCDS 1.1 (Open Contracting Data Standard, התקן לנתוני התקשרויות פתוחים). עד 5,000 שורות בקובץ; לעמוד הבא יש להוסיף ‎?page=2 לכתובת.
auditors-title = לבודקים ולמבקרים

## Decision-log kinds

event-recused = הסתלקות
event-notice-published = הודעה לקבלת הצעות מתחרות
event-alternative-proposed = קבלת הצעה חלופית
event-notice-decided = החלטה בעקבות ההודעה
event-call-published = פרסום קול קורא
event-application-received = קבלת הגשה
event-application-scored = מתן ציונים להגשה
event-call-awarded = בחירת זוכה בקול קורא
event-call-cancelled = סיום קול קורא ללא זוכה
event-call-rerun = פרסום מחדש של קול קורא
event-donation-registered = רישום תרומה
event-donation-checked = בדיקת ועדת התרומות
event-donation-decided = החלטת ראש הרשות על תרומה
event-donation-reported = דיווח למועצה על תרומה
event-disclosure-redacted = טקסט שלצד הרשומה הוסר
# מה שהרשומה אינה אומרת בגלוי ומוצג לצידה (docs/PRIVACY.md)
record-privacy = אנשים מזוהים ברשומה בכינוי קבוע (p-…). שמות, נימוקים וטקסט חופשי אחר מוצגים לצד הרשומה, שמתחייבת אליהם בגיבוב; אפשר להסירם, והרשומה עדיין ניתנת לאימות. מי שהגיש הצעה לקול קורא פתוח חתום עד שמתקבלת בו החלטה, ומי שהציע חלופה להודעה חתום עד שמתקבלת החלטה בעקבותיה.
disclosure-person-name = שם
disclosure-reasons = נימוקים
disclosure-donor = תורם
disclosure-purpose = מטרה
disclosure-check = בדיקת הוועדה
disclosure-report = דיווח למועצה
disclosure-applicant = מגיש
disclosure-scores = ציונים
disclosure-party = צד
disclosure-ties = זיקות שהוצהרו
disclosure-proposer = מי הציע חלופה
disclosure-opened = נפתח כעת
disclosure-redacted = הוסר ב־{ $date }: { $ground }
redaction-erasure-request = לבקשת האדם למחיקה
redaction-correction = תוקן
redaction-legal-order = בצו של בית משפט או של הרשות להגנת הפרטיות
redaction-not-public = לא היה צריך להתפרסם
auditors-privacy = מה שהרשומות אינן אומרות בגלוי
auditors-privacy-text = מאז הקידוד השני של הרישום, רשומה מזהה את מי שהחליט בכינוי קבוע, ומתחייבת לשמות, לנימוקים ולטקסט חופשי אחר: SHA-256 על שם השדה, מלח של 32 בתים והטקסט. הטקסטים מוגשים לצד הרשומות עם המלח שלהם (ה־"disclosures" של /api/v1/log/entries), כך שאפשר לבדוק כל אחד; הסרה מוחקת טקסט בלי לשנות אף רשומה, והיא עצמה רשומה; מאז כל עמוד, תשובת ממשק, קובץ ופרסום OCDS של הפלטפורמה שהציגו את הטקסט מציגים את ההסרה במקומו, ושמות מי שהצהירו או הסתלקו נקראים מלצד הרישום. מי שהגיש הצעה לקול קורא פתוח, הציונים והצדדים להצהרות עליו חתומים עד שההחלטה על הקול הקורא, זכייה או ביטול, פותחת אותם ברישום, ומי שהציע חלופה להודעה על הצעות מתחרות חתום עד שההחלטה בעקבות ההודעה פותחת אותו; shutaf verify בודק כל פתיחה מול ההתחייבות שלה וכל טקסט מוצג מול הרשומה שלו. המדיניות: docs/PRIVACY.md.

## For auditors

auditors-lead = כל החלטה בפלטפורמה נרשמת ביומן שאפשר רק להוסיף אליו, באותה טרנזקציה שבה נעשה השינוי שהיא מתעדת. כל אחד יכול להוריד את היומן, לחשב אותו מחדש ולהוכיח ששום רשומה לא שונתה, לא נמחקה ולא הוזזה ממקומה בדיעבד, בעזרת המפתח הציבורי של הפלטפורמה בלבד.
auditors-head = היומן כעת
auditors-size = החלטות
auditors-root = שורש עץ מרקל (SHA-256)
auditors-key = המפתח הציבורי של הפלטפורמה (Ed25519)
auditors-tree = איך בנוי היומן
auditors-tree-text = היומן הוא עץ מרקל, בדיוק כפי שהוא מוגדר ב-RFC 6962 וב-RFC 9162 (Certificate Transparency). הפלטפורמה חותמת על ראשי העץ שלה במפתח ה-Ed25519 שלה.
auditors-entry-text = הגיבוב (hash) של כל רשומה מחושב על הצורה הקנונית של הגרסה שבה נכתבה, שדה אחד בכל שורה, בקידוד UTF-8. רשומות נכתבות בגרסה 2:
auditors-entry-v2-text = בגרסה 2 שדה בלי ערך נכתב בשמו בלבד, כך שטקסט ריק (detail:) והיעדר טקסט (detail) נבדלים. person הוא הכינוי של מי שהחליט (p- ו־12 ספרות הקסדצימליות, זהה לאותו אדם בכל רשומה של הפלטפורמה הזו, ואינו שמו של איש). שמות, נימוקים וטקסט חופשי אחר אינם ברשומה: היא נושאת שורת התחייבות (commitment) לכל אחד מהם, והטקסט נשמר לצדה. ההחלטה על קול קורא, זכייה או ביטול, פותחת בשורות opening את הטקסטים שהקול הקורא חתם בזמן שהיה פתוח.
auditors-entry-v1-text = רשומות שנכתבו לפני גרסה 2 שומרות על צורתן הראשונה ועדיין מאומתות בה: השורה הראשונה מציינת את הגרסה, ו־shutaf verify מחשב את הגיבוב של כל רשומה בגרסה שלה. בגרסה 1 היעדר ערך וטקסט ריק נכתבים באותו אופן, ו־person הוא שם, במקום שבו החוק חייב לפרסם אותו:
auditors-disclosures = התחייבויות וגילויים
auditors-disclosures-text = התחייבות קושרת רשומה לטקסט בלי להציג אותו: SHA-256 על שם השדה, מלח אקראי משלו בן 32 בתים והטקסט, כמו שמופיע למטה. הטקסטים עצמם (שמות, נימוקים וכדומה) מוגשים לצד כל רשומה כגילויים שלה (disclosures), עם המלח שלהם, כך שכל אחד יכול לחשב מחדש את ההתחייבות. הם אינם חלק מהגיבוב של הרשומה: הסרה מוחקת את הטקסט ואת המלח של גילוי ומציגה מתי ועל סמך איזו עילה, ואף רשומה, שורש או חתימה אינם משתנים. הטקסטים החתומים של קול קורא פתוח לעולם אינם בין הגילויים; ההחלטה עליו פותחת אותם ברישום.
auditors-escape = בטקסטים, לוכסן הפוך נכתב \\, מעבר שורה נכתב \n וחזרת גררה נכתבת \r, כך שכל שדה תופס שורה אחת.
auditors-endpoints = נקודות קצה ציבוריות
auditors-verify = בדיקה עצמאית
auditors-verify-text = התוכנה shutaf בודקת פלטפורמה מבחוץ, בעזרת מפתחות שפורסמו בלבד:
auditors-verify-again = כדאי לשמור את קובץ ראשי העץ: הוא מקבע את המפתח של הפלטפורמה ושומר כל נקודת ביקורת חתומה. הרצה מאוחרת יותר תוכיח שמאז היומן רק גדל; ואם לא, הקובץ מחזיק את החתימות של הפלטפורמה עצמה כראיה לכל אחד.
auditors-origin = מקור (שם היומן)
auditors-vkey = מפתח האימות של הפלטפורמה (vkey)
auditors-key-id = מזהה המפתח
auditors-checkpoint = נקודת הביקורת החתומה האחרונה
auditors-checkpoint-text = הפלטפורמה חותמת על נקודת ביקורת בכל פעם שהיומן גדל (לכל היותר פעם בכמה שניות) ושומרת את כולן: האחרונה וההיסטוריה כולה פומביות. נקודת ביקורת היא tlog-checkpoint של C2SP בתוך פתק חתום של C2SP, ולכן כלים קיימים של יומני שקיפות קוראים אותה. מזהה המפתח הוא ארבעת הבתים הראשונים של SHA-256 על המקור, מעבר שורה, הבית 01 והמפתח הציבורי.
auditors-checkpoint-size = החלטות שהיא מכסה
auditors-checkpoint-at = נחתמה ב־
auditors-checkpoint-none = עדיין לא נחתמה נקודת ביקורת.
auditors-cosigned-by = חתומה גם על ידי
auditors-cosigned-none = אף עד עדיין לא חתם עליה.
auditors-witnesses = עדים
auditors-witnesses-text = בביקור ראשון אי אפשר להבחין בין יומן שנכתב מחדש מן היסוד לבין יומן הגון. עדים יכולים: כל עד בלתי תלוי (פלטפורמה אחרת, מרכז התמיכה) שומר את נקודת הביקורת האחרונה שראה של הפלטפורמה, בודק שכל נקודה חדשה ממשיכה אותה, ורק אז חותם עליה (C2SP tlog-witness ו-tlog-cosignature). הפלטפורמה מגישה את נקודות הביקורת שלה יחד עם חתימות העדים, כך שפלטפורמה שמראה יומן אחד לעדיה ויומן אחר לך נתפסת.
auditors-witnesses-accepted = עדים שהפלטפורמה מקבלת את חתימותיהם
auditors-witnesses-none = הפלטפורמה עדיין אינה מקבלת אף עד.
auditors-witnesses-caution = את המפתח של עד יש לקבל מהעד עצמו, לא מהדף הזה: פלטפורמה עלולה לרשום עדים שבשליטתה.
auditors-step-program = להשיג את התוכנה shutaf (אותה תוכנה שמריצה את הפלטפורמה).
auditors-step-key = להעתיק את מפתח האימות של הפלטפורמה המוצג למעלה, ולוודא אותו מול מפעיל הפלטפורמה או אחד מעדיה.
auditors-step-witness = לבקש מעד אחד או יותר שאתם סומכים עליהם (מרכז התמיכה, פלטפורמה אחרת) את מפתחות האימות שלהם.
auditors-step-run = להריץ את הבדיקה שלמטה. היא מורידה את כל הרשומות, מחשבת מחדש כל גיבוב ואת השורש, בודקת את חתימות הפלטפורמה, מוצאת את נקודת הביקורת האחרונה שמספיק עדים שלכם חתמו עליה ובודקת שהיומן של היום ממשיך אותה, ומבקשת הוכחות הכללה ועקביות. אם משהו אינו מתקיים, היא נכשלת בקול רם.
auditors-become-witness = להיות עד
auditors-become-witness-text = כל אחד יכול לשמש עד לפלטפורמה הזו באותה תוכנה: ליצור מפתח, למסור את מפתח האימות שלו למפעיל הפלטפורמה (שמוסיף אותו לעדים שהיא מקבלת) ולבודקים שסומכים עליכם, ולבדוק את הפלטפורמה מעת לעת. העד שומר בקובץ קטן את נקודת הביקורת האחרונה שחתם עליה, ומסרב לחתום על כל נקודה שאינה ממשיכה אותה ושומר אותה כראיה. עד שמפעיל את add-checkpoint (shutaf witness serve) יכול במקום זאת למסור למפעיל את הכתובת שלו, והפלטפורמה תשלח אליו כל נקודת ביקורת חדשה.
auditors-witness-poll = הפקודה הראשונה מדפיסה את מפתח האימות של העד ושומרת את המפתח שלו ב־shutaf-witness.key. השנייה ממשיכה לבדוק, פעם בדקה, עד שעוצרים אותה (‎--every קובע את המרווח; ‎--once בודקת פעם אחת ויוצאת, למשימה מתוזמנת); את מה שחתמה עליו היא שומרת ב־shutaf-witness-state.json. יש להריץ את שתיהן באותה תיקייה ולשמור את שני הקבצים.
auditors-rotation = החלפת מפתח
auditors-rotation-text = הפלטפורמה מחליפה את המפתח שלה רק אחרי שהודיעה על המפתח החדש כאן ולעדיה. נקודת הביקורת האחרונה נחתמת אז שוב במפתח החדש, והבאות רק במפתח החדש; נקודות ביקורת קודמות נשארות ניתנות לאימות במפתחות הקודמים הרשומים כאן. בדיקה שקיבעה את המפתח הישן דוחה את החדש עד שמאשרים אותו במפורש, עם ‎--key, אחרי שווידאו אותו ממקור אחר. המקור אינו משתנה לעולם: מקור חדש הוא יומן חדש.
auditors-previous-keys = מפתחות קודמים

## Overload and time limits
error-overloaded = הפלטפורמה עמוסה כרגע. אפשר לנסות שוב בעוד כמה שניות.
error-timeout = הטיפול בבקשה ארך זמן רב מדי והופסק. אפשר לנסות שוב בעוד רגע.
error-password-common = זו אחת הסיסמאות הנפוצות ביותר, והיא ננחשת ראשונה. יש לבחור סיסמה אחרת: כמה מילים שאינן קשורות זו לזו יוצרות סיסמה חזקה.
error-password-personal = הסיסמה בנויה מהשם או מכתובת הדוא״ל שלך, והם ננחשים ראשונים. יש לבחור סיסמה אחרת.
error-password-wrong = זו אינה הסיסמה הנוכחית שלך.
password-sessions-end = שמירת הסיסמה החדשה מנתקת אותך בכל מקום אחר, וקישורים לאיפוס שנשלחו קודם מפסיקים לפעול.
password-revoke-tokens = לבטל גם את { $count ->
        [one] אסימון ה־API שלי
       *[other] { $count } אסימוני ה־API שלי
    } (תוכנות שמשתמשות בהם יזדקקו לאסימון חדש)
profile-password-title = סיסמה
field-current-password = הסיסמה הנוכחית
profile-password-submit = החלפת הסיסמה
profile-sessions-title = היכן את/ה מחובר/ת
profile-sessions-hint = נשארת מחובר/ת במחשב משותף, או שאבד לך טלפון? כאן אפשר להתנתק בכל מקום מלבד כאן.
profile-sessions-end = התנתקות בכל מקום אחר
flash-password-changed = הסיסמה הוחלפה, והתנתקת בכל מקום אחר.
flash-signed-out-elsewhere = התנתקת בכל מקום אחר.
call-invited-evaluators = הוזמנו, טרם אישרו
mail-evaluator-subject = הזמנה להעריך בקשות: { $call }
mail-evaluator-body = { $inviter } מזמין/ה אותך להעריך את הבקשות לקול הקורא "{ $call }". המעריכים מצהירים על עניינים אישיים לפני שהם נותנים ציון, ונמנעים מהערכת מגישים שהם קשורים אליהם. לאישור יש לפתוח את הקישור (לאחר כניסה או יצירת חשבון עם הכתובת הזו):

    { $link }

    אם אינך מעוניין/ת, אפשר להתעלם מההודעה.
error-evaluation-link = ההזמנה להעריך אינה תקפה: היא בוטלה, כבר אושרה, או נשלחה לכתובת אחרת מזו של החשבון שלך.
flash-evaluating = את/ה מעריך/ה של הקול הקורא הזה. יש להצהיר על עניינים אישיים לפני מתן ציונים.
evaluation-invitation-title = הזמנה להעריך
evaluation-invitation-lead = הגוף המזמן של הקול הקורא הזה מבקש ממך להעריך את הבקשות שהוגשו לו:
evaluation-invitation-duties = המעריכים מצהירים קודם על עניינים אישיים, נמנעים מהערכת מגישים שהם קשורים אליהם, ומנמקים כל ציון; הציונים מתפרסמים עם התוצאות.
evaluation-invitation-accept = אישור והצטרפות כמעריך/ה
