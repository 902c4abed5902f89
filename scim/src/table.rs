//! The member table's data: identities flattened into rows once, then filtered and sorted as
//! index lists so a keystroke at 100,000 rows is one linear scan and no allocation per row.
use std::collections::HashMap;
use std::sync::Mutex;

use crate::ScimUser;

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
        let user_name = user.user_name.clone().unwrap_or_default();
        let name = user.shown_name();
        let email = user.primary_email().unwrap_or_default().to_owned();
        let external_id = user.external_id.clone().unwrap_or_default();
        let search =
            format!("{user_name}\u{1f}{name}\u{1f}{email}\u{1f}{external_id}").to_lowercase();
        Self {
            id: user.id.clone(),
            user_name,
            name,
            email,
            external_id,
            active: user.active,
            pending: user.profile_url.is_none(),
            created: user.meta.created.clone().unwrap_or_default(),
            last_modified: user.meta.last_modified.clone().unwrap_or_default(),
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
    pub const ALL: [Column; 7] = [
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

    pub fn get(&self, id: &str) -> Option<&Row> {
        self.by_id.get(id).map(|&at| &self.rows[at])
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
    }

    /// Positions of the rows whose userName, name, email or externalId contain `filter`
    /// (case-insensitive), in `sort` order (arrival order without one).
    pub fn view(&self, filter: &str, sort: Option<Sort>) -> Vec<u32> {
        let needle = filter.trim().to_lowercase();
        let keep = |at: &u32| needle.is_empty() || self.rows[*at as usize].search.contains(&needle);
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
