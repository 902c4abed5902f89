//! A selection partly hidden by a filter says so (issue 23: "Deprovision selected (3)" with two
//! of the three filtered out of sight).
use console_core::selection::{counted, hidden, hidden_note};
use std::collections::HashSet;

#[test]
fn the_count_says_how_many_selected_rows_the_filter_hides() {
    let selected: HashSet<String> = ["a", "b", "c"].map(String::from).into();
    assert_eq!(hidden(&selected, ["a", "x"].into_iter()), 2);
    assert_eq!(hidden(&selected, ["a", "b", "c", "d"].into_iter()), 0);
    assert_eq!(hidden(&HashSet::new(), ["a"].into_iter()), 0);
    assert_eq!(counted(3, 2), "3 selected, 2 hidden by the filter");
    assert_eq!(counted(3, 0), "3 selected");
    assert_eq!(hidden_note(0), None);
    assert_eq!(
        hidden_note(1).as_deref(),
        Some("1 of them is hidden by the filter: it is included.")
    );
}
