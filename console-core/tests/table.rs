//! The member table's filter and sort over index lists.
use console_core::table::{Column, Row, Sort, Table};
use scim::{Email, Meta, Name, ScimUser};

fn user(id: &str, user_name: &str, given: &str, external: Option<&str>, created: &str) -> ScimUser {
    ScimUser {
        schemas: vec![scim::USER_SCHEMA.into()],
        id: id.into(),
        external_id: external.map(Into::into),
        user_name: Some(user_name.into()),
        profile_url: None,
        display_name: None,
        name: Some(Name {
            given_name: Some(given.into()),
            family_name: Some("Müller".into()),
            formatted: None,
        }),
        emails: vec![Email {
            value: format!("{given}@mail.example").to_lowercase(),
            primary: true,
            kind: None,
        }],
        active: true,
        meta: Meta {
            created: Some(created.into()),
            ..Meta::default()
        },
        groups: vec![],
    }
}

fn table() -> Table {
    let mut table = Table::default();
    table.upsert(
        [
            user(
                "1",
                "zoe@x.example",
                "Zoë",
                Some("E-1"),
                "2024-03-01T00:00:00Z",
            ),
            user("2", "ANA@x.example", "Ana", None, "2022-01-01T00:00:00Z"),
            user(
                "3",
                "bob@x.example",
                "Bob",
                Some("okta-77"),
                "2023-06-01T00:00:00Z",
            ),
        ]
        .iter()
        .map(Row::from),
    );
    table
}

fn ids(table: &Table, view: &[u32]) -> Vec<String> {
    view.iter()
        .map(|&at| table.row(at).unwrap().id.clone())
        .collect()
}

#[test]
fn the_quick_filter_matches_any_of_four_fields_case_insensitively() {
    let t = table();
    assert_eq!(ids(&t, &t.view("", None)), ["1", "2", "3"]);
    assert_eq!(
        ids(&t, &t.view("ZOË", None)),
        ["1"],
        "name, with diacritics"
    );
    assert_eq!(ids(&t, &t.view("ana@", None)), ["2"], "userName");
    assert_eq!(ids(&t, &t.view("bob@mail", None)), ["3"], "email");
    assert_eq!(ids(&t, &t.view("OKTA-7", None)), ["3"], "externalId");
    assert_eq!(ids(&t, &t.view("müller", None)).len(), 3);
    assert!(t.view("nobody", None).is_empty());
}

#[test]
fn sorting_by_each_column_both_ways_with_the_filter() {
    let t = table();
    let by = |column, descending| ids(&t, &t.view("", Some(Sort { column, descending })));
    assert_eq!(
        by(Column::UserName, false),
        ["2", "3", "1"],
        "case-insensitive"
    );
    assert_eq!(by(Column::UserName, true), ["1", "3", "2"]);
    assert_eq!(by(Column::Created, false), ["2", "3", "1"]);
    assert_eq!(
        by(Column::ExternalId, false),
        ["2", "1", "3"],
        "empty first"
    );
    let sort = Some(Sort {
        column: Column::Created,
        descending: true,
    });
    assert_eq!(ids(&t, &t.view("x.example", sort)), ["1", "3", "2"]);
    assert_eq!(Column::from_key("lastModified"), Some(Column::LastModified));
    assert_eq!(Column::from_key("nope"), None);
}

#[test]
fn rows_are_unique_by_id_and_removal_keeps_lookups_right() {
    let mut t = table();
    t.upsert([Row::from(&user(
        "2",
        "ana.new@x.example",
        "Ana",
        None,
        "2022-01-01T00:00:00Z",
    ))]);
    assert_eq!(t.len(), 3, "a repeated id replaces, it does not add");
    let replaced = t.view("ana.new", None);
    assert_eq!(ids(&t, &replaced), ["2"]);
    let sorted = Some(Sort {
        column: Column::UserName,
        descending: false,
    });
    assert_eq!(ids(&t, &t.view("", sorted)), ["2", "3", "1"]);
    t.remove("1");
    // The id index moved with the rows: an update of "3" lands on "3", not on a new row.
    t.upsert([Row::from(&user(
        "3",
        "third@x.example",
        "Third",
        None,
        "2023-01-01T00:00:00Z",
    ))]);
    assert_eq!(ids(&t, &t.view("", None)), ["2", "3"]);
    assert_eq!(ids(&t, &t.view("third@", None)), ["3"]);
    assert_eq!(
        ids(&t, &t.view("", sorted)),
        ["2", "3"],
        "cached orders are rebuilt"
    );
    assert!(t.remove("1").is_none());
}

#[test]
fn narrowing_and_backspacing_give_the_same_answers_as_a_fresh_scan() {
    let mut t = table();
    let typed = ["m", "mü", "mül", "mü", "m", "", "b", "bo", "bob@"];
    let answers: Vec<Vec<String>> = typed.iter().map(|f| ids(&t, &t.view(f, None))).collect();
    for (filter, answer) in typed.iter().zip(&answers) {
        let fresh = table();
        assert_eq!(&ids(&fresh, &fresh.view(filter, None)), answer, "{filter}");
    }
    // New rows invalidate what was remembered.
    t.upsert([Row::from(&user(
        "4",
        "bobby@x.example",
        "Bobby",
        None,
        "2020-01-01T00:00:00Z",
    ))]);
    assert_eq!(ids(&t, &t.view("bob", None)), ["3", "4"]);
}
