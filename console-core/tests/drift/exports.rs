//! Rows for CSV (headers + cells) and JSON, per category and for the whole review.
use console_core::csv::Separator;
use console_core::drift::{CategoryId, Review, Sort};
use serde_json::json;

use super::world::*;

fn organization() -> Review {
    let mut input = world();
    input.members = vec![member("bob"), member("=cmd|' /C calc'!A0")];
    input.identities = vec![scim_only(
        "u",
        "new@idp",
        &["new@acme.example"],
        "2026-01-01T00:00:00Z",
    )];
    input.credentials = Some(vec![pat(7, "bob", "71c3fc11")]);
    review(&input)
}

#[test]
fn one_category_as_rows_with_the_key_first() {
    let review = organization();
    let export = review.export_rows(CategoryId::MembersWithoutIdentity, None);
    assert_eq!(
        export.headers,
        ["key", "login", "name", "role", "credentials"]
    );
    assert_eq!(
        export.rows,
        [
            vec!["member:bob", "bob", "", "member", "1"],
            vec![
                "member:=cmd|' /c calc'!a0",
                "=cmd|' /C calc'!A0",
                "",
                "member",
                "0"
            ],
        ],
        "cells as they are: the CSV writer neutralises formulas"
    );
    let sorted = review.category(CategoryId::MembersWithoutIdentity).view(
        "",
        Some(Sort {
            column: 0,
            descending: false,
        }),
    );
    let view = review.export_rows(CategoryId::MembersWithoutIdentity, Some(&sorted));
    assert_eq!(view.rows[0][1], "=cmd|' /C calc'!A0", "the view's order");
    let filtered = review.export_rows(CategoryId::MembersWithoutIdentity, Some(&[1, 99]));
    assert_eq!(
        filtered.rows.len(),
        1,
        "positions outside the table are skipped"
    );
}

#[test]
fn the_csv_is_written_by_the_formula_safe_writer() {
    let review = organization();
    let export = review.export_rows(CategoryId::MembersWithoutIdentity, None);
    let csv = export.to_csv(Separator::Comma);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], r#""key","login","name","role","credentials""#);
    assert_eq!(lines[1], r#""member:bob","bob","","member","1""#);
    assert!(
        lines[2].contains(r#""'=cmd|' /C calc'!A0""#),
        "{}",
        lines[2]
    );
    assert_eq!(lines.len(), 4, "CRLF after the last row");
    let all = review.export_all_rows().to_csv(Separator::Semicolon);
    assert_eq!(
        all.split("\r\n").count(),
        review.export_all_rows().rows.len() + 2
    );
}

#[test]
fn the_whole_review_in_one_sheet_shares_columns() {
    let review = organization();
    let export = review.export_all_rows();
    assert_eq!(&export.headers[..4], ["category", "key", "login", "name"]);
    let unique: std::collections::HashSet<&String> = export.headers.iter().collect();
    assert_eq!(unique.len(), export.headers.len(), "each column once");
    let total: usize = CategoryId::ALL
        .iter()
        .map(|c| review.category(*c).len())
        .sum();
    assert_eq!(export.rows.len(), total);
    assert!(export.rows.iter().all(|r| r.len() == export.headers.len()));
    let at = |name: &str| export.headers.iter().position(|h| h == name).unwrap();
    let unlinked = export
        .rows
        .iter()
        .find(|r| r[0] == "scim-never-linked")
        .unwrap();
    assert_eq!(
        (
            unlinked[at("scim_user_name")].as_str(),
            unlinked[at("age_days")].as_str()
        ),
        ("new@idp", "30")
    );
    assert_eq!(unlinked[at("login")], "");
}

#[test]
fn json_keeps_numbers_and_nulls() {
    let review = organization();
    let unlinked = review.category_json(CategoryId::UnlinkedScim, None);
    assert_eq!(unlinked[0]["key"], "identity:u");
    assert_eq!(unlinked[0]["age_days"], json!(30));
    assert_eq!(unlinked[0]["scim_user_id"], json!(null));
    let all = review.review_json();
    assert_eq!(all["organization"], "acme");
    assert_eq!(all["generated_at"], "2026-01-31T00:00:00Z");
    assert_eq!(all["counts"]["members-without-identity"], json!(2));
    assert_eq!(
        all["categories"]["credentials"][0]["identifier"],
        "71c3fc11"
    );
    let mut input = world();
    input.members = vec![member("bob")];
    let unloaded = Review::build(&input).review_json();
    assert_eq!(unloaded["counts"]["credentials"], json!(null));
    assert!(unloaded["categories"].get("credentials").is_none());
    assert_eq!(unloaded["credentials_loaded"], json!(false));
}
