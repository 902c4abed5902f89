//! One row of a drift table: what the table shows (cells, one per column of its category),
//! what its actions need (the subject), and a stable key. Rows live in an
//! [`IndexedTable`](crate::indexed::IndexedTable), so the review's tables filter and sort
//! exactly like the member table.
use crate::indexed::{self, IndexedTable, TableRow};

use super::credential::{CredentialKind, Ownership};
use super::subject::Subject;

/// One value a table shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// Sorts first, shows as nothing.
    Empty,
    /// Whole numbers (days, counts, ids) sort as numbers.
    Number(i64),
    /// Text; RFC 3339 timestamps are text too, which sorts them in time order.
    Text(String),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        Self::Text(value.into())
    }

    pub fn optional(value: Option<&str>) -> Self {
        match value {
            Some(v) if !v.is_empty() => Self::Text(v.to_owned()),
            _ => Self::Empty,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(t) => Some(t),
            _ => None,
        }
    }

    /// As an export or a screen shows it.
    pub fn display(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Number(n) => n.to_string(),
            Self::Text(t) => t.clone(),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::Empty => serde_json::Value::Null,
            Self::Number(n) => (*n).into(),
            Self::Text(t) => t.as_str().into(),
        }
    }
}

/// A column of a category's table: `id` names it in exports and URLs, `title` on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    pub id: &'static str,
    pub title: &'static str,
    /// A column of its own in the table; otherwise its value is in the row's details cell
    /// (a wide category stays readable). Exports and the filter have every column.
    pub in_table: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriftRow {
    /// Stable across reviews (built from logins, GUIDs, credential ids): for selection, the
    /// comparison with the previous review, and results.
    pub key: String,
    /// One per column of the category, in order.
    pub cells: Vec<Cell>,
    pub subject: Subject,
}

impl DriftRow {
    pub fn new(key: String, cells: Vec<Cell>, subject: Subject) -> Self {
        Self {
            key,
            cells,
            subject,
        }
    }

    /// What names the row to the owner: its first text cell (a login or a userName), as the
    /// list shows it; what a confirmation asks to type.
    pub fn name(&self) -> &str {
        self.cells
            .iter()
            .find_map(Cell::as_text)
            .unwrap_or(&self.key)
    }

    /// The row as a dialog lists it and an action's accessible name ends: its name, and for a
    /// credential which one (an account can have several): type, last eight or fingerprint,
    /// scopes, and whether it is the console's own.
    pub fn described(&self) -> String {
        let Subject::Credential(c) = &self.subject else {
            return self.name().to_owned();
        };
        let ending = match c.kind {
            CredentialKind::SshKey => "",
            _ => "ending ",
        };
        let scopes = match c.scopes.is_empty() {
            true => "no scopes".to_owned(),
            false => format!("scopes {}", c.scopes.join(" ")),
        };
        let own = match c.ownership {
            Ownership::Yours => " (this console's token)",
            Ownership::MaybeYours => " (the proxy's account)",
            Ownership::CannotTell | Ownership::NotYours => "",
        };
        format!(
            "{}'s {} {ending}{}, {scopes}{own}",
            c.login,
            c.kind.label(),
            c.identifier
        )
    }
}

/// The position of a column in its category's [`ColumnSpec`] list.
pub type ColumnIndex = usize;

pub type Sort = indexed::Sort<ColumnIndex>;

pub type DriftTable = IndexedTable<DriftRow>;

impl TableRow for DriftRow {
    type Column = ColumnIndex;
    type Key = Cell;

    fn id(&self) -> &str {
        &self.key
    }

    /// Every text cell is searchable; numbers are not (an age of "3" would match everywhere).
    fn search_parts(&self) -> Vec<&str> {
        self.cells.iter().filter_map(Cell::as_text).collect()
    }

    /// Text case-insensitively, as the member table sorts.
    fn sort_key(&self, column: ColumnIndex) -> Cell {
        match self.cells.get(column) {
            Some(Cell::Text(t)) => Cell::Text(t.to_lowercase()),
            Some(cell) => cell.clone(),
            None => Cell::Empty,
        }
    }
}

impl DriftRow {
    /// The values of the columns not shown in the table ("Title: x · Expires: y"), empty ones
    /// left out: the row's details cell.
    pub fn details(&self, columns: &[ColumnSpec]) -> String {
        let each = columns.iter().zip(&self.cells).filter(|(c, _)| !c.in_table);
        let shown = each
            .map(|(c, cell)| (c.title, cell.display()))
            .filter(|(_, v)| !v.is_empty());
        shown
            .map(|(t, v)| format!("{t}: {v}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}
