//! `cargo bench -p shutaf-domain --bench log_and_checkup`: the other hot domain code.
//!
//! - the Merkle tree of a decision log of 1,000,000 entries: leaf hashes from canonical entries,
//!   the root, an inclusion and a consistency proof (what `shutaf verify` and the log endpoints
//!   do);
//! - the checkup of 100,000 initiatives (what a national dashboard would run).
//!
//! A plain harness (no framework), like the matching benchmark; the figures go into
//! docs/PERFORMANCE.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use shutaf_domain::decision_log::LogEntry;
use shutaf_domain::initiative::{IntegrityFacts, PartnerFacts, WorkPlanPlacement};
use shutaf_domain::{ContributionType, InitiativeFacts, Sector, Stage, checkup, merkle};

fn timed<T>(what: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut out = None;
    for _ in 0..runs {
        let started = Instant::now();
        out = Some(black_box(f()));
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "{what}: median {:.2} ms, best {:.2} ms over {runs} runs",
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    out.unwrap()
}

fn entry(index: u64) -> LogEntry {
    LogEntry {
        index,
        at: 1_800_000_000 + index as i64,
        kind: if index.is_multiple_of(3) {
            "stage-agreed".into()
        } else {
            "interests-declared".into()
        },
        locality_id: Some((index % 250) as i64 + 1),
        initiative_id: Some((index % 100_000) as i64 + 1),
        organisation_id: Some((index % 100_000) as i64 + 1),
        person: (index % 3 == 1).then(|| "p-0123456789ab".to_owned()),
        detail: Some(format!("initiative:{index} ties: none")),
        version: shutaf_domain::decision_log::CURRENT_VERSION,
        commitments: Vec::new(),
        openings: Vec::new(),
    }
}

fn facts(i: usize) -> InitiativeFacts {
    let now = 1_800_000_000;
    let mut facts = InitiativeFacts::new_idea(now - (i as i64 % 400) * 86_400);
    facts.now = now;
    facts.stage = Stage::ALL[i % Stage::ALL.len()];
    facts.convener_engaged = i.is_multiple_of(2);
    facts.linked_goals = i % 3;
    facts.work_plan = if i.is_multiple_of(4) {
        WorkPlanPlacement::Placed
    } else {
        WorkPlanPlacement::NotRecorded
    };
    facts.needed = vec![ContributionType::Budget, ContributionType::Knowledge];
    facts.partners = (0..(i % 4 + 1))
        .map(|p| PartnerFacts {
            organisation_id: p as i64,
            sector: Sector::ALL[p % 3],
            is_local_authority: p == 0,
            has_role: p.is_multiple_of(2),
            committed: vec![ContributionType::Budget],
            endorsed_current: p.is_multiple_of(3),
            expectations: None,
        })
        .collect();
    facts.charter_version = (!i.is_multiple_of(5)).then_some(1);
    facts.integrity = IntegrityFacts {
        competition: i.is_multiple_of(7),
        exemption: i.is_multiple_of(11),
        undeclared_deciders: i % 3,
        deciders: 3,
    };
    facts.last_activity_at = now - (i as i64 % 200) * 86_400;
    facts
}

fn main() {
    const ENTRIES: u64 = 1_000_000;
    let entries: Vec<LogEntry> = (0..ENTRIES).map(entry).collect();
    let leaves = timed("log: leaf hashes of 1,000,000 canonical entries", 5, || {
        entries.iter().map(LogEntry::leaf_hash).collect::<Vec<_>>()
    });
    let root = timed("log: Merkle root of 1,000,000 leaves", 5, || {
        merkle::root(&leaves)
    });
    let proof = timed("log: inclusion proof in 1,000,000 leaves", 5, || {
        merkle::inclusion_proof(654_321, &leaves).unwrap()
    });
    assert!(merkle::verify_inclusion(
        654_321,
        ENTRIES,
        &leaves[654_321],
        &proof,
        &root
    ));
    let old_root = merkle::root(&leaves[..700_000]);
    let consistency = timed("log: consistency proof 700,000 → 1,000,000", 5, || {
        merkle::consistency_proof(700_000, &leaves).unwrap()
    });
    assert!(merkle::verify_consistency(
        700_000,
        ENTRIES,
        &old_root,
        &root,
        &consistency
    ));

    // What `verify` and a rebuild do: every complete subtree of the kept tree.
    let nodes = timed(
        "log: the kept tree's 999,993 subtrees over 1,000,000 leaves",
        5,
        || merkle::interior_nodes(&leaves),
    );
    assert_eq!(nodes.len() as u64, ENTRIES - ENTRIES.count_ones() as u64);
    // What a hub does for a proof from its kept tree: the runs, then their covers (the lookups).
    let lookups = timed(
        "log: nodes to look up for both proofs at 1,000,000",
        5,
        || {
            let runs = merkle::inclusion_ranges(654_321, ENTRIES)
                .unwrap()
                .into_iter()
                .chain(merkle::consistency_ranges(700_000, ENTRIES).unwrap());
            runs.map(|run| merkle::cover(run).len()).sum::<usize>()
        },
    );
    println!("log: {lookups} stored nodes make both proofs");

    const INITIATIVES: usize = 100_000;
    let all: Vec<InitiativeFacts> = (0..INITIATIVES).map(facts).collect();
    let risks = timed("checkup: 100,000 initiatives", 10, || {
        all.iter().map(|f| checkup::checkup(f).len()).sum::<usize>()
    });
    println!("checkup: {risks} risks found in {INITIATIVES} initiatives");
}
