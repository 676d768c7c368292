//! The public record's encoding and what it withholds: entries of the first encoding keep the
//! bytes (and hashes) they were written with; the second tells no value from an empty one in
//! every field; and the journal's entries name people only by pseudonym and applicants not at
//! all, their texts committed to.

use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::disclosure::{PseudonymKey, Seals, matches};
use shutaf_domain::journal::{Actor, Event, Place};
use shutaf_domain::merkle;

fn entry(version: u32) -> LogEntry {
    LogEntry {
        index: 7,
        at: 1_800_000_000,
        kind: "stage-declined".into(),
        locality_id: Some(1),
        initiative_id: Some(42),
        organisation_id: Some(3),
        person: None,
        detail: None,
        version,
        commitments: Vec::new(),
        openings: Vec::new(),
    }
}

/// An entry written before the second encoding hashes as it always did, whatever this code
/// does now: its leaf is the one computed outside it.
#[test]
fn first_encoding_entries_keep_their_hashes() {
    assert_eq!(
        shutaf_domain::disclosure::hex(&entry(1).leaf_hash()),
        "5decbc21682bdb185c3241e0b53a1adf96be13dcccce1db4d4e85ef048708854"
    );
    let mut empty = entry(1);
    empty.detail = Some(String::new());
    assert_eq!(empty.leaf_hash(), entry(1).leaf_hash(), "as it always was");
}

/// In the second encoding, null and the empty string differ in every optional field.
#[test]
fn null_and_empty_differ_in_the_second_encoding() {
    let base = entry(2);
    let variants: Vec<LogEntry> = vec![
        LogEntry {
            detail: Some(String::new()),
            ..base.clone()
        },
        LogEntry {
            person: Some(String::new()),
            ..base.clone()
        },
        LogEntry {
            locality_id: None,
            ..base.clone()
        },
        LogEntry {
            initiative_id: None,
            ..base.clone()
        },
        LogEntry {
            organisation_id: None,
            ..base.clone()
        },
    ];
    let mut hashes: Vec<merkle::Hash> = variants.iter().map(LogEntry::leaf_hash).collect();
    hashes.push(base.leaf_hash());
    let count = hashes.len();
    hashes.sort();
    hashes.dedup();
    assert_eq!(hashes.len(), count, "every variant hashes differently");
    let text = String::from_utf8(base.canonical_bytes()).unwrap();
    assert!(text.starts_with("shutaf-decision-log/2\n") && text.ends_with("\ndetail\n"));
}

/// The journal names the acting person by pseudonym; an application names nobody; the award
/// opens it, and a tampered opening fails the seals.
#[test]
fn entries_name_people_by_pseudonym_and_seal_applicants() {
    let key = PseudonymKey([5; 32]);
    let applicant = Actor {
        organisation_id: Some(11),
        user_id: Some(40),
        name: Some("Avi Cohen".into()),
    };
    let place = Place {
        locality_id: Some(1),
        initiative_id: None,
    };
    let received = Event::ApplicationReceived {
        call: 3,
        application: 7,
        organisation: 11,
    }
    .recorded(0, 1_800_000_000, place, &applicant, &key, &[1; 32]);
    assert_eq!(
        (
            received.entry.organisation_id,
            received.entry.person.clone()
        ),
        (None, None)
    );
    let sealed = &received.withheld[0];
    assert!(matches(
        &received.entry,
        "applicant",
        &sealed.salt,
        &sealed.text
    ));

    let convener = Actor {
        organisation_id: Some(2),
        user_id: Some(30),
        name: Some("Dana Levi".into()),
    };
    let award = Event::CallAwarded {
        call: 3,
        application: 7,
        organisation: 11,
        results: vec![],
        reasons: "Best".into(),
        openings: vec![sealed.opening()],
    }
    .recorded(1, 1_800_000_100, place, &convener, &key, &[2; 32]);
    assert_eq!(award.entry.person, Some(key.pseudonym(30)));
    let bytes = String::from_utf8(award.entry.canonical_bytes()).unwrap();
    assert!(
        !bytes.contains("Dana") && !bytes.contains("Best"),
        "{bytes}"
    );

    let mut seals = Seals::default();
    seals.see(&received.entry).unwrap();
    assert_eq!(seals.see(&award.entry).unwrap().len(), 1);
    let mut tampered = award.entry.clone();
    tampered.openings[0].text = "call:3 application:7 organisation:12".into();
    let mut seals = Seals::default();
    seals.see(&received.entry).unwrap();
    assert!(seals.see(&tampered).is_err());
}
