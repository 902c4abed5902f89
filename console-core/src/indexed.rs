//! A table's rows with their search text folded once as they arrive (`search::SearchIndex`),
//! then filtered and sorted as index lists, so a keystroke at 100,000 rows is one search over
//! contiguous bytes and no allocation per row. Generic over the row type: the member table
//! (`table::Row`) and the drift review's tables (`drift::DriftRow`) share it.
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::search::{self, SearchIndex};

/// How many recent filter results are kept (see `IndexedTable::recent`).
const RECENT_FILTERS: usize = 16;

/// What a table needs of a row.
pub trait TableRow {
    type Column: Copy + Eq + Hash;
    /// What rows are ordered by in one column (computed once per row per sort).
    type Key: Ord;
    /// Unique within the table: a row with the same id replaces the earlier one.
    fn id(&self) -> &str;
    /// The texts the quick filter searches; the table folds them once (`search`).
    fn search_parts(&self) -> Vec<&str>;
    fn sort_key(&self, column: Self::Column) -> Self::Key;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

impl<C: Copy + PartialEq> Sort<C> {
    /// After a click on `column`'s heading: ascending, then descending, then unsorted.
    pub fn after_click(now: Option<Self>, column: C) -> Option<Self> {
        match now {
            Some(s) if s.column == column && !s.descending => Some(Self {
                column,
                descending: true,
            }),
            Some(s) if s.column == column => None,
            _ => Some(Self {
                column,
                descending: false,
            }),
        }
    }

    /// `column`'s heading's `aria-sort`.
    pub fn aria(now: Option<Self>, column: C) -> &'static str {
        match now {
            Some(s) if s.column == column && s.descending => "descending",
            Some(s) if s.column == column => "ascending",
            _ => "none",
        }
    }
}

/// The positions of the rows a needle matches, ascending.
type Hits = Arc<Vec<u32>>;

/// All rows in arrival order, unique by id, with cached sort orders.
#[derive(Debug)]
pub struct IndexedTable<R: TableRow> {
    rows: Vec<R>,
    by_id: FxHashMap<String, usize>,
    search: SearchIndex,
    /// Ascending order of row positions per column, computed on first use.
    orders: Mutex<HashMap<R::Column, Vec<u32>>>,
    /// Recent filter results (needle → which rows match), newest last. Typing forward narrows
    /// the longest earlier prefix's hits instead of searching every row; backspacing finds its
    /// earlier result. Cleared when the rows change.
    recent: Mutex<Vec<(String, Hits)>>,
}

impl<R: TableRow> Default for IndexedTable<R> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            by_id: FxHashMap::default(),
            search: SearchIndex::default(),
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

    /// The position of the row with this id.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).map(|&at| at as u32)
    }

    /// Adds rows, replacing any with the same id in place (pages can overlap while paging).
    pub fn upsert(&mut self, rows: impl IntoIterator<Item = R>) {
        for row in rows {
            match self.by_id.get(row.id()) {
                Some(&at) => {
                    self.search.replace(at, &row.search_parts());
                    self.rows[at] = row;
                }
                None => {
                    self.by_id.insert(row.id().to_owned(), self.rows.len());
                    self.search.push(&row.search_parts());
                    self.rows.push(row);
                }
            }
        }
        self.forget_orders();
    }

    pub fn remove(&mut self, id: &str) -> Option<R> {
        let at = self.by_id.remove(id)?;
        let row = self.rows.remove(at);
        self.search.remove(at);
        for position in self.by_id.values_mut() {
            if *position > at {
                *position -= 1;
            }
        }
        self.forget_orders();
        Some(row)
    }

    /// Keeps the rows `keep` says yes to, in order (one pass, however many go).
    pub fn retain(&mut self, mut keep: impl FnMut(&R) -> bool) {
        let flags: Vec<bool> = self.rows.iter().map(&mut keep).collect();
        if flags.iter().all(|&k| k) {
            return;
        }
        self.search.retain(&flags);
        let mut flag = flags.iter();
        self.rows.retain(|_| flag.next().copied().unwrap_or(true));
        self.by_id = self
            .rows
            .iter()
            .enumerate()
            .map(|(at, row)| (row.id().to_owned(), at))
            .collect();
        self.forget_orders();
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
        let narrowed = recent
            .iter()
            .filter(|(n, _)| needle.starts_with(n.as_str()))
            .max_by_key(|(n, _)| n.len())
            .map(|(_, earlier)| self.search.narrow(needle, earlier));
        let hits = Arc::new(narrowed.unwrap_or_else(|| self.search.find(needle)));
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
        let Some(sort) = sort else {
            return match hits {
                Some(hits) => hits.to_vec(),
                None => (0..self.rows.len() as u32).collect(),
            };
        };
        // Membership as bits: the sorted order is walked once, whatever the number of hits.
        let bits = hits.map(|hits| {
            let mut bits = vec![0_u64; self.rows.len().div_ceil(64)];
            hits.iter()
                .for_each(|&at| bits[at as usize / 64] |= 1 << (at % 64));
            bits
        });
        let keep = |at: &u32| {
            bits.as_ref()
                .is_none_or(|b| b[*at as usize / 64] & (1 << (at % 64)) != 0)
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
