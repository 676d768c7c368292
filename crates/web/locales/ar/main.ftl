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
error-bad-request = تعذّرت قراءة الطلب: تحقّقوا من العنوان ومعاملاته وممّا أُرسل.
error-bad-multipart = تعذّرت قراءة الملفات المرفوعة: يُرجى الإرسال بصيغة multipart/form-data، بحيث يكون كل ملف في حقل اسمه file.
error-token-read-only = رمز الوصول هذا للقراءة فقط. لهذا الإجراء يُرجى إنشاء رمز بصلاحية الكتابة.
error-link-invalid = هذا الرابط غير صالح: ربما استُخدم من قبل أو انتهت صلاحيته. يمكنك طلب رابط جديد.
error-required = هذا الحقل مطلوب.
error-email-invalid = يُرجى إدخال عنوان بريد إلكتروني مثل name@example.org.
error-password-short = يجب أن تتكوّن كلمة المرور من 10 أحرف على الأقل.
error-password-mismatch = كلمتا المرور غير متطابقتين.
error-too-long = النص طويل جداً.
error-invalid-characters = يحتوي النص على أحرف تحكّم غير مرئية (مثل عكس الاتجاه أو أحرف لا تحملها خلاصة الأخبار). احذفها وحاول مرة أخرى.
error-website-invalid = يُرجى إدخال عنوان موقع كامل يبدأ بـ https://‎ أو http://‎.
error-name-one-language = يُرجى إدخال الاسم بلغة واحدة على الأقل.
error-choose-option = يُرجى اختيار أحد الخيارات.
error-invalid-cursor = رابط هذه الصفحة غير صالح؛ ابدأ من الصفحة الأولى.
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
flash-redacted = حُجب النص، وسُجّل الحجب في سجل القرارات.

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
directory-count-more = أكثر من { $count } منظمة
pagination-page = الصفحة { $page }
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
admin-redact-title = حجب نص بجانب السجل
admin-redact-intro = يُمحى الاسم أو الأسباب أو المتبرّع أو أي نص حرّ آخر معروض بجانب قيد في سجل القرارات نهائيًا، مع ملحه، بجانب السجل ومن كل صفحة وجواب للواجهة البرمجية وتغذية وملف عرضه؛ ويُكتب مكانه "حُجب في <التاريخ>: <السبب>". لا يتغير القيد نفسه ويبقى قابلًا للتحقق، ويُسجَّل الحجب قيدًا جديدًا لا يسمّي أحدًا. لا يمكن التراجع عن الحجب.
admin-redact-entry = رقم القيد
admin-redact-field = النص
admin-redact-ground = سبب الحجب
admin-redact-confirm = أعلم أن النص سيُمحى نهائيًا
admin-redact-submit = حجب النص
error-redaction-entry = اكتب رقم القيد (0 فأكثر).
error-redaction-confirm = أكّد أن النص سيُمحى نهائيًا.
error-redaction-no-entry = لا يوجد في السجل قيد بهذا الرقم.
error-redaction-no-text = لا يُعرض بجانب هذا القيد نص كهذا (النص المختوم لا يفتحه إلا قرار الدعوة).
error-redaction-already = هذا النص محجوب من قبل.
record-redact = حجب

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

## Lifecycle

stage-idea = فكرة
stage-convened = انضمّت الجهة الداعية
stage-scoping = الاستكشاف والتحديد
stage-building = بناء الشراكة
stage-agreed = تمّ الاتفاق
stage-implementing = التنفيذ
stage-reviewing = المراجعة والتقييم
stage-sustaining = استدامة النتائج
stage-closed = انتهت
stage-declined = رُفضت
stage-withdrawn = سُحبت
model-sustainable-practice = السلطة المحلية تساعد الشركات على الانتقال إلى ممارسات مستدامة
model-community-responsibility = الشركات تعمل من أجل المجتمع
model-green-economy = اقتصاد محلي أخضر
model-joint-agenda = السلطة المحلية والشركات تدفع معاً بأجندة مشتركة
management-joint = إدارة مشتركة
management-led-by-one = بقيادة شريك واحد، وسائر الشركاء في شراكة فكرية
gate-convene-early = لم تنخرط الجهة الداعية في السلطة المحلية بعد: لا تتقدّم المبادرة إلى ما بعد مرحلة الفكرة حتى تعيّن الجهة الداعية شخصاً للتواصل، أو ترفضها مع أسباب تُنشر.
gate-convene-early-remedy = يُرجى الطلب من الجهة الداعية مراجعة الفكرة وتعيين شخص للتواصل؛ وقد أرسلت المنصة إليها إشعاراً عند اقتراح الفكرة.
gate-fit-agenda = المبادرة غير مرتبطة بأي هدف على جدول أعمال السلطة المحلية: يتطلب بناء الشراكة ربطها بهدف واحد على الأقل.
gate-fit-agenda-remedy = يُرجى ربط المبادرة بهدف واحد على الأقل من الأهداف التي نشرتها السلطة المحلية. إذا لم يناسبها أي هدف، فيُستحسن سؤال الجهة الداعية عمّا إذا كانت الفكرة مطروحة على جدول أعمال السلطة المحلية أصلاً.
gate-fit-budget = لم يُسجَّل بعد موقع المبادرة في خطة عمل السلطة المحلية وميزانيتها، ولا يمكن للشركاء الاتفاق قبل تسجيله.
gate-fit-budget-remedy = يُرجى تسجيل بند خطة العمل وبند الميزانية بالتنسيق مع الجهة الداعية، أو تسجيل أنه لا حاجة إلى ميزانية من السلطة المحلية مع ذكر السبب.
gate-keep-roles = يتطلب الاتفاق أن يكون لكل شريك دور مسجَّل ومساهمات يلتزم بتقديمها، وأن يأتي الشركاء من قطاعين على الأقل.
gate-keep-roles-remedy = يُرجى تسجيل دور كل شريك وما يلتزم بتقديمه (نقداً أو عيناً). إذا كان جميع الشركاء من قطاع واحد، فيجب ضمّ شريك من قطاع آخر قبل الاتفاق.
gate-shared-vision = لم يصادق جميع الشركاء على النسخة الحالية من ميثاق الشراكة: لا يتم الاتفاق على الشراكة إلا عندما يصادق جميع الشركاء على النسخة نفسها.
gate-shared-vision-remedy = إذا لم يكن هناك ميثاق بعد، يُرجى صياغته معاً؛ ثم الطلب من كل شريك لم يصادق بعد على النسخة الحالية أن يصادق عليها. كل نسخة جديدة تتطلب مصادقة جميع الشركاء من جديد.
gate-integrity = تتطلب الشراكة بين السلطة المحلية وشركة دعوةً مفتوحة، أو إعلاناً منشوراً لتلقّي عروض منافسة، أو سبب إعفاء مسجَّلاً، إضافةً إلى تصريحات بشأن تضارب المصالح من جميع أصحاب القرار.
gate-integrity-remedy = يُرجى نشر دعوة مفتوحة أو إعلان لتلقّي عروض منافسة، أو تسجيل سبب الإعفاء المنطبق؛ ثم يقدّم جميع أصحاب القرار تصريحات بشأن تضارب المصالح، ويُسجَّل أي تنحٍّ عن اتخاذ القرار.
refused-no-such-transition = لا يمكن الانتقال إلى هذه المرحلة من المرحلة الحالية.
refused-not-your-part = دورك في هذه المبادرة لا يسمح بهذه الخطوة.
refused-reason-required = يجب ذكر السبب، وسيُنشر.
refused-gates-unmet = هذه الخطوة غير ممكنة بعد:
party-convener-staff = طاقم الجهة الداعية
party-lead = الشريك القائد
party-partner = شريك
severity-notice = للعلم
severity-warning = تحذير
severity-critical = حرج
risk-late-convening = { $count ->
    [zero] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ أقل من يوم. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
    [one] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ يوم واحد. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
    [two] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ يومين. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
    [few] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ { $count } أيام. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
    [many] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ { $count } يوماً. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
   *[other] تنتظر الفكرة ردّ الجهة الداعية في السلطة المحلية منذ { $count } يوم. إشراك السلطة المحلية في وقت متأخر من الأسباب المعروفة لفشل الشراكات.
}
risk-late-convening-remedy = يُرجى التواصل مباشرة مع الجهة الداعية. على طاقم الجهة الداعية تعيين شخص للتواصل، أو رفض الفكرة مع أسباب تُنشر.
risk-no-goal-fit = المبادرة غير مرتبطة بأي هدف على جدول أعمال السلطة المحلية، لذا قد لا تلبّي احتياجاتها.
risk-no-goal-fit-remedy = يُرجى ربط المبادرة بهدف أو أكثر من أهداف السلطة المحلية بالتنسيق مع الجهة الداعية. إذا لم يناسبها أي هدف، فيُستحسن إعادة التفكير في الفكرة مع السلطة المحلية قبل المضيّ قدماً.
risk-no-budget-fit = بلغت المبادرة مرحلة بناء الشراكة أو ما بعدها، لكن موقعها في خطة عمل السلطة المحلية وميزانيتها لم يُسجَّل بعد.
risk-no-budget-fit-remedy = يُرجى تسجيل بند خطة العمل وبند الميزانية بالتنسيق مع الجهة الداعية، أو تسجيل أنه لا حاجة إلى ميزانية من السلطة المحلية مع ذكر السبب.
risk-uncovered-contributions = { $count ->
    [zero] هناك مساهمات مطلوبة لم يلتزم أي شريك بتقديمها بعد: { $items }.
    [one] هناك مساهمة مطلوبة واحدة لم يلتزم أي شريك بتقديمها بعد: { $items }.
    [two] هناك مساهمتان مطلوبتان لم يلتزم أي شريك بتقديمهما بعد: { $items }.
    [few] هناك { $count } مساهمات مطلوبة لم يلتزم أي شريك بتقديمها بعد: { $items }.
    [many] هناك { $count } مساهمةً مطلوبةً لم يلتزم أي شريك بتقديمها بعد: { $items }.
   *[other] هناك { $count } مساهمة مطلوبة لم يلتزم أي شريك بتقديمها بعد: { $items }.
}
risk-uncovered-contributions-remedy = يُرجى التحقق مما إذا كان أحد الشركاء الحاليين قادراً على الالتزام بتقديمها، أو البحث في دليل المنظمات عن منظمة تقدّمها ودعوتها إلى الشراكة.
risk-single-sector = لا يوجد في المبادرة بعد شركاء من قطاعين على الأقل: هذه ليست شراكة بين القطاعات بعد.
risk-single-sector-remedy = يُرجى دعوة شريك من قطاع آخر يقدّم ما ينقص؛ ويعرض دليل المنظمات ما يمكن لكل منظمة أن تساهم به.
risk-expectations-gap = توقعات الشركاء متباعدة في المسائل التالية: { $items }.
risk-expectations-gap-remedy = يُستحسن مقارنة الإجابات معاً في الاجتماع القادم والاتفاق على توقعات مشتركة؛ وتحت كل سؤال اقتراح لما يجدر الحديث عنه. ويُستحسن تدوين ما يُتّفق عليه في ميثاق الشراكة.
risk-missing-endorsements = { $count ->
    [zero] لم يصادق بعض الشركاء بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
    [one] لم يصادق شريك واحد بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
    [two] لم يصادق شريكان بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
    [few] لم يصادق { $count } شركاء بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
    [many] لم يصادق { $count } شريكاً بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
   *[other] لم يصادق { $count } شريك بعد على النسخة الحالية من ميثاق الشراكة، أو لا يوجد ميثاق بعد.
}
risk-missing-endorsements-remedy = إذا لم يكن هناك ميثاق بعد، يُرجى صياغته معاً: الرؤية المشتركة، والأهداف، والأدوار، والمساهمات، وآلية اتخاذ القرارات. ثم يُطلب من كل شريك المصادقة على النسخة الحالية؛ وكل نسخة جديدة تتطلب مصادقة الجميع من جديد.
risk-integrity-gap = السلطة المحلية وشركة شريكتان في المبادرة من دون دعوة مفتوحة أو إعلان منشور لتلقّي عروض منافسة أو سبب إعفاء مسجَّل، أو من دون تصريحات بشأن تضارب المصالح من جميع أصحاب القرار.
risk-integrity-gap-remedy = يُرجى نشر دعوة مفتوحة أو إعلان لتلقّي عروض منافسة، أو تسجيل سبب الإعفاء المنطبق، والطلب من جميع أصحاب القرار تقديم تصريحات بشأن تضارب المصالح. وأي هبة للسلطة المحلية تتطلب قراراً من لجنة التبرعات.
risk-integrity-no-competition-or-exemption = لا توجد دعوة مفتوحة أو إعلان لتلقّي عروض منافسة أو سبب إعفاء
risk-integrity-declarations-missing = تنقص تصريحات تضارب المصالح من أصحاب القرار
risk-no-indicators = تم الاتفاق على الشراكة أو بدأ تنفيذها، لكن لا يوجد لها أي مؤشر لقياس نتائجها.
risk-no-indicators-remedy = يُرجى إضافة مؤشر واحد على الأقل بقيمة أساس وقيمة مستهدفة ووحدة قياس وموعد نهائي، ويُفضَّل ربطه بأحد أهداف التنمية المستدامة للأمم المتحدة.
risk-no-activity = { $count ->
    [zero] لم يُسجَّل أي نشاط في هذه المبادرة منذ مدة.
    [one] لم يُسجَّل أي نشاط في هذه المبادرة منذ يوم واحد.
    [two] لم يُسجَّل أي نشاط في هذه المبادرة منذ يومين.
    [few] لم يُسجَّل أي نشاط في هذه المبادرة منذ { $count } أيام.
    [many] لم يُسجَّل أي نشاط في هذه المبادرة منذ { $count } يوماً.
   *[other] لم يُسجَّل أي نشاط في هذه المبادرة منذ { $count } يوم.
}
risk-no-activity-remedy = يُرجى تسجيل آخر اجتماع أو قرار أو قياس. إذا توقّف العمل، فيُستحسن أن يقرّر الشركاء معاً هل يواصلون، أو ينتقلون إلى المراجعة والتقييم، أو ينهون الشراكة.
expectation-time-to-first-result = متى تتوقعون أول نتيجة ملموسة؟
expectation-time-to-first-result-quarter = خلال ربع سنة
expectation-time-to-first-result-half-year = خلال نصف سنة
expectation-time-to-first-result-year = خلال سنة
expectation-time-to-first-result-several-years = بعد عدة سنوات
expectation-time-to-first-result-advice = يُستحسن الاتفاق على محطة مبكرة وملموسة تتلاءم مع سنة الميزانية في السلطة المحلية، والتصريح بوضوح بما يمكن عرضه في الربع الأول.
expectation-decision-speed = بأي سرعة تتوقعون أن تُتّخذ القرارات؟
expectation-decision-speed-days = خلال أيام
expectation-decision-speed-weeks = خلال أسابيع
expectation-decision-speed-months = خلال أشهر
expectation-decision-speed-budget-cycle = وفق دورة الميزانية السنوية
expectation-decision-speed-advice = يُستحسن تحديد من يقرّر ماذا، وكم يستغرق كل اعتماد (المجلس، اللجان، مجلس الإدارة)، والاتفاق على القرارات التي يتخذها فريق العمل بنفسه، وتخطيط القرارات الأخرى وفق دورة ميزانية السلطة المحلية.
expectation-publicity = ما مقدار الظهور الإعلامي الذي تريدونه للشراكة؟
expectation-publicity-none = من دون ظهور إعلامي
expectation-publicity-low = قليل
expectation-publicity-moderate = معتدل
expectation-publicity-high = كبير
expectation-publicity-advice = يُستحسن أن يحدّد ميثاق الشراكة ما يُنشر ومتى، ومن تظهر أسماؤهم وشعاراتهم، ومن يوافق على البيانات الصحفية، وكيف يُنسب الفضل إلى الشركاء.
expectation-risk-appetite = ما مقدار المخاطرة التي تقبلونها من أجل نهج جديد؟
expectation-risk-appetite-low = قليلة: مناهج مجرَّبة فقط
expectation-risk-appetite-moderate = معتدلة: تجربة محدودة
expectation-risk-appetite-high = كبيرة: نحن مستعدون لتجربة شيء لم يُجرَّب بعد
expectation-risk-appetite-advice = يُستحسن الاتفاق على تجربة صغيرة بمعيار نجاح واضح، ونقطة محددة يُقرَّر فيها معاً الاستمرار أو التوسّع أو التوقف، كي لا يتحمّل أي شريك مخاطرة أكبر مما قبل به.
expectation-budget-certainty = ما مدى تأكّدكم من ميزانيتكم لهذه الشراكة؟
expectation-budget-certainty-committed = مُقرّة ومضمونة
expectation-budget-certainty-likely = مرجّحة، ولم تُقرّ بعد
expectation-budget-certainty-uncertain = غير مؤكدة
expectation-budget-certainty-advice = يُستحسن التصريح بوضوح بالأموال التي أُقرّت والتي لم تُقرّ بعد، ومتى يُتوقّع إقرارها؛ وتخطيط المرحلة الأولى على الأموال المضمونة فقط، وتدوين ما يحدث في الميثاق إذا لم تصل الأموال المتوقعة.
expectation-commitment = إلى متى تنوون البقاء في الشراكة؟
expectation-commitment-one-off = مشروع لمرة واحدة
expectation-commitment-one-year = نحو سنة
expectation-commitment-several-years = عدة سنوات
expectation-commitment-open-ended = من دون موعد انتهاء محدد
expectation-commitment-advice = يُستحسن الاتفاق على الأفق الزمني للشراكة، وعلى من يواصل العمل عندما يغادر أحد الشركاء؛ وتحديد موعد للمراجعة وتدوين شروط الانسحاب في الميثاق.
expectation-reporting-cadence = كم مرة تتوقعون الاطلاع على سير العمل؟
expectation-reporting-cadence-monthly = كل شهر
expectation-reporting-cadence-quarterly = كل ربع سنة
expectation-reporting-cadence-yearly = مرة في السنة
expectation-reporting-cadence-advice = يُستحسن الاتفاق على وتيرة وصيغة واحدة للتقارير تناسب جميع الشركاء، مثل تحديث شهري قصير وتقرير فصلي أشمل، وتحديد من يكتبه.

## Initiatives

action-remove = إزالة
activity-title = ما جرى حتى الآن
checkup-title = فحص الوضع
checkup-clear = لا توجد مخاطر مفتوحة.
checkup-remedy = ما العمل:
steps-title = الخطوات التالية
steps-none = لا توجد هنا الآن خطوة مطلوبة منك.
steps-sign-in = يُرجى تسجيل الدخول للمشاركة في هذه المبادرة.
move-to-convened = الدعوة إلى الشراكة
move-to-scoping = بدء الاستكشاف والتحديد
move-to-building = بدء بناء الشراكة
move-to-agreed = تسجيل الاتفاق على الشراكة
move-to-implementing = الانتقال إلى التنفيذ
move-to-reviewing = بدء المراجعة والتقييم
move-to-sustaining = الانتقال إلى استدامة النتائج
move-to-closed = إنهاء الشراكة
move-to-declined = رفض المبادرة مع أسباب تُنشر
move-to-withdrawn = سحب المبادرة مع أسباب تُنشر
field-reason = الأسباب (ستُنشر)
field-stage = المرحلة
field-sort = الترتيب
sort-newest = الأحدث أولاً
sort-risk = الأكثر عرضة للمخاطر أولاً
field-initiative-title = العنوان
field-initiator = المنظمة المقترِحة
field-problem = المشكلة
field-approach = النهج
field-in-hebrew = بالعبرية
field-in-arabic = بالعربية
field-in-english = بالإنجليزية
field-model = نموذج الشراكة
field-management = طريقة الإدارة
field-goals = أهداف السلطة المحلية التي تخدمها المبادرة
field-needs = المساهمات المطلوبة
field-partner-role = الدور
field-interests = المصالح
field-benefits = الفوائد المتوقعة
field-cash = نقداً
field-in-kind = عيناً (قيمة تقديرية)
field-cash-shekels = نقداً (₪)
field-in-kind-shekels = القيمة التقديرية للمساهمة العينية (₪)
field-period = الفترة
field-work-plan-item = بند خطة العمل
field-no-budget-reason = لماذا لا حاجة إلى ميزانية من السلطة المحلية
initiative-new-title = اقتراح مبادرة
initiative-new-lead = يمكن لأي منظمة أن تقترح شراكة. تُبلَّغ الجهة الداعية في السلطة المحلية بذلك فوراً، فتنخرط السلطة المحلية في وقت مبكر.
initiative-edit-title = تعديل المبادرة
initiative-propose = تقديم المبادرة
initiative-show-goals = عرض أهداف هذه السلطة المحلية
initiative-need-organisation = لاقتراح مبادرة، يجب أن تعمل باسم منظمة تديرها.
initiative-goals-hint = يُرجى ربط المبادرة بجدول أعمال السلطة المحلية: بأهداف خطة الاستدامة وخطة العمل لديها.
initiative-no-goals-yet = يُرجى اختيار سلطة محلية لعرض أهدافها.
initiative-needs-hint = ما ينبغي أن يقدّمه الشركاء. يُظهر فحص الوضع ما لم يُغطَّ بعد.
initiative-proposed-by = مقترَحة من
initiative-published-reasons = الأسباب المنشورة:
initiative-about = عن المبادرة
initiative-engage = الانخراط باسم الجهة الداعية
initiative-engage-hint = ستصبح الشخص المسؤول عن التواصل من طرف الجهة الداعية في هذه المبادرة.
need-covered = مُغطّاة
need-uncovered = لا يقدّمها أي شريك بعد
work-plan-title = الموقع في خطة العمل
work-plan-not-recorded = لم يُسجَّل بعد
work-plan-placed = مُدرجة في خطة العمل
work-plan-no-budget-needed = لا حاجة إلى ميزانية من السلطة المحلية
partners-title = الشركاء
partner-status-active = شريك
partner-status-invited = تمّت دعوته، ولم يردّ بعد
partner-status-requested = طلب الانضمام
partner-describe = دورنا ومصالحنا والفوائد التي نتوقعها
partner-invite = دعوة
partner-invite-label = رقم المنظمة
partner-invite-hint = الرقم الموجود في نهاية عنوان صفحة المنظمة في دليل المنظمات.
partner-ask-to-join = طلب الانضمام باسم { $organisation }
partner-accept = القبول كشريك
partner-remove = إزالة من المبادرة
partner-leave = مغادرة المبادرة
contribution-commit = الالتزام بمساهمة
convener-tools = أدوات الجهة الداعية
integrity-title = كيف اختير الشريك من قطاع الأعمال
integrity-hint = تتطلب الشراكة بين السلطة المحلية وشركة دعوةً مفتوحة أو إعلاناً منشوراً لتلقّي عروض منافسة، أو سبب إعفاء مسجَّلاً.
integrity-competition = نُشرت دعوة مفتوحة أو إعلان لتلقّي عروض منافسة
integrity-exemption = سبب الإعفاء
integrity-exemption-text = الشرح (سيُنشر)
exemption-below-threshold = دون الحدّ المالي الذي يستوجب مناقصة
exemption-special-expertise = خبرة خاصة
exemption-sole-provider = مزوّد وحيد
exemption-no-municipal-money = لا تنطوي على أموال أو أصول للسلطة المحلية
declaration-title = التصريح بشأن تضارب المصالح
declaration-question = هل لديك مصلحة تتعلق بأي طرف في هذه المبادرة؟
declaration-none = ليس لديّ ما أصرّح به
declaration-some = لديّ مصالح عليّ التصريح بها
declaration-details = ما المنظمات المعنية، وما طبيعة العلاقة بها
declaration-submit = تقديم التصريح
dashboard-title = المبادرات
dashboard-lead = جميع مبادرات السلطة المحلية، ومرحلة كل منها، ومخاطرها المفتوحة.
dashboard-empty = لا توجد مبادرة مطابقة.
dashboard-count = { $count ->
    [zero] لا توجد مبادرات
    [one] مبادرة واحدة
    [two] مبادرتان
    [few] { $count } مبادرات
    [many] { $count } مبادرة
   *[other] { $count } مبادرة
}
charter-title = ميثاق الشراكة
charter-lead = الاتفاق المشترك بين الشركاء: غير ملزم قانونياً، وله نسخ متتالية، ويصادق عليه كل شريك.
charter-none = لم يُقترَح أي ميثاق بعد.
charter-version = النسخة
charter-endorsements = المصادقات على هذه النسخة
charter-endorsed = صادق على النسخة الحالية من الميثاق
charter-not-endorsed = لم يصادق بعد على النسخة الحالية من الميثاق
charter-endorse = المصادقة على هذه النسخة
charter-compare = مقارنة النسخ
charter-compare-a = النسخة الأولى
charter-compare-b = النسخة الثانية
charter-section = البند
charter-changed = تغيّر
charter-propose = اقتراح نسخة جديدة
charter-propose-hint = النسخة الجديدة تُلغي جميع المصادقات: على كل شريك المصادقة عليها من جديد.
charter-vision = الرؤية المشتركة
charter-vision-hint = ما يريد الشركاء تحقيقه معاً.
charter-objectives = الأهداف
charter-objectives-hint = محددة، وقابلة للقياس، وقابلة للتحقيق، ومستندة إلى الموارد، ومحددة بإطار زمني.
charter-roles = دور كل شريك
charter-roles-hint = من يفعل ماذا؛ ويُستحسن أن يلتزم كل قطاع بما يتقنه أكثر من غيره.
charter-contributions = المساهمات
charter-contributions-hint = ما يلتزم كل شريك بتقديمه، نقداً وعيناً.
charter-interests = المصالح والفوائد المتوقعة
charter-interests-hint = ما يأمل كل شريك أن يكسبه.
charter-governance = الحوكمة
charter-governance-hint = من يقود، وكيف تُدار الشراكة.
charter-decisions = آلية اتخاذ القرارات
charter-decisions-hint = من يقرّر ماذا، وكيف.
charter-meetings = وتيرة الاجتماعات
charter-meetings-hint = كم مرة يجتمع الشركاء.
charter-disputes = حلّ الخلافات
charter-disputes-hint = ما يحدث عندما يختلف الشركاء.
charter-communication = التواصل
charter-communication-hint = كيف يُطلع الشركاء بعضهم بعضاً على المستجدات.
charter-publicity = ما يُنشر للجمهور
charter-publicity-hint = ما يراه الجمهور، ومتى.
charter-review = دواعي المراجعة
charter-review-hint = متى يُراجَع الميثاق، مثلاً عند انضمام شريك أو مغادرته.
charter-exit = الانسحاب
charter-exit-hint = كيف ينسحب الشريك، وما الذي يحدث بعد ذلك.
expectations-title = التوقعات
expectations-lead = يجيب كل شريك عن الاستبيان القصير نفسه، كي تظهر التوقعات غير المتوافقة في وقت مبكر.
expectations-gaps = مواضع تباعد الشركاء
expectations-no-gaps = لا توجد فجوات كبيرة بين إجابات الشركاء.
expectations-talk-about = ما يجدر الحديث عنه:
expectations-answers = إجابات الشركاء
expectations-question = السؤال
expectations-unanswered = لا توجد إجابة
expectations-answer-for = إجابات { $organisation }
sdg-local-target = غاية محلية
event-proposed = اقتراح المبادرة
event-edited = تعديل المبادرة
event-convener-engaged = عيّنت الجهة الداعية شخصاً للتواصل
event-partner-invited = دعوة للانضمام كشريك
event-partner-requested = طلب الانضمام
event-partner-joined = الانضمام كشريك
event-partner-left = مغادرة المبادرة
event-partner-described = وصف الدور في الشراكة
event-contribution-committed = الالتزام بمساهمة
event-contribution-withdrawn = سحب مساهمة
event-work-plan-recorded = تسجيل الموقع في خطة العمل
event-integrity-recorded = تسجيل طريقة اختيار الشريك من قطاع الأعمال
event-interests-declared = تقديم تصريح بشأن تضارب المصالح
event-charter-proposed = اقتراح نسخة من ميثاق الشراكة
event-charter-endorsed = المصادقة على ميثاق الشراكة
event-expectations-answered = الإجابة عن استبيان التوقعات
event-stage-idea = العودة إلى مرحلة الفكرة
event-stage-convened = انضمّت الجهة الداعية
event-stage-scoping = بدء الاستكشاف والتحديد
event-stage-building = بدء بناء الشراكة
event-stage-agreed = تمّ الاتفاق على الشراكة
event-stage-implementing = بدء التنفيذ
event-stage-reviewing = بدء المراجعة والتقييم
event-stage-sustaining = الانتقال إلى استدامة النتائج
event-stage-closed = انتهت الشراكة
event-stage-declined = رُفضت المبادرة
event-stage-withdrawn = سُحبت المبادرة
flash-engaged = سُجِّلت شخصاً للتواصل من طرف الجهة الداعية.
flash-stage-changed = تم تغيير المرحلة.
flash-charter-proposed = تم اقتراح النسخة الجديدة من ميثاق الشراكة.
flash-endorsed = تم تسجيل المصادقة على ميثاق الشراكة.
error-already-partner = هذه المنظمة مشاركة في المبادرة بالفعل.
error-amount = يُرجى إدخال مبلغ بالشيكل، مثل 12500 أو 12,500.50.
error-changed-meanwhile = عدّل شخص آخر المبادرة في هذه الأثناء. يُرجى إعادة تحميل الصفحة والتحقق ثم المحاولة مرة أخرى.
error-charter-not-current = لا يمكن المصادقة إلا على النسخة الحالية من ميثاق الشراكة.
error-initiator-managed = يُرجى اختيار منظمة تديرها.
error-sdg-code = يُرجى إدخال رمز من أهداف التنمية المستدامة مثل 7 أو 7.2 أو 7.2.1.
error-sdg-unknown-target = لا توجد غاية بهذا الرمز ضمن أهداف التنمية المستدامة.
refused-convener-only = هذا الإجراء متاح فقط للجهة الداعية في السلطة المحلية.
refused-initiative-ended = انتهت هذه المبادرة.
mail-initiative-subject = مبادرة جديدة بانتظار الجهة الداعية: { $title }
mail-initiative-body = مرحباً،

    اقتُرحت مبادرة شراكة جديدة في سلطتك المحلية: { $title }

    يُستحسن الانخراط مبكراً: يُرجى الاطلاع عليها والانخراط فيها (بتعيين شخص للتواصل)، أو رفضها مع أسباب تُنشر:

    { $link }

## Agenda

action-edit = تحرير
goal-new-title = إضافة هدف
goal-edit-title = تحرير الهدف
goal-horizon = سنة الهدف
goal-status = الحالة
goal-status-active = نشط
goal-status-achieved = تحقّق
goal-status-dropped = أُلغي
goal-sdg-codes = أهداف التنمية المستدامة وغاياتها
goal-sdg-codes-hint = رموز تفصل بينها فواصل: هدف (7)، أو غاية (7.2)، أو غاية محلية للسلطة المحلية (7.2.1).
sdg-translation-note = نصوص الأهداف بالإنجليزية والعربية هي النصوص الرسمية للأمم المتحدة؛ أما النص العبري فهو ترجمة المنصة.
error-year = يُرجى إدخال سنة بين 2000 و2100.

## Matching

suggestions-title = شركاء مقترحون
suggestions-lead = منظمات تعمل في هذه السلطة المحلية وتُكمل هذه الشراكة: تأتي أولًا تلك التي تقدّم ما لا يقدّمه أحد بعد وتضيف قطاعًا ما زال غائبًا. لكل اقتراح سببه.
suggestions-empty = لا توجد منظمة تعمل في هذه السلطة المحلية تضيف ما ما زال ينقص هذه المبادرة. تذكر المنظمات في ملفها أين تعمل.
suggestion-score = الملاءمة:
reason-covers = تقدّم ما لا يقدّمه أحد بعد: { $items }
reason-new-sector = تضيف قطاعًا ما زال غائبًا: { $sector }
reason-same-locality = تعمل أصلًا في هذه السلطة المحلية
reason-shared-goals = عملت على أهداف التنمية المستدامة نفسها: { $items }
reason-record = { $count ->
    [zero] لم تبلغ أي شراكة سابقة الاتفاق
    [one] بلغت شراكة سابقة واحدة الاتفاق
    [two] بلغت شراكتان سابقتان الاتفاق
    [few] بلغت { $count } شراكات سابقة الاتفاق
    [many] بلغت { $count } شراكة سابقة الاتفاق
   *[other] بلغت { $count } شراكة سابقة الاتفاق
}
opportunities-title = أين نحن مطلوبون
opportunities-lead = مبادرات مفتوحة في السلطات المحلية التي تعمل فيها هذه المنظمة تحتاج إلى ما تقدّمه، وأهداف في السلطات المحلية التي تعمل فيها لا تخدمها أي مبادرة بعد.
opportunities-initiatives = مبادرات مفتوحة تحتاج إلينا
opportunities-empty = لا توجد حاليًا مبادرة مفتوحة تحتاج إلى ما تقدّمه هذه المنظمة.
opportunities-covers = سنقدّم: { $items }
open-goals-title = أهداف تنتظر مبادرة
open-goals-empty = لكل هدف نشط في السلطات المحلية لهذه المنظمة مبادرة بالفعل.

## Notifications

notifications-title = الإشعارات
notifications-empty = لا توجد إشعارات.
notifications-new = جديد:
notifications-unread = غير مقروءة
notifications-mark-read = تعليم الكل كمقروء
notification-initiative-proposed = اقتُرحت مبادرة جديدة في سلطتكم المحلية: يُستحسن الانضمام مبكرًا.

## Local targets

local-targets-title = الغايات المحلية للسلطة المحلية
local-targets-empty = لا توجد غايات محلية بعد.
local-targets-define = تحديد غاية محلية
local-targets-hint = غاية خاصة بالسلطة المحلية تحت غاية رسمية من غايات التنمية المستدامة، مرقّمة بعدها: 7.2.1، 7.2.2، ...
local-target-code = الرمز
error-sdg-local-code = لرمز الغاية المحلية ثلاثة أجزاء، مثل 7.2.1.
error-sdg-local-undefined = هذه الغاية المحلية غير محدّدة بعد: يُرجى تحديدها أولًا في صفحة السلطة المحلية.

field-lead = الشريك القائد
field-lead-hint = في شراكة يقودها شريك واحد، يقبل الشريك القائد الشركاء وينقل المبادرة من مرحلة إلى أخرى.
field-lead-initiator = الجهة المبادِرة

## Decision log

error-log-range = هذا النطاق غير موجود في السجل.
error-note-malformed = هذه ليست نقطة تحقق موقّعة (ملاحظة موقّعة وفق C2SP).
error-checkpoint-differs = نقطة التحقق هذه ليست التي وقّعتها المنصة عند هذا الحجم.
error-cosignature-unknown = لا يوجد فيها توقيع مشترك لشاهد تقبله المنصة، أو لا يصحّ أي توقيع.
record-title = السجل العام للقرارات
record-lead = كل قرار بشأن الشراكات في السلطة المحلية، بالترتيب وكما اتُّخذ. لا يُضاف إلى السجل إلا الجديد: يستطيع أي شخص التحقق من أن أي قيد لم يُغيَّر ولم يُحذف منذ ذلك الحين.
record-feed = المتابعة عبر خلاصة (Atom)
record-kind = القرار
record-index = رقم
record-date = التاريخ
record-initiative = المبادرة
record-by = من
record-detail = التفاصيل
record-empty = لم يُسجَّل أي قرار بعد.
record-count = { $count ->
    [zero] لا قرارات
    [one] قرار واحد
    [two] قراران
    [few] { $count } قرارات
    [many] { $count } قرارًا
   *[other] { $count } قرار
}
record-count-more = أكثر من { $count } قرار
record-audit-title = للمدققين
record-audit = السجل شجرة ميركل كما في RFC 6962 (Certificate Transparency)، ورؤوس الشجرة موقّعة بمفتاح Ed25519 الخاص بالمنصة. تعطي هذه العناوين الرأس الموقّع والمفتاح والقيود مع بايتاتها القانونية وبراهين التضمين والاتساق؛ ويتحقق الأمر shutaf verify من سجل المنصة.
refused-who-may = من يحق له ذلك: { $parties }.

## Integrity: declarations, recusal, notices (issue 4)

declaration-hint = كل من يتخذ القرارات باسم الجهة الداعية أو باسم شريك من قطاع الأعمال يقدّم تصريحاً أولاً. وجود صلة بأحد الشركاء يعني التنحّي عن هذه المبادرة، ويُسجَّل ذلك علناً.
declaration-hint-call = يقدّم المقيّمون وطاقم الجهة الداعية تصريحاً قبل منح الدرجات أو اتخاذ القرار. وجود صلة بأحد مقدّمي الطلبات يعني التنحّي عن تقييم طلبه، ويُسجَّل ذلك علناً.
declaration-ties = صلاتك بهذه المنظمات
relation-none = لا توجد صلة
relation-employee = أعمل فيها (أو عملت فيها خلال السنتين الأخيرتين)
relation-director = أشغل منصباً في مجلس إدارتها أو في إدارتها
relation-owner = أملك حصة فيها
relation-relative = أحد أقاربي المقرّبين يعمل فيها أو يديرها أو يملكها
relation-business = هي من زبائني أو من مزوّديّ
relation-member = أتطوّع فيها أو لي عضوية فيها
relation-other = صلة أخرى (موصوفة أدناه)
declarations-title = التصريحات بشأن تضارب المصالح
declarations-none-yet = لا توجد تصريحات بعد.
recusals-title = حالات التنحّي
recusals-none = لم يتنحَّ أحد.
recusal-line = تنحّي { $person } بسبب وجود صلة بـ{ $organisation }
declaration-sealed = صُرِّح بمصالح؛ وتُنشر الصلات بعد البتّ في الدعوة.
call-integrity-sealed = إلى حين البتّ في الدعوة تبقى هوية مقدّمي الطلبات سرّية: تُنشر الصلات الواردة في التصريحات، والطلبات التي تنحّى عنها أحد، مع القرار.
call-recusals-sealed = { $count ->
    [zero] لم يتنحَّ أحد عن أيّ طلب.
    [one] سُجّلت حالة تنحٍّ واحدة عن تقييم طلب.
    [two] سُجّلت حالتا تنحٍّ عن تقييم طلبات.
    [few] سُجّلت { $count } حالات تنحٍّ عن تقييم طلبات.
    [many] سُجّلت { $count } حالة تنحٍّ عن تقييم طلبات.
   *[other] سُجّلت { $count } حالة تنحٍّ عن تقييم طلبات.
}
integrity-record-title = النزاهة وتكافؤ الفرص
choice-label = كيف اختير الشريك من قطاع الأعمال
choice-open-call = دعوة مفتوحة
choice-competing-proposals = إعلان لتلقّي عروض منافسة
choice-competition = إجراء تنافسي آخر
choice-exemption = إعفاء من المناقصة
choice-unrecorded = لم يُسجَّل بعد
notice-title = العروض المنافسة
notice-hint = قدّمت شركة هذه المبادرة إلى السلطة المحلية. يُرجى نشر ملخص للعرض ومهلة يمكن للآخرين خلالها تقديم عروض بديلة، ثم اتخاذ القرار مع ذكر الأسباب.
notice-summary = ملخص العرض (سيُنشر)
notice-closes = تُقبل العروض حتى
notice-open = مفتوح لتلقّي العروض
notice-publish = نشر الإعلان
notice-alternatives = العروض البديلة
notice-no-alternatives = لا توجد عروض بديلة.
notice-alternatives-sealed = { $count ->
    [zero] لم يُقدَّم أي عرض بديل بعد. تُنشر هوية مقدّمي العروض مع القرار الذي يلي الإعلان.
    [one] قُدِّم عرض بديل واحد. تُنشر هوية مقدّمه مع القرار الذي يلي الإعلان.
    [two] قُدِّم عرضان بديلان. تُنشر هوية مقدّميهما مع القرار الذي يلي الإعلان.
    [few] قُدِّمت { $count } عروض بديلة. تُنشر هوية مقدّميها مع القرار الذي يلي الإعلان.
    [many] قُدِّم { $count } عرضاً بديلاً. تُنشر هوية مقدّميها مع القرار الذي يلي الإعلان.
   *[other] قُدِّم { $count } عرض بديل. تُنشر هوية مقدّميها مع القرار الذي يلي الإعلان.
}
notice-your-alternatives = عرض منظمتك، ولا يراه حتى القرار سواك وسوى الجهة الداعية:
notice-your-alternative = عرضك البديل
notice-propose = إرسال العرض
notice-outcome = القرار
notice-chosen = العرض البديل المختار (إن وُجد)
notice-decide = تسجيل القرار
notice-outcome-original = المضي في العرض الأصلي
notice-outcome-alternative = المضي في عرض بديل
notice-outcome-open-call = إصدار دعوة مفتوحة بدلاً من ذلك
notice-outcome-dropped = عدم المضي في أي منها
time-in-israel = بتوقيت إسرائيل
field-reasons = الأسباب (ستُنشر)
field-organisation = المنظمة
choose-one = اختر…
matter-initiative = المبادرة
matter-call = الدعوة المفتوحة
refused-undeclared = يُرجى أولاً التصريح بمصالحك في هذا الشأن: تتطلب القرارات هنا تقديم تصريح.
refused-recused = صرّحت بوجود صلة بأحد أطراف هذا الشأن، ولذلك تنحّيت عنه؛ وهذا مسجَّل في السجل العام. سيتخذ القرار شخص آخر.
refused-notice-exists = سبق نشر إعلان لهذه المبادرة.
refused-notice-closed = انتهت مهلة تقديم العروض البديلة.
refused-notice-window-open = ما زالت مهلة تقديم العروض البديلة مفتوحة؛ يُتخذ القرار بعد انتهائها.
refused-notice-decided = سبق تسجيل القرار الذي تلا الإعلان.
error-declaration-empty = يُرجى ذكر المنظمات التي تربطك بها صلة، أو وصف مصالحك.
error-choose-alternative = يُرجى اختيار أحد العروض البديلة التي وردت.
error-alternative-not-chosen = لا يُحدَّد عرض بديل إلا عند اتخاذ قرار بالمضي في عرض بديل.
error-organisation-managed = يُرجى اختيار منظمة تملكها أو تديرها.
error-too-many = العدد كبير جداً؛ يُرجى إزالة بعضها.
error-deadline-format = يُرجى إدخال تاريخ ووقت، مثل 31/12/2026 12:00.
error-deadline-past = يجب أن يكون الموعد في المستقبل.

## Open calls

calls-title = الدعوات المفتوحة
calls-lead = دعوات لتقديم اقتراحات أو للانضمام كشركاء، مفتوحة أمام كل منظمة. تُنشر الدرجات والأسباب بعد البتّ في الدعوة.
calls-empty = لا توجد دعوات مفتوحة بعد.
call-new = دعوة مفتوحة جديدة
call-edit-title = تعديل مسودة الدعوة
call-form-lead = تبقى الدعوة مسودة حتى تُنشر. وبعد نشرها تصبح جزءاً من السجل العام ولا تتغير.
call-language = لغة الكتابة
call-title = العنوان
call-purpose = الغرض
call-purpose-hint = الغاية من الدعوة، والأهداف التي تخدمها.
call-sought = المطلوب
call-sought-hint = نوع الشريك أو الاقتراح الذي تبحثون عنه.
call-eligibility = من يحق له التقدّم
call-deadline = الموعد النهائي
call-criteria = المعايير وأوزانها
call-criteria-hint = لكل معيار وزن، ومجموع الأوزان 100. يمنح المقيّمون كل طلب درجة من 0 إلى 10 في كل معيار، مع ذكر الأسباب.
call-criterion-name = المعيار
call-criterion-weight = الوزن (%)
call-goals = الأهداف التي تخدمها
call-evaluators = المقيّمون
call-evaluators-hint = عناوين بريدهم الإلكتروني، مفصولة بفواصل. يُدعى كل منهم بالبريد، ويبدأ التقييم بعد القبول.
call-save-draft = حفظ المسودة
call-phase = المرحلة
call-phase-draft = مسودة
call-phase-accepting = تستقبل الطلبات
call-phase-evaluating = قيد التقييم
call-phase-awarded = اختير الفائز
call-phase-cancelled = انتهت دون اختيار فائز
call-status-draft = مسودة
call-status-open = مفتوحة
call-status-awarded = اختير الفائز
call-status-cancelled = أُلغيت
call-published-at = تاريخ النشر
call-applications = الطلبات
call-application-count = { $count ->
    [zero] لا توجد طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
    [many] { $count } طلبًا
   *[other] { $count } طلب
}
call-about = عن الدعوة
call-documents = المستندات
call-add-documents = إضافة مستندات
attachments-hint = ملفات PDF أو صور أو ملفات OpenDocument أو Office، بحجم يصل إلى { $size } ميغابايت لكل ملف، وخمسة ملفات على الأكثر.
action-upload = رفع
call-publish = نشر الدعوة
call-publish-hint = يُدرج النشر الدعوة في السجل العام، ولا يمكن تعديلها بعد ذلك.
call-apply = التقدّم بطلب
call-apply-hint = يمكن لأي منظمة التقدّم بطلب حتى الموعد النهائي، وإرسال نسخة جديدة منه حتى ذلك الحين؛ والنسخة المعتمدة هي الأخيرة.
call-application-summary = ملخص (يُنشر بعد القرار)
call-application-summary-hint = بضع جمل: ما الذي تقترحونه.
call-application-proposal = الاقتراح
call-attachments = المرفقات
call-apply-submit = إرسال الطلب
call-results-after-award = تُنشر الدرجات والأسباب بعد البتّ في الدعوة.
call-no-applications-shown = لا توجد طلبات للعرض.
call-awarded-to = الفائز
call-outcome-reasons = أسباب القرار
call-initiative-link = المبادرة التي انبثقت عنها
call-start-initiative = إطلاق المبادرة مع الفائز
call-rank = الترتيب
call-results-of = نتائج تقييم
call-mean-score = متوسط الدرجات (0–10)
call-scores-and-reasons = جميع الدرجات مع أسبابها
call-score = تقييم هذا الطلب
call-rescore = تغيير درجاتك
call-score-0-10 = الدرجة (0–10)
call-score-submit = إرسال الدرجات
call-decide = البتّ في الدعوة
call-award-to = الطلب الفائز
call-award = اعتماد الفائز
call-reasons-public = تُنشر الأسباب مع النتائج.
call-rerun = إعادة النشر بموعد نهائي جديد
call-cancel = الإنهاء دون اختيار فائز
call-view = الدعوة المفتوحة
refused-call-closed = لا تستقبل هذه الدعوة طلبات في الوقت الحالي.
refused-call-published = الدعوة المنشورة لا تتغير.
refused-call-still-open = ما زالت الدعوة تستقبل الطلبات؛ يبدأ التقييم بعد الموعد النهائي.
refused-call-decided = تمّ البتّ في هذه الدعوة.
refused-call-not-awarded = لا تتحوّل إلى مبادرة إلا دعوة اختير فيها فائز.
refused-call-has-initiative = سبق أن تحوّلت هذه الدعوة إلى مبادرة.
refused-not-evaluator = هذا الإجراء متاح فقط للمقيّمين في هذه الدعوة.
error-criteria-required = يُرجى تحديد معيار واحد على الأقل.
error-too-many-criteria = للدعوة 12 معياراً على الأكثر.
error-weight-range = يجب أن يكون كل وزن عدداً صحيحاً من 1 إلى 100.
error-weights-sum = يجب أن يكون مجموع الأوزان 100.
error-criterion-name = كل معيار له وزن يحتاج إلى اسم.
error-score-range = يُرجى إدخال عدد صحيح من 0 إلى 10.
error-evaluators-required = يُرجى تحديد مقيّم واحد على الأقل.
error-convener-cannot-apply = لا تتقدّم الجهة الداعية بطلب في دعوتها هي.
error-attachment-empty = الملف فارغ.
error-attachment-too-large = أحد الملفات أكبر من الحد المسموح به.
error-attachment-type = أحد الملفات ليس من نوع مقبول، أو أن اسمه لا يطابق محتواه.
error-upload-broken = لم يصل الملف المرفوع كاملاً؛ يُرجى المحاولة مرة أخرى.
flash-call-drafted = تم حفظ مسودة الدعوة.
flash-call-published = تم نشر الدعوة.
flash-applied = وصل طلبك.
flash-scored = تم حفظ درجاتك.
flash-awarded = اختير الفائز في الدعوة، والنتائج متاحة للجمهور.
flash-declared = أُدرج تصريحك في السجل العام.
flash-initiative-from-call = أُطلقت المبادرة، والفائز شريك فيها.

## Donations

donations-title = التبرعات للسلطة المحلية
donations-lead = الهبات المقدَّمة إلى السلطة المحلية والإجراء الذي تتبعه لجنة التبرعات في كل منها: فحص اللجنة وتوصيتها، وقرار رئيس السلطة المحلية، والتقرير إلى المجلس.
donations-empty = لم تُسجَّل أي تبرعات.
donation-title = تبرع
donation-donor = المتبرع
donation-donor-organisation = رقم المنظمة المتبرعة في دليل المنظمات (إن كانت مدرجة فيه)
donation-kind = طبيعة التبرع
donation-kind-money = مال
donation-kind-goods = سلع
donation-kind-services = خدمات
donation-kind-help = مساعدة دون مقابل
donation-value = القيمة
donation-value-shekels = القيمة بالشيكل
donation-purpose = الغرض
donation-initiative = رقم المبادرة المخصَّص لها التبرع (إن وُجدت)
donation-step = المرحلة الحالية
donation-step-registered = سُجِّل
donation-step-checked = فحصته لجنة التبرعات
donation-step-decided = بتّ فيه رئيس السلطة المحلية
donation-step-reported = قُدِّم تقرير عنه إلى المجلس
donation-register = تسجيل تبرع
donation-procedure = الإجراء
donation-committee-check = فحص اللجنة
donation-committee-check-hint = التعارض مع المناقصات أو مع أعمال الرقابة، والشروط، وتوقعات المتبرع.
donation-recommendation = توصية اللجنة
recommendation-accept = القبول
recommendation-accept-with-conditions = القبول بشروط
recommendation-decline = الرفض
donation-head-decision = قرار رئيس السلطة المحلية
head-decision-accept = القبول
head-decision-decline = الرفض
donation-reasons-hint = يلزم تقديم أسباب مكتوبة إذا خالف القرار توصية اللجنة.
donation-departed = خلافاً لتوصية اللجنة
donation-council-report = التقرير إلى المجلس
error-departure-reasons = القرار يخالف توصية اللجنة: يُرجى تقديم أسباب مكتوبة.
refused-donation-step = هذه ليست الخطوة التالية؛ ربما لم تعد الصفحة محدَّثة.
initiative-view = المبادرة

## The public portal

portal-title = البوابة العامة
portal-lead = جميع شراكات { $convener } مع الشركات، وكيف اختير كل شريك، والدعوات المفتوحة ونتائجها، والتصريحات بشأن تضارب المصالح وحالات التنحّي، والتبرعات وسجل القرارات: متاحة للجميع، دون حاجة إلى حساب.
portal-sections = أقسام البوابة
portal-initiatives = الشراكات مع الشركات
portal-initiatives-lead = مبادرات تشارك فيها شركة، وكيف اختيرت.
portal-search = البحث في العناوين
portal-search-button = بحث
portal-initiative-count = { $count ->
    [zero] لا توجد مبادرات
    [one] مبادرة واحدة
    [two] مبادرتان
    [few] { $count } مبادرات
    [many] { $count } مبادرة
   *[other] { $count } مبادرة
}
portal-initiative-count-more = أكثر من { $count } مبادرة
portal-pagination-first = الصفحة الأولى
portal-no-initiatives = لا توجد مبادرات فيها شريك من قطاع الأعمال.
portal-business-partners = الشركاء من قطاع الأعمال
portal-stage = المرحلة
portal-all-calls = جميع الدعوات المفتوحة
portal-all-donations = جميع التبرعات
portal-log-size = { $count ->
    [zero] لا يضمّ سجل القرارات أي قرار بعد.
    [one] يضمّ سجل القرارات قرارًا واحدًا.
    [two] يضمّ سجل القرارات قرارين.
    [few] يضمّ سجل القرارات { $count } قرارات.
    [many] يضمّ سجل القرارات { $count } قرارًا.
   *[other] يضمّ سجل القرارات { $count } قرار.
}
portal-read-log = قراءة سجل القرارات
portal-downloads = بيانات للتنزيل
portal-downloads-lead = البيانات نفسها على شكل ملفات: CSV لجداول البيانات، وJSON للبرامج، والدعوات المفتوحة وقرارات الترسية كحزم إصدارات (release packages) وفق OCDS 1.1 (معيار بيانات التعاقد المفتوح). حتى 5,000 صف في الملف؛ للصفحة التالية يُضاف ‎?page=2 إلى العنوان.
auditors-title = للمدققين

## Decision-log kinds

event-recused = التنحّي
event-notice-published = إعلان لتلقّي عروض منافسة
event-alternative-proposed = ورود عرض بديل
event-notice-decided = القرار بعد الإعلان
event-call-published = نشر دعوة مفتوحة
event-application-received = ورود طلب
event-application-scored = تقييم طلب
event-call-awarded = اختيار الفائز في دعوة مفتوحة
event-call-cancelled = انتهاء دعوة مفتوحة دون اختيار فائز
event-call-rerun = إعادة نشر دعوة مفتوحة
event-donation-registered = تسجيل تبرع
event-donation-checked = فحص لجنة التبرعات
event-donation-decided = قرار رئيس السلطة المحلية بشأن تبرع
event-donation-reported = تقديم تقرير عن تبرع إلى المجلس
event-disclosure-redacted = حُجب نص بجانب السجل
# ما لا يقوله السجل صراحةً ويُعرض بجانبه (docs/PRIVACY.md)
record-privacy = يُشار إلى الأشخاص في السجل باسم مستعار ثابت (p-…). تُعرض الأسماء والأسباب والنصوص الحرة الأخرى بجانب القيد الذي يلتزم بها ببصمة؛ ويمكن حجبها ويبقى السجل قابلًا للتحقق. ويبقى مقدّمو الطلبات لدعوة مفتوحة مختومين حتى يُبتّ فيها، ومقترحو البدائل لإعلان مختومين حتى يُبتّ فيه.
disclosure-person-name = الاسم
disclosure-reasons = الأسباب
disclosure-donor = المتبرع
disclosure-purpose = الغرض
disclosure-check = فحص اللجنة
disclosure-report = التقرير إلى المجلس
disclosure-applicant = مقدّم الطلب
disclosure-scores = العلامات
disclosure-party = الطرف
disclosure-ties = الصلات المصرّح بها
disclosure-proposer = من اقترح بديلاً
disclosure-opened = كُشف الآن
disclosure-redacted = حُجب في { $date }: { $ground }
redaction-erasure-request = بناءً على طلب الشخص بالمحو
redaction-correction = صُحّح
redaction-legal-order = بأمر من محكمة أو من سلطة حماية الخصوصية
redaction-not-public = ما كان ينبغي أن يُنشر
auditors-privacy = ما لا تقوله القيود صراحةً
auditors-privacy-text = منذ الترميز الثاني للسجل، يُشير القيد إلى من اتخذ القرار باسم مستعار ثابت، ويلتزم بالأسماء والأسباب والنصوص الحرة الأخرى: SHA-256 على اسم الحقل وملح من 32 بايتًا والنص. تُقدَّم النصوص بجانب قيودها مع أملاحها ("disclosures" في /api/v1/log/entries)، فيمكن التحقق من كل منها؛ والحجب يمحو نصًا دون تغيير أي قيد، وهو نفسه قيد؛ وبعده تعرض كل صفحة وجواب للواجهة البرمجية وملف وإصدار OCDS في المنصة عرضت النص الحجبَ مكانه، وتُقرأ أسماء من صرّحوا أو تنحّوا من بجانب السجل. ويبقى مقدّمو الطلبات لدعوة مفتوحة والعلامات والأطراف في التصريحات بشأنها مختومين حتى يفتحها قرار الدعوة، ترسيةً أو إلغاءً، في السجل، ومقترحو البدائل لإعلان عن مقترحات منافسة حتى يفتحها القرار الذي يتبع الإعلان؛ ويتحقق shutaf verify من كل فتح مقابل التزامه ومن كل نص معروض مقابل قيده. السياسة في docs/PRIVACY.md.

## For auditors

auditors-lead = يُسجَّل كل قرار في هذه المنصة في سجل لا يُضاف إليه إلا الجديد، ضمن المعاملة نفسها التي يُنفَّذ فيها التغيير الذي يوثّقه. يستطيع أي شخص جلب السجل وإعادة حسابه وإثبات أن شيئاً لم يُغيَّر أو يُحذف أو يُعَد ترتيبه لاحقاً، ولا يحتاج لذلك إلا إلى المفتاح المنشور للمنصة.
auditors-head = السجل الآن
auditors-size = القرارات
auditors-root = جذر شجرة ميركل (SHA-256)
auditors-key = المفتاح العام للمنصة (Ed25519)
auditors-tree = كيف يُبنى السجل
auditors-tree-text = السجل شجرة ميركل كما يعرّفها بالضبط RFC 6962 وRFC 9162 (Certificate Transparency). وتوقّع المنصة رؤوس شجرتها بمفتاح Ed25519 الخاص بها.
auditors-entry-text = تُحسب بصمة (hash) كل قيد على الصيغة القانونية للإصدار الذي كُتب به، حقل واحد في كل سطر، بترميز UTF-8. تُكتب القيود بالإصدار 2:
auditors-entry-v2-text = في الإصدار 2 يُكتب الحقل الذي لا قيمة له باسمه وحده، فيختلف النص الفارغ (detail:) عن غياب النص (detail). وperson هو الاسم المستعار لمن اتخذ القرار (p- و12 رقماً ست عشرياً، وهو نفسه للشخص نفسه في كل قيود هذه المنصة، وليس اسم أحد). أما الأسماء والأسباب والنصوص الحرة الأخرى فليست في القيد: يحمل القيد سطر التزام (commitment) لكل منها، ويُحفظ النص بجانبه. ويفتح قرار الدعوة، ترسيةً أو إلغاءً، في أسطر opening النصوصَ التي ختمتها الدعوة وهي مفتوحة.
auditors-entry-v1-text = تحتفظ القيود المكتوبة قبل الإصدار 2 بصيغتها الأولى ويُتحقق منها بها: يذكر السطر الأول الإصدار، ويحسب shutaf verify بصمة كل قيد بإصداره. في الإصدار 1 يُكتب غياب القيمة والنص الفارغ بالطريقة نفسها، وperson اسمٌ حيث يوجب القانون نشره:
auditors-disclosures = الالتزامات والإفصاحات
auditors-disclosures-text = يربط الالتزام القيد بنص دون أن يُظهره: SHA-256 على اسم الحقل وملح عشوائي خاص به من 32 بايتاً والنص، كما أدناه. أما النصوص نفسها (الأسماء والأسباب وما شابه) فتُقدَّم بجانب كل قيد على أنها إفصاحاته (disclosures)، مع أملاحها، ليتمكن أي أحد من إعادة حساب الالتزام. وهي لا تدخل في بصمة القيد: فالحجب يمحو نص الإفصاح وملحه ويُظهر متى حُجب وعلى أي أساس، ولا يتغير أي قيد أو جذر أو توقيع. ولا تكون النصوص المختومة لدعوة مفتوحة بين الإفصاحات أبداً؛ إذ يفتحها قرار الدعوة في السجل.
auditors-escape = في النصوص، تُكتب الشرطة المائلة العكسية \\، ونهاية السطر \n، والعودة إلى بداية السطر \r، كي يشغل كل حقل سطراً واحداً.
auditors-endpoints = نقاط الوصول العامة
auditors-verify = التحقق بنفسك
auditors-verify-text = يتحقق برنامج shutaf من المنصة من الخارج، ولا يحتاج لذلك إلا إلى مفاتيح منشورة:
auditors-verify-again = يُستحسن الاحتفاظ بملف الرؤوس: فهو يثبّت مفتاح المنصة ويحفظ كل نقطة تحقق موقّعة. والتشغيل اللاحق يثبت أن السجل لم يتغير منذ ذلك الحين إلا بالإضافة إليه؛ وإن لم يكن كذلك، ففي الملف تواقيع المنصة نفسها دليلاً لأي أحد.
auditors-origin = المصدر (اسم السجل)
auditors-vkey = مفتاح التحقق الخاص بالمنصة (vkey)
auditors-key-id = معرّف المفتاح
auditors-checkpoint = آخر نقطة تحقق موقّعة
auditors-checkpoint-text = توقّع المنصة نقطة تحقق كلما نما السجل (مرة كل بضع ثوانٍ على الأكثر) وتحتفظ بها جميعاً: الأخيرة والتاريخ كله علنيان. نقطة التحقق هي tlog-checkpoint وفق C2SP داخل ملاحظة موقّعة وفق C2SP، فتقرؤها أدوات سجلات الشفافية القائمة. معرّف المفتاح هو أول أربعة بايتات من SHA-256 على المصدر وسطر جديد والبايت 01 والمفتاح العام.
auditors-checkpoint-size = القرارات التي تغطيها
auditors-checkpoint-at = وُقّعت في
auditors-checkpoint-none = لم تُوقَّع أي نقطة تحقق بعد.
auditors-cosigned-by = وقّعها معها
auditors-cosigned-none = لم يوقّعها أي شاهد بعد.
auditors-witnesses = الشهود
auditors-witnesses-text = في الزيارة الأولى لا يمكن التمييز بين سجل أُعيدت كتابته من أوله وسجل نزيه. أما الشهود فيستطيعون: كل شاهد مستقل (منصة أخرى، مركز الدعم) يحتفظ بآخر نقطة تحقق رآها لهذه المنصة، ويتحقق من أن كل نقطة جديدة تكملها، ولا يوقّعها إلا بعد ذلك (C2SP tlog-witness وtlog-cosignature). وتقدّم المنصة نقاط التحقق مع تواقيع الشهود، فتنكشف المنصة التي تُري شهودها سجلاً وتريك سجلاً آخر.
auditors-witnesses-accepted = الشهود الذين تقبل المنصة تواقيعهم
auditors-witnesses-none = لا تقبل المنصة أي شاهد بعد.
auditors-witnesses-caution = خذ مفتاح الشاهد من الشاهد نفسه لا من هذه الصفحة: فقد تدرج المنصة شهوداً تتحكم بهم.
auditors-step-program = احصل على برنامج shutaf (البرنامج نفسه الذي يشغّل المنصة).
auditors-step-key = انسخ مفتاح التحقق الخاص بالمنصة المعروض أعلاه، وتأكد منه لدى مشغّل المنصة أو أحد شهودها.
auditors-step-witness = اطلب من شاهد أو أكثر تثق بهم (مركز الدعم، منصة أخرى) مفاتيح التحقق الخاصة بهم.
auditors-step-run = شغّل الفحص أدناه. فهو يجلب جميع القيود، ويعيد حساب كل بصمة والجذر، ويتحقق من تواقيع المنصة، ويجد أحدث نقطة تحقق وقّعها عدد كافٍ من شهودك ويتحقق من أن سجل اليوم يكملها، ويطلب براهين التضمين والاتساق. ويفشل بوضوح إن لم يصحّ أي من ذلك.
auditors-become-witness = كن شاهداً
auditors-become-witness-text = يستطيع أي أحد أن يكون شاهداً على هذه المنصة بالبرنامج نفسه: أنشئ مفتاحاً، وأعطِ مفتاح التحقق الخاص به لمشغّل المنصة (الذي يضيفه إلى الشهود الذين تقبلهم) وللمدققين الذين يعتمدون عليك، وافحص المنصة دورياً. يحتفظ الشاهد في ملف صغير بآخر نقطة تحقق وقّعها، ويرفض أي نقطة لا تكملها ويحتفظ بها دليلاً. ويستطيع الشاهد الذي يشغّل add-checkpoint (shutaf witness serve) بدلاً من ذلك أن يعطي المشغّل عنوانه، فترسل إليه المنصة كل نقطة تحقق جديدة.
auditors-witness-poll = يطبع الأمر الأول مفتاح التحقق الخاص بالشاهد ويحفظ مفتاحه في shutaf-witness.key. ويواصل الأمر الثاني الفحص، مرة كل دقيقة، حتى يُوقَف (‎--every يحدد الفاصل الزمني؛ و‎--once يفحص مرة واحدة ثم يخرج، لمهمة مجدولة)؛ ويحفظ ما وقّعه في shutaf-witness-state.json. شغّل الأمرين في المجلد نفسه واحتفظ بالملفين.
auditors-rotation = تبديل المفتاح
auditors-rotation-text = لا تبدّل المنصة مفتاحها إلا بعد الإعلان عن المفتاح الجديد هنا ولشهودها. عندئذ تُوقَّع آخر نقطة تحقق مجدداً بالمفتاح الجديد، وما بعدها بالمفتاح الجديد وحده؛ وتبقى نقاط التحقق السابقة قابلة للتحقق بالمفاتيح السابقة المدرجة هنا. والفحص الذي ثبّت المفتاح القديم يرفض الجديد حتى يُبلَّغ به صراحةً، عبر ‎--key، بعد التأكد منه من مصدر آخر. ولا يتغير المصدر أبداً: المصدر الجديد سجل جديد.
auditors-previous-keys = المفاتيح السابقة

## Overload and time limits
error-overloaded = المنصة مشغولة حالياً. يُرجى المحاولة مرة أخرى بعد بضع ثوانٍ.
error-timeout = استغرقت معالجة الطلب وقتاً أطول من اللازم فتوقفت. يُرجى المحاولة مرة أخرى بعد قليل.
error-password-common = كلمة المرور هذه من أكثر الكلمات شيوعًا، وتُخمَّن أولًا. اختر كلمة أخرى: بضع كلمات لا علاقة بينها تصنع كلمة قوية.
error-password-personal = كلمة المرور هذه مكوّنة من اسمك أو من عنوان بريدك، وهما يُخمَّنان أولًا. اختر كلمة أخرى.
error-password-wrong = هذه ليست كلمة المرور الحالية.
password-sessions-end = حفظ كلمة المرور الجديدة يُخرجك من كل مكان آخر، وتتوقف روابط إعادة التعيين المرسلة سابقًا عن العمل.
password-revoke-tokens = إلغاء { $count ->
        [one] رمز API الخاص بي
       *[other] رموز API الخاصة بي ({ $count })
    } أيضًا (ستحتاج البرامج التي تستخدمها إلى رمز جديد)
profile-password-title = كلمة المرور
field-current-password = كلمة المرور الحالية
profile-password-submit = تغيير كلمة المرور
profile-sessions-title = أين أنت مسجّل الدخول
profile-sessions-hint = بقيت مسجّل الدخول على حاسوب مشترك، أو فقدت هاتفك؟ هذا يُخرجك من كل مكان ما عدا هنا.
profile-sessions-end = الخروج من كل مكان آخر
flash-password-changed = تم تغيير كلمة المرور، وتم إخراجك من كل مكان آخر.
flash-signed-out-elsewhere = تم إخراجك من كل مكان آخر.
call-invited-evaluators = دُعوا ولم يقبلوا بعد
mail-evaluator-subject = دعوة لتقييم الطلبات: { $call }
mail-evaluator-body = يدعوك { $inviter } إلى تقييم الطلبات المقدّمة للدعوة المفتوحة "{ $call }". يصرّح المقيّمون بمصالحهم قبل وضع العلامات، ويتنحّون عن المتقدّمين المرتبطين بهم. للقبول افتح هذا الرابط (بعد تسجيل الدخول أو إنشاء حساب بهذا العنوان):

    { $link }

    إن لم ترغب في ذلك، تجاهل هذه الرسالة.
error-evaluation-link = دعوة التقييم هذه غير صالحة: سُحبت، أو قُبلت من قبل، أو أُرسلت إلى عنوان غير عنوان حسابك.
flash-evaluating = أنت مقيّم في هذه الدعوة. صرّح بمصالحك قبل وضع العلامات.
evaluation-invitation-title = دعوة للتقييم
evaluation-invitation-lead = تطلب منك الجهة الداعية لهذه الدعوة المفتوحة تقييم الطلبات المقدّمة إليها:
evaluation-invitation-duties = يصرّح المقيّمون بمصالحهم أولًا، ويتنحّون عن المتقدّمين المرتبطين بهم، ويعلّلون كل علامة؛ وتُنشر العلامات مع النتائج.
evaluation-invitation-accept = القبول والانضمام كمقيّم
