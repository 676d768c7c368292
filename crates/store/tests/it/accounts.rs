//! Accounts in storage: people unique by address, mail tokens used once and for their purpose,
//! API tokens stored hashed and revocable, attempts reserved one by one under a limit, resets that end sessions, and sessions.

use shutaf_domain::Language;
use shutaf_store::{ApiTokenScope, Attempt, MailTokenPurpose, StoreError};
use shutaf_testkit::database::fresh_db;

use crate::support::user;

#[tokio::test]
async fn users_are_unique_by_email_and_round_trip() {
    let db = fresh_db().await;
    let created = db
        .create_user(
            "dana@example.org",
            "דנה",
            "h",
            Some(Language::Ar),
            true,
            false,
        )
        .await
        .unwrap();
    assert!(created.platform_admin());
    assert!(!created.is_verified());
    assert_eq!(created.language(), Some(Language::Ar));
    let again = db
        .create_user("dana@example.org", "Other", "h", None, false, false)
        .await;
    assert!(matches!(again, Err(StoreError::Conflict)), "{again:?}");
    let found = db.user_by_email("dana@example.org").await.unwrap().unwrap();
    assert_eq!(found.id, created.id);
    assert_eq!(found.display_name, "דנה");
    assert!(
        db.user_by_email("nobody@example.org")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn mail_tokens_work_once_and_only_for_their_purpose() {
    let db = fresh_db().await;
    let id = user(&db, "a@example.org").await;
    let token = db
        .issue_mail_token(id, MailTokenPurpose::VerifyEmail)
        .await
        .unwrap();
    assert_eq!(
        db.mail_token_owner(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::ResetPassword)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap(),
        Some(id)
    );
    assert_eq!(
        db.consume_mail_token(&token, MailTokenPurpose::VerifyEmail)
            .await
            .unwrap(),
        None
    );

    let expired = db
        .issue_mail_token(id, MailTokenPurpose::ResetPassword)
        .await
        .unwrap();
    sqlx::query("UPDATE mail_tokens SET expires_at = 0")
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        db.consume_mail_token(&expired, MailTokenPurpose::ResetPassword)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn api_tokens_are_stored_hashed_and_can_be_revoked() {
    let db = fresh_db().await;
    let id = user(&db, "a@example.org").await;
    let (token, secret) = db
        .create_api_token(id, "script", ApiTokenScope::Read)
        .await
        .unwrap();
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM api_tokens")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_ne!(stored, secret);
    let (who, scope) = db.user_by_api_token(&secret).await.unwrap().unwrap();
    assert_eq!((who.id, scope), (id, ApiTokenScope::Read));
    let other = user(&db, "b@example.org").await;
    assert!(matches!(
        db.revoke_api_token(other, token.id).await,
        Err(StoreError::NotFound)
    ));
    db.revoke_api_token(id, token.id).await.unwrap();
    assert!(db.user_by_api_token(&secret).await.unwrap().is_none());
}

#[tokio::test]
async fn attempts_made_at_once_are_reserved_one_by_one() {
    let db = fresh_db().await;
    // Sixty attempts at the same moment against a limit of eight: exactly eight go ahead.
    let attempts = (0..60).map(|_| {
        let db = db.clone();
        tokio::spawn(async move { db.take_attempt("k1", 900, 8).await.unwrap() })
    });
    let mut allowed = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Attempt::Allowed => allowed += 1,
            Attempt::Refused { retry_after } => assert!((1..=900).contains(&retry_after)),
        }
    }
    assert_eq!(allowed, 8);
    // Other keys are counted on their own; a cleared key starts again.
    assert_eq!(
        db.take_attempt("k2", 900, 1).await.unwrap(),
        Attempt::Allowed
    );
    db.clear_attempts("k1").await.unwrap();
    assert_eq!(
        db.take_attempt("k1", 900, 1).await.unwrap(),
        Attempt::Allowed
    );
    assert!(matches!(
        db.take_attempt("k1", 900, 1).await.unwrap(),
        Attempt::Refused { .. }
    ));
    // A refunded attempt makes room again.
    db.refund_attempt("k1").await.unwrap();
    db.refund_attempt("k1").await.unwrap();
    assert_eq!(
        db.take_attempt("k1", 900, 1).await.unwrap(),
        Attempt::Allowed
    );
}

#[tokio::test]
async fn a_password_reset_ends_sessions_links_and_if_asked_tokens() {
    let db = fresh_db().await;
    let id = user(&db, "reset@example.org").await;
    let epoch = db.user_by_id(id).await.unwrap().unwrap().session_epoch;
    let first = db
        .issue_mail_token(id, MailTokenPurpose::ResetPassword)
        .await
        .unwrap();
    let second = db
        .issue_mail_token(id, MailTokenPurpose::ResetPassword)
        .await
        .unwrap();
    let (_, secret) = db
        .create_api_token(id, "script", ApiTokenScope::Write)
        .await
        .unwrap();
    assert_eq!(db.count_live_api_tokens(id).await.unwrap(), 1);
    // Kept tokens when not asked to revoke them.
    assert_eq!(
        db.reset_password(&first, "new-hash", false).await.unwrap(),
        Some(id)
    );
    let after = db.user_by_id(id).await.unwrap().unwrap();
    assert_eq!(after.password_hash, "new-hash");
    assert!(after.session_epoch > epoch, "sessions end");
    assert!(after.is_verified());
    assert!(db.user_by_api_token(&secret).await.unwrap().is_some());
    // The other link died with the reset.
    assert_eq!(
        db.reset_password(&second, "other", true).await.unwrap(),
        None
    );
    // A change of password asked to revoke tokens does.
    let epoch = db.change_password(id, "third", true).await.unwrap();
    assert_eq!(
        db.user_by_id(id).await.unwrap().unwrap().session_epoch,
        epoch
    );
    assert!(db.user_by_api_token(&secret).await.unwrap().is_none());
    assert_eq!(db.count_live_api_tokens(id).await.unwrap(), 0);
    assert!(db.end_sessions(id).await.unwrap() > epoch);
}

#[tokio::test]
async fn sessions_persist_in_the_database() {
    use tower_sessions::SessionStore;
    use tower_sessions::session::{Id, Record};
    let db = fresh_db().await;
    let store = shutaf_store::DbSessionStore::new(db.clone());
    let mut record = Record {
        id: Id::default(),
        data: [("user_id".to_owned(), serde_json::json!(7))]
            .into_iter()
            .collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut record).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(loaded.data["user_id"], 7);
    record.data.insert("lang".into(), serde_json::json!("ar"));
    store.save(&record).await.unwrap();
    assert_eq!(store.load(&record.id).await.unwrap().unwrap().data.len(), 2);
    store.delete(&record.id).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_none());

    let mut old = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() - time::Duration::hours(1),
    };
    store.create(&mut old).await.unwrap();
    assert!(
        store.load(&old.id).await.unwrap().is_none(),
        "expired sessions do not load"
    );
    assert_eq!(store.delete_expired().await.unwrap(), 1);
}
