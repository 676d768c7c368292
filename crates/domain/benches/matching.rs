//! `cargo bench -p shutaf-domain --bench matching`: ranks 100,000 organisations for one
//! initiative and prints the time per ranking (median and best of 30 runs).
//!
//! A plain harness (no benchmark framework) keeps the dependency tree lean; the numbers go into
//! the README's performance section.

use std::hint::black_box;
use std::time::{Duration, Instant};

use shutaf_domain::matching::{Candidate, Need, rank};
use shutaf_domain::{ContributionType, Sector};

/// A small deterministic generator, so every run ranks the same organisations.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn candidates(n: usize) -> Vec<Candidate> {
    let mut rng = Lcg(42);
    let catalogue = ContributionType::ALL;
    (0..n)
        .map(|i| {
            let sector = Sector::ALL[(rng.next() % 3) as usize];
            let mut offers: Vec<ContributionType> =
                ContributionType::sector_defaults(sector).to_vec();
            for _ in 0..(rng.next() % 4) {
                offers.push(catalogue[(rng.next() as usize) % catalogue.len()]);
            }
            let goals = (0..(rng.next() % 4))
                .map(|_| (rng.next() % 17 + 1) as u8)
                .collect();
            Candidate {
                organisation_id: i as i64,
                sector,
                offers,
                works_in_locality: rng.next().is_multiple_of(10),
                sdg_goals: goals,
                record: (rng.next() % 8) as u32,
            }
        })
        .collect()
}

fn main() {
    const ORGANISATIONS: usize = 100_000;
    const RUNS: usize = 30;
    let pool = candidates(ORGANISATIONS);
    let need = Need {
        uncovered: vec![
            ContributionType::CommunityTrust,
            ContributionType::LocalNetworks,
            ContributionType::Knowledge,
        ],
        partner_sectors: vec![Sector::Public, Sector::Business],
        sdg_goals: vec![7, 11, 13],
        exclude: vec![1, 2, 3],
    };
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut top = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        // Candidates are borrowed per run as storage would hand them over.
        top = rank(black_box(&need), black_box(pool.iter().cloned()), 20);
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "matching: ranked {ORGANISATIONS} organisations for one initiative (top 20): median {:.2} ms, best {:.2} ms over {RUNS} runs",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
    println!(
        "matching: best suggestion id {} with score {}",
        top[0].organisation_id, top[0].score
    );
}
