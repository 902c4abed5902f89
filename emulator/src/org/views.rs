//! Filtered lists of the world (members by role and 2FA, identities of members, invitations by
//! role and source), built on first use after a change and then shared by every page request,
//! so paging is O(page) and a change costs one rebuild, not one scan per request.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use super::model::{InvitationRole, InvitationSource, Role, TwoFactor};
use super::world::OrgWorld;

/// `role` of `GET /orgs/{org}/members`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleFilter {
    #[default]
    All,
    Admin,
    Member,
}

/// `filter` of `GET /orgs/{org}/members` and `…/outside_collaborators`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
pub enum TwoFactorFilter {
    #[default]
    #[serde(rename = "all")]
    All,
    #[serde(rename = "2fa_disabled")]
    Disabled,
    #[serde(rename = "2fa_insecure")]
    Insecure,
}

/// `role` of `GET /orgs/{org}/invitations`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationRoleFilter {
    #[default]
    All,
    Admin,
    DirectMember,
    BillingManager,
    HiringManager,
}

/// `invitation_source` of `GET /orgs/{org}/invitations`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFilter {
    #[default]
    All,
    Member,
    Scim,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKey {
    Members(RoleFilter, TwoFactorFilter),
    Collaborators(TwoFactorFilter),
    /// Identities linked to a current member (`membersOnly: true`).
    MemberIdentities,
    Invitations(InvitationRoleFilter, SourceFilter),
}

impl TwoFactorFilter {
    fn admits(self, two_factor: TwoFactor) -> bool {
        match self {
            Self::All => true,
            Self::Disabled => two_factor == TwoFactor::Disabled,
            Self::Insecure => two_factor == TwoFactor::Insecure,
        }
    }
}

impl ViewKey {
    /// The ids (account ids, identity seqs or invitation ids) the view holds, in list order.
    pub(super) fn build(self, world: &OrgWorld) -> Vec<u64> {
        let two_factor_of = |id: &u64| {
            world
                .accounts
                .get(id)
                .map(|a| a.two_factor)
                .unwrap_or(TwoFactor::Secure)
        };
        match self {
            Self::Members(role, two_factor) => world
                .members
                .iter()
                .filter(|(_, r)| match role {
                    RoleFilter::All => true,
                    RoleFilter::Admin => **r == Role::Admin,
                    RoleFilter::Member => **r == Role::Member,
                })
                .filter(|(id, _)| two_factor.admits(two_factor_of(id)))
                .map(|(id, _)| *id)
                .collect(),
            Self::Collaborators(two_factor) => world
                .collaborators
                .iter()
                .filter(|id| two_factor.admits(two_factor_of(id)))
                .copied()
                .collect(),
            Self::MemberIdentities => world
                .identities
                .values()
                .filter(|i| i.user.is_some_and(|u| world.members.contains_key(&u)))
                .map(|i| i.seq)
                .collect(),
            Self::Invitations(role, source) => world
                .invitations
                .values()
                .filter(|i| match role {
                    InvitationRoleFilter::All => true,
                    InvitationRoleFilter::Admin => i.role == InvitationRole::Admin,
                    InvitationRoleFilter::DirectMember => i.role == InvitationRole::DirectMember,
                    InvitationRoleFilter::BillingManager => {
                        i.role == InvitationRole::BillingManager
                    }
                    InvitationRoleFilter::HiringManager => i.role == InvitationRole::HiringManager,
                })
                .filter(|i| match source {
                    SourceFilter::All => true,
                    SourceFilter::Member => i.source == InvitationSource::Member,
                    SourceFilter::Scim => i.source == InvitationSource::Scim,
                })
                .map(|i| i.id)
                .collect(),
        }
    }
}

/// A built view and the generation of the world it was built from.
type Built = (u64, Arc<Vec<u64>>);

/// The cache; a clone starts empty (a cloned world rebuilds its views on use).
#[derive(Debug, Default)]
pub struct ViewCache {
    built: Mutex<HashMap<ViewKey, Built>>,
}

impl Clone for ViewCache {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl ViewCache {
    pub fn get(
        &self,
        generation: u64,
        key: ViewKey,
        build: impl FnOnce() -> Vec<u64>,
    ) -> Arc<Vec<u64>> {
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, view)) = built.get(&key) {
            if *at == generation {
                return view.clone();
            }
        }
        let view = Arc::new(build());
        built.insert(key, (generation, view.clone()));
        view
    }
}
