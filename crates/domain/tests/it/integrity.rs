//! The integrity rules' names: the codes that exports and the public record carry, and the keys
//! of the messages that explain a refusal.

use shutaf_domain::integrity::{Bar, Choice, Exemption, known_ties};

#[test]
fn each_choice_has_its_stable_code_and_label() {
    let choices = [
        (Choice::OpenCall, "open-call"),
        (Choice::CompetingProposals, "competing-proposals"),
        (Choice::Competition, "competition"),
        (Choice::Exempt(Exemption::SoleProvider), "exemption"),
        (Choice::Unrecorded, "unrecorded"),
    ];
    for (choice, code) in choices {
        assert_eq!(choice.code(), code);
        assert_eq!(choice.label_key(), format!("choice-{code}"));
        assert_eq!(choice.is_recorded(), choice != Choice::Unrecorded, "{code}");
    }
}

#[test]
fn each_bar_names_its_explanation() {
    assert_eq!(Bar::Undeclared.key(), "refused-undeclared");
    assert_eq!(Bar::Recused { organisation_id: 4 }.key(), "refused-recused");
}

#[test]
fn ties_the_hub_knows_are_the_parties_one_belongs_to() {
    assert_eq!(known_ties(&[7, 2, 9], &[3, 2, 7, 2]), vec![2, 7]);
    assert!(known_ties(&[5], &[1, 2]).is_empty());
    assert!(known_ties(&[], &[1]).is_empty());
}
