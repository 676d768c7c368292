//! Accounts: sign up with email verification, sign in and out, password reset by email, the
//! profile with its preferred language, and personal API tokens.
//!
//! Answers never reveal whether an email has an account: sign-up and password reset say "check
//! your mail" either way, and the mail itself tells the owner what happened.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use shutaf_domain::validate::{self, Email, FieldErrors};
use shutaf_domain::{Language, MemberRole};
use shutaf_store::{ApiToken, ApiTokenScope, MailTokenPurpose, OrganisationSummary, StoreError};
use tower_sessions::Session;

use super::{Ctx, FormFields, FormState, render, render_status, safe_next};
use crate::auth::{self, SignedIn};
use crate::error::{AppError, urlencode};
use crate::i18n::Tr;
use crate::security::cookie_header;
use crate::{AppState, LANGUAGE_COOKIE};

/// The routes of these pages.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/signup", get(signup_form).post(signup))
        .route("/verify-email", get(verify_email))
        .route("/signin", get(signin_form).post(signin))
        .route("/signout", post(signout))
        .route("/password/forgot", get(forgot_form).post(forgot))
        .route("/password/reset", get(reset_form).post(reset))
        .route("/profile", get(profile).post(update_profile))
        .route("/profile/password", post(change_password))
        .route("/profile/sessions/end", post(sign_out_elsewhere))
        .route("/profile/tokens", get(tokens).post(create_token))
        .route("/profile/tokens/{id}/revoke", post(revoke_token))
        .route(
            "/notifications",
            get(notifications).post(read_notifications),
        )
}

/// A page with a title, a paragraph and maybe a link onward.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub ctx: Ctx,
    pub title: String,
    pub body: String,
    pub link: Option<(String, String)>,
}

/// Sends an account mail in the background: the answer does not wait for the mail server, so
/// its timing tells nothing about whether the address has an account.
async fn send_mail(
    state: &AppState,
    to: &str,
    tr: Tr,
    subject_key: &str,
    body_key: &str,
    link: &str,
) {
    let subject = tr.t(subject_key);
    let body = tr.args(body_key, &[("link", link)]);
    let (state, to) = (state.clone(), to.to_owned());
    tokio::spawn(async move {
        if let Err(e) = state.mailer.send(&to, &subject, &body).await {
            tracing::error!(error = %e, "mail could not be sent");
        }
    });
}

#[derive(Template)]
#[template(path = "signup.html")]
pub struct SignupPage {
    pub ctx: Ctx,
    pub form: FormState,
    /// Where to go after confirming and signing in (an invitation, say).
    pub next: String,
    pub signin_href: String,
}

impl SignupPage {
    fn new(ctx: Ctx, form: FormState, next: &str) -> SignupPage {
        let next = safe_next(next);
        let signin_href = if next == "/" {
            "/signin".to_owned()
        } else {
            signin_link(&next)
        };
        SignupPage {
            ctx,
            form,
            next,
            signin_href,
        }
    }
}

pub async fn signup_form(ctx: Ctx, Query(query): Query<NextQuery>) -> Result<Response, AppError> {
    render(&SignupPage::new(ctx, FormState::empty(), &query.next))
}

pub async fn signup(
    State(state): State<AppState>,
    ctx: Ctx,
    auth::ClientAddress(address): auth::ClientAddress,
    form: FormFields,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(form.get("email")));
    let name = errors.check(
        "display_name",
        validate::required_line(form.get("display_name"), 100),
    );
    errors.check(
        "password",
        validate::check_new_password_of(
            form.get("password"),
            &[form.get("email"), form.get("display_name")],
        ),
    );
    if form.get("password") != form.get("password_confirm")
        && errors.for_field("password").is_none()
    {
        errors.add("password_confirm", "error-password-mismatch");
    }
    let (Some(email), Some(name), true) = (email, name, errors.is_empty()) else {
        let next = form.get("next").to_owned();
        let page = SignupPage::new(ctx, FormState::new(errors, form), &next);
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    // Counted before the costly part: a flood of sign-ups hashes nothing and mails no one.
    auth::throttle(
        &state,
        &[
            (auth::SIGN_UP_PER_ADDRESS, &address),
            (auth::SIGN_UP_PER_EMAIL, email.as_str()),
        ],
    )
    .await?;
    let next = safe_next(form.get("next"));
    let hash = auth::hash_new_password(&state, form.get("password").to_owned()).await?;
    let tr = ctx.tr;
    match state
        .db
        .create_user(email.as_str(), &name, &hash, Some(tr.lang), false, false)
        .await
    {
        Ok(user) => {
            let token = state
                .db
                .issue_mail_token(user.id, MailTokenPurpose::VerifyEmail)
                .await?;
            let mut link = format!("{}/verify-email?token={token}", state.config.base());
            if next != "/" {
                link.push_str(&format!("&next={}", urlencode(&next)));
            }
            send_mail(
                &state,
                email.as_str(),
                tr,
                "mail-verify-subject",
                "mail-verify-body",
                &link,
            )
            .await;
        }
        Err(StoreError::Conflict) => {
            // Someone (maybe the owner) signed up again with a registered address: tell the owner.
            let link = format!("{}/password/forgot", state.config.base());
            send_mail(
                &state,
                email.as_str(),
                tr,
                "mail-exists-subject",
                "mail-exists-body",
                &link,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    }
    render(&MessagePage {
        title: tr.t("signup-check-mail-title"),
        body: tr.args("signup-check-mail-body", &[("email", email.as_str())]),
        link: None,
        ctx,
    })
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    next: String,
}

pub async fn verify_email(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let verified = match state
        .db
        .consume_mail_token(&query.token, MailTokenPurpose::VerifyEmail)
        .await?
    {
        Some(user_id) => {
            state.db.mark_email_verified(user_id).await?;
            true
        }
        None => state.db.verification_already_done(&query.token).await?,
    };
    match verified {
        true => {
            auth::flash(&session, "flash-email-verified").await;
            let next = safe_next(&query.next);
            let to = if next == "/" {
                "/signin".to_owned()
            } else {
                signin_link(&next)
            };
            Ok(Redirect::to(&to).into_response())
        }
        false => Err(AppError::BadRequest("error-link-invalid")),
    }
}

#[derive(Template)]
#[template(path = "signin.html")]
pub struct SigninPage {
    pub ctx: Ctx,
    pub form: FormState,
    pub next: String,
    /// A refusal that concerns the whole form (wrong credentials, unverified).
    pub problem: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn signin_form(ctx: Ctx, Query(query): Query<NextQuery>) -> Result<Response, AppError> {
    render(&SigninPage {
        ctx,
        form: FormState::empty(),
        next: safe_next(&query.next),
        problem: None,
    })
}

pub async fn signin(
    State(state): State<AppState>,
    session: Session,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    auth::ClientAddress(address): auth::ClientAddress,
    form: FormFields,
) -> Result<Response, AppError> {
    let next = safe_next(form.get("next"));
    let email = form.get("email").trim().to_lowercase();
    // The attempt is reserved before the password is checked, so attempts made at once cannot
    // all pass a limit that none of them has reached yet. A browser the person signed in from
    // before has an allowance of its own that strangers cannot spend.
    let device = auth::known_device(&state, &headers, &email);
    let account = match &device {
        Some(nonce) => (auth::SIGN_IN_PER_DEVICE, format!("{email}:{nonce}")),
        None => (auth::SIGN_IN_PER_ACCOUNT, email.clone()),
    };
    let keys = auth::throttle(
        &state,
        &[
            (auth::SIGN_IN_PER_ADDRESS, &address),
            (account.0, &account.1),
        ],
    )
    .await?;

    let user = state.db.user_by_email(&email).await?;
    let ok = auth::check_password(
        &state,
        form.get("password").to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let user = match (ok, user) {
        (true, Some(user)) => user,
        _ => {
            let problem = Some(ctx.t("signin-failed"));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SigninPage {
                    ctx,
                    form: FormState::new(FieldErrors::new(), form),
                    next,
                    problem,
                },
            );
        }
    };
    if !user.is_verified() {
        // The password was right, so saying this reveals nothing to a stranger.
        let token = state
            .db
            .issue_mail_token(user.id, MailTokenPurpose::VerifyEmail)
            .await?;
        let link = format!("{}/verify-email?token={token}", state.config.base());
        send_mail(
            &state,
            &user.email,
            ctx.tr,
            "mail-verify-subject",
            "mail-verify-body",
            &link,
        )
        .await;
        let problem = Some(ctx.t("signin-unverified"));
        return render_status(
            StatusCode::FORBIDDEN,
            &SigninPage {
                ctx,
                form: FormState::new(FieldErrors::new(), form),
                next,
                problem,
            },
        );
    }
    // The owner is in: their attempts start again, and a shared address gets this one back.
    state.db.refund_attempt(&keys[0]).await?;
    state.db.clear_attempts(&keys[1]).await?;
    auth::sign_in(&session, &user, state.db.now()).await?;
    let mut response = Redirect::to(&next).into_response();
    if device.is_none() {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookie_header(
                &state,
                auth::DEVICE_COOKIE,
                &auth::new_device(&state, &email),
                60 * 60 * 24 * 365,
                "Strict",
            ),
        );
    }
    if let Some(lang) = user.language() {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookie_header(
                &state,
                LANGUAGE_COOKIE,
                lang.code(),
                60 * 60 * 24 * 365,
                "Lax",
            ),
        );
    }
    Ok(response)
}

pub async fn signout(session: Session) -> Result<Response, AppError> {
    auth::sign_out(&session).await?;
    Ok(Redirect::to("/").into_response())
}

#[derive(Template)]
#[template(path = "forgot.html")]
pub struct ForgotPage {
    pub ctx: Ctx,
    pub form: FormState,
}

pub async fn forgot_form(ctx: Ctx) -> Result<Response, AppError> {
    render(&ForgotPage {
        ctx,
        form: FormState::empty(),
    })
}

pub async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    auth::ClientAddress(address): auth::ClientAddress,
    form: FormFields,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    let Some(email) = errors.check("email", Email::parse(form.get("email"))) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                ctx,
                form: FormState::new(errors, form),
            },
        );
    };
    // Counted whether or not the address has an account, so the limit tells nothing either.
    auth::throttle(
        &state,
        &[
            (auth::RESET_PER_ADDRESS, &address),
            (auth::RESET_PER_EMAIL, email.as_str()),
        ],
    )
    .await?;
    if let Some(user) = state.db.user_by_email(email.as_str()).await? {
        // The link is made and mailed after the answer: both paths answer after the same one
        // lookup, so the time taken tells nothing about whether the address has an account.
        let (state, lang) = (state.clone(), ctx.tr.lang);
        tokio::spawn(async move {
            let token = match state
                .db
                .issue_mail_token(user.id, MailTokenPurpose::ResetPassword)
                .await
            {
                Ok(token) => token,
                Err(e) => return tracing::error!(error = %e, "reset link not made"),
            };
            let link = format!("{}/password/reset?token={token}", state.config.base());
            let tr = Tr::new(user.language().unwrap_or(lang));
            send_mail(
                &state,
                &user.email,
                tr,
                "mail-reset-subject",
                "mail-reset-body",
                &link,
            )
            .await;
        });
    }
    let tr = ctx.tr;
    render(&MessagePage {
        title: tr.t("forgot-sent-title"),
        body: tr.args("forgot-sent-body", &[("email", email.as_str())]),
        link: None,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "reset.html")]
pub struct ResetPage {
    pub ctx: Ctx,
    pub form: FormState,
    pub token: String,
    /// API tokens of the account that still work: the page offers to revoke them.
    pub live_tokens: i64,
}

/// The owner of a valid reset link, or the error a used, expired or unknown link gets.
async fn reset_owner(state: &AppState, token: &str) -> Result<shutaf_store::User, AppError> {
    let owner = state
        .db
        .mail_token_owner(token, MailTokenPurpose::ResetPassword)
        .await?;
    match owner {
        Some(id) => state
            .db
            .user_by_id(id)
            .await?
            .ok_or(AppError::BadRequest("error-link-invalid")),
        None => Err(AppError::BadRequest("error-link-invalid")),
    }
}

pub async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let owner = reset_owner(&state, &query.token).await?;
    render(&ResetPage {
        ctx,
        form: FormState::empty(),
        token: query.token,
        live_tokens: state.db.count_live_api_tokens(owner.id).await?,
    })
}

/// Checks a new password and its repetition: not common, not made of the person's own address
/// or name.
fn check_new_password(form: &FormFields, user: &shutaf_store::User) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check(
        "password",
        validate::check_new_password_of(
            form.get("password"),
            &[user.email.as_str(), user.display_name.as_str()],
        ),
    );
    if form.get("password") != form.get("password_confirm") && errors.is_empty() {
        errors.add("password_confirm", "error-password-mismatch");
    }
    errors
}

/// A new password by a mailed link. Everything that could be in a stranger's hands ends with
/// it: every session, every other reset link, and the API tokens if the person says so.
pub async fn reset(
    State(state): State<AppState>,
    session: Session,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let token = form.get("token").to_owned();
    let owner = reset_owner(&state, &token).await?;
    let errors = check_new_password(&form, &owner);
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                ctx,
                form: FormState::new(errors, form),
                token,
                live_tokens: state.db.count_live_api_tokens(owner.id).await?,
            },
        );
    }
    let hash = auth::hash_new_password(&state, form.get("password").to_owned()).await?;
    let revoke = form.get("revoke_tokens") == "1";
    if state
        .db
        .reset_password(&token, &hash, revoke)
        .await?
        .is_none()
    {
        return Err(AppError::BadRequest("error-link-invalid"));
    }
    auth::flash(&session, "flash-password-reset").await;
    Ok(Redirect::to("/signin").into_response())
}

#[derive(Template)]
#[template(path = "profile.html")]
pub struct ProfilePage {
    pub ctx: Ctx,
    pub form: FormState,
    /// The change-of-password form, with its own errors.
    pub password_form: FormState,
    pub live_tokens: i64,
    pub memberships: Vec<(OrganisationSummary, MemberRole)>,
    pub email: String,
    pub display_name: String,
    pub preferred: String,
}

pub async fn profile(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let memberships = state.db.organisations_of(user.id).await?;
    render(&ProfilePage {
        ctx,
        form: FormState::empty(),
        password_form: FormState::empty(),
        live_tokens: state.db.count_live_api_tokens(user.id).await?,
        memberships,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        preferred: user.preferred_language.clone().unwrap_or_default(),
    })
}

pub async fn update_profile(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(
        "display_name",
        validate::required_line(form.get("display_name"), 100),
    );
    let lang = match form.get("preferred_language") {
        "" => None,
        code => errors.check(
            "preferred_language",
            Language::parse(code).ok_or("error-choose-option"),
        ),
    };
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        let memberships = state.db.organisations_of(user.id).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ProfilePage {
                ctx,
                memberships,
                password_form: FormState::empty(),
                live_tokens: state.db.count_live_api_tokens(user.id).await?,
                email: user.email.clone(),
                display_name: form.get("display_name").to_owned(),
                preferred: form.get("preferred_language").to_owned(),
                form: FormState::new(errors, form),
            },
        );
    };
    state.db.update_profile(user.id, &name, lang).await?;
    auth::flash(&session, "flash-saved").await;
    let mut response = Redirect::to("/profile").into_response();
    if let Some(lang) = lang {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookie_header(
                &state,
                LANGUAGE_COOKIE,
                lang.code(),
                60 * 60 * 24 * 365,
                "Lax",
            ),
        );
    }
    Ok(response)
}

/// A signed-in person changes their password: the current one is asked again (a session left
/// open on a shared computer is not enough), every other session ends, unused reset links die,
/// and API tokens are revoked if the person says so. This session stays signed in.
pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let user_key = user.id.to_string();
    auth::throttle(&state, &[(auth::PASSWORD_CHANGE_PER_ACCOUNT, &user_key)]).await?;
    let mut errors = check_new_password(&form, &user);
    let current_ok = auth::check_password(
        &state,
        form.get("current_password").to_owned(),
        Some(user.password_hash.clone()),
    )
    .await?;
    if !current_ok {
        errors.add("current_password", "error-password-wrong");
    }
    if !errors.is_empty() {
        let memberships = state.db.organisations_of(user.id).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ProfilePage {
                ctx,
                form: FormState::empty(),
                live_tokens: state.db.count_live_api_tokens(user.id).await?,
                memberships,
                email: user.email.clone(),
                display_name: user.display_name.clone(),
                preferred: user.preferred_language.clone().unwrap_or_default(),
                password_form: FormState::new(errors, form),
            },
        );
    }
    let hash = auth::hash_new_password(&state, form.get("password").to_owned()).await?;
    let epoch = state
        .db
        .change_password(user.id, &hash, form.get("revoke_tokens") == "1")
        .await?;
    auth::keep_session(&session, epoch).await?;
    auth::flash(&session, "flash-password-changed").await;
    Ok(Redirect::to("/profile").into_response())
}

/// Ends every other session of the person (a phone lost, a shared computer left signed in).
pub async fn sign_out_elsewhere(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
) -> Result<Response, AppError> {
    let epoch = state.db.end_sessions(user.id).await?;
    auth::keep_session(&session, epoch).await?;
    auth::flash(&session, "flash-signed-out-elsewhere").await;
    Ok(Redirect::to("/profile").into_response())
}

#[derive(Template)]
#[template(path = "tokens.html")]
pub struct TokensPage {
    pub ctx: Ctx,
    pub tokens: Vec<ApiToken>,
    pub new_secret: Option<String>,
    pub form: FormState,
}

pub async fn tokens(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let tokens = state.db.api_tokens_of(user.id).await?;
    render(&TokensPage {
        ctx,
        tokens,
        new_secret: None,
        form: FormState::empty(),
    })
}

pub async fn create_token(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
    form: FormFields,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check("name", validate::required_line(form.get("name"), 100));
    let scope = errors.check(
        "scope",
        ApiTokenScope::parse(form.get("scope")).ok_or("error-choose-option"),
    );
    let (Some(name), Some(scope)) = (name, scope) else {
        let tokens = state.db.api_tokens_of(user.id).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &TokensPage {
                ctx,
                tokens,
                new_secret: None,
                form: FormState::new(errors, form),
            },
        );
    };
    let (_, secret) = state.db.create_api_token(user.id, &name, scope).await?;
    let tokens = state.db.api_tokens_of(user.id).await?;
    // The secret is shown this once; only its hash is kept.
    render(&TokensPage {
        ctx,
        tokens,
        new_secret: Some(secret),
        form: FormState::empty(),
    })
}

pub async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    state.db.revoke_api_token(user.id, id).await?;
    auth::flash(&session, "flash-token-revoked").await;
    Ok(Redirect::to("/profile/tokens").into_response())
}

/// `next=` for links to sign-in from a page.
pub fn signin_link(here: &str) -> String {
    format!("/signin?next={}", urlencode(here))
}

/// An in-app notification as shown.
pub struct ShownNotification {
    pub kind: String,
    pub initiative_id: Option<i64>,
    pub created_at: i64,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
pub struct NotificationsPage {
    pub ctx: Ctx,
    pub notifications: Vec<ShownNotification>,
}

pub async fn notifications(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let (list, _) = state.db.notifications(user.id, 100).await?;
    let notifications = list
        .into_iter()
        .map(
            |(_, kind, initiative_id, created_at, read_at)| ShownNotification {
                kind,
                initiative_id,
                created_at,
                unread: read_at.is_none(),
            },
        )
        .collect();
    render(&NotificationsPage { ctx, notifications })
}

pub async fn read_notifications(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Response, AppError> {
    state.db.mark_notifications_read(user.id).await?;
    Ok(Redirect::to("/notifications").into_response())
}
