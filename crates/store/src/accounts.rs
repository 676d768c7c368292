//! People's accounts: users, one-time mail tokens, API tokens, session epochs and the throttles
//! on sign-in, sign-up and password reset.

use serde::Serialize;
use shutaf_domain::Language;
use sqlx::FromRow;

use crate::read::args;
use crate::{Db, StoreError, StoreResult, random_token, token_hash};

/// A person with an account.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    pub email_verified_at: Option<i64>,
    pub preferred_language: Option<String>,
    /// 0 or 1: flags are integers so that both backends read them the same way.
    #[serde(skip)]
    pub is_platform_admin: i64,
    pub created_at: i64,
    /// Sessions signed in under an older epoch are over (raised by a password change).
    #[serde(skip)]
    pub session_epoch: i64,
}

crate::read::record!(User {
    id,
    email,
    display_name,
    password_hash,
    email_verified_at,
    preferred_language,
    is_platform_admin,
    created_at,
    session_epoch
});

impl User {
    pub fn language(&self) -> Option<Language> {
        self.preferred_language.as_deref().and_then(Language::parse)
    }

    pub fn platform_admin(&self) -> bool {
        self.is_platform_admin == 1
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }
}

const USER_COLUMNS: &str = "id, email, display_name, password_hash, email_verified_at, preferred_language, is_platform_admin, created_at, session_epoch";

/// What a one-time mailed token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailTokenPurpose {
    VerifyEmail,
    ResetPassword,
}

impl MailTokenPurpose {
    fn code(self) -> &'static str {
        match self {
            MailTokenPurpose::VerifyEmail => "verify-email",
            MailTokenPurpose::ResetPassword => "reset-password",
        }
    }

    /// How long a link stays valid: a day to verify, an hour to reset a password.
    pub fn lifetime_seconds(self) -> i64 {
        match self {
            MailTokenPurpose::VerifyEmail => 24 * 3600,
            MailTokenPurpose::ResetPassword => 3600,
        }
    }
}

/// What an API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiTokenScope {
    Read,
    Write,
}

impl ApiTokenScope {
    pub fn code(self) -> &'static str {
        match self {
            ApiTokenScope::Read => "read",
            ApiTokenScope::Write => "write",
        }
    }

    pub fn parse(code: &str) -> Option<ApiTokenScope> {
        match code {
            "read" => Some(ApiTokenScope::Read),
            "write" => Some(ApiTokenScope::Write),
            _ => None,
        }
    }
}

/// Whether a throttled attempt may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    Allowed,
    /// Over the limit: try again in this many seconds.
    Refused {
        retry_after: i64,
    },
}

/// A personal API token as listed to its owner (the secret itself is shown once, at creation).
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

crate::read::record!(ApiToken {
    id,
    name,
    scope,
    created_at,
    last_used_at
});

impl Db {
    /// Creates an account; `Conflict` if the email is taken.
    pub async fn create_user(
        &self,
        email: &str,
        display_name: &str,
        password_hash: &str,
        language: Option<Language>,
        platform_admin: bool,
        verified: bool,
    ) -> StoreResult<User> {
        let at = self.now();
        let sql = format!(
            "INSERT INTO users (email, display_name, password_hash, email_verified_at, preferred_language, is_platform_admin, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {USER_COLUMNS}"
        );
        let user = sqlx::query_as(&sql)
            .bind(email)
            .bind(display_name)
            .bind(password_hash)
            .bind(verified.then_some(at))
            .bind(language.map(|l| l.code()))
            .bind(i64::from(platform_admin))
            .bind(at)
            .fetch_one(&self.pool)
            .await
            .map_err(StoreError::from_write)?;
        // Counted and named on public pages.
        self.data_changed().await?;
        Ok(user)
    }

    pub async fn user_by_email(&self, email: &str) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        self.read_optional(&sql, args![email]).await
    }

    pub async fn user_by_id(&self, id: i64) -> StoreResult<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        self.read_optional(&sql, args![id]).await
    }

    pub async fn count_users(&self) -> StoreResult<i64> {
        self.read_scalar("SELECT COUNT(*) FROM users", args![])
            .await
    }

    pub async fn update_profile(
        &self,
        user_id: i64,
        display_name: &str,
        language: Option<Language>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE users SET display_name = $1, preferred_language = $2 WHERE id = $3")
            .bind(display_name)
            .bind(language.map(|l| l.code()))
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        // A name public pages may show.
        self.data_changed().await
    }

    pub async fn set_preferred_language(
        &self,
        user_id: i64,
        language: Language,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE users SET preferred_language = $1 WHERE id = $2")
            .bind(language.code())
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_password_hash(&self, user_id: i64, password_hash: &str) -> StoreResult<()> {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_platform_admin(&self, user_id: i64, admin: bool) -> StoreResult<()> {
        sqlx::query("UPDATE users SET is_platform_admin = $1 WHERE id = $2")
            .bind(i64::from(admin))
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        self.data_changed().await
    }

    /// Issues a one-time token for a mailed link and returns the secret to put in the link.
    pub async fn issue_mail_token(
        &self,
        user_id: i64,
        purpose: MailTokenPurpose,
    ) -> StoreResult<String> {
        let token = random_token();
        let at = self.now();
        sqlx::query(
            "INSERT INTO mail_tokens (token_hash, purpose, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&token))
        .bind(purpose.code())
        .bind(user_id)
        .bind(at + purpose.lifetime_seconds())
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// Uses up a mailed token: gives its user if it is valid, unused and unexpired, exactly once
    /// (the update is conditional, so two clicks at once cannot both succeed).
    pub async fn consume_mail_token(
        &self,
        token: &str,
        purpose: MailTokenPurpose,
    ) -> StoreResult<Option<i64>> {
        let at = self.now();
        let user: Option<i64> = sqlx::query_scalar(
            "UPDATE mail_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $4 \
             RETURNING user_id",
        )
        .bind(at)
        .bind(token_hash(token))
        .bind(purpose.code())
        .bind(at)
        .fetch_optional(&self.pool)
        .await?;
        Ok(user)
    }

    /// The person a mailed token would be accepted for now, without using it up (to show the
    /// form it leads to).
    pub async fn mail_token_owner(
        &self,
        token: &str,
        purpose: MailTokenPurpose,
    ) -> StoreResult<Option<i64>> {
        let found: Option<i64> = self.read_scalar_optional("SELECT user_id FROM mail_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3", args![token_hash(token), purpose.code(), self.now()]).await?;
        Ok(found)
    }

    /// Whether a verification link was already used by a person now verified: mail scanners
    /// open links before people do, and the person should then not see an error.
    pub async fn verification_already_done(&self, token: &str) -> StoreResult<bool> {
        let found: Option<i64> = self.read_scalar_optional("SELECT t.user_id FROM mail_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NOT NULL AND u.email_verified_at IS NOT NULL", args![token_hash(token), MailTokenPurpose::VerifyEmail.code()]).await?;
        Ok(found.is_some())
    }

    pub async fn mark_email_verified(&self, user_id: i64) -> StoreResult<()> {
        sqlx::query(
            "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
        )
        .bind(self.now())
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Creates an API token and returns it with its secret, which is never stored in the clear.
    pub async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        scope: ApiTokenScope,
    ) -> StoreResult<(ApiToken, String)> {
        let secret = format!("shutaf_{}", random_token());
        let token: ApiToken = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id, name, scope, created_at, last_used_at",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash(&secret))
        .bind(scope.code())
        .bind(self.now())
        .fetch_one(&self.pool)
        .await
        .map_err(StoreError::from_write)?;
        Ok((token, secret))
    }

    pub async fn api_tokens_of(&self, user_id: i64) -> StoreResult<Vec<ApiToken>> {
        self.read_all("SELECT id, name, scope, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id", args![user_id]).await
    }

    /// Revokes one of a person's tokens; `NotFound` if it is not theirs.
    pub async fn revoke_api_token(&self, user_id: i64, token_id: i64) -> StoreResult<()> {
        let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(self.now())
            .bind(token_id)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The user and scope of a live API token.
    pub async fn user_by_api_token(
        &self,
        secret: &str,
    ) -> StoreResult<Option<(User, ApiTokenScope)>> {
        let hash = token_hash(secret);
        let found: Option<(i64, i64, String)> =
            self.read_optional("SELECT id, user_id, scope FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL", args![&hash]).await?;
        let Some((token_id, user_id, scope)) = found else {
            return Ok(None);
        };
        let Some(scope) = ApiTokenScope::parse(&scope) else {
            return Ok(None);
        };
        let at = self.now();
        // Recording use at most once a minute keeps reads from turning into writes.
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)")
            .bind(at)
            .bind(token_id)
            .bind(at - 60)
            .execute(&self.pool)
            .await?;
        Ok(self.user_by_id(user_id).await?.map(|user| (user, scope)))
    }

    /// Reserves one attempt under a throttled key: counts it in the current window of `window`
    /// seconds and says whether it is within `limit`. One upsert that returns the new count, so
    /// that attempts made at the same moment are counted one after the other on both backends.
    pub async fn take_attempt(
        &self,
        key_hash: &str,
        window: i64,
        limit: i64,
    ) -> StoreResult<Attempt> {
        let at = self.now();
        let (attempts, window_start): (i64, i64) = sqlx::query_as(
            "INSERT INTO throttles (key_hash, window_start, attempts) VALUES ($1, $2, 1) \
             ON CONFLICT (key_hash) DO UPDATE SET \
             attempts = CASE WHEN throttles.window_start <= $3 THEN 1 ELSE throttles.attempts + 1 END, \
             window_start = CASE WHEN throttles.window_start <= $3 THEN $2 ELSE throttles.window_start END \
             RETURNING attempts, window_start",
        )
        .bind(key_hash)
        .bind(at)
        .bind(at - window)
        .fetch_one(&self.pool)
        .await?;
        if attempts > limit {
            return Ok(Attempt::Refused {
                retry_after: (window_start + window - at).max(1),
            });
        }
        Ok(Attempt::Allowed)
    }

    /// Gives an attempt back (a sign-in that succeeded does not count against a shared address).
    pub async fn refund_attempt(&self, key_hash: &str) -> StoreResult<()> {
        sqlx::query(
            "UPDATE throttles SET attempts = attempts - 1 WHERE key_hash = $1 AND attempts > 0",
        )
        .bind(key_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets a key's attempts (the owner signed in).
    pub async fn clear_attempts(&self, key_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM throttles WHERE key_hash = $1")
            .bind(key_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Drops counters whose window ended long ago (run with the session clean-up).
    pub async fn delete_old_attempts(&self) -> StoreResult<()> {
        sqlx::query("DELETE FROM throttles WHERE window_start < $1")
            .bind(self.now() - 24 * 3600)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Sets a new password after a mailed reset link, in one transaction: the link is used up,
    /// every other reset link of the person too, the address counts as verified (the link
    /// reached it), every session ends, and, if asked, every API token is revoked. Gives the
    /// person, or `None` when the link is not valid.
    pub async fn reset_password(
        &self,
        token: &str,
        password_hash: &str,
        revoke_api_tokens: bool,
    ) -> StoreResult<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let user: Option<i64> = sqlx::query_scalar(
            "UPDATE mail_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $4 \
             RETURNING user_id",
        )
        .bind(at)
        .bind(token_hash(token))
        .bind(MailTokenPurpose::ResetPassword.code())
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(user_id) = user else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2",
        )
        .bind(at)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        Self::secure_account(&mut tx, user_id, password_hash, revoke_api_tokens, at).await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }

    /// A signed-in person changes their password: every other session ends, unused reset links
    /// die, and API tokens are revoked if asked. Gives the new session epoch, for the session
    /// that made the change to stay signed in.
    pub async fn change_password(
        &self,
        user_id: i64,
        password_hash: &str,
        revoke_api_tokens: bool,
    ) -> StoreResult<i64> {
        let mut tx = self.write_tx().await?;
        let at = tx.at;
        let epoch =
            Self::secure_account(&mut tx, user_id, password_hash, revoke_api_tokens, at).await?;
        tx.commit().await?;
        Ok(epoch)
    }

    async fn secure_account(
        tx: &mut crate::WriteTx,
        user_id: i64,
        password_hash: &str,
        revoke_api_tokens: bool,
        at: i64,
    ) -> StoreResult<i64> {
        let epoch: i64 = sqlx::query_scalar(
            "UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2 RETURNING session_epoch",
        )
        .bind(password_hash)
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE mail_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
        )
        .bind(at)
        .bind(user_id)
        .bind(MailTokenPurpose::ResetPassword.code())
        .execute(&mut **tx)
        .await?;
        if revoke_api_tokens {
            sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
            )
            .bind(at)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(epoch)
    }

    /// Ends every session of a person (they stay signed in where they asked, with the epoch
    /// given back).
    pub async fn end_sessions(&self, user_id: i64) -> StoreResult<i64> {
        sqlx::query_scalar(
            "UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1 RETURNING session_epoch",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)
    }

    /// Whether the person has API tokens that still work.
    pub async fn count_live_api_tokens(&self, user_id: i64) -> StoreResult<i64> {
        self.read_scalar(
            "SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL",
            args![user_id],
        )
        .await
    }
}
