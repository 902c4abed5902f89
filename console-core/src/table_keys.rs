//! The keyboard of both virtualized tables (the member table and the review's): what a key does
//! to the active row, and how far to scroll so that row is in view. One rule for both, so the
//! two tables cannot drift apart.

/// Rows that PageUp and PageDown move.
pub const PAGE_ROWS: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKey {
    /// The active row becomes this one (within the table).
    MoveTo(usize),
    /// Space: select or unselect the active row.
    Toggle,
    /// Enter: open the active row (where a table has somewhere to open it).
    Open,
}

/// What `key` does with the row at `active` active in a table of `rows`; `None` for any
/// other key (the browser keeps it).
pub fn table_key(key: &str, active: usize, rows: usize) -> Option<TableKey> {
    let last = rows.saturating_sub(1);
    Some(match key {
        "ArrowDown" => TableKey::MoveTo(active.saturating_add(1).min(last)),
        "ArrowUp" => TableKey::MoveTo(active.saturating_sub(1).min(last)),
        "PageDown" => TableKey::MoveTo(active.saturating_add(PAGE_ROWS).min(last)),
        "PageUp" => TableKey::MoveTo(active.saturating_sub(PAGE_ROWS).min(last)),
        "Home" => TableKey::MoveTo(0),
        "End" => TableKey::MoveTo(last),
        " " => TableKey::Toggle,
        "Enter" => TableKey::Open,
        _ => return None,
    })
}

/// Where to scroll a viewport `height` px tall, now at `scroll_top`, so that row `index` (rows
/// `row_px` tall, under a sticky header one row tall) is fully in view; `None` when it is.
pub fn scroll_to_show(index: usize, row_px: i32, height: i32, scroll_top: i32) -> Option<i32> {
    // i64: a row's top in a table of millions of rows does not fit in i32 pixels, and an
    // index of at most i32::MAX times an i32 row height fits in i64.
    let (row, now) = (i64::from(row_px), i64::from(scroll_top));
    let top = i64::try_from(index.min(i32::MAX as usize)).unwrap_or(0) * row;
    let room = i64::from(height) - row;
    let to = if top < now {
        top
    } else if top + row > now + room {
        top + row - room
    } else {
        return None;
    };
    Some(to.clamp(0, i64::from(i32::MAX)) as i32)
}
