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
error-token-read-only = הטוקן הזה מאפשר קריאה בלבד. לפעולה הזו יש ליצור טוקן עם הרשאת כתיבה.
error-link-invalid = הקישור הזה אינו תקף: ייתכן שכבר נעשה בו שימוש או שפג תוקפו. אפשר לבקש קישור חדש.
error-required = זהו שדה חובה.
error-email-invalid = יש להזין כתובת דוא״ל, למשל name@example.org.
error-password-short = הסיסמה צריכה להכיל 10 תווים לפחות.
error-password-mismatch = שתי הסיסמאות אינן זהות.
error-too-long = הטקסט ארוך מדי.
error-invalid-characters = הטקסט מכיל תווים שאינם מותרים.
error-website-invalid = יש להזין כתובת אינטרנט מלאה שמתחילה ב-https://‎ או ב-http://‎.
error-name-one-language = יש להזין שם בשפה אחת לפחות.
error-choose-option = יש לבחור אחת מהאפשרויות.
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
