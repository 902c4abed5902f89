//! Refreshing a table shown from a saved copy: the fresh pages are compared with what is shown
//! as they arrive (no second copy of 100,000 rows is kept), and at the end the rows GitHub no
//! longer has are removed. What changed is said by userName: added, removed, modified.
use rustc_hash::FxHashSet;

use crate::table::{Row, Table};

/// How many names each kind of change lists before "and N more".
const NAMED: usize = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub modified: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.modified.is_empty()
    }

    /// One line for the page: "2 added (ana, bob), 1 removed (zoe), 4 modified (…, and 1 more)".
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "nothing changed".into();
        }
        let part = |names: &[String], what: &str| {
            let shown: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
            let more = names.len().saturating_sub(NAMED);
            let rest = if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            };
            format!("{} {what} ({}{rest})", names.len(), shown.join(", "))
        };
        [
            (&self.added, "added"),
            (&self.removed, "removed"),
            (&self.modified, "modified"),
        ]
        .into_iter()
        .filter(|(names, _)| !names.is_empty())
        .map(|(names, what)| part(names, what))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// A refresh in progress over a table that shows a saved copy.
#[derive(Debug, Default)]
pub struct Refresh {
    seen: FxHashSet<String>,
    changes: Changes,
}

fn name(row: &Row) -> String {
    if row.user_name.is_empty() {
        row.id.clone()
    } else {
        row.user_name.clone()
    }
}

impl Refresh {
    /// Fresh rows about to be put into `table`: new ids are added, different rows modified.
    pub fn arrived<'a>(&mut self, table: &Table, rows: impl IntoIterator<Item = &'a Row>) {
        for row in rows {
            if !self.seen.insert(row.id.clone()) {
                continue; // pages can overlap while paging
            }
            match table.position(&row.id).and_then(|at| table.row(at)) {
                None => self.changes.added.push(name(row)),
                Some(shown) if shown != row => self.changes.modified.push(name(row)),
                Some(_) => {}
            }
        }
    }

    /// Every page has arrived: removes from `table` the rows no page had, and says what changed.
    pub fn finish(mut self, table: &mut Table) -> Changes {
        let seen = &self.seen;
        let removed = &mut self.changes.removed;
        table.retain(|row| {
            let keep = seen.contains(&row.id);
            if !keep {
                removed.push(name(row));
            }
            keep
        });
        self.changes
    }
}
