//! What pages and the JSON API both show: the reader's context ([`Ctx`]: language, person, CSRF
//! token, where they are) and the wording of the domain's findings in the reader's language
//! (risks, matching reasons, SDG labels, amounts). Below `pages` and `api`: both use it, and it
//! uses neither.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use shutaf_domain::Language;
use shutaf_domain::checkup::{self, Risk};
use shutaf_store::User;
use tower_sessions::Session;

use crate::AppState;
use crate::auth::MaybeUser;
use crate::error::{AppError, urlencode};
use crate::i18n::Tr;
use crate::security::CsrfToken;

/// What every page needs: the translator, the person, the CSRF token, where we are.
pub struct Ctx {
    pub tr: Tr,
    pub user: Option<User>,
    pub csrf: String,
    /// Path and query of this page, for language links and `next=` after sign-in.
    pub here: String,
    /// A one-off message from the previous action (a Fluent key).
    pub flash: Option<String>,
    /// Unread in-app notifications of the signed-in person.
    pub unread: i64,
}

/// The signed-in person's unread notifications, as first read for this request.
#[derive(Clone, Copy)]
struct CachedUnread(i64);

/// A link in the language switcher.
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Ctx {
    /// A context without a session, for error pages.
    pub fn bare(tr: Tr, csrf: Option<String>, here: String) -> Ctx {
        Ctx {
            tr,
            user: None,
            csrf: csrf.unwrap_or_default(),
            here,
            flash: None,
            unread: 0,
        }
    }

    /// A name set apart for the bidi algorithm where no element can do it (the `<title>`):
    /// between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so a name in the other script,
    /// or one with stray direction marks, cannot reorder the text around it.
    pub fn isolate(&self, name: impl std::fmt::Display) -> String {
        format!("\u{2068}{name}\u{2069}")
    }

    pub fn t(&self, key: impl AsRef<str>) -> String {
        self.tr.t(key.as_ref())
    }

    pub fn sectors(&self) -> &'static [shutaf_domain::Sector] {
        shutaf_domain::Sector::ALL
    }

    pub fn kinds(&self) -> &'static [shutaf_domain::OrganisationKind] {
        shutaf_domain::OrganisationKind::ALL
    }

    pub fn contribution_types(&self) -> &'static [shutaf_domain::ContributionType] {
        shutaf_domain::ContributionType::ALL
    }

    pub fn locality_kinds(&self) -> &'static [shutaf_domain::LocalityKind] {
        shutaf_domain::LocalityKind::ALL
    }

    pub fn sector_defaults(
        &self,
        sector: &shutaf_domain::Sector,
    ) -> &'static [shutaf_domain::ContributionType] {
        shutaf_domain::ContributionType::sector_defaults(*sector)
    }

    pub fn page_of(
        &self,
        page: impl std::borrow::Borrow<u32>,
        pages: impl std::borrow::Borrow<u32>,
    ) -> String {
        let (page, pages) = (*page.borrow(), *pages.borrow());
        self.tr.args(
            "pagination-page-of",
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        )
    }

    pub fn models(&self) -> &'static [shutaf_domain::PartnershipModel] {
        shutaf_domain::PartnershipModel::ALL
    }

    pub fn managements(&self) -> &'static [shutaf_domain::Management] {
        shutaf_domain::Management::ALL
    }

    pub fn questions(&self) -> &'static [shutaf_domain::expectations::Question] {
        shutaf_domain::expectations::Question::ALL
    }

    pub fn stages(&self) -> &'static [shutaf_domain::Stage] {
        shutaf_domain::Stage::ALL
    }

    /// The answer codes of a questionnaire question.
    pub fn answers_of(&self, question: &str) -> &'static [&'static str] {
        shutaf_domain::expectations::Question::parse(question)
            .map(|q| q.answers())
            .unwrap_or(&[])
    }

    pub fn roles(&self) -> &'static [shutaf_domain::MemberRole] {
        shutaf_domain::MemberRole::ALL
    }

    pub fn a(&self, key: &str, name: &'static str, value: &str) -> String {
        self.tr.args(key, &[(name, value)])
    }

    pub fn lang(&self) -> Language {
        self.tr.lang
    }

    pub fn languages(&self) -> Vec<LanguageLink> {
        Language::ALL
            .iter()
            .map(|lang| LanguageLink {
                code: lang.code(),
                name: lang.native_name(),
                href: format!("/language/{}?next={}", lang.code(), urlencode(&self.here)),
                current: *lang == self.tr.lang,
            })
            .collect()
    }

    /// Whether `path` is the current section, for `aria-current` in the navigation.
    pub fn at(&self, path: &str) -> bool {
        let here = self.here.split('?').next().unwrap_or("");
        if path == "/" {
            here == "/"
        } else {
            here == path || here.starts_with(&format!("{path}/"))
        }
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(User::platform_admin)
    }

    pub fn date(&self, unix: &i64) -> String {
        self.tr.date(*unix)
    }

    /// "Redacted on <date>: <ground>", where a name read from beside the log was redacted.
    pub fn redaction(&self, redacted: &shutaf_store::disclosures::Redacted) -> String {
        self.tr.redaction(redacted.at, redacted.ground)
    }

    /// A person's name as the log disclosed it, or its redaction.
    pub fn person(
        &self,
        name: &str,
        redacted: &Option<shutaf_store::disclosures::Redacted>,
    ) -> String {
        match redacted {
            Some(redacted) => self.redaction(redacted),
            None => name.to_owned(),
        }
    }

    /// The ties a declaration can name.
    pub fn relations(&self) -> &'static [shutaf_domain::integrity::Relation] {
        shutaf_domain::integrity::Relation::ALL
    }

    /// A moment in Israel's civil time (deadlines are set and read there).
    pub fn local_time(&self, unix: &i64) -> String {
        shutaf_domain::call::local_display(*unix)
    }

    /// The message `key` with two named text arguments.
    pub fn a2(&self, key: &str, n1: &'static str, v1: &str, n2: &'static str, v2: &str) -> String {
        self.tr.args(key, &[(n1, v1), (n2, v2)])
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        Ctx::read(parts, state, true).await
    }
}

impl Ctx {
    /// The context of a request; the one-off message is taken from the session only when
    /// `take_flash` (the page cache looks without taking: the page that shows it takes it).
    pub async fn read(
        parts: &mut Parts,
        state: &AppState,
        take_flash: bool,
    ) -> Result<Ctx, AppError> {
        let MaybeUser(user) = MaybeUser::from_request_parts(parts, state).await?;
        let lang = crate::negotiate_language(
            &parts.headers,
            user.as_ref().and_then(User::language),
            state.config.default_language,
        );
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        // Read before removing: removing marks the session changed, and a changed session is
        // written to the database, which must not happen on every page a visitor reads.
        let flash = match parts.extensions.get::<Session>() {
            Some(session) => match session.get::<String>("flash").await.ok().flatten() {
                Some(flash) => {
                    if take_flash {
                        let _ = session.remove::<String>("flash").await;
                    }
                    Some(flash)
                }
                None => None,
            },
            None => None,
        };
        // Read once a request: the page cache reads the context before the handler does.
        let unread = match (&user, parts.extensions.get::<CachedUnread>()) {
            (_, Some(CachedUnread(n))) => *n,
            (Some(user), None) => state.db.unread_notifications(user.id).await?,
            (None, None) => 0,
        };
        parts.extensions.insert(CachedUnread(unread));
        Ok(Ctx {
            tr: Tr::new(lang),
            user,
            csrf,
            here,
            flash,
            unread,
        })
    }
}

/// A risk as shown: its explanation and remedy in the reader's language.
pub struct ShownRisk {
    pub severity: &'static str,
    pub severity_label: String,
    pub text: String,
    pub remedy: String,
}

pub fn show_risks(ctx: &Ctx, risks: &[Risk]) -> Vec<ShownRisk> {
    risks
        .iter()
        .map(|risk| {
            let items: Vec<String> = risk
                .items
                .iter()
                .map(|code| match risk.rule {
                    checkup::Rule::UncoveredContributions => ctx.t(format!("contribution-{code}")),
                    // Questions end in a question mark; inside a sentence they should not.
                    checkup::Rule::ExpectationsGap => ctx
                        .t(format!("expectation-{code}"))
                        .trim_end_matches(['?', '؟'])
                        .to_owned(),
                    _ => ctx.t(format!("risk-integrity-{code}")),
                })
                .collect();
            let items = ctx.tr.join(&items);
            ShownRisk {
                severity: risk.severity.code(),
                severity_label: ctx.t(risk.severity.label_key()),
                text: ctx
                    .tr
                    .args_mixed(&risk.rule.label_key(), risk.count, &items),
                remedy: ctx.t(risk.rule.remedy_key()),
            }
        })
        .collect()
}

/// "₪12,500" or "₪12,500.50".
pub fn format_shekels(agorot: i64) -> String {
    let whole = (agorot / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match agorot % 100 {
        0 => format!("₪{grouped}"),
        cents => format!("₪{grouped}.{cents:02}"),
    }
}

/// An SDG code with its text, local targets of the locality included.
pub fn sdg_label_with(ctx: &Ctx, code: &str, local: &[shutaf_store::LocalTarget]) -> String {
    match local.iter().find(|t| t.code == code) {
        Some(target) => format!(
            "{code}: {} ({})",
            target.title(ctx.lang()),
            ctx.t("sdg-local-target")
        ),
        None => sdg_label(ctx, code),
    }
}

/// An SDG code with its short text, in the reader's language.
pub fn sdg_label(ctx: &Ctx, code: &str) -> String {
    use shutaf_domain::sdg;
    let goal: u8 = code
        .split('.')
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or(0);
    match code.matches('.').count() {
        0 => format!(
            "SDG {code}: {}",
            sdg::goal_short(goal, ctx.lang()).unwrap_or_default()
        ),
        1 => format!(
            "{code}: {}",
            sdg::target_title(code, ctx.lang()).unwrap_or_default()
        ),
        _ => format!("{code} ({})", ctx.t("sdg-local-target")),
    }
}

/// Explains a matching reason in the reader's language.
pub fn reason_text(ctx: &Ctx, reason: &shutaf_domain::matching::Reason) -> String {
    use shutaf_domain::matching::Reason;
    match reason {
        Reason::Covers(types) => {
            let items: Vec<String> = types.iter().map(|c| ctx.t(c.label_key())).collect();
            ctx.a("reason-covers", "items", &ctx.tr.join(&items))
        }
        Reason::NewSector(sector) => {
            ctx.a("reason-new-sector", "sector", &ctx.t(sector.label_key()))
        }
        Reason::SameLocality => ctx.t("reason-same-locality"),
        Reason::SharedGoals(goals) => {
            let items: Vec<String> = goals
                .iter()
                .map(|g| {
                    format!(
                        "{g} {}",
                        shutaf_domain::sdg::goal_short(*g, ctx.lang()).unwrap_or_default()
                    )
                })
                .collect();
            ctx.a("reason-shared-goals", "items", &ctx.tr.join(&items))
        }
        Reason::Record(n) => ctx.tr.count("reason-record", "count", *n as i64),
    }
}

/// The Fluent key naming a part a person plays in an initiative.
pub fn party_key(party: shutaf_domain::lifecycle::Party) -> &'static str {
    use shutaf_domain::lifecycle::Party;
    match party {
        Party::ConvenerStaff => "party-convener-staff",
        Party::Lead => "party-lead",
        Party::Partner => "party-partner",
    }
}
