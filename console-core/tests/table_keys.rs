//! The keyboard of the virtualized tables, and the scroll that keeps the active row in view.
use console_core::indexed::Sort;
use console_core::table_keys::{scroll_to_show, table_key, TableKey, PAGE_ROWS};

#[test]
fn keys_move_within_the_table_and_never_past_it() {
    let to = |key, active, rows| table_key(key, active, rows);
    assert_eq!(to("ArrowDown", 3, 10), Some(TableKey::MoveTo(4)));
    assert_eq!(to("ArrowDown", 9, 10), Some(TableKey::MoveTo(9)));
    assert_eq!(to("ArrowUp", 0, 10), Some(TableKey::MoveTo(0)));
    assert_eq!(to("PageDown", 0, 100), Some(TableKey::MoveTo(PAGE_ROWS)));
    assert_eq!(to("PageDown", 95, 100), Some(TableKey::MoveTo(99)));
    assert_eq!(to("PageUp", 5, 100), Some(TableKey::MoveTo(0)));
    assert_eq!(to("End", 0, 100_000), Some(TableKey::MoveTo(99_999)));
    assert_eq!(to("Home", 500, 1_000), Some(TableKey::MoveTo(0)));
    // A filter left fewer rows than the active one's index: the keys bring it back in.
    assert_eq!(to("ArrowUp", 50, 10), Some(TableKey::MoveTo(9)));
    assert_eq!(to("End", 0, 0), Some(TableKey::MoveTo(0)), "an empty table");
    assert_eq!(to(" ", 2, 10), Some(TableKey::Toggle));
    assert_eq!(to("Enter", 2, 10), Some(TableKey::Open));
    assert_eq!(to("a", 2, 10), None, "other keys stay the browser's");
    assert_eq!(to("Tab", 2, 10), None);
}

#[test]
fn the_active_row_is_scrolled_just_into_view_under_the_sticky_header() {
    // 33 px rows, a viewport of 330 px: the header takes one row, nine rows show.
    assert_eq!(scroll_to_show(3, 33, 330, 0), None, "already in view");
    assert_eq!(
        scroll_to_show(9, 33, 330, 0),
        Some(33),
        "one row below: one row down"
    );
    assert_eq!(scroll_to_show(2, 33, 330, 330), Some(66), "above: its top");
    assert_eq!(
        scroll_to_show(99_999, 33, 330, 0),
        Some(99_999 * 33 + 33 - 297)
    );
    assert_eq!(
        scroll_to_show(usize::MAX, 33, 330, 0),
        Some(i32::MAX),
        "never overflows"
    );
}

#[test]
fn a_heading_sorts_ascending_then_descending_then_not() {
    let up = Some(Sort {
        column: 2,
        descending: false,
    });
    let down = Some(Sort {
        column: 2,
        descending: true,
    });
    assert_eq!(Sort::after_click(None, 2), up);
    assert_eq!(Sort::after_click(up, 2), down);
    assert_eq!(Sort::after_click(down, 2), None);
    assert_eq!(
        Sort::after_click(down, 5),
        Some(Sort {
            column: 5,
            descending: false
        })
    );
    assert_eq!(Sort::aria(up, 2), "ascending");
    assert_eq!(Sort::aria(down, 2), "descending");
    assert_eq!(Sort::aria(down, 5), "none");
    assert_eq!(Sort::<usize>::aria(None, 2), "none");
}
