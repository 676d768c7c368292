//! Entry points for the fuzz targets (`fuzz/`, `scripts/fuzz`): outside input decoded exactly as
//! the handlers decode it (axum's extractors over serde_urlencoded, serde_json and multer),
//! then the validation the handler runs, with the invariants each promises checked by
//! assertions. Not part of the hub's interface.
//!
//! Validations that look things up (the locality, its goals, the evaluators, the donor) run
//! against a small SQLite database made once per process, so they run as they do in a request.

use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Query, Request};
use axum::http::{HeaderValue, Uri, header};
use shutaf_domain::validate::FieldErrors;
use shutaf_domain::{Language, LocalityKind, OrganisationKind, Sector};
use shutaf_store::{Db, DbSettings, Locality, NewLocality, NewOrganisation, User};
use tokio::runtime::Runtime;

use crate::actions::{self, ActionError};
use crate::pages::{self, FormFields};
use crate::{AppState, Config, Mailer};

/// The forms and queries a fuzz input can be sent as; the first byte of the input chooses.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    /// `POST /organisations` (and its edit form).
    OrganisationForm,
    /// `POST /initiatives`: an initiative proposal.
    InitiativeForm,
    /// `POST /localities/{id}/calls`: a call.
    CallForm,
    /// `POST /calls/{id}/apply`: an application, multipart with attachments.
    ApplicationMultipart,
    /// `POST /localities/{id}/donations`: a gift registered.
    DonationForm,
    /// A goal of a locality's agenda, with SDG codes.
    GoalForm,
    /// A locality's fields.
    LocalityForm,
    /// A declaration of interests, with ties.
    DeclarationForm,
    /// `GET /organisations?...`: the directory's search and filters.
    DirectoryQuery,
    /// `GET /localities/{id}/record?...`: the public record's filters.
    RecordQuery,
    /// `?page=` of the paged lists (calls, donations, portal).
    PageQuery,
    /// `?next=` where to go after signing in or switching language.
    NextQuery,
    /// The API's directory query and paging (`GET /v1/organisations?...`).
    ApiDirectoryQuery,
    /// The API's organisation body (`POST /v1/organisations`), JSON.
    ApiOrganisationJson,
}

impl Input {
    pub const ALL: [Input; 14] = [
        Input::OrganisationForm,
        Input::InitiativeForm,
        Input::CallForm,
        Input::ApplicationMultipart,
        Input::DonationForm,
        Input::GoalForm,
        Input::LocalityForm,
        Input::DeclarationForm,
        Input::DirectoryQuery,
        Input::RecordQuery,
        Input::PageQuery,
        Input::NextQuery,
        Input::ApiDirectoryQuery,
        Input::ApiOrganisationJson,
    ];

    pub fn of(byte: u8) -> Input {
        Input::ALL[usize::from(byte) % Input::ALL.len()]
    }
}

/// The boundary of the multipart bodies fed to [`decode`].
pub const BOUNDARY: &str = "shutaffuzz";

/// One database, one person and one locality for the whole run.
struct World {
    runtime: Runtime,
    state: AppState,
    user: User,
    locality: Locality,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let dir = std::env::temp_dir().join(format!("shutaf-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a directory for the fuzz database");
        let url = format!("sqlite://{}", dir.join("fuzz.db").display());
        let (state, user, locality) = runtime.block_on(async {
            let settings = DbSettings {
                max_connections: 1,
                migration_locking: false,
            };
            let db = Db::connect(&url, &settings).await.expect("connect");
            db.migrate(&settings).await.expect("migrate");
            let user = db
                .create_user(
                    "fuzz@example.org",
                    "Fuzz",
                    "x",
                    Some(Language::He),
                    false,
                    true,
                )
                .await
                .expect("user");
            let city = db
                .create_organisation(
                    &NewOrganisation {
                        names: [Some("עיריית בדיקה".into()), None, Some("Test City".into())],
                        sector: Some(Sector::Public),
                        kind: Some(OrganisationKind::Municipality),
                        description: None,
                        website: None,
                        contributions: vec![],
                        contributions_text: None,
                        locality_ids: vec![],
                    },
                    user.id,
                )
                .await
                .expect("organisation");
            let locality = db
                .create_locality(&NewLocality {
                    names: [Some("בדיקה".into()), None, Some("Test".into())],
                    kind: LocalityKind::Municipality,
                    convener_organisation_id: city.id,
                    description: None,
                })
                .await
                .expect("locality");
            db.create_goal(
                locality.id,
                &shutaf_store::NewGoal {
                    titles: [Some("יעד".into()), None, None],
                    descriptions: [None, None, None],
                    department: None,
                    horizon: None,
                    work_plan_year: None,
                    budget_line: None,
                    status: "active".into(),
                    sdg_codes: vec!["7".into()],
                },
            )
            .await
            .expect("goal");
            let config = Config {
                outbox_dir: dir.join("outbox"),
                ..Config::default()
            };
            let mailer = Mailer::from_config(&config).expect("mailer");
            let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
            let state = AppState::new(db, config, mailer, "fuzz".into(), key);
            (state, user, locality)
        });
        World {
            runtime,
            state,
            user,
            locality,
        }
    })
}

/// Every error is a message the reader can be shown, in each language.
fn check_errors(input: Input, errors: &FieldErrors) {
    assert!(!errors.is_empty(), "{input:?}: invalid without a reason");
    for error in &errors.0 {
        for lang in [Language::He, Language::Ar, Language::En] {
            assert!(
                crate::i18n::has_message(lang, error.code),
                "{input:?}: {} on {} has no {lang:?} message",
                error.code,
                error.field
            );
        }
    }
}

fn check_action<T>(input: Input, result: Result<T, ActionError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(ActionError::Invalid(errors)) => {
            check_errors(input, &errors);
            None
        }
        Err(ActionError::Refused(key)) => {
            assert!(crate::i18n::has_message(Language::He, key), "{key}");
            None
        }
        Err(ActionError::App(error)) => panic!("{input:?}: the validation failed: {error:?}"),
    }
}

/// A form body as `FormFields` reads it; `None` where the hub answers 400.
fn form(body: &[u8]) -> Option<FormFields> {
    let request = Request::builder()
        .method("POST")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_vec()))
        .ok()?;
    world()
        .runtime
        .block_on(FormFields::from_request(request, &()))
        .ok()
}

/// A query string as axum's `Query` reads it; `None` where hyper or axum answers 400.
fn query<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let mut target = b"/x?".to_vec();
    target.extend_from_slice(bytes);
    let uri = Uri::try_from(target).ok()?;
    Query::<T>::try_from_uri(&uri).ok().map(|q| q.0)
}

/// A single line: trimmed, bounded, no control characters but tabs (which the validation
/// lets through on purpose).
fn check_line(value: &str, max: usize) {
    assert!(!value.is_empty() && value == value.trim());
    assert!(value.chars().count() <= max);
    assert!(
        !value.chars().any(|c| c.is_control() && c != '\t'),
        "{value:?}"
    );
}

fn check_text(value: &str, max: usize) {
    assert!(!value.is_empty() && value == value.trim());
    assert!(value.chars().count() <= max);
}

/// Decodes `bytes` as `input` and runs the validation its handler runs, checking what each
/// promises. Panics on a broken promise (and on any panic of the code under test).
pub fn decode(input: Input, bytes: &[u8]) {
    let world = world();
    let state = &world.state;
    match input {
        Input::OrganisationForm => {
            let Some(form) = form(bytes) else { return };
            let typed = pages::organisations::organisation_input(&form);
            match actions::validate_organisation(&typed, std::slice::from_ref(&world.locality)) {
                Ok(org) => {
                    assert!(org.names.iter().any(Option::is_some));
                    for name in org.names.iter().flatten() {
                        check_line(name, 200);
                    }
                    if let (Some(sector), Some(kind)) = (org.sector, org.kind) {
                        assert!(kind.fits(sector));
                    }
                    if let Some(website) = &org.website {
                        assert!(
                            website.starts_with("https://") || website.starts_with("http://"),
                            "{website:?}"
                        );
                        assert!(!website.contains(['"', '<', '>', ' ']));
                    }
                    assert!(org.locality_ids.iter().all(|id| *id == world.locality.id));
                }
                Err(errors) => check_errors(input, &errors),
            }
        }
        Input::InitiativeForm => {
            let Some(form) = form(bytes) else { return };
            let typed = pages::initiatives::input_from(&form);
            let result = world
                .runtime
                .block_on(actions::initiatives::validate_initiative(
                    state,
                    &world.user,
                    &typed,
                    true,
                ));
            if let Some(new) = check_action(input, result) {
                assert_eq!(new.locality_id, world.locality.id);
                for title in new.titles.iter().flatten() {
                    check_line(title, 200);
                }
                for text in new.problems.iter().chain(&new.approaches).flatten() {
                    check_text(text, 10_000);
                }
            }
        }
        Input::CallForm => {
            let Some(form) = form(bytes) else { return };
            let typed = pages::calls::call_input(&form);
            let result = world.runtime.block_on(actions::calls::validate_call(
                state,
                world.locality.id,
                &typed,
            ));
            if let Some(call) = check_action(input, result) {
                check_line(&call.title, 300);
                assert!(
                    shutaf_domain::call::check_weights(
                        &call.criteria.iter().map(|c| c.2).collect::<Vec<_>>()
                    )
                    .is_ok()
                );
                assert!(call.deadline_at > 0);
                // Evaluators are asked by address, never looked up: every one is an address.
                assert!(call.evaluator_ids.is_empty());
                assert!(!call.invite.is_empty() && call.invite.len() <= 20);
                for email in &call.invite {
                    assert!(
                        shutaf_domain::validate::Email::parse(email).is_ok(),
                        "{email:?}"
                    );
                }
            }
        }
        Input::ApplicationMultipart => {
            let request = Request::builder()
                .method("POST")
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .body(Body::from(bytes.to_vec()))
                .expect("a request");
            let read = world.runtime.block_on(async {
                let multipart = Multipart::from_request(request, &()).await.ok()?;
                pages::calls::read_multipart(multipart).await.ok()
            });
            let Some((form, uploads)) = read else { return };
            let _typed = actions::calls::ApplicationInput {
                organisation: form.get("organisation").to_owned(),
                summary: form.get("summary").to_owned(),
                proposal: form.get("proposal").to_owned(),
            };
            let mut errors = FieldErrors::new();
            let files = actions::calls::check_uploads(&uploads, &mut errors);
            assert!(files.len() <= actions::calls::MAX_ATTACHMENTS);
            for (name, content_type, bytes) in &files {
                assert!(!name.is_empty() && name.chars().count() <= 120);
                assert!(!name.contains(['/', '\\', '"', ';']) && !name.starts_with('.'));
                assert!(!name.chars().any(char::is_control));
                assert!(HeaderValue::from_str(content_type).is_ok());
                assert!(!bytes.is_empty());
                assert!(bytes.len() <= shutaf_domain::call::MAX_ATTACHMENT_BYTES);
            }
            if !errors.is_empty() {
                check_errors(input, &errors);
            }
        }
        Input::DonationForm => {
            let Some(form) = form(bytes) else { return };
            let typed = actions::donations::DonationInput {
                donor_organisation: form.get("donor_organisation").to_owned(),
                donor_name: form.get("donor_name").to_owned(),
                kind: form.get("kind").to_owned(),
                value: form.get("value").to_owned(),
                purpose: form.get("purpose").to_owned(),
                initiative: form.get("initiative").to_owned(),
            };
            // Checked on its own too: the amount as typed.
            if let Ok(Some(agorot)) = actions::initiatives::parse_shekels(&typed.value) {
                assert!((0..=1_000_000_000_000).contains(&agorot));
            }
            let result = world.runtime.block_on(actions::donations::register(
                state,
                &world.user,
                world.locality.id,
                &typed,
            ));
            check_action(input, result);
        }
        Input::GoalForm => {
            let Some(form) = form(bytes) else { return };
            let typed = pages::localities::goal_input(&form);
            match actions::validate_goal(&typed, &[]) {
                Ok(goal) => {
                    for code in &goal.sdg_codes {
                        let parsed = shutaf_domain::sdg::SdgCode::parse(code)
                            .unwrap_or_else(|e| panic!("{code:?} stored but reads back {e}"));
                        assert_eq!(parsed.to_string(), *code);
                    }
                    for year in [goal.horizon, goal.work_plan_year].into_iter().flatten() {
                        assert!((2000..=2100).contains(&year));
                    }
                }
                Err(errors) => check_errors(input, &errors),
            }
        }
        Input::LocalityForm => {
            let Some(form) = form(bytes) else { return };
            let typed = actions::LocalityInput {
                name_he: form.get("name_he").into(),
                name_ar: form.get("name_ar").into(),
                name_en: form.get("name_en").into(),
                kind: form.get("kind").into(),
                convener: String::new(),
                description: form.get("description").into(),
            };
            let mut errors = FieldErrors::new();
            let (names, kind, description) = actions::locality_fields(&mut errors, &typed);
            if errors.is_empty() {
                assert!(names.iter().any(Option::is_some) && kind.is_some());
                if let Some(description) = description {
                    check_text(&description, 10_000);
                }
            } else {
                check_errors(input, &errors);
            }
        }
        Input::DeclarationForm => {
            let Some(form) = form(bytes) else { return };
            let typed = pages::initiatives::declaration_input(&form);
            let result = world
                .runtime
                .block_on(actions::integrity::validate_declaration(
                    state,
                    &typed,
                    world.locality.convener_organisation_id,
                ));
            check_action(input, result);
        }
        Input::DirectoryQuery => {
            let Some(pairs) = query::<Vec<(String, String)>>(bytes) else {
                return;
            };
            let filter = pages::organisations::directory_filter(&pairs, 20, Language::He);
            if let Some(q) = &filter.q {
                assert!(!q.is_empty() && q.chars().count() <= 200);
                let _ = shutaf_domain::search::query_terms(q);
            }
            // The page's number (shown only) in range.
            assert!((1..=1_000_000).contains(&filter.page));
            let link = pages::organisations::page_link(
                &filter,
                filter.q.as_deref().unwrap_or(""),
                filter.page,
                filter.cursor.as_ref(),
            );
            assert!(link.starts_with("/organisations?") && !link.contains(['\r', '\n', ' ']));
            // The link reads back as the same filter.
            let (_, back) = link.split_once('?').expect("a query");
            let again = query::<Vec<(String, String)>>(back.as_bytes())
                .unwrap_or_else(|| panic!("{link:?} does not read back"));
            let refiltered = pages::organisations::directory_filter(&again, 20, Language::He);
            // (Cut at 200 characters, the words can end in a space that reading trims.)
            assert_eq!(
                refiltered.q.as_deref(),
                filter.q.as_deref().map(str::trim_end),
                "{link:?}"
            );
            // A cursor and its page read back as they were (a first page drops both).
            if filter.page > 1 && filter.cursor.is_some() {
                assert_eq!(refiltered.page, filter.page, "{link:?}");
                assert_eq!(refiltered.cursor, filter.cursor, "{link:?}");
            } else {
                assert_eq!(refiltered.cursor, None, "{link:?}");
            }
            assert_eq!(refiltered.locality_id, filter.locality_id);
        }
        Input::RecordQuery => {
            let Some(pairs) = query::<Vec<(String, String)>>(bytes) else {
                return;
            };
            let filter = pages::record::filter_of(&pairs);
            if let Some(kind) = &filter.kind {
                assert!(!kind.is_empty() && kind.is_ascii());
            }
        }
        Input::PageQuery => {
            let Some(pairs) = query::<Vec<(String, String)>>(bytes) else {
                return;
            };
            let page = pages::page_number(&pairs);
            assert!(page >= 1);
            // Every list pages by at most 50; its offset must not overflow.
            assert!((page - 1).checked_mul(50).is_some_and(|o| o >= 0), "{page}");
        }
        Input::NextQuery => {
            let Some(pairs) = query::<Vec<(String, String)>>(bytes) else {
                return;
            };
            let next = pages::safe_next(pages::query_value(&pairs, "next"));
            // A path on this site, as a browser reads a `Location` (which drops tabs and line
            // breaks, and takes `\` for `/`), and a valid header value.
            assert!(HeaderValue::from_str(&next).is_ok(), "{next:?}");
            let read: String = next
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .map(|c| if c == '\\' { '/' } else { c })
                .collect();
            assert!(read.starts_with('/') && !read.starts_with("//"), "{next:?}");
        }
        Input::ApiDirectoryQuery => {
            if let Some(paging) = query::<crate::api::Paging>(bytes) {
                assert!((1..=100).contains(&paging.limit()));
                assert!((0..=1_000_000_000).contains(&paging.offset()));
            }
            let _ = query::<crate::api::DirectoryQuery>(bytes);
            let _ = query::<crate::api::LangQuery>(bytes);
        }
        Input::ApiOrganisationJson => {
            let _ = axum::Json::<crate::api::OrganisationWrite>::from_bytes(bytes);
            let _ = axum::Json::<crate::api::LocalityWrite>::from_bytes(bytes);
            let _ = axum::Json::<crate::api::ProfileWrite>::from_bytes(bytes);
        }
    }
}
