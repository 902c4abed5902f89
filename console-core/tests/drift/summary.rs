//! Counts, the chart's bars, and the change since the previous review.
use console_core::drift::{CategoryId, Change, Inputs, Review, ReviewKeys};

use super::world::*;

fn organization(members: &[&str], credentials: bool) -> Inputs {
    let mut input = world();
    input.members = members.iter().map(|l| member(l)).collect();
    input.identities = vec![linked("b", "bob", "bob@idp")];
    input.credentials = credentials.then(Vec::new);
    input
}

#[test]
fn counts_equal_the_tables_and_bars_are_thousandths_of_the_longest() {
    let mut input = organization(&["ana", "bob", "cat", "dan"], true);
    input.identities.push(saml_only("c", "cat", "cat", &[]));
    input.outside_collaborators = vec![console_core::drift::Collaborator {
        login: "oc".into(),
        name: None,
    }];
    let review = review(&input);
    let summary = review.summary(None);
    let entry = |c: CategoryId| {
        summary
            .entries
            .iter()
            .find(|e| e.category == c)
            .cloned()
            .unwrap()
    };
    for e in &summary.entries {
        assert_eq!(
            e.count,
            Some(review.category(e.category).len()),
            "{:?}",
            e.category
        );
        assert_eq!(e.change, None, "no previous review");
    }
    assert_eq!(entry(CategoryId::MembersWithoutScim).count, Some(3));
    assert_eq!(
        entry(CategoryId::MembersWithoutScim).bar_per_mille,
        Some(1000)
    );
    assert_eq!(
        entry(CategoryId::MembersWithoutIdentity).bar_per_mille,
        Some(667),
        "2 of 3, rounded"
    );
    assert_eq!(entry(CategoryId::StaleLinks).bar_per_mille, Some(0));
    assert_eq!(entry(CategoryId::OutsideCollaborators).count, Some(1));
    assert_eq!(
        entry(CategoryId::OutsideCollaborators).bar_per_mille,
        None,
        "not charted"
    );
    let order: Vec<CategoryId> = summary.entries.iter().map(|e| e.category).collect();
    assert_eq!(order, CategoryId::ALL);
}

#[test]
fn a_tiny_count_still_draws_and_an_empty_review_draws_nothing() {
    let logins: Vec<String> = (0..2500).map(|i| format!("m{i}")).collect();
    let mut input = world();
    input.members = logins.iter().map(|l| member(l)).collect();
    input.identities = logins[1..]
        .iter()
        .map(|l| saml_only(l, l, l, &[]))
        .collect();
    let summary = review(&input).summary(None);
    let bars: Vec<Option<u16>> = summary.entries.iter().map(|e| e.bar_per_mille).collect();
    assert_eq!(
        bars[..2],
        [Some(1000), Some(1)],
        "1 of 2,500 rounds to 0 but shows as 1"
    );
    let empty = review(&world()).summary(None);
    assert!(empty
        .entries
        .iter()
        .all(|e| e.bar_per_mille.unwrap_or(0) == 0 && e.count.unwrap_or(0) == 0));
}

#[test]
fn credentials_not_loaded_have_no_count_and_no_change() {
    let before = review(&organization(&["ana"], true)).keys();
    let review = review(&organization(&["ana"], false));
    let summary = review.summary(Some(&before));
    let credentials = &summary.entries[CategoryId::Credentials as usize];
    assert_eq!(
        (credentials.count, credentials.change.clone()),
        (None, None)
    );
    assert!(!review.keys().0.contains_key("credentials"));
    let after = Review::build(&organization(&["ana"], true)).summary(Some(&review.keys()));
    assert_eq!(
        after.entries[CategoryId::Credentials as usize].change,
        None,
        "the previous review had none"
    );
}

#[test]
fn the_change_since_the_previous_review_by_stable_keys() {
    let before = review(&organization(&["ana", "ann", "bob"], true)).keys();
    let stored = serde_json::to_string(&before).unwrap();
    let before: ReviewKeys = serde_json::from_str(&stored).unwrap();
    // ann left, cat and dan joined without SCIM identities; ana is still there.
    let now = review(&organization(&["dan", "ana", "bob", "cat"], true));
    let summary = now.summary(Some(&before));
    let change = summary.entries[CategoryId::MembersWithoutScim as usize]
        .change
        .clone();
    assert_eq!(
        change,
        Some(Change {
            added: vec!["member:dan".into(), "member:cat".into()],
            resolved: vec!["member:ann".into()],
            unchanged: 1,
        })
    );
    let unchanged = summary.entries[CategoryId::StaleLinks as usize]
        .change
        .clone();
    assert_eq!(unchanged, Some(Change::default()));
}
