# Shutaf: Arabic messages. Every key here exists in en/ and he/ too (a test checks).

site-name = شوتاف
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-directory = المنظمات
nav-localities = السلطات المحلية
nav-admin = الإدارة
nav-signin = تسجيل الدخول
nav-signup = إنشاء حساب
nav-signout = تسجيل الخروج
nav-accessibility = بيان الإتاحة
nav-api = API (OpenAPI)
language-switch-label = اللغة
footer-about = شوتاف: منصة تُطلق فيها السلطات المحلية ومنظمات المجتمع المدني والشركات شراكات من أجل الاستدامة المحلية، وتديرها، وتعرض حصيلتها على الجمهور.
none = لا يوجد
choose-option = اختر…
filter-all = الكل
action-save = حفظ
form-has-errors = بعض الحقول بحاجة إلى مراجعة. تظهر كل مشكلة بجانب الحقل الخاص بها.

## Sectors, kinds, contributions, roles

sector-public = القطاع العام
sector-third = القطاع الثالث
sector-business = قطاع الأعمال
sector-public-hint = سلطة محلية أو مجلس إقليمي أو عنقود سلطات أو وزارة أو هيئة عامة.
sector-third-hint = جمعية أو صندوق أو مجموعة مجتمعية أو أي منظمة أخرى غير ربحية.
sector-business-hint = شركة أو مشروع اجتماعي.
kind-municipality = بلدية
kind-local-council = مجلس محلي
kind-regional-council = مجلس إقليمي
kind-cluster = عنقود سلطات
kind-ministry = وزارة حكومية
kind-public-agency = هيئة عامة
kind-ngo = جمعية (منظمة غير ربحية)
kind-foundation = صندوق
kind-community-group = مجموعة مجتمعية
kind-academic = مؤسسة أكاديمية
kind-company = شركة
kind-social-enterprise = مشروع اجتماعي
contribution-authority = الصلاحية والشرعية
contribution-population-access = الوصول إلى السكان والمؤسسات
contribution-knowledge = المعرفة
contribution-budget = الميزانية
contribution-continuity = الاستمرارية
contribution-public-interest-view = نظرة شاملة إلى المصلحة العامة
contribution-community-trust = الصلة بالمجتمع وثقته
contribution-local-networks = شبكات علاقات محلية
contribution-project-experience = خبرة في إدارة مشاريع للصالح العام
contribution-flexibility = المرونة
contribution-resource-raising = القدرة على تجنيد الموارد
contribution-value-commitment = التزام نابع من القيم
contribution-rapid-execution = تنفيذ فوري ومرن
contribution-managerial-knowledge = المعرفة الإدارية
contribution-prestige = المكانة والسمعة
contribution-connections = العلاقات
locality-kind-municipality = بلدية
locality-kind-local-council = مجلس محلي
locality-kind-regional-council = مجلس إقليمي
locality-kind-cluster = عنقود سلطات
role-owner = مالك
role-admin = مسؤول
role-member = عضو
scope-read = قراءة فقط
scope-write = قراءة وكتابة

## Fields

field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-new-password = كلمة مرور جديدة (10 أحرف على الأقل)
field-password-confirm = إعادة كتابة كلمة المرور
field-display-name = اسمك
field-preferred-language = اللغة المفضلة
field-name-he = الاسم بالعبرية
field-name-ar = الاسم بالعربية
field-name-en = الاسم بالإنجليزية
field-sector = القطاع
field-kind = نوع المنظمة
field-description = الوصف
field-website = الموقع الإلكتروني
field-contributions = ما يمكن أن تساهم به المنظمة
field-contribution = المساهمة
field-contributions-text = مساهمات أخرى، بكلماتك الخاصة
field-localities = السلطات المحلية التي تعمل فيها
field-locality = السلطة المحلية
field-locality-kind = نوع السلطة المحلية
field-role = الدور
field-token-name = اسم رمز الوصول
field-token-scope = الصلاحية
hint-markdown = يمكن استخدام Markdown: **غامق**، *مائل*، القوائم والروابط.

## Errors

error-title = حدث خطأ ما
error-status = رمز الحالة:
error-home-link = العودة إلى الصفحة الرئيسية
error-not-found = هذه الصفحة غير موجودة، أو أُزيلت.
error-method-not-allowed = هذا العنوان لا يقبل هذا النوع من الطلبات.
error-internal = حدث خطأ غير متوقع من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-invalid-input = بعض التفاصيل المُرسلة غير صالحة.
error-conflict = هذا يتعارض مع سجل موجود.
error-rate-limited = محاولات كثيرة جداً. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
error-csrf = انتهت صلاحية النموذج أو لم يُرسَل من هذا الموقع. يُرجى الرجوع إلى الصفحة السابقة وإعادة تحميلها والمحاولة مرة أخرى؛ عادةً يحتفظ المتصفح بما كتبته.
error-too-large = حجم ما أُرسل كبير جداً.
error-bad-form = تعذّرت قراءة النموذج. يُرجى المحاولة مرة أخرى.
error-bad-json = نص الطلب ليس JSON صالحًا بالبنية المطلوبة.
error-token-read-only = رمز الوصول هذا للقراءة فقط. لهذا الإجراء يُرجى إنشاء رمز بصلاحية الكتابة.
error-link-invalid = هذا الرابط غير صالح: ربما استُخدم من قبل أو انتهت صلاحيته. يمكنك طلب رابط جديد.
error-required = هذا الحقل مطلوب.
error-email-invalid = يُرجى إدخال عنوان بريد إلكتروني مثل name@example.org.
error-password-short = يجب أن تتكوّن كلمة المرور من 10 أحرف على الأقل.
error-password-mismatch = كلمتا المرور غير متطابقتين.
error-too-long = النص طويل جداً.
error-invalid-characters = يحتوي النص على أحرف غير مسموح بها.
error-website-invalid = يُرجى إدخال عنوان موقع كامل يبدأ بـ https://‎ أو http://‎.
error-name-one-language = يُرجى إدخال الاسم بلغة واحدة على الأقل.
error-choose-option = يُرجى اختيار أحد الخيارات.
error-kind-sector = نوع المنظمة هذا لا ينتمي إلى القطاع المختار.
error-convener-public = يجب أن تكون الجهة الداعية منظمة من القطاع العام.
refused-sign-in = يُرجى تسجيل الدخول أولاً.
refused-unverified = يُرجى تأكيد عنوان بريدك الإلكتروني أولاً: أرسلنا إليك رابطاً.
refused-not-organisation-admin = هذا الإجراء متاح فقط لمالكي المنظمة والمسؤولين عنها.
refused-only-owner-manages-owners = تعيين المالكين أو إزالتهم متاح للمالكين فقط.
refused-last-owner = لا يمكن للمالك الأخير للمنظمة مغادرتها أو التخلي عن دور المالك. يُرجى تعيين مالك آخر أولاً.
refused-not-platform-admin = هذا الإجراء متاح فقط لمسؤولي المنصة.

## Home

home-title = شراكات من أجل الاستدامة المحلية
home-lead = لا تستطيع المدن تحقيق أهداف الاستدامة الخاصة بها وحدها. هنا تلتقي السلطات المحلية ومنظمات المجتمع المدني والشركات، وتتفق على ما يقدّمه كل طرف، وتعرض شراكاتها على الجمهور بشفافية.
home-browse = تصفّح المنظمات
home-join = الانضمام إلى المنصة
home-sectors-heading = ماذا يقدّم كل قطاع
home-organisation-count = { $count ->
    [zero] لا توجد منظمات مسجّلة.
    [one] توجد منظمة واحدة مسجّلة.
    [two] توجد منظمتان مسجّلتان.
    [few] توجد { $count } منظمات مسجّلة.
    [many] توجد { $count } منظمة مسجّلة.
   *[other] توجد { $count } منظمة مسجّلة.
}

## Accounts

signup-title = إنشاء حساب
signup-lead = يتيح لك الحساب إنشاء منظمة أو الانضمام إلى منظمة قائمة، والمشاركة في الشراكات.
signup-submit = إنشاء الحساب
signup-have-account = لديك حساب بالفعل؟
signup-check-mail-title = تحقّق من بريدك الإلكتروني
signup-check-mail-body = أرسلنا رسالة إلى { $email }. يُرجى فتح الرابط الوارد فيها لتأكيد عنوانك، ثم تسجيل الدخول.
signin-title = تسجيل الدخول
signin-submit = دخول
signin-forgot = نسيت كلمة المرور؟
signin-no-account = ليس لديك حساب بعد؟
signin-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحين.
signin-unverified = لم يتم تأكيد عنوان بريدك الإلكتروني بعد. أرسلنا إليك رابطاً جديداً؛ يُرجى فتحه ثم تسجيل الدخول مجدداً.
forgot-title = إعادة تعيين كلمة المرور
forgot-lead = يُرجى إدخال عنوان بريدك الإلكتروني. إذا كان مرتبطاً بحساب، فسنرسل إليه رابطاً لاختيار كلمة مرور جديدة.
forgot-submit = إرسال الرابط
forgot-sent-title = تحقّق من بريدك الإلكتروني
forgot-sent-body = إذا كان العنوان { $email } مرتبطاً بحساب، فإن رابط إعادة تعيين كلمة المرور في طريقه إليك. الرابط صالح لمدة ساعة واحدة.
reset-title = اختيار كلمة مرور جديدة
reset-submit = حفظ كلمة المرور الجديدة
profile-title = ملفك الشخصي
profile-language-auto = حسب إعدادات المتصفح
profile-organisations = منظماتك
profile-no-organisations = لست عضواً في أي منظمة بعد.
tokens-title = رموز الوصول إلى API
tokens-lead = تتيح رموز الوصول الشخصية للبرامج استخدام API المنصة نيابةً عنك. رمز القراءة فقط يتيح القراءة فقط؛ أما رمز القراءة والكتابة فيتيح القيام بكل ما يمكنك القيام به.
tokens-empty = ليس لديك رموز وصول إلى API.
tokens-new = رمز جديد
tokens-create = إنشاء الرمز
tokens-created = تم إنشاء الرمز. انسخه الآن: لن يُعرض مرة أخرى.
tokens-secret = رمزك الجديد
tokens-created-at = تاريخ الإنشاء
tokens-actions = الإجراءات
tokens-revoke = إلغاء
flash-email-verified = تم تأكيد عنوان بريدك الإلكتروني. يمكنك تسجيل الدخول الآن.
flash-password-reset = تم تغيير كلمة المرور. يُرجى تسجيل الدخول بكلمة المرور الجديدة.
flash-saved = تم الحفظ.
flash-token-revoked = تم إلغاء الرمز.
flash-invited = تم إرسال الدعوة.
flash-joined = أهلاً وسهلاً: أصبحت الآن عضواً في المنظمة.
flash-left = غادرت المنظمة.
flash-locality-created = تمت إضافة السلطة المحلية.

## Mail

mail-verify-subject = تأكيد عنوان بريدك الإلكتروني في شوتاف
mail-verify-body = مرحباً،

    لتأكيد عنوان بريدك الإلكتروني وإتمام إنشاء حسابك في شوتاف، يُرجى فتح هذا الرابط:

    { $link }

    الرابط صالح لمدة 24 ساعة. إذا لم تقم بالتسجيل، يمكنك تجاهل هذه الرسالة.
mail-exists-subject = حاول شخص ما التسجيل في شوتاف باستخدام عنوانك
mail-exists-body = مرحباً،

    حاول شخص ما إنشاء حساب في شوتاف باستخدام عنوان البريد الإلكتروني هذا، وهو مرتبط بحساب قائم. إذا كنت أنت من حاول، يمكنك تسجيل الدخول؛ وإذا نسيت كلمة المرور، يمكنك إعادة تعيينها من هنا:

    { $link }

    إذا لم تكن أنت، يمكنك تجاهل هذه الرسالة.
mail-reset-subject = إعادة تعيين كلمة المرور في شوتاف
mail-reset-body = مرحباً،

    لاختيار كلمة مرور جديدة، يُرجى فتح هذا الرابط:

    { $link }

    الرابط صالح لمدة ساعة واحدة. إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة؛ وستبقى كلمة المرور كما هي.
mail-invite-subject = دعوة للانضمام إلى { $organisation } في شوتاف
mail-invite-body = مرحباً،

    وصلتك دعوة من { $inviter } للانضمام إلى { $organisation } في شوتاف، منصة الشراكات بين القطاعات من أجل الاستدامة. لقبول الدعوة، يُرجى فتح هذا الرابط:

    { $link }

    الدعوة صالحة لمدة 14 يوماً.

## Organisations

directory-title = المنظمات
directory-lead = هيئات عامة ومنظمات غير ربحية وشركات تعمل من أجل الاستدامة المحلية، وما يمكن لكل منها أن تساهم به.
directory-search = البحث بالاسم أو بكلمات
directory-filter = تصفية
directory-empty = لا توجد منظمة تطابق خيارات التصفية هذه.
directory-count = { $count ->
    [zero] لا توجد منظمات
    [one] منظمة واحدة
    [two] منظمتان
    [few] { $count } منظمات
    [many] { $count } منظمة
   *[other] { $count } منظمة
}
pagination-label = الصفحات
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
pagination-page-of = الصفحة { $page } من { $pages }
org-new-title = منظمة جديدة
org-edit-title = تعديل المنظمة
org-choose-sector = إلى أي قطاع تنتمي المنظمة؟ بعد الاختيار تُحدَّد مسبقاً المساهمات المعتادة في هذا القطاع، ويمكنك تغييرها.
org-names = الاسم
org-names-hint = يُرجى كتابة الاسم بكل لغة تستخدمها المنظمة؛ يلزم الاسم بلغة واحدة على الأقل.
org-contributions-hint = ما يمكن أن تقدّمه المنظمة للشراكة. المساهمات المعتادة في قطاعها محدّدة مسبقاً.
org-create = إنشاء المنظمة
org-convenes = تدعو إلى الشراكات في
members-title = الأعضاء
members-name = الاسم
members-change = تغيير
members-remove = إزالة من المنظمة
members-invite = دعوة شخص
members-send-invitation = إرسال الدعوة
members-pending = دعوات لم تُقبل بعد
members-leave-heading = مغادرة المنظمة
members-leave = مغادرة
invitation-title = دعوة
invitation-lead = وصلتك دعوة للانضمام إلى { $organisation } بدور { $role }.
invitation-accept = قبول الدعوة
invitation-sign-in-first = لقبول الدعوة، يُرجى تسجيل الدخول، أو إنشاء حساب أولاً ثم فتح هذا الرابط مرة أخرى.

## Localities

localities-lead = السلطات المحلية في المنصة والجهات التي تدعو إلى الشراكات فيها.
localities-empty = لم تُضَف أي سلطة محلية بعد.
localities-heading = السلطات المحلية
locality-convener = الجهة الداعية
locality-organisations = المنظمات العاملة هنا
locality-goals = الأهداف المطروحة على جدول الأعمال
locality-no-goals = لم تُنشر أي أهداف بعد.
locality-edit-title = تحرير السلطة المحلية
goal-title = الهدف
goal-department = القسم
goal-year = سنة خطة العمل
goal-budget-line = بند الميزانية
admin-title = الإدارة
admin-new-locality = إضافة سلطة محلية
admin-create-locality = إضافة السلطة المحلية
admin-convener-hint = الهيئة العامة التي يتولى طاقمها الدعوة إلى الشراكات في هذه السلطة المحلية.

## Accessibility statement

accessibility-title = بيان الإتاحة
accessibility-commitment = صُمّمت منصة شوتاف ليتمكن الجميع من استخدامها، بمن فيهم الأشخاص ذوو الإعاقة، باللغات العبرية والعربية والإنجليزية، وفقاً للمعيار الإسرائيلي 5568 وإرشادات WCAG 2.1 بمستوى AA.
accessibility-measures-heading = ما نقوم به
accessibility-measure-standard = تحتوي الصفحات على معالم (landmarks)، وعناوين مرتّبة تسلسلياً، وحقول نماذج ذات تسميات، ورسائل خطأ تظهر بجانب الحقل المعني، وتباين ألوان كافٍ.
accessibility-measure-languages = تُعلن كل صفحة عن لغتها واتجاه كتابتها؛ وتُعرض العبرية والعربية من اليمين إلى اليسار.
accessibility-measure-keyboard = يمكن القيام بكل شيء باستخدام لوحة المفاتيح، مع مؤشر تركيز ظاهر ورابط للانتقال إلى المحتوى الرئيسي؛ وتعمل جميع الإجراءات الأساسية من دون JavaScript.
accessibility-measure-testing = تُفحص كل صفحة آلياً باستخدام axe-core بكل لغة، ضمن اختباراتنا.
accessibility-limits-heading = قيود معروفة
accessibility-limits = قد لا يستوفي المحتوى الذي تكتبه المنظمات (مثل الأوصاف) جميع المتطلبات. يُرجى إبلاغنا وسنساعد في إصلاحه.
accessibility-contact-heading = التواصل
accessibility-contact = إذا واجهت عائقاً، يُرجى الكتابة إلى مسؤولي المنصة على العنوان الذي توفّره سلطتك المحلية. نرد خلال 14 يوماً.
accessibility-updated = رُوجع هذا البيان آخر مرة في تشرين الثاني (نوفمبر) 2026.
