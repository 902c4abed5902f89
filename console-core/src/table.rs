//! The member table's data: identities flattened into rows once, then filtered and sorted as
//! index lists (`indexed::IndexedTable`).
use scim::ScimUser;
use serde::{Deserialize, Serialize};

use crate::indexed::{self, IndexedTable, TableRow};

/// What the table shows of one identity (also what a saved copy keeps: `serde`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

pub type Sort = indexed::Sort<Column>;

/// The member table: every identity, unique by SCIM id.
pub type Table = IndexedTable<Row>;

impl TableRow for Row {
    type Column = Column;
    type Key = String;

    fn id(&self) -> &str {
        &self.id
    }

    /// userName, name, email and externalId.
    fn search_parts(&self) -> Vec<&str> {
        vec![&self.user_name, &self.name, &self.email, &self.external_id]
    }

    fn sort_key(&self, column: Column) -> String {
        column.sort_key(self)
    }
}
