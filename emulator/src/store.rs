//! The identities, in creation order (GitHub's list order is stable), indexed by `scim_user_id`.
use indexmap::IndexMap;
use scim::ScimUser;

#[derive(Debug, Default)]
pub struct Store {
    users: IndexMap<String, ScimUser>,
}

impl Store {
    pub fn insert(&mut self, user: ScimUser) {
        self.users.insert(user.id.clone(), user);
    }

    pub fn len(&self) -> usize {
        self.users.len()
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// The page that starts at the 1-based `start_index` and holds at most `count` identities.
    pub fn page(&self, start_index: usize, count: usize) -> impl Iterator<Item = &ScimUser> {
        self.users
            .values()
            .skip(start_index.saturating_sub(1))
            .take(count)
    }
}
