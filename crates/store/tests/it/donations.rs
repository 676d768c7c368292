//! A donation through the committee procedure, step by step.

use shutaf_store::{Acting, StoreError};

use crate::support::world;

#[tokio::test]
async fn a_donation_goes_through_the_committee_step_by_step() {
    use shutaf_domain::donation::{DonationKind, DonationStep, HeadDecision, Recommendation};
    use shutaf_store::donations::{DonationAction, NewDonation};
    let w = world().await;
    let convener = Acting {
        user_id: w.coordinator,
        organisation_id: Some(w.city),
    };
    let id =
        w.db.register_donation(
            &NewDonation {
                locality_id: w.locality,
                donor_organisation_id: Some(w.company),
                donor_name: "Company".into(),
                kind: DonationKind::Goods,
                value_agorot: Some(5_000_000),
                purpose: "Solar panels for the school".into(),
                initiative_id: None,
            },
            convener,
        )
        .await
        .unwrap();
    let donation = w.db.donation(id).await.unwrap().unwrap();
    assert_eq!(donation.step, DonationStep::Registered);
    w.db.donation_step(
        &donation,
        &DonationAction::Check {
            check: "No conflict with tenders".into(),
            recommendation: Recommendation::Accept,
        },
        convener,
    )
    .await
    .unwrap();
    // A step taken on a stale view is refused.
    assert!(matches!(
        w.db.donation_step(
            &donation,
            &DonationAction::Report { report: "x".into() },
            convener
        )
        .await,
        Err(StoreError::Conflict)
    ));
    let donation = w.db.donation(id).await.unwrap().unwrap();
    assert_eq!(donation.recommendation(), Some(Recommendation::Accept));
    w.db.donation_step(
        &donation,
        &DonationAction::Decide {
            decision: HeadDecision::Decline,
            reasons: Some("The supplier is in a tender".into()),
        },
        convener,
    )
    .await
    .unwrap();
    let donation = w.db.donation(id).await.unwrap().unwrap();
    w.db.donation_step(
        &donation,
        &DonationAction::Report {
            report: "Council meeting 12".into(),
        },
        convener,
    )
    .await
    .unwrap();
    let donation = w.db.donation(id).await.unwrap().unwrap();
    assert_eq!(donation.step, DonationStep::Reported);
    assert_eq!(donation.head_decision(), Some(HeadDecision::Decline));
    assert_eq!(
        donation.head_reasons.as_deref(),
        Some("The supplier is in a tender")
    );
    assert_eq!(
        w.db.donations_of_locality(w.locality, 10, 0)
            .await
            .unwrap()
            .len(),
        1
    );
    let size = w.db.log_size().await.unwrap();
    let kinds: Vec<String> =
        w.db.log_entries(size - 4, size)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect();
    assert_eq!(
        kinds,
        vec![
            "donation-registered",
            "donation-checked",
            "donation-decided",
            "donation-reported"
        ]
    );
}
