//! Initiatives in storage: goals with their SDG codes, the seed story from proposal to agreement,
//! the portal following business partners, and declarations whose ties to a partner are logged
//! recusals.

use shutaf_domain::initiative::WorkPlanPlacement;
use shutaf_domain::lifecycle::{Gate, Party, check_transition};
use shutaf_domain::{ContributionType, OrganisationKind, Sector, Stage};
use shutaf_store::integrity::NewDeclaration;
use shutaf_store::{Acting, NewContribution, NewInitiative, PartnerStatus, StoreError};

use crate::support::{org, proposal, world};

#[tokio::test]
async fn goals_keep_their_sdg_codes() {
    let w = world().await;
    let goals = w.db.goals_of(w.locality).await.unwrap();
    assert_eq!(goals[0].sdg_codes, vec!["13", "7", "7.2"]);
    assert_eq!(goals[0].sdg_goals(), vec![7, 13]);
}

/// A change recorded for an initiative that is not there is `NotFound` (the journal's own
/// statement finds no row), not a `Conflict` with someone who changed it first; and nothing is
/// left on the record.
#[tokio::test]
async fn a_change_to_a_missing_initiative_is_not_found() {
    let w = world().await;
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let before = w.db.log_size().await.unwrap();
    let missing = w.db.set_work_plan(
        9_999_999,
        &WorkPlanPlacement::Placed,
        Some("Nowhere"),
        None,
        None,
        convener,
    );
    assert!(matches!(missing.await, Err(StoreError::NotFound)));
    assert_eq!(w.db.log_size().await.unwrap(), before);
}

#[tokio::test]
async fn the_seed_story_in_storage() {
    let w = world().await;
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let (id, notified) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    assert_eq!(
        notified,
        vec![w.coordinator],
        "the convener's staff hear at once"
    );
    let (notes, unread) = w.db.notifications(w.coordinator, 10).await.unwrap();
    assert_eq!((notes.len(), unread), (1, 1));

    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
    assert_eq!(facts.stage, Stage::Idea);
    assert!(!facts.convener_engaged);
    assert_eq!(
        facts.partners.len(),
        1,
        "the initiator is the first partner"
    );
    assert_eq!(
        check_transition(&facts, Stage::Convened, &[Party::ConvenerStaff], None).unwrap_err(),
        shutaf_domain::lifecycle::Refusal::GatesUnmet(vec![Gate::ConveneEarly])
    );

    let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
    w.db.engage(id, revision, w.coordinator, false, convener)
        .await
        .unwrap();
    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
    assert!(facts.convener_engaged);
    let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
    check_transition(&facts, Stage::Convened, &[Party::ConvenerStaff], None).unwrap();
    w.db.set_stage(id, revision, Stage::Convened, None, convener)
        .await
        .unwrap();
    // Somebody who read the old revision loses: changed meanwhile.
    assert!(matches!(
        w.db.set_stage(id, revision, Stage::Scoping, None, convener)
            .await,
        Err(StoreError::Conflict)
    ));

    // The NGO asks to join and the lead accepts; the city is invited and accepts.
    assert_eq!(
        w.db.propose_partner(id, w.ngo, PartnerStatus::Requested, csr)
            .await
            .unwrap(),
        PartnerStatus::Requested
    );
    assert_eq!(
        w.db.propose_partner(id, w.ngo, PartnerStatus::Invited, csr)
            .await
            .unwrap(),
        PartnerStatus::Active
    );
    assert_eq!(
        w.db.propose_partner(id, w.city, PartnerStatus::Invited, csr)
            .await
            .unwrap(),
        PartnerStatus::Invited
    );
    assert!(matches!(
        w.db.propose_partner(id, w.city, PartnerStatus::Invited, csr)
            .await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(
        w.db.propose_partner(id, w.city, PartnerStatus::Requested, convener)
            .await
            .unwrap(),
        PartnerStatus::Active
    );

    for (org, contribution) in [
        (w.company, ContributionType::Budget),
        (w.ngo, ContributionType::CommunityTrust),
        (w.city, ContributionType::Authority),
    ] {
        w.db.describe_partner(id, org, Some("role"), Some("interests"), None, csr)
            .await
            .unwrap();
        let c = NewContribution {
            contribution,
            description: None,
            cash_agorot: Some(5_000_000),
            in_kind_agorot: None,
            period: Some("2027".into()),
        };
        w.db.add_contribution(id, org, &c, csr).await.unwrap();
    }
    let mut new = proposal(&w);
    new.goal_ids = vec![w.goal];
    w.db.update_initiative(id, &new, csr).await.unwrap();
    w.db.set_work_plan(
        id,
        &WorkPlanPlacement::Placed,
        Some("Solar programme"),
        Some("1-7400-930"),
        None,
        convener,
    )
    .await
    .unwrap();
    w.db.set_integrity(
        id,
        false,
        Some("no-municipal-money"),
        Some("The company pays for everything"),
        convener,
    )
    .await
    .unwrap();
    w.db.declare_interests(
        id,
        &NewDeclaration {
            organisation_id: w.city,
            ..Default::default()
        },
        convener,
    )
    .await
    .unwrap();
    w.db.declare_interests(
        id,
        &NewDeclaration {
            organisation_id: w.company,
            ..Default::default()
        },
        csr,
    )
    .await
    .unwrap();
    // The locality's portal lists both, found from its own initiatives; no other locality's.
    let listed = w.db.portal_declarations(w.locality, 20, 0).await.unwrap();
    let mut seen: Vec<(&str, i64, i64)> = listed
        .iter()
        .map(|d| (d.matter.as_str(), d.matter_id, d.user_id))
        .collect();
    seen.sort_unstable();
    let mut expected = vec![
        ("initiative", id, convener.user_id),
        ("initiative", id, csr.user_id),
    ];
    expected.sort_unstable();
    assert_eq!(seen, expected);
    assert!(
        w.db.portal_declarations(w.locality + 1, 20, 0)
            .await
            .unwrap()
            .is_empty()
    );

    let v1 =
        w.db.propose_charter(id, r#"{"vision":"Solar schools"}"#, w.company, csr)
            .await
            .unwrap();
    for org in [w.company, w.ngo, w.city] {
        w.db.endorse(id, v1, org, csr).await.unwrap();
    }
    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
    assert!(facts.partners.iter().all(|p| p.endorsed_current));
    // The pages read the facts from the initiative and partners they already hold: the same.
    let at = w.db.now();
    let initiative = w.db.initiative(id).await.unwrap().unwrap();
    let partners = w.db.partners(id).await.unwrap();
    let read_again = w.db.facts(id, at).await.unwrap().unwrap();
    assert_eq!(read_again.partners.len(), 3);
    assert_eq!(
        w.db.facts_of_initiative(&initiative, &partners, at)
            .await
            .unwrap(),
        read_again
    );
    // A new version clears the endorsements; the old one cannot be endorsed any more.
    let v2 =
        w.db.propose_charter(
            id,
            r#"{"vision":"Solar schools and a youth programme"}"#,
            w.ngo,
            csr,
        )
        .await
        .unwrap();
    assert_eq!(v2, 2);
    assert!(matches!(
        w.db.endorse(id, v1, w.city, convener).await,
        Err(StoreError::Conflict)
    ));
    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
    assert!(facts.partners.iter().all(|p| !p.endorsed_current));
    for org in [w.company, w.ngo, w.city] {
        w.db.endorse(id, v2, org, csr).await.unwrap();
    }
    w.db.set_expectations(id, w.company, &[("time-to-first-result", "quarter")], csr)
        .await
        .unwrap();
    w.db.set_expectations(id, w.city, &[("time-to-first-result", "year")], convener)
        .await
        .unwrap();

    let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
    assert_eq!(facts.linked_goals, 1);
    // A goal the city dropped no longer makes the initiative fit its agenda; taken up again, it
    // does.
    let goal = w.db.goal(w.goal).await.unwrap().unwrap();
    for (status, fits) in [("dropped", 0), ("achieved", 0), ("active", 1)] {
        let changed = shutaf_store::NewGoal {
            titles: [
                goal.title_he.clone(),
                goal.title_ar.clone(),
                goal.title_en.clone(),
            ],
            descriptions: [None, None, None],
            department: None,
            horizon: None,
            work_plan_year: goal.work_plan_year,
            budget_line: goal.budget_line.clone(),
            status: status.into(),
            sdg_codes: goal.sdg_codes.clone(),
        };
        w.db.update_goal(w.goal, &changed).await.unwrap();
        let facts = w.db.facts(id, w.db.now()).await.unwrap().unwrap();
        assert_eq!(facts.linked_goals, fits, "{status}");
    }
    assert!(facts.uncovered().is_empty());
    assert_eq!(facts.sectors().len(), 3);
    assert_eq!(facts.integrity.deciders, 2);
    assert_eq!(facts.integrity.undeclared_deciders, 0);
    assert_eq!(
        facts
            .partners
            .iter()
            .filter(|p| p.expectations.is_some())
            .count(),
        2
    );
    let mut facts = facts;
    facts.stage = Stage::Building;
    assert!(
        check_transition(&facts, Stage::Agreed, &[Party::Lead], None).is_ok(),
        "{facts:?}"
    );
    assert!(
        w.db.events(id, 100).await.unwrap().len() > 15,
        "everything is on the record"
    );

    let (window, total) =
        w.db.initiatives_of_locality(w.locality, None, None, 20, w.db.now())
            .await
            .unwrap();
    assert_eq!(total, 1);
    assert_eq!(window.items[0].facts.partners.len(), 3);
    assert_eq!((window.older, window.newer), (None, None));
    let (window, total) =
        w.db.initiatives_of_locality(w.locality, Some(Stage::Agreed), None, 20, w.db.now())
            .await
            .unwrap();
    assert_eq!((window.items.len(), total), (0, 0));
    assert_eq!(
        w.db.initiatives_of_organisation(w.ngo, 10)
            .await
            .unwrap()
            .len(),
        1
    );

    // Partners leave; the initiator cannot.
    w.db.remove_partner(id, w.ngo, csr).await.unwrap();
    assert!(matches!(
        w.db.remove_partner(id, w.company, csr).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        w.db.contributions(id).await.unwrap().len(),
        2,
        "the leaver's commitments go with it"
    );
}

/// The portal lists a locality's partnerships with a business: kept as a flag on the
/// initiative, it follows partners joining and leaving, and a partner's sector changing.
#[tokio::test]
async fn the_portal_follows_business_partners_joining_leaving_and_changing_sector() {
    use shutaf_store::portal::PortalFilter;
    let w = world().await;
    let ngo = Acting {
        user_id: w
            .db
            .user_by_email("ngo@ngo.example")
            .await
            .unwrap()
            .unwrap()
            .id,
        organisation_id: Some(w.ngo),
    };
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let listed = |db: &shutaf_store::Db| {
        let db = db.clone();
        let locality = w.locality;
        async move {
            let page = db
                .portal_initiatives(locality, &PortalFilter::default(), None, 50)
                .await
                .unwrap();
            let total = db
                .portal_initiative_count(locality, &PortalFilter::default(), 1_000)
                .await
                .unwrap();
            assert_eq!(page.len() as i64, total);
            page.into_iter().map(|i| i.id).collect::<Vec<i64>>()
        }
    };
    // The NGO's idea has no business in it.
    let (id, _) =
        w.db.create_initiative(
            &NewInitiative {
                initiator_organisation_id: w.ngo,
                ..proposal(&w)
            },
            ngo,
        )
        .await
        .unwrap();
    assert_eq!(listed(&w.db).await, Vec::<i64>::new());
    // The company's idea has; and the company asked in and invited into the NGO's joins it.
    let (theirs, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    assert_eq!(listed(&w.db).await, vec![theirs]);
    w.db.propose_partner(id, w.company, PartnerStatus::Requested, csr)
        .await
        .unwrap();
    assert_eq!(
        listed(&w.db).await,
        vec![theirs],
        "asking is not partnering"
    );
    w.db.propose_partner(id, w.company, PartnerStatus::Invited, ngo)
        .await
        .unwrap();
    assert_eq!(listed(&w.db).await, vec![theirs, id], "newest first");
    // Each row names its business partner in each language, in another where it has no name.
    let rows =
        w.db.portal_initiatives(w.locality, &PortalFilter::default(), None, 50)
            .await
            .unwrap();
    for row in &rows {
        let names =
            [&row.businesses_he, &row.businesses_ar, &row.businesses_en].map(|n| n.as_deref());
        assert_eq!(
            names,
            [Some("חברה"), Some("חברה"), Some("Company")],
            "{}",
            row.id
        );
    }
    // A call awarded for it: its row names the first awarded call, and the choice is the call.
    let mut calls = Vec::new();
    for status in ["draft", "awarded", "awarded"] {
        let call: i64 = sqlx::query_scalar(
            "INSERT INTO calls (locality_id, lang, title, purpose, sought, eligibility, deadline_at, status, \
             initiative_id, created_by, created_at) VALUES ($1, 'en', 't', 'p', 's', 'e', 0, $2, $3, $4, 0) RETURNING id",
        )
        .bind(w.locality)
        .bind(status)
        .bind(theirs)
        .bind(w.csr)
        .fetch_one(&w.db.pool)
        .await
        .unwrap();
        calls.push(call);
    }
    let rows =
        w.db.portal_initiatives(w.locality, &PortalFilter::default(), None, 50)
            .await
            .unwrap();
    let row = rows.iter().find(|r| r.id == theirs).expect("listed");
    assert_eq!(row.call_id, Some(calls[1]));
    assert_eq!(row.choice(), shutaf_domain::integrity::Choice::OpenCall);
    // It leaves.
    w.db.remove_partner(id, w.company, csr).await.unwrap();
    assert_eq!(listed(&w.db).await, vec![theirs]);
    // The company turns out to be a social enterprise registered as an NGO.
    w.db.update_organisation(
        w.company,
        &org("חברה", "Company", Sector::Third, OrganisationKind::Ngo),
    )
    .await
    .unwrap();
    assert_eq!(listed(&w.db).await, Vec::<i64>::new());
}

#[tokio::test]
async fn declarations_name_ties_and_a_tie_with_a_partner_is_a_logged_recusal() {
    use shutaf_domain::integrity::Relation;
    use shutaf_store::integrity::Matter;
    let w = world().await;
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    let before = w.db.log_size().await.unwrap();
    let recused =
        w.db.declare_interests(
            id,
            &NewDeclaration {
                organisation_id: w.city,
                details: Some("My brother works at the company".into()),
                ties: vec![(w.company, Relation::Relative), (w.ngo, Relation::Member)],
            },
            convener,
        )
        .await
        .unwrap();
    assert_eq!(recused, vec![w.company], "the NGO is not a partner (yet)");
    // The portal counts both beside the initiative.
    let listed =
        w.db.portal_initiatives(
            w.locality,
            &shutaf_store::portal::PortalFilter::default(),
            None,
            50,
        )
        .await
        .unwrap();
    let row = listed.iter().find(|r| r.id == id).expect("listed");
    assert_eq!(
        (
            row.declarations,
            row.recusals,
            row.call_id,
            row.notice_outcome.as_deref()
        ),
        (1, 1, None, None)
    );
    let declared =
        w.db.declared(Matter::Initiative(id), w.coordinator)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(declared.ties.len(), 2);
    assert!(
        w.db.declared(Matter::Initiative(id), w.csr)
            .await
            .unwrap()
            .is_none()
    );
    let public = w.db.declarations(Matter::Initiative(id)).await.unwrap();
    assert_eq!(public.len(), 1);
    assert!(public[0].has_interests);
    assert_eq!(public[0].ties.len(), 2);
    assert_eq!(public[0].person, "Test Person");
    let recusals = w.db.recusals(Matter::Initiative(id)).await.unwrap();
    assert_eq!(recusals.len(), 1);
    assert_eq!(recusals[0].party.id, w.company);

    // Both the declaration and the recusal are on the record, naming the person.
    let entries = w.db.log_entries(before, before + 10).await.unwrap();
    let kinds: Vec<&str> = entries.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["interests-declared", "recused"]);
    // By pseudonym on the entry, by name beside it (where it can be redacted).
    let pseudonym = entries[0].person.clone().unwrap();
    assert!(pseudonym.starts_with("p-"), "{pseudonym}");
    assert_eq!(entries[1].person.as_deref(), Some(pseudonym.as_str()));
    let beside = w.db.disclosures(&[entries[0].index]).await.unwrap();
    assert_eq!(beside[0].field, "person-name");
    assert_eq!(beside[0].text.as_deref(), Some("Test Person"));
    assert!(
        entries[0]
            .detail
            .as_deref()
            .unwrap()
            .contains(&format!("organisation:{} relative", w.company))
    );
    // Recording the same recusal again does not log it twice.
    w.db.recuse(Matter::Initiative(id), w.locality, w.company, convener)
        .await
        .unwrap();
    assert_eq!(w.db.log_size().await.unwrap(), before + 2);
}

/// Makes the database refuse the next log entry of `kind`, as a crash between the parts of an
/// action would: the second part fails after the first was written in the same transaction.
async fn refuse_log_entries(db: &shutaf_store::Db, kind: &str) {
    let statements = match shutaf_testkit::test_backend() {
        shutaf_store::Backend::Sqlite => vec![format!(
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON decision_log WHEN NEW.kind = '{kind}' \
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )],
        shutaf_store::Backend::Postgres => vec![
            format!(
                "CREATE FUNCTION refuse_entry() RETURNS trigger AS $$ BEGIN \
                 IF NEW.kind = '{kind}' THEN RAISE EXCEPTION 'refused by the test'; END IF; \
                 RETURN NEW; END $$ LANGUAGE plpgsql"
            ),
            "CREATE TRIGGER refuse_entry BEFORE INSERT ON decision_log FOR EACH ROW \
             EXECUTE FUNCTION refuse_entry()"
                .to_owned(),
        ],
    };
    for statement in statements {
        sqlx::query(&statement).execute(&db.pool).await.unwrap();
    }
}

#[tokio::test]
async fn engaging_names_the_contact_and_convenes_the_idea_all_or_nothing() {
    let w = world().await;
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let (id, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    let revision = w.db.initiative(id).await.unwrap().unwrap().revision;
    let size = w.db.log_size().await.unwrap();
    // The second part fails: nothing of the first is kept.
    refuse_log_entries(&w.db, "stage-convened").await;
    let failed =
        w.db.engage(id, revision, w.coordinator, true, convener)
            .await;
    assert!(failed.is_err());
    let initiative = w.db.initiative(id).await.unwrap().unwrap();
    assert_eq!(
        (initiative.stage, initiative.convener_contact_user_id),
        (Stage::Idea, None)
    );
    assert_eq!(
        w.db.log_size().await.unwrap(),
        size,
        "no convener-engaged entry"
    );
    // Without the failure, both parts land together.
    let drop = match shutaf_testkit::test_backend() {
        shutaf_store::Backend::Sqlite => "DROP TRIGGER refuse_entry",
        shutaf_store::Backend::Postgres => "DROP TRIGGER refuse_entry ON decision_log",
    };
    sqlx::query(drop).execute(&w.db.pool).await.unwrap();
    w.db.engage(id, revision, w.coordinator, true, convener)
        .await
        .unwrap();
    let initiative = w.db.initiative(id).await.unwrap().unwrap();
    assert_eq!(
        (initiative.stage, initiative.convener_contact_user_id),
        (Stage::Convened, Some(w.coordinator))
    );
    assert_eq!(w.db.log_size().await.unwrap(), size + 2);
}

/// Copies initiative `id` `n` times in one statement (titles `copy 1` … `copy n`), with its
/// partners: a long portal list without a long test.
pub async fn copies(db: &shutaf_store::Db, id: i64, n: i64) {
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $2) \
         INSERT INTO initiatives (locality_id, initiator_organisation_id, title_en, model, management, stage, \
         created_at, updated_at, last_activity_at, business_partner) \
         SELECT i.locality_id, i.initiator_organisation_id, 'copy ' || n.k, i.model, i.management, i.stage, \
         i.created_at, i.updated_at, i.last_activity_at, i.business_partner FROM initiatives i, n WHERE i.id = $1",
    )
    .bind(id)
    .bind(n)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO initiative_partners (initiative_id, organisation_id, status, created_at, joined_at) \
         SELECT c.id, p.organisation_id, p.status, p.created_at, p.joined_at \
         FROM initiatives c, initiative_partners p WHERE c.id > $1 AND p.initiative_id = $1",
    )
    .bind(id)
    .execute(&db.pool)
    .await
    .unwrap();
}

/// The portal's list goes by keyset: walked a page at a time (each page before the last id of
/// the one before), it gives every row exactly once, newest first, with or without a filter;
/// its count stops one past its cap.
#[tokio::test]
async fn the_portal_walks_its_list_by_keyset_and_caps_its_count() {
    use shutaf_store::portal::PortalFilter;
    let w = world().await;
    let csr = Acting {
        user_id: w.csr,
        organisation_id: Some(w.company),
    };
    let (first, _) = w.db.create_initiative(&proposal(&w), csr).await.unwrap();
    copies(&w.db, first, 60).await;
    let all = PortalFilter::default();
    let searched = PortalFilter {
        search: "COPY 1".into(),
        ..PortalFilter::default()
    };
    for (filter, expected) in [(&all, 61), (&searched, 11)] {
        let mut seen: Vec<i64> = Vec::new();
        let mut before = None;
        loop {
            let page =
                w.db.portal_initiatives(w.locality, filter, before, 7)
                    .await
                    .unwrap();
            assert!(page.len() <= 7);
            let Some(last) = page.last() else { break };
            before = Some(last.id);
            seen.extend(page.iter().map(|i| i.id));
        }
        assert_eq!(seen.len(), expected, "{filter:?}");
        assert!(
            seen.windows(2).all(|pair| pair[0] > pair[1]),
            "newest first, each once: {seen:?}"
        );
        let count = |cap| w.db.portal_initiative_count(w.locality, filter, cap);
        assert_eq!(count(1_000).await.unwrap(), expected as i64);
        assert_eq!(count(10).await.unwrap(), 11, "capped: more than 10");
        // The downloads' pages start where a skip over the list lands.
        let at =
            w.db.portal_initiative_at(w.locality, filter, 7)
                .await
                .unwrap();
        assert_eq!(at, Some(seen[7]));
        let past =
            w.db.portal_initiative_at(w.locality, filter, expected as i64)
                .await
                .unwrap();
        assert_eq!(past, None);
    }
}
