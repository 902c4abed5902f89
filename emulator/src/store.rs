//! The identities, in creation order (GitHub's list order is stable), indexed by `scim_user_id`.
use indexmap::IndexMap;
use scim::ScimUser;

#[derive(Debug, Default, Clone)]
pub struct Store {
    users: IndexMap<String, ScimUser>,
}

impl Store {
    pub fn insert(&mut self, user: ScimUser) {
        self.users.insert(user.id.clone(), user);
    }

    pub fn get(&self, id: &str) -> Option<&ScimUser> {
        self.users.get(id)
    }

    /// Removes an identity, keeping the order of the others.
    pub fn remove(&mut self, id: &str) -> Option<ScimUser> {
        self.users.shift_remove(id)
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

    /// Why `user_name`/`external_id` would collide with an identity other than `except_id`:
    /// `userName` compares case-insensitively, `externalId` exactly.
    pub fn conflict(
        &self,
        user_name: &str,
        external_id: Option<&str>,
        except_id: Option<&str>,
    ) -> Option<String> {
        let wanted = user_name.to_lowercase();
        self.users
            .values()
            .filter(|u| Some(u.id.as_str()) != except_id)
            .find_map(|u| {
                if u.user_name.as_deref().map(str::to_lowercase).as_deref() == Some(&wanted) {
                    Some(format!(
                        "User with userName `{user_name}` already exists (id {})",
                        u.id
                    ))
                } else if external_id.is_some() && u.external_id.as_deref() == external_id {
                    Some(format!(
                        "User with externalId `{}` already exists (id {})",
                        external_id.unwrap_or_default(),
                        u.id
                    ))
                } else {
                    None
                }
            })
    }
}
