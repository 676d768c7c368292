//! `shutaf verify` beyond the log itself, and `shutaf redact`, on the demo: the award's openings
//! must match what the call sealed (a tampered opening shows, though the entry is rehashed and
//! the tree rebuilt); a text redacted beside the log leaves the log verifying; and a table that
//! no longer says what its decision entry says (a score, a deadline, a recusal, a text shown
//! beside an entry) makes it fail. Runs on the backend chosen by SHUTAF_TEST_BACKEND.

use std::path::Path;
use std::process::Output;

use shutaf_domain::decision_log::openings_text;
use shutaf_store::Db;
use shutaf_testkit::database::fresh_database_url;
use shutaf_testkit::process::{TempDir, assert_success, run};

use crate::support::BINARY;

fn verify(dir: &Path, url: &str, seen: &str) -> Output {
    run(BINARY, dir, url, &["verify", "--seen", seen])
}

fn refused(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

async fn exec(db: &Db, sql: &str) {
    sqlx::query(sql).execute(&db.pool).await.unwrap();
}

#[tokio::test]
async fn verify_checks_seals_texts_beside_the_log_and_tables_and_redaction_keeps_it_verifying() {
    let dir = TempDir::new("cli-privacy");
    let dir = dir.path();
    let url = fresh_database_url().await;
    assert_success(&run(BINARY, dir, &url, &["demo"]));
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("seals and tables consistent"), "{stdout}");
    let db = shutaf_testkit::database::connect(&url).await;

    // The demo's award opened who applied (and the evaluator's tie and recusal) on the log.
    let award: i64 = sqlx::query_scalar("SELECT idx FROM decision_log WHERE kind = 'call-awarded'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let award = award as u64;
    let entry = db.log_entries(award, award + 1).await.unwrap().remove(0);
    assert!(entry.openings.iter().any(|o| o.field == "applicant"));
    let (openings, leaf): (String, String) =
        sqlx::query_as("SELECT openings, leaf_hash FROM decision_log WHERE idx = $1")
            .bind(award as i64)
            .fetch_one(&db.pool)
            .await
            .unwrap();

    // An opening tampered with (another applicant), the entry rehashed and the tree rebuilt:
    // consistent in itself, and to a verifier who saw no head before, but the seal shows.
    let mut forged = entry.clone();
    let applicant = forged
        .openings
        .iter_mut()
        .find(|o| o.field == "applicant")
        .unwrap();
    let at = applicant.text.find("organisation:").unwrap();
    applicant.text = format!("{}organisation:999999", &applicant.text[..at]);
    sqlx::query("UPDATE decision_log SET openings = $1, leaf_hash = $2 WHERE idx = $3")
        .bind(openings_text(&forged.openings))
        .bind(hex::encode(forged.leaf_hash()))
        .bind(award as i64)
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    let complaint = refused(&verify(dir, &url, "fresh.txt"));
    assert!(complaint.contains("SEALS DO NOT HOLD"), "{complaint}");
    assert!(complaint.contains("does not match"), "{complaint}");
    sqlx::query("UPDATE decision_log SET openings = $1, leaf_hash = $2 WHERE idx = $3")
        .bind(&openings)
        .bind(&leaf)
        .bind(award as i64)
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    assert_success(&verify(dir, &url, "seen.txt"));

    // The award's reasons redacted: gone from beside the log and from the call's table, where
    // the redaction stands in their place in the hub's language, and the log still verifies
    // (and only grew since the head seen before).
    let reasons: String = sqlx::query_scalar(
        "SELECT clear_text FROM log_disclosures WHERE entry_index = $1 AND field = 'reasons'",
    )
    .bind(award as i64)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let output = run(
        BINARY,
        dir,
        &url,
        &[
            "redact",
            "--entry",
            &award.to_string(),
            "--field",
            "reasons",
            "--ground",
            "erasure-request",
        ],
    );
    assert_success(&output);
    let (text, salt, ground): (Option<String>, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT clear_text, salt, redaction_reason FROM log_disclosures WHERE entry_index = $1 AND field = 'reasons'",
    )
    .bind(award as i64)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((text, salt), (None, None));
    assert_eq!(ground.as_deref(), Some("erasure-request"));
    let kept: Vec<Option<String>> =
        sqlx::query_scalar("SELECT outcome_reasons FROM calls WHERE status = 'awarded'")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert!(!kept.contains(&Some(reasons.clone())), "{kept:?}");
    let he = shutaf_web::i18n::Tr::new(shutaf_domain::Language::He);
    assert!(
        kept.iter()
            .flatten()
            .any(|k| k.contains(&he.t("redaction-erasure-request"))),
        "{kept:?}"
    );
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 redacted"));

    // A donor and the name of a person who declared, redacted too: the donation's table and
    // the declarations no longer show them, and the log verifies.
    let (donor_entry, donor): (i64, String) = sqlx::query_as(
        "SELECT entry_index, clear_text FROM log_disclosures WHERE field = 'donor' ORDER BY entry_index LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let (name_entry, locality): (i64, i64) = sqlx::query_as(
        "SELECT d.entry_index, l.locality_id FROM log_disclosures d JOIN decision_log l ON l.idx = d.entry_index \
         WHERE d.field = 'person-name' AND l.kind = 'interests-declared' ORDER BY d.entry_index LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    for (entry, field, ground) in [
        (donor_entry, "donor", "not-public"),
        (name_entry, "person-name", "erasure-request"),
    ] {
        assert_success(&run(
            BINARY,
            dir,
            &url,
            &[
                "redact",
                "--entry",
                &entry.to_string(),
                "--field",
                field,
                "--ground",
                ground,
            ],
        ));
    }
    let donors: Vec<String> = sqlx::query_scalar("SELECT donor_name FROM donations")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert!(!donors.contains(&donor), "{donors:?}");
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    assert!(String::from_utf8_lossy(&output.stdout).contains("3 redacted"));
    let declarations = db.portal_declarations(locality, 1000, 0).await.unwrap();
    assert!(
        declarations.iter().any(|d| d.person_redacted.is_some()),
        "the declaration names its person as the log does now"
    );
    // Once only; and a sealed text or an unknown field is not the administrator's to erase.
    let again = run(
        BINARY,
        dir,
        &url,
        &[
            "redact",
            "--entry",
            &award.to_string(),
            "--field",
            "reasons",
            "--ground",
            "correction",
        ],
    );
    assert!(refused(&again).contains("redacted already"));
    let sealed = run(
        BINARY,
        dir,
        &url,
        &[
            "redact",
            "--entry",
            "0",
            "--field",
            "applicant",
            "--ground",
            "correction",
        ],
    );
    refused(&sealed);

    // A score changed in its table: the award's results and the evaluator's scoring on the
    // log no longer say it. Put back, the check passes.
    let (application, criterion, evaluator, score): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT application_id, criterion_id, evaluator_id, score FROM call_scores ORDER BY application_id, criterion_id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let set_score = |value: i64| {
        sqlx::query(
            "UPDATE call_scores SET score = $1 WHERE application_id = $2 AND criterion_id = $3 AND evaluator_id = $4",
        )
        .bind(value)
        .bind(application)
        .bind(criterion)
        .bind(evaluator)
        .execute(&db.pool)
    };
    set_score(if score == 0 { 1 } else { 0 }).await.unwrap();
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains("THE TABLES AND TEXTS BESIDE THE DECISION LOG DO NOT MATCH IT"),
        "{complaint}"
    );
    assert!(
        complaint.contains(&format!("scores of application {application}")),
        "{complaint}"
    );
    assert!(
        complaint.contains("are not the award's on the log"),
        "{complaint}"
    );
    set_score(score).await.unwrap();
    assert_success(&verify(dir, &url, "seen.txt"));

    // A deadline moved, a recusal removed, a text beside the log changed: each shows.
    let (call, deadline): (i64, i64) =
        sqlx::query_as("SELECT id, deadline_at FROM calls WHERE status = 'awarded'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    exec(
        &db,
        &format!("UPDATE calls SET deadline_at = deadline_at + 86400 WHERE id = {call}"),
    )
    .await;
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains(&format!("call {call}'s deadline")),
        "{complaint}"
    );
    exec(
        &db,
        &format!("UPDATE calls SET deadline_at = {deadline} WHERE id = {call}"),
    )
    .await;

    let recusal: (String, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT matter, matter_id, user_id, party_organisation_id, recorded_at FROM recusals LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    exec(&db, "DELETE FROM recusals").await;
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(complaint.contains("stepped aside"), "{complaint}");
    sqlx::query(
        "INSERT INTO recusals (matter, matter_id, user_id, party_organisation_id, recorded_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&recusal.0)
    .bind(recusal.1)
    .bind(recusal.2)
    .bind(recusal.3)
    .bind(recusal.4)
    .execute(&db.pool)
    .await
    .unwrap();
    assert_success(&verify(dir, &url, "seen.txt"));

    exec(
        &db,
        "UPDATE log_disclosures SET clear_text = clear_text || ' (edited)' WHERE field = 'person-name'",
    )
    .await;
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains("DOES NOT MATCH THE ENTRY'S COMMITMENT"),
        "{complaint}"
    );
    exec(
        &db,
        "UPDATE log_disclosures SET clear_text = substr(clear_text, 1, length(clear_text) - 9) WHERE field = 'person-name'",
    )
    .await;
    assert_success(&verify(dir, &url, "seen.txt"));

    // A redaction undone (a backup from before it restored, say) shows until it is redone.
    sqlx::query(
        "UPDATE log_disclosures SET clear_text = 'back again', redacted_at = NULL WHERE entry_index = $1 AND field = 'reasons'",
    )
    .bind(award as i64)
    .execute(&db.pool)
    .await
    .unwrap();
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains("A REDACTION ON THE LOG WAS UNDONE"),
        "{complaint}"
    );
    db.close().await;
}

#[tokio::test]
async fn verify_url_checks_the_texts_a_hub_shows_beside_its_log() {
    let dir = TempDir::new("cli-privacy-url");
    let url = fresh_database_url().await;
    let hub = crate::support::first_start_uncached("privacy-url", dir.path(), &url).await;
    let (dir, base) = (dir.path(), hub.base.clone());
    let check = || {
        run(
            BINARY,
            dir,
            &url,
            &["verify", "--url", &base, "--seen", "url.txt"],
        )
    };
    assert_success(&check());
    let db = shutaf_testkit::database::connect(&url).await;
    // The hub shows a name that is not the one its entry committed to.
    exec(
        &db,
        "UPDATE log_disclosures SET clear_text = 'Someone Else' WHERE field = 'person-name'",
    )
    .await;
    let complaint = refused(&check());
    assert!(
        complaint.contains("DOES NOT MATCH THE ENTRY'S COMMITMENT"),
        "{complaint}"
    );
    db.close().await;
}

/// Who proposed an alternative to a notice is sealed beside the log until the notice's decision
/// opens it, and `verify` holds the alternatives' table to it: while sealed, to the text kept
/// beside the log; once decided, to the opening on the log, whose tampering shows even when
/// the entry is rehashed and the tree rebuilt.
#[tokio::test]
async fn verify_checks_who_proposed_an_alternative_against_the_seal_and_its_opening() {
    use shutaf_domain::integrity::NoticeOutcome;
    use shutaf_store::Acting;
    let dir = TempDir::new("cli-privacy-notice");
    let dir = dir.path();
    let url = fresh_database_url().await;
    assert_success(&run(BINARY, dir, &url, &["demo"]));
    let still_sealed = |output: &Output| -> usize {
        let stdout = String::from_utf8_lossy(&output.stdout);
        let (before, _) = stdout.split_once(" still sealed").expect("the report");
        before
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("{stdout}"))
    };
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    // The demo's open call keeps its own sealed.
    let open_call = still_sealed(&output);
    let db = shutaf_testkit::database::connect(&url).await;
    // The demo's notice is open: an organisation other than the initiator proposes.
    let (initiative, initiator): (i64, i64) = sqlx::query_as(
        "SELECT n.initiative_id, i.initiator_organisation_id FROM competition_notices n \
         JOIN initiatives i ON i.id = n.initiative_id",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let (organisation, other): (i64, i64) = {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE id <> $1 ORDER BY id")
                .bind(initiator)
                .fetch_all(&db.pool)
                .await
                .unwrap();
        (ids[1], ids[2])
    };
    let user: i64 = sqlx::query_scalar("SELECT id FROM users ORDER BY id LIMIT 1")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let acting = Acting {
        user_id: user,
        organisation_id: Some(organisation),
    };
    let notice = db.notice_of(initiative).await.unwrap().unwrap();
    let proposal = db
        .propose_alternative(&notice, organisation, "A cooperative instead", acting)
        .await
        .unwrap();
    let index: i64 = sqlx::query_scalar(
        "SELECT idx FROM decision_log WHERE kind = 'alternative-proposed' ORDER BY idx DESC LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let entry = db
        .log_entries(index as u64, index as u64 + 1)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(
        (entry.organisation_id, entry.person.as_deref()),
        (None, None)
    );
    assert!(entry.commitment("proposer").is_some());
    let sealed = format!(
        "notice:{} proposal:{proposal} organisation:{organisation}",
        notice.id
    );
    let kept: (String, String) = sqlx::query_as(
        "SELECT clear_text, sealed_kind FROM log_disclosures WHERE entry_index = $1 AND field = 'proposer'",
    )
    .bind(index)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(kept, (sealed.clone(), "notice".to_owned()));
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    assert_eq!(still_sealed(&output), open_call + 1);

    // While sealed: the table says another proposer than the sealed text does.
    let set_proposer = |organisation: i64| {
        sqlx::query("UPDATE alternative_proposals SET organisation_id = $1 WHERE id = $2")
            .bind(organisation)
            .bind(proposal)
            .execute(&db.pool)
    };
    set_proposer(other).await.unwrap();
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains(&format!(
            "alternative {proposal} is organisation {other}'s in its table, organisation {organisation}'s on the log"
        )),
        "{complaint}"
    );
    set_proposer(organisation).await.unwrap();
    assert_success(&verify(dir, &url, "seen.txt"));
    // A sealed text that is not what the entry committed to.
    exec(
        &db,
        &format!(
            "UPDATE log_disclosures SET clear_text = 'notice:{} proposal:{proposal} organisation:{other}' WHERE entry_index = {index} AND field = 'proposer'",
            notice.id
        ),
    )
    .await;
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains(&format!(
            "the sealed proposer kept beside entry {index} does not match"
        )),
        "{complaint}"
    );
    exec(
        &db,
        &format!(
            "UPDATE log_disclosures SET clear_text = '{sealed}' WHERE entry_index = {index} AND field = 'proposer'"
        ),
    )
    .await;
    assert_success(&verify(dir, &url, "seen.txt"));

    // The decision opens it on the log, and nothing stays sealed for the notice.
    db.decide_notice(
        &notice,
        NoticeOutcome::Alternative,
        Some(proposal),
        "A cooperative keeps the savings in town",
        Acting {
            user_id: user,
            organisation_id: None,
        },
    )
    .await
    .unwrap();
    let decided: i64 =
        sqlx::query_scalar("SELECT idx FROM decision_log WHERE kind = 'notice-decided'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let entry = db
        .log_entries(decided as u64, decided as u64 + 1)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(entry.openings.len(), 1);
    assert_eq!(entry.openings[0].text, sealed);
    let output = verify(dir, &url, "seen.txt");
    assert_success(&output);
    assert_eq!(still_sealed(&output), open_call);
    // Decided: the table is held to the opening.
    set_proposer(other).await.unwrap();
    let complaint = refused(&verify(dir, &url, "seen.txt"));
    assert!(
        complaint.contains(&format!("organisation {organisation}'s on the log")),
        "{complaint}"
    );
    set_proposer(organisation).await.unwrap();
    // An opening tampered with, the entry rehashed and the tree rebuilt: the seal shows.
    let (openings, leaf): (String, String) =
        sqlx::query_as("SELECT openings, leaf_hash FROM decision_log WHERE idx = $1")
            .bind(decided)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let mut forged = entry.clone();
    forged.openings[0].text = format!(
        "notice:{} proposal:{proposal} organisation:{other}",
        notice.id
    );
    sqlx::query("UPDATE decision_log SET openings = $1, leaf_hash = $2 WHERE idx = $3")
        .bind(openings_text(&forged.openings))
        .bind(hex::encode(forged.leaf_hash()))
        .bind(decided)
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    let complaint = refused(&verify(dir, &url, "fresh.txt"));
    assert!(complaint.contains("SEALS DO NOT HOLD"), "{complaint}");
    assert!(complaint.contains("does not match"), "{complaint}");
    sqlx::query("UPDATE decision_log SET openings = $1, leaf_hash = $2 WHERE idx = $3")
        .bind(&openings)
        .bind(&leaf)
        .bind(decided)
        .execute(&db.pool)
        .await
        .unwrap();
    db.rebuild_log_tree().await.unwrap();
    assert_success(&verify(dir, &url, "seen.txt"));
    db.close().await;
}
