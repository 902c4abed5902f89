//! The identities, in creation order (GitHub's list order is stable), indexed by `scim_user_id`,
//! with lookup indexes for the attributes that filters and uniqueness checks use, so an exact
//! lookup or a create stays O(1) at 100,000 identities. While a change is recorded
//! (`begin_undo`), each insert and removal notes how to undo it, so a change that cannot be saved
//! is rolled back in O(change) rather than by copying 100,000 identities first.
use std::collections::HashMap;

use indexmap::IndexMap;
use scim::query::{EqFilter, FilterAttribute};
use scim::ScimUser;

#[derive(Debug, Default, Clone)]
pub struct Store {
    users: IndexMap<String, ScimUser>,
    /// lower-cased userName → id (userName is unique, compared case-insensitively)
    by_user_name: HashMap<String, String>,
    /// externalId → id (unique, compared exactly)
    by_external_id: HashMap<String, String>,
    /// lower-cased email → ids (emails need not be unique)
    by_email: HashMap<String, Vec<String>>,
    /// While recording: how to undo each change so far, oldest first.
    undo: Option<Vec<Undo>>,
    /// Issue 12 hook: the organization around these identities (members, external identities,
    /// invitations, credential authorizations), under the same lock so SCIM writes and the
    /// org rules they trigger are one change (see `crate::org::world`).
    pub org: crate::org::OrgWorld,
}

/// How to undo one change.
#[derive(Debug, Clone)]
pub enum Undo {
    /// It was new: remove it.
    Remove(String),
    /// It replaced this one, in the same place.
    Restore(ScimUser),
    /// It was removed from this place.
    Reinsert(usize, ScimUser),
    /// Issue 12 hook: what the same change did to the org world.
    Org(Vec<crate::org::world::OrgUndo>),
}

impl Store {
    /// Inserts or replaces (keeping its place in the order) the identity with `user.id`.
    pub fn insert(&mut self, user: ScimUser) {
        let undo = match self.users.get(&user.id).cloned() {
            Some(old) => {
                self.unindex(&old);
                Undo::Restore(old)
            }
            None => Undo::Remove(user.id.clone()),
        };
        self.record(undo);
        self.index(&user);
        self.users.insert(user.id.clone(), user);
    }

    pub fn get(&self, id: &str) -> Option<&ScimUser> {
        self.users.get(id)
    }

    /// Removes an identity, keeping the order of the others.
    pub fn remove(&mut self, id: &str) -> Option<ScimUser> {
        let (at, _, user) = self.users.shift_remove_full(id)?;
        self.unindex(&user);
        if self.undo.is_some() {
            self.record(Undo::Reinsert(at, user.clone()));
        }
        Some(user)
    }

    /// Starts recording how to undo the changes that follow.
    pub fn begin_undo(&mut self) {
        self.undo = Some(Vec::new());
        self.org.begin_undo();
    }

    /// Stops recording; what undoes the changes since `begin_undo`.
    pub fn take_undo(&mut self) -> Vec<Undo> {
        let mut log = self.undo.take().unwrap_or_default();
        let org = self.org.take_undo();
        if !org.is_empty() {
            log.push(Undo::Org(org));
        }
        log
    }

    /// Undoes recorded changes, newest first, back to where they started.
    pub fn undo(&mut self, log: Vec<Undo>) {
        for step in log.into_iter().rev() {
            match step {
                Undo::Remove(id) => drop(self.remove(&id)),
                Undo::Restore(old) => self.insert(old),
                Undo::Reinsert(at, user) => {
                    self.index(&user);
                    self.users.shift_insert(at, user.id.clone(), user);
                }
                Undo::Org(steps) => self.org.undo(steps),
            }
        }
    }

    fn record(&mut self, undo: Undo) {
        if let Some(log) = &mut self.undo {
            log.push(undo);
        }
    }

    pub fn len(&self) -> usize {
        self.users.len()
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &ScimUser> {
        self.users.values()
    }

    /// One page (`start_index` is 1-based) of the identities `filter` selects, all without one,
    /// in list order, and how many it selects in all.
    pub fn page(
        &self,
        filter: Option<&EqFilter>,
        start_index: u64,
        count: u64,
    ) -> (usize, Vec<&ScimUser>) {
        let skip = usize::try_from(start_index.saturating_sub(1)).unwrap_or(usize::MAX);
        let take = usize::try_from(count).unwrap_or(usize::MAX);
        match filter {
            None => (self.len(), self.iter().skip(skip).take(take).collect()),
            Some(filter) => {
                let found = self.matching(filter);
                let total = found.len();
                (total, found.into_iter().skip(skip).take(take).collect())
            }
        }
    }

    /// The identities a filter selects, in list order.
    fn matching(&self, filter: &EqFilter) -> Vec<&ScimUser> {
        let value = &filter.value;
        let ids: Vec<&String> = match filter.attribute {
            FilterAttribute::Id => self
                .users
                .get_key_value(value)
                .map(|(k, _)| k)
                .into_iter()
                .collect(),
            FilterAttribute::UserName => self
                .by_user_name
                .get(&value.to_lowercase())
                .into_iter()
                .collect(),
            FilterAttribute::ExternalId => self.by_external_id.get(value).into_iter().collect(),
            FilterAttribute::Emails => self
                .by_email
                .get(&value.to_lowercase())
                .into_iter()
                .flatten()
                .collect(),
        };
        let mut found: Vec<(usize, &ScimUser)> = ids
            .into_iter()
            .filter_map(|id| self.users.get_full(id.as_str()).map(|(at, _, u)| (at, u)))
            .collect();
        found.sort_by_key(|(at, _)| *at);
        found.dedup_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, u)| u).collect()
    }

    /// Why `user_name`/`external_id` would collide with an identity other than `except_id`.
    pub fn conflict(
        &self,
        user_name: &str,
        external_id: Option<&str>,
        except_id: Option<&str>,
    ) -> Option<String> {
        let other = |id: &&String| Some(id.as_str()) != except_id;
        if let Some(id) = self
            .by_user_name
            .get(&user_name.to_lowercase())
            .filter(other)
        {
            return Some(format!(
                "User with userName `{user_name}` already exists (id {id})"
            ));
        }
        let external_id = external_id?;
        let id = self.by_external_id.get(external_id).filter(other)?;
        Some(format!(
            "User with externalId `{external_id}` already exists (id {id})"
        ))
    }

    fn index(&mut self, user: &ScimUser) {
        if let Some(name) = &user.user_name {
            self.by_user_name
                .insert(name.to_lowercase(), user.id.clone());
        }
        if let Some(external_id) = &user.external_id {
            self.by_external_id
                .insert(external_id.clone(), user.id.clone());
        }
        for email in &user.emails {
            self.by_email
                .entry(email.value.to_lowercase())
                .or_default()
                .push(user.id.clone());
        }
    }

    fn unindex(&mut self, user: &ScimUser) {
        if let Some(name) = &user.user_name {
            self.by_user_name.remove(&name.to_lowercase());
        }
        if let Some(external_id) = &user.external_id {
            self.by_external_id.remove(external_id);
        }
        for email in &user.emails {
            let key = email.value.to_lowercase();
            if let Some(ids) = self.by_email.get_mut(&key) {
                ids.retain(|id| id != &user.id);
                if ids.is_empty() {
                    self.by_email.remove(&key);
                }
            }
        }
    }
}
