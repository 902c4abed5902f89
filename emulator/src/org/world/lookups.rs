//! Reading the world: accounts by id or login, roles, invitations, credentials, identities by
//! SCIM id, user or name, and the cached filtered views. All indexed; none scans.
use std::sync::Arc;

use super::OrgWorld;
use crate::org::model::{Account, Credential, ExternalIdentity, Invitation, Role};
use crate::org::views::ViewKey;

impl OrgWorld {
    pub fn account(&self, id: u64) -> Option<&Account> {
        self.accounts.get(&id)
    }

    /// Logins are case-insensitive on GitHub.
    pub fn account_by_login(&self, login: &str) -> Option<&Account> {
        self.by_login
            .get(&login.to_lowercase())
            .and_then(|id| self.accounts.get(id))
    }

    pub fn role(&self, user: u64) -> Option<Role> {
        self.members.get(&user).copied()
    }

    /// True for a world never built (no owner account).
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    pub fn member_count(&self) -> usize {
        self.members.len()
    }

    pub fn pending_invitation_of(&self, user: u64) -> Option<&Invitation> {
        self.invitation_by_invitee
            .get(&user)
            .and_then(|id| self.invitations.get(id))
    }

    pub fn invitation(&self, id: u64) -> Option<&Invitation> {
        self.invitations.get(&id)
    }

    pub fn credentials_of(&self, user: u64) -> Vec<&Credential> {
        self.credentials_by_owner
            .get(&user)
            .into_iter()
            .flatten()
            .filter_map(|id| self.credentials.get(id))
            .collect()
    }

    /// Every credential authorization, in `credential_id` order.
    pub fn all_credentials(&self) -> impl Iterator<Item = &Credential> {
        self.credentials.values()
    }

    /// Every pending invitation, oldest id first.
    pub fn all_invitations(&self) -> impl Iterator<Item = &Invitation> {
        self.invitations.values()
    }

    pub fn identity(&self, seq: u64) -> Option<&ExternalIdentity> {
        self.identities.get(&seq)
    }

    pub fn identity_of_scim(&self, scim_user_id: &str) -> Option<&ExternalIdentity> {
        self.identity_by_scim
            .get(scim_user_id)
            .and_then(|s| self.identities.get(s))
    }

    /// Identities linked to `user`, in creation order.
    pub fn identities_of_user(&self, user: u64) -> Vec<u64> {
        self.identity_by_user
            .get(&user)
            .cloned()
            .unwrap_or_default()
    }

    /// Identities whose NameID or SCIM userName equals `name` (case-insensitively).
    pub fn identities_named(&self, name: &str) -> Vec<u64> {
        let mut seqs = self
            .identity_by_name
            .get(&name.to_lowercase())
            .cloned()
            .unwrap_or_default();
        seqs.sort_unstable();
        seqs.dedup();
        seqs
    }

    /// A filtered list, built once per change of the world.
    pub fn view(&self, key: ViewKey) -> Arc<Vec<u64>> {
        self.views.get(self.generation, key, || key.build(self))
    }

    pub fn identity_seqs(&self) -> &indexmap::map::Slice<u64, ExternalIdentity> {
        self.identities.as_slice()
    }
}
