//! The review's tables filter and sort like the member table, and resolved rows leave.
use console_core::drift::{CategoryId, InvitationSource, Review, Sort};

use super::world::*;

fn organization() -> Review {
    let mut input = world();
    input.identities = vec![
        scim_only(
            "a",
            "Zed@idp",
            &["zed@acme.example"],
            "2025-12-01T00:00:00Z",
        ),
        scim_only(
            "b",
            "amy@idp",
            &["amy@acme.example"],
            "2026-01-30T00:00:00Z",
        ),
        scim_only(
            "c",
            "Bea@IdP",
            &["bea@acme.example"],
            "2024-01-30T00:00:00Z",
        ),
        scim_only("d", "dan@idp", &[], "unknown"),
    ];
    input.invitations = vec![invitation(1000, "bea@acme.example", InvitationSource::Scim)];
    review(&input)
}

fn keys_of(review: &Review, view: &[u32]) -> Vec<String> {
    let table = review.category(CategoryId::UnlinkedScim);
    view.iter()
        .map(|&at| table.row(at).unwrap().key.clone())
        .collect()
}

#[test]
fn numbers_sort_as_numbers_text_without_case_and_empty_first() {
    let review = organization();
    let table = review.category(CategoryId::UnlinkedScim);
    let column = |id: &str| {
        CategoryId::UnlinkedScim
            .columns()
            .iter()
            .position(|c| c.id == id)
            .unwrap()
    };
    let by = |id: &str, descending| {
        keys_of(
            &review,
            &table.view(
                "",
                Some(Sort {
                    column: column(id),
                    descending,
                }),
            ),
        )
    };
    assert_eq!(
        by("age_days", false),
        ["identity:d", "identity:b", "identity:a", "identity:c"]
    );
    assert_eq!(
        by("age_days", true),
        ["identity:c", "identity:a", "identity:b", "identity:d"]
    );
    assert_eq!(
        by("scim_user_name", false),
        ["identity:b", "identity:c", "identity:d", "identity:a"]
    );
    assert_eq!(by("invitation_id", false)[3], "identity:c");
    let beyond = table.view(
        "",
        Some(Sort {
            column: 99,
            descending: false,
        }),
    );
    assert_eq!(
        keys_of(&review, &beyond),
        ["identity:a", "identity:b", "identity:c", "identity:d"]
    );
}

#[test]
fn the_filter_matches_any_text_cell_case_insensitively() {
    let review = organization();
    let table = review.category(CategoryId::UnlinkedScim);
    assert_eq!(keys_of(&review, &table.view("BEA@", None)), ["identity:c"]);
    assert_eq!(keys_of(&review, &table.view("idp", None)).len(), 4);
    assert_eq!(
        keys_of(&review, &table.view("1000", None)),
        Vec::<String>::new(),
        "numbers are not text"
    );
    assert!(table.view("nobody", None).is_empty());
}

#[test]
fn a_resolved_row_leaves_its_table() {
    let mut review = organization();
    assert!(review
        .resolve(CategoryId::UnlinkedScim, "identity:b")
        .is_some());
    assert!(review
        .resolve(CategoryId::UnlinkedScim, "identity:b")
        .is_none());
    let table = review.category(CategoryId::UnlinkedScim);
    assert_eq!(
        keys_of(&review, &table.view("", None)),
        ["identity:a", "identity:c", "identity:d"]
    );
    assert_eq!(
        review.summary(None).entries[CategoryId::UnlinkedScim as usize].count,
        Some(3)
    );
}
