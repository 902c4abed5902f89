//! The review at a glance: a count per category, the bars of its chart, and what changed since
//! the previous review in this tab (by row keys, which are stable across reviews).
use std::collections::BTreeMap;

use rustc_hash::FxHashSet;

use serde::{Deserialize, Serialize};

use super::category::CategoryId;
use super::Review;

/// The keys of a review's rows per category (by `CategoryId::key`), kept by the console (in
/// the tab's sessionStorage) to compare the next review with. A category that was not loaded
/// (credentials) is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewKeys(pub BTreeMap<String, Vec<String>>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// In `CategoryId::ALL` order.
    pub entries: Vec<SummaryEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryEntry {
    pub category: CategoryId,
    /// `None`: not loaded (credentials before the owner asks for them).
    pub count: Option<usize>,
    /// The bar's length in thousandths of the longest bar (drift categories only; outside
    /// collaborators are shown apart and get no bar). Rounded to nearest; at least 1 for any
    /// non-zero count, so no finding draws as nothing.
    pub bar_per_mille: Option<u16>,
    /// Against the previous review; `None` without one, or when either did not load it.
    pub change: Option<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// In this review only, in table order.
    pub added: Vec<String>,
    /// In the previous review only, in its order.
    pub resolved: Vec<String>,
    pub unchanged: usize,
}

impl Review {
    /// The keys to keep for the next comparison.
    pub fn keys(&self) -> ReviewKeys {
        // Inserted one by one: collecting into the map would sort the entries first, a sort
        // compiled only for this (seven entries at most).
        let mut keys = BTreeMap::new();
        for c in CategoryId::ALL.into_iter().filter(|c| self.loaded(*c)) {
            let rows = self.category(c).rows().iter();
            keys.insert(c.key().to_owned(), rows.map(|r| r.key.clone()).collect());
        }
        ReviewKeys(keys)
    }

    /// Whether a category's data was loaded at all.
    pub fn loaded(&self, category: CategoryId) -> bool {
        category != CategoryId::Credentials || self.credentials_loaded
    }

    pub fn summary(&self, previous: Option<&ReviewKeys>) -> Summary {
        let count = |c: CategoryId| self.loaded(c).then(|| self.category(c).len());
        let drift = CategoryId::ALL.into_iter().filter(|c| c.is_drift());
        let longest = drift.filter_map(count).max().unwrap_or(0);
        let entries = CategoryId::ALL.into_iter().map(|category| {
            let count = count(category);
            let bar = category
                .is_drift()
                .then(|| bar(count.unwrap_or(0), longest));
            let before = previous.and_then(|p| p.0.get(category.key()));
            let change = before.filter(|_| count.is_some()).map(|before| {
                let now: Vec<&str> = self
                    .category(category)
                    .rows()
                    .iter()
                    .map(|r| r.key.as_str())
                    .collect();
                compare(&now, before)
            });
            SummaryEntry {
                category,
                count,
                bar_per_mille: bar,
                change,
            }
        });
        Summary {
            entries: entries.collect(),
        }
    }
}

fn bar(count: usize, longest: usize) -> u16 {
    if count == 0 || longest == 0 {
        return 0;
    }
    let per_mille = (count as u64 * 1000 + longest as u64 / 2) / longest as u64;
    per_mille.clamp(1, 1000) as u16
}

fn compare(now: &[&str], before: &[String]) -> Change {
    let earlier: FxHashSet<&str> = before.iter().map(String::as_str).collect();
    let current: FxHashSet<&str> = now.iter().copied().collect();
    Change {
        added: now
            .iter()
            .filter(|k| !earlier.contains(*k))
            .map(|k| (*k).to_owned())
            .collect(),
        resolved: before
            .iter()
            .filter(|k| !current.contains(k.as_str()))
            .cloned()
            .collect(),
        unchanged: now.iter().filter(|k| earlier.contains(*k)).count(),
    }
}
