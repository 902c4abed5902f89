//! The member table's data: identities flattened into rows once, then filtered and sorted as
//! index lists so a keystroke at 100,000 rows is one linear scan and no allocation per row.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How many recent filter results are kept (see `Table::recent`).
const RECENT_FILTERS: usize = 16;

use scim::ScimUser;

/// What the table shows of one identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub user_name: String,
    pub name: String,
    pub email: String,
    pub external_id: String,
    pub active: bool,
    /// Not yet linked to a GitHub account (no `profileUrl`).
    pub pending: bool,
    pub created: String,
    pub last_modified: String,
    /// Lower-cased userName, name, email and externalId, for the quick filter.
    search: String,
}

impl From<&ScimUser> for Row {
    fn from(user: &ScimUser) -> Self {
        Row::from(user.clone())
    }
}

/// By value: a page of 100 identities becomes rows without copying their other strings.
impl From<ScimUser> for Row {
    fn from(user: ScimUser) -> Self {
        let name = user.shown_name();
        let email = user.primary_email().unwrap_or_default().to_owned();
        let user_name = user.user_name.unwrap_or_default();
        let external_id = user.external_id.unwrap_or_default();
        let mut search = String::with_capacity(
            user_name.len() + name.len() + email.len() + external_id.len() + 3,
        );
        for (i, part) in [&user_name, &name, &email, &external_id]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                search.push('\u{1f}');
            }
            search.extend(part.chars().flat_map(char::to_lowercase));
        }
        Self {
            id: user.id,
            user_name,
            name,
            email,
            external_id,
            active: user.active,
            pending: user.profile_url.is_none(),
            created: user.meta.created.unwrap_or_default(),
            last_modified: user.meta.last_modified.unwrap_or_default(),
            search,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    UserName,
    Name,
    Email,
    ExternalId,
    Active,
    Created,
    LastModified,
}

impl Column {
    const ALL: [Column; 7] = [
        Self::UserName,
        Self::Name,
        Self::Email,
        Self::ExternalId,
        Self::Active,
        Self::Created,
        Self::LastModified,
    ];

    /// The name used in the URL (`?sort=userName`).
    pub fn key(self) -> &'static str {
        match self {
            Self::UserName => "userName",
            Self::Name => "name",
            Self::Email => "email",
            Self::ExternalId => "externalId",
            Self::Active => "active",
            Self::Created => "created",
            Self::LastModified => "lastModified",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// What rows are ordered by: case-insensitive text; timestamps are RFC 3339, which sort
    /// as text.
    fn sort_key(self, row: &Row) -> String {
        match self {
            Self::UserName => row.user_name.to_lowercase(),
            Self::Name => row.name.to_lowercase(),
            Self::Email => row.email.to_lowercase(),
            Self::ExternalId => row.external_id.to_lowercase(),
            Self::Active => (if row.active { "1" } else { "0" }).to_owned(),
            Self::Created => row.created.clone(),
            Self::LastModified => row.last_modified.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

/// All rows in arrival order, unique by id, with cached sort orders.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Row>,
    by_id: HashMap<String, usize>,
    /// Ascending order of row positions per column, computed on first use.
    orders: Mutex<HashMap<Column, Vec<u32>>>,
    /// Recent filter results (lower-cased needle → which rows match), newest last. Typing
    /// forward narrows the longest earlier prefix's hits instead of scanning every row;
    /// backspacing finds its earlier result. Cleared when the rows change.
    recent: Mutex<Vec<(String, Arc<Vec<bool>>)>>,
}

impl Table {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn row(&self, at: u32) -> Option<&Row> {
        self.rows.get(at as usize)
    }

    /// Adds rows, replacing any with the same id in place (pages can overlap while paging).
    pub fn upsert(&mut self, rows: impl IntoIterator<Item = Row>) {
        for row in rows {
            match self.by_id.get(&row.id) {
                Some(&at) => self.rows[at] = row,
                None => {
                    self.by_id.insert(row.id.clone(), self.rows.len());
                    self.rows.push(row);
                }
            }
        }
        self.forget_orders();
    }

    pub fn remove(&mut self, id: &str) -> Option<Row> {
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

    /// Which rows contain `needle`, from the recent results where possible.
    fn cached_hits(&self, needle: &str) -> Arc<Vec<bool>> {
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
                rows.map(|(row, &hit)| hit && row.search.contains(needle))
                    .collect()
            });
        let scanned = || {
            self.rows
                .iter()
                .map(|row| row.search.contains(needle))
                .collect()
        };
        let hits = Arc::new(narrowed.unwrap_or_else(scanned));
        if recent.len() == RECENT_FILTERS {
            recent.remove(0);
        }
        recent.push((needle.to_owned(), hits.clone()));
        hits
    }

    /// Positions of the rows whose userName, name, email or externalId contain `filter`
    /// (case-insensitive), in `sort` order (arrival order without one).
    pub fn view(&self, filter: &str, sort: Option<Sort>) -> Vec<u32> {
        // Lower-cased char by char, exactly as the rows' search text was.
        let needle: String = filter.trim().chars().flat_map(char::to_lowercase).collect();
        let hits = (!needle.is_empty()).then(|| self.cached_hits(&needle));
        let keep = |at: &u32| hits.as_ref().is_none_or(|h| h[*at as usize]);
        let Some(sort) = sort else {
            return (0..self.rows.len() as u32).filter(keep).collect();
        };
        let mut orders = self.orders.lock().unwrap_or_else(|e| e.into_inner());
        let order = orders.entry(sort.column).or_insert_with(|| {
            let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
            // Keys computed once per row, not per comparison; the sort is stable.
            order.sort_by_cached_key(|at| sort.column.sort_key(&self.rows[*at as usize]));
            order
        });
        if sort.descending {
            order.iter().rev().copied().filter(keep).collect()
        } else {
            order.iter().copied().filter(keep).collect()
        }
    }
}
