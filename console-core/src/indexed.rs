//! A table's rows flattened once, then filtered and sorted as index lists, so a keystroke at
//! 100,000 rows is one linear scan and no allocation per row. Generic over the row type: the
//! member table (`table::Row`) and the drift review's tables (`drift::DriftRow`) share it.
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::search;

/// How many recent filter results are kept (see `IndexedTable::recent`).
const RECENT_FILTERS: usize = 16;

/// What a table needs of a row.
pub trait TableRow {
    type Column: Copy + Eq + Hash;
    /// What rows are ordered by in one column (computed once per row per sort).
    type Key: Ord;
    /// Unique within the table: a row with the same id replaces the earlier one.
    fn id(&self) -> &str;
    /// Built once with `search::search_text`.
    fn search_text(&self) -> &str;
    fn sort_key(&self, column: Self::Column) -> Self::Key;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

type Hits = Arc<Vec<bool>>;

/// All rows in arrival order, unique by id, with cached sort orders.
#[derive(Debug)]
pub struct IndexedTable<R: TableRow> {
    rows: Vec<R>,
    by_id: FxHashMap<String, usize>,
    /// Ascending order of row positions per column, computed on first use.
    orders: Mutex<HashMap<R::Column, Vec<u32>>>,
    /// Recent filter results (needle → which rows match), newest last. Typing forward narrows
    /// the longest earlier prefix's hits instead of scanning every row; backspacing finds its
    /// earlier result. Cleared when the rows change.
    recent: Mutex<Vec<(String, Hits)>>,
}

impl<R: TableRow> Default for IndexedTable<R> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            by_id: FxHashMap::default(),
            orders: Mutex::default(),
            recent: Mutex::default(),
        }
    }
}

impl<R: TableRow> IndexedTable<R> {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn row(&self, at: u32) -> Option<&R> {
        self.rows.get(at as usize)
    }

    /// Every row, in arrival order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// Adds rows, replacing any with the same id in place (pages can overlap while paging).
    pub fn upsert(&mut self, rows: impl IntoIterator<Item = R>) {
        for row in rows {
            match self.by_id.get(row.id()) {
                Some(&at) => self.rows[at] = row,
                None => {
                    self.by_id.insert(row.id().to_owned(), self.rows.len());
                    self.rows.push(row);
                }
            }
        }
        self.forget_orders();
    }

    pub fn remove(&mut self, id: &str) -> Option<R> {
        let at = self.by_id.remove(id)?;
        let row = self.rows.remove(at);
        for position in self.by_id.values_mut() {
            if *position > at {
                *position -= 1;
            }
        }
        self.forget_orders();
        Some(row)
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    fn forget_orders(&mut self) {
        if let Ok(orders) = self.orders.get_mut() {
            orders.clear();
        }
        if let Ok(recent) = self.recent.get_mut() {
            recent.clear();
        }
    }

    /// Which rows match `needle`, from the recent results where possible.
    fn cached_hits(&self, needle: &str) -> Hits {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, hits)) = recent.iter().find(|(n, _)| n == needle) {
            return hits.clone();
        }
        let narrowed: Option<Vec<bool>> = recent
            .iter()
            .filter(|(n, _)| needle.starts_with(n.as_str()))
            .max_by_key(|(n, _)| n.len())
            .map(|(_, earlier)| {
                let rows = self.rows.iter().zip(earlier.iter());
                rows.map(|(row, &hit)| hit && search::matches(row.search_text(), needle))
                    .collect()
            });
        let scanned = || {
            self.rows
                .iter()
                .map(|row| search::matches(row.search_text(), needle))
                .collect()
        };
        let hits = Arc::new(narrowed.unwrap_or_else(scanned));
        if recent.len() == RECENT_FILTERS {
            recent.remove(0);
        }
        recent.push((needle.to_owned(), hits.clone()));
        hits
    }

    /// Positions of the rows whose search text contains `filter` (case-insensitive), in `sort`
    /// order (arrival order without one).
    pub fn view(&self, filter: &str, sort: Option<Sort<R::Column>>) -> Vec<u32> {
        let needle = search::needle(filter);
        let hits = (!needle.is_empty()).then(|| self.cached_hits(&needle));
        let keep = |at: &u32| hits.as_ref().is_none_or(|h| h[*at as usize]);
        let Some(sort) = sort else {
            return (0..self.rows.len() as u32).filter(keep).collect();
        };
        let mut orders = self.orders.lock().unwrap_or_else(|e| e.into_inner());
        let order = orders.entry(sort.column).or_insert_with(|| {
            let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
            // Keys computed once per row, not per comparison; the sort is stable.
            order.sort_by_cached_key(|at| self.rows[*at as usize].sort_key(sort.column));
            order
        });
        if sort.descending {
            order.iter().rev().copied().filter(keep).collect()
        } else {
            order.iter().copied().filter(keep).collect()
        }
    }
}
