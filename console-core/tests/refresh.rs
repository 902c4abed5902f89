//! Refreshing a table shown from a saved copy: added, removed and modified, said by userName.
use console_core::refresh::{Changes, Refresh};
use console_core::table::{Row, Table};

fn row(id: &str, user_name: &str, name: &str) -> Row {
    Row {
        id: id.into(),
        user_name: user_name.into(),
        name: name.into(),
        email: format!("{user_name}@x.example"),
        external_id: String::new(),
        active: true,
        pending: false,
        created: "2024-01-01T00:00:00Z".into(),
        last_modified: "2024-01-01T00:00:00Z".into(),
    }
}

fn saved() -> Table {
    let mut table = Table::default();
    table.upsert([
        row("1", "ana", "Ana"),
        row("2", "bob", "Bob"),
        row("3", "cy", "Cy"),
        row("4", "dee", "Dee"),
    ]);
    table
}

#[test]
fn pages_compared_as_they_arrive_then_the_rest_removed() {
    let mut table = saved();
    let mut refresh = Refresh::default();
    let first = [row("1", "ana", "Ana"), row("2", "bob", "Robert")];
    refresh.arrived(&table, &first);
    table.upsert(first);
    let second = [
        row("5", "eve", "Eve"),
        row("2", "bob", "Robert"),
        row("4", "dee", "Dee"),
    ];
    refresh.arrived(&table, &second);
    table.upsert(second);
    let changes = refresh.finish(&mut table);
    assert_eq!(
        changes,
        Changes {
            added: vec!["eve".into()],
            removed: vec!["cy".into()],
            modified: vec!["bob".into()],
        },
        "a row seen twice (overlapping pages) counts once"
    );
    let ids: Vec<&str> = table.rows().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "4", "5"]);
    assert_eq!(
        table.view("cy", None),
        Vec::<u32>::new(),
        "its search text went too"
    );
    assert_eq!(table.view("eve", None), [3]);
    assert_eq!(
        table.position("5"),
        Some(3),
        "ids point at the rows' new places"
    );
}

#[test]
fn nothing_changed_and_everything_removed() {
    let mut table = saved();
    let mut refresh = Refresh::default();
    let same: Vec<Row> = table.rows().to_vec();
    refresh.arrived(&table, &same);
    assert!(refresh.finish(&mut table).is_empty());
    assert_eq!(table.len(), 4);

    let changes = Refresh::default().finish(&mut table);
    assert_eq!(changes.removed, ["ana", "bob", "cy", "dee"]);
    assert!(table.is_empty());
    assert_eq!(table.view("a", None), Vec::<u32>::new());
}

#[test]
fn the_summary_names_a_few_of_each() {
    let changes = Changes {
        added: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
        removed: vec!["zoe".into()],
        modified: vec![],
    };
    assert_eq!(
        changes.summary(),
        "5 added (a, b, c, and 2 more), 1 removed (zoe)"
    );
    assert_eq!(Changes::default().summary(), "nothing changed");
}
