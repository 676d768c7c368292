//! Matching from kept profiles: the `matching_profiles` rows stay exact through every kind of
//! change the triggers cover (and through a restore), the ranking computed in SQL from them is
//! `shutaf_domain::matching::rank` over the facts read from their own tables, and the
//! opportunities from the kept `matching_needs` are those read from the tables; on a world of a
//! few hundred organisations with random offers, sectors, localities, partnerships, stages,
//! goals, SDG links, needs and partners' contributions.

use futures_util::StreamExt;
use shutaf_domain::matching::{Need, rank};
use shutaf_domain::{ContributionType, Sector};
use shutaf_store::Db;
use shutaf_store::matching::{offer_bit, sdg_bit, sector_bit};
use shutaf_testkit::database::fresh_db;

const STAGES: &[&str] = &[
    "idea",
    "convened",
    "scoping",
    "building",
    "agreed",
    "implementing",
    "reviewing",
    "sustaining",
    "closed",
    "declined",
];
const STATUSES: &[&str] = &["active", "active", "active", "invited", "requested"];

/// A small deterministic generator (xorshift), so a failure repeats.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

async fn run(db: &Db, sql: &str, binds: &[i64]) {
    let mut query = sqlx::query(sql);
    for b in binds {
        query = query.bind(*b);
    }
    query.execute(&db.pool).await.unwrap();
}

async fn insert_id(db: &Db, sql: &str, binds: &[i64]) -> i64 {
    let mut query = sqlx::query_scalar(sql);
    for b in binds {
        query = query.bind(*b);
    }
    query.fetch_one(&db.pool).await.unwrap()
}

async fn add_organisation(db: &Db, sector: Sector) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO organisations (name_en, sort_he, sort_ar, sort_en, sector, kind, created_at, updated_at) \
         VALUES ('o', 'o', 'o', 'o', $1, 'ngo', 1, 1) RETURNING id",
    )
    .bind(sector.code())
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

async fn set_offers(db: &Db, organisation: i64, dice: &mut Dice) {
    run(
        db,
        "DELETE FROM organisation_contributions WHERE organisation_id = $1",
        &[organisation],
    )
    .await;
    for c in ContributionType::ALL {
        if dice.chance(25) {
            sqlx::query(
                "INSERT INTO organisation_contributions (organisation_id, contribution) VALUES ($1, $2)",
            )
            .bind(organisation)
            .bind(c.code())
            .execute(&db.pool)
            .await
            .unwrap();
        }
    }
}

async fn set_links(db: &Db, goal: i64, dice: &mut Dice) {
    run(db, "DELETE FROM goal_sdg_links WHERE goal_id = $1", &[goal]).await;
    let sdg = 1 + dice.below(17) as i64;
    for code in [
        format!("{sdg}"),
        format!("{sdg}.2"),
        format!("{}", 1 + dice.below(17)),
    ] {
        let sdg_goal: i64 = code.split('.').next().unwrap().parse().unwrap();
        sqlx::query(
            "INSERT INTO goal_sdg_links (goal_id, code, sdg_goal) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(goal)
        .bind(code)
        .bind(sdg_goal)
        .execute(&db.pool)
        .await
        .unwrap();
        if dice.chance(40) {
            break;
        }
    }
}

async fn set_goals(db: &Db, initiative: i64, goals: &[i64], dice: &mut Dice) {
    run(
        db,
        "DELETE FROM initiative_goals WHERE initiative_id = $1",
        &[initiative],
    )
    .await;
    for _ in 0..dice.below(4) {
        run(
            db,
            "INSERT INTO initiative_goals (initiative_id, goal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[initiative, *dice.pick(goals)],
        )
        .await;
    }
}

async fn set_needs(db: &Db, initiative: i64, dice: &mut Dice) {
    run(
        db,
        "DELETE FROM initiative_needs WHERE initiative_id = $1",
        &[initiative],
    )
    .await;
    for c in ContributionType::ALL {
        if dice.chance(20) {
            sqlx::query(
                "INSERT INTO initiative_needs (initiative_id, contribution) VALUES ($1, $2)",
            )
            .bind(initiative)
            .bind(c.code())
            .execute(&db.pool)
            .await
            .unwrap();
        }
    }
}

/// A partner's contribution to an initiative (of a type it may or may not need).
async fn add_cover(db: &Db, initiative: i64, dice: &mut Dice) {
    sqlx::query(
        "INSERT INTO partner_contributions (initiative_id, organisation_id, contribution, created_at) \
         SELECT initiative_id, organisation_id, $2, 1 FROM initiative_partners WHERE initiative_id = $1 LIMIT 1",
    )
    .bind(initiative)
    .bind(dice.pick(ContributionType::ALL).code())
    .execute(&db.pool)
    .await
    .unwrap();
}

async fn set_stage(db: &Db, initiative: i64, dice: &mut Dice) {
    sqlx::query("UPDATE initiatives SET stage = $1 WHERE id = $2")
        .bind(*dice.pick(STAGES))
        .bind(initiative)
        .execute(&db.pool)
        .await
        .unwrap();
}

/// A world of two localities: their organisations, goals, initiatives and partnerships.
struct World {
    localities: Vec<i64>,
    organisations: Vec<i64>,
    goals: Vec<i64>,
    initiatives: Vec<i64>,
}

async fn world(db: &Db, dice: &mut Dice) -> World {
    let convener = add_organisation(db, Sector::Public).await;
    let mut localities = Vec::new();
    for _ in 0..2 {
        localities.push(
            insert_id(
                db,
                "INSERT INTO localities (sort_name, kind, convener_organisation_id, created_at) \
                 VALUES ('l', 'municipality', $1, 1) RETURNING id",
                &[convener],
            )
            .await,
        );
    }
    let mut organisations = vec![convener];
    for _ in 0..160 {
        let sector = *dice.pick(Sector::ALL);
        let id = add_organisation(db, sector).await;
        set_offers(db, id, dice).await;
        organisations.push(id);
    }
    for id in &organisations {
        let here = dice.chance(80);
        if here {
            run(
                db,
                "INSERT INTO organisation_localities (organisation_id, locality_id) VALUES ($1, $2)",
                &[*id, localities[0]],
            )
            .await;
        }
        if !here || dice.chance(40) {
            run(
                db,
                "INSERT INTO organisation_localities (organisation_id, locality_id) VALUES ($1, $2)",
                &[*id, localities[1]],
            )
            .await;
        }
    }
    let mut goals = Vec::new();
    for i in 0..14 {
        let goal = insert_id(
            db,
            "INSERT INTO goals (locality_id, title_en, created_at) VALUES ($1, 'g', 1) RETURNING id",
            &[localities[i % 2]],
        )
        .await;
        set_links(db, goal, dice).await;
        goals.push(goal);
    }
    let mut initiatives = Vec::new();
    for i in 0..90 {
        let initiative = sqlx::query_scalar(
            "INSERT INTO initiatives (locality_id, initiator_organisation_id, model, management, stage, \
             created_at, updated_at, last_activity_at) VALUES ($1, $2, 'green-economy', 'joint', $3, 1, 1, 1) RETURNING id",
        )
        .bind(localities[i % 2])
        .bind(*dice.pick(&organisations))
        .bind(*dice.pick(STAGES))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        // Goals before some partners and after others: both orders must keep the profiles.
        if dice.chance(50) {
            set_goals(db, initiative, &goals, dice).await;
        }
        for _ in 0..1 + dice.below(6) {
            sqlx::query(
                "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at) \
                 VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING",
            )
            .bind(initiative)
            .bind(*dice.pick(&organisations))
            .bind(*dice.pick(STATUSES))
            .execute(&db.pool)
            .await
            .unwrap();
        }
        if dice.chance(50) {
            set_goals(db, initiative, &goals, dice).await;
        }
        set_needs(db, initiative, dice).await;
        for _ in 0..dice.below(3) {
            add_cover(db, initiative, dice).await;
        }
        initiatives.push(initiative);
    }
    World {
        localities,
        organisations,
        goals,
        initiatives,
    }
}

/// Every profile equals the facts read from their own tables.
async fn assert_profiles_exact(db: &Db, world: &World) {
    // No partner sector: every organisation of the locality is a candidate of the reference.
    let everyone = Need::default();
    let mut seen = 0;
    for locality in &world.localities {
        for c in db.matching_candidates(*locality, &everyone).await.unwrap() {
            let (sector_bits, offers_bits, sdg_bits, record): (i64, i64, i64, i64) = sqlx::query_as(
                "SELECT sector_bits, offers_bits, sdg_bits, record FROM matching_profiles WHERE organisation_id = $1",
            )
            .bind(c.organisation_id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
            let id = c.organisation_id;
            assert_eq!(sector_bits, sector_bit(c.sector), "sector of {id}");
            let offers = c.offers.iter().fold(0, |b, o| b | offer_bit(*o));
            assert_eq!(offers_bits, offers, "offers of {id}");
            let goals = c.sdg_goals.iter().fold(0, |b, g| b | sdg_bit(*g));
            assert_eq!(sdg_bits, goals, "SDG goals of {id}");
            assert_eq!(record, i64::from(c.record), "record of {id}");
            seen += 1;
        }
    }
    assert!(seen >= world.organisations.len(), "{seen} profiles checked");
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM matching_profiles")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let organisations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(profiles, organisations, "one profile an organisation");
}

/// The SQL ranking equals the domain's over the reference candidates, for many needs.
async fn assert_ranking_is_the_domains(db: &Db, world: &World, dice: &mut Dice) {
    // This test changes the tables by statements of its own, as another process would: the
    // data version moves, and the hub learns of it by its poll. The ranking reads profiles
    // kept at a data version, so without it this would compare stale ones.
    sqlx::query("UPDATE data_version SET version = version + 1 WHERE id = 1")
        .execute(&db.pool)
        .await
        .unwrap();
    db.poll_data_version().await.unwrap();
    let mut found = 0;
    for round in 0..40 {
        let locality = world.localities[round % 2];
        let mut uncovered: Vec<ContributionType> = ContributionType::ALL
            .iter()
            .copied()
            .filter(|_| dice.chance(30))
            .collect();
        if round % 7 == 0 {
            uncovered.clear();
        }
        let partner_sectors: Vec<Sector> = Sector::ALL
            .iter()
            .copied()
            .filter(|_| dice.chance(50))
            .collect();
        let sdg_goals: Vec<u8> = (1..=17u8).filter(|_| dice.chance(25)).collect();
        let exclude: Vec<i64> = (0..dice.below(8))
            .map(|_| *dice.pick(&world.organisations))
            .collect();
        let need = Need {
            uncovered,
            partner_sectors,
            sdg_goals,
            exclude,
        };
        for limit in [1, 5, 20, 1000] {
            let reference = rank(
                &need,
                db.matching_candidates(locality, &need).await.unwrap(),
                limit,
            );
            let ranked = db
                .matching_suggestions(locality, &need, limit)
                .await
                .unwrap();
            assert_eq!(ranked, reference, "round {round}, limit {limit}, {need:?}");
            found += ranked.len();
        }
    }
    assert!(found > 400, "{found} suggestions compared");
}

/// Every organisation's opportunities from the kept needs equal those read from the tables.
async fn assert_opportunities_exact(db: &Db, world: &World) {
    let shape = |found: Vec<shutaf_store::Opportunity>| {
        found
            .into_iter()
            .map(|o| {
                let mut covers = o.covers;
                covers.sort_by_key(|c| offer_bit(*c));
                (o.initiative_id, o.locality_id, o.titles, o.stage, covers)
            })
            .collect::<Vec<_>>()
    };
    let mut found = 0;
    for organisation in &world.organisations {
        for limit in [3, 20] {
            let kept = shape(db.opportunities(*organisation, limit).await.unwrap());
            let reference = shape(
                db.opportunities_from_tables(*organisation, limit)
                    .await
                    .unwrap(),
            );
            assert_eq!(
                kept, reference,
                "organisation {organisation}, limit {limit}"
            );
            found += kept.len();
        }
    }
    assert!(found > 200, "{found} opportunities compared");
}

#[tokio::test]
async fn kept_profiles_rank_as_the_domain_does_through_every_change() {
    let db = fresh_db().await;
    let mut dice = Dice(0x5eed_cafe_f00d_1234);
    let world = world(&db, &mut dice).await;
    assert_profiles_exact(&db, &world).await;
    // The directory's rows by place carry the same profiles (the suggestions read them there).
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    assert_ranking_is_the_domains(&db, &world, &mut dice).await;
    assert_opportunities_exact(&db, &world).await;

    // Offers edited (all removed, some added), sectors changed.
    for _ in 0..30 {
        let id = *dice.pick(&world.organisations);
        set_offers(&db, id, &mut dice).await;
        sqlx::query("UPDATE organisations SET sector = $1 WHERE id = $2")
            .bind(dice.pick(Sector::ALL).code())
            .bind(id)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    // Stages moved both ways across agreement.
    for _ in 0..40 {
        set_stage(&db, *dice.pick(&world.initiatives), &mut dice).await;
    }
    // Partners joining, leaving, stepping back, moving; goals re-linked; SDG links rewritten.
    for _ in 0..40 {
        let initiative = *dice.pick(&world.initiatives);
        let organisation = *dice.pick(&world.organisations);
        match dice.below(8) {
            6 => set_needs(&db, initiative, &mut dice).await,
            7 => {
                if dice.chance(50) {
                    add_cover(&db, initiative, &mut dice).await
                } else {
                    run(
                        &db,
                        "DELETE FROM partner_contributions WHERE id IN \
                         (SELECT id FROM partner_contributions WHERE initiative_id = $1 LIMIT 1)",
                        &[initiative],
                    )
                    .await
                }
            }
            0 => {
                sqlx::query(
                    "UPDATE initiative_partners SET status = $1 WHERE initiative_id = $2",
                )
                .bind(*dice.pick(STATUSES))
                .bind(initiative)
                .execute(&db.pool)
                .await
                .unwrap();
            }
            1 => {
                run(
                    &db,
                    "DELETE FROM initiative_partners WHERE initiative_id = $1 AND organisation_id IN \
                     (SELECT organisation_id FROM initiative_partners WHERE initiative_id = $1 LIMIT 1)",
                    &[initiative],
                )
                .await
            }
            2 => {
                run(
                    &db,
                    "UPDATE initiative_partners SET organisation_id = $1 WHERE initiative_id = $2 \
                     AND organisation_id IN (SELECT organisation_id FROM initiative_partners \
                     WHERE initiative_id = $2 LIMIT 1) \
                     AND NOT EXISTS (SELECT 1 FROM initiative_partners WHERE initiative_id = $2 AND organisation_id = $1)",
                    &[organisation, initiative],
                )
                .await
            }
            3 => set_goals(&db, initiative, &world.goals, &mut dice).await,
            4 => set_links(&db, *dice.pick(&world.goals), &mut dice).await,
            _ => {
                sqlx::query(
                    "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at) \
                     VALUES ($1, $2, 'active', 1) ON CONFLICT DO NOTHING",
                )
                .bind(initiative)
                .bind(organisation)
                .execute(&db.pool)
                .await
                .unwrap();
            }
        }
    }
    assert_profiles_exact(&db, &world).await;
    // The directory's rows by place carry the same profiles (the suggestions read them there).
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    assert_ranking_is_the_domains(&db, &world, &mut dice).await;
    assert_opportunities_exact(&db, &world).await;

    // A goal and an initiative deleted: their links, goals and partnerships go by cascade.
    run(&db, "DELETE FROM goals WHERE id = $1", &[world.goals[0]]).await;
    run(
        &db,
        "DELETE FROM initiatives WHERE id = $1",
        &[world.initiatives[0]],
    )
    .await;
    let world = World {
        goals: world.goals[1..].to_vec(),
        initiatives: world.initiatives[1..].to_vec(),
        ..world
    };
    assert_profiles_exact(&db, &world).await;
    // The directory's rows by place carry the same profiles (the suggestions read them there).
    assert_eq!(db.tallies_agree().await.unwrap(), Ok(()));
    assert_ranking_is_the_domains(&db, &world, &mut dice).await;
    assert_opportunities_exact(&db, &world).await;

    // A restore builds the profiles again through the triggers: the same rows.
    let restored = fresh_db().await;
    let mut snapshot = db.snapshot().await.unwrap();
    assert!(
        snapshot
            .tables
            .iter()
            .all(|t| t.name != "matching_profiles"),
        "derived: not backed up"
    );
    let mut restore = restored.begin_restore().await.unwrap();
    for index in 0..snapshot.tables.len() {
        let table = snapshot.tables[index].clone();
        let columns: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
        let rows: Vec<_> = snapshot
            .rows(index)
            .map(|r| r.unwrap())
            .collect::<Vec<_>>()
            .await;
        restore.insert(&table.name, &columns, rows).await.unwrap();
    }
    restore.finish().await.unwrap();
    snapshot.finish().await.unwrap();
    let profiles = |db: &Db| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_as::<_, (i64, i64, i64, i64, i64)>(
                "SELECT organisation_id, sector_bits, offers_bits, sdg_bits, record \
                 FROM matching_profiles ORDER BY organisation_id",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(profiles(&restored).await, profiles(&db).await);
    let needs = |db: &Db| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_as::<_, (i64, i64, i64, i64)>(
                "SELECT initiative_id, locality_id, looking, needs_bits FROM matching_needs ORDER BY initiative_id",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(needs(&restored).await, needs(&db).await);
    assert_profiles_exact(&restored, &world).await;
    assert_opportunities_exact(&restored, &world).await;
    // The directory's rows by place are built again the same way.
    let places = |db: &Db| {
        let pool = db.pool.clone();
        async move {
            sqlx::query_as::<_, (i64, i64, String, i64, i64, i64, i64)>(
                "SELECT organisation_id, locality_id, sector, offers_bits, sector_bits, sdg_bits, record \
                 FROM directory_places ORDER BY organisation_id, locality_id",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert!(!places(&db).await.is_empty());
    assert_eq!(places(&restored).await, places(&db).await);
    assert_eq!(restored.tallies_agree().await.unwrap(), Ok(()));
}

/// The count of set bits the opportunities' statement uses (SQLite has no popcount) is exact
/// for every value the profiles can hold, on both backends.
#[tokio::test]
async fn the_statements_bit_count_is_exact() {
    let db = fresh_db().await;
    let sql = shutaf_store::matching::OPPORTUNITIES_SQL.as_str();
    // The statement counts 12 bits at a time with this multiplication.
    assert!(sql.contains("* 281543712968705) & 37191016277640225) % 31"));
    let wrong: i64 = sqlx::query_scalar(
        "WITH RECURSIVE n (v) AS (SELECT 0 UNION ALL SELECT v + 1 FROM n WHERE v < 4095) \
         SELECT COUNT(*) FROM n WHERE (((v * 281543712968705) & 37191016277640225) % 31) <> \
         ((v & 1) + ((v >> 1) & 1) + ((v >> 2) & 1) + ((v >> 3) & 1) + ((v >> 4) & 1) + ((v >> 5) & 1) \
         + ((v >> 6) & 1) + ((v >> 7) & 1) + ((v >> 8) & 1) + ((v >> 9) & 1) + ((v >> 10) & 1) + ((v >> 11) & 1))",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(wrong, 0);
    // And the bits are the catalogue's places, the sectors' and the SDG goals' numbers.
    assert_eq!(offer_bit(ContributionType::ALL[0]), 1);
    assert_eq!(offer_bit(ContributionType::ALL[15]), 1 << 15);
    assert_eq!(sector_bit(Sector::Business), 4);
    assert_eq!(
        (sdg_bit(0), sdg_bit(1), sdg_bit(17), sdg_bit(18)),
        (0, 2, 1 << 17, 0)
    );
}
