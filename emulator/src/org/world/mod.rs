//! The organization world: who is a member, which external identities exist and whom they link
//! to, pending invitations and credential authorizations, kept consistent the way GitHub keeps
//! them. Each rule that changes the world says where GitHub documents it (sections of
//! `contracts/github-org-drift.md`, or `contracts/NOTES.md`):
//!
//! | action | effect | source |
//! |---|---|---|
//! | SCIM `POST …/Users` | a new external identity with SCIM data and no user, and a pending SCIM invitation to its primary email | §1.10 ("creates an unlinked SCIM identity"), NOTES "Writing" |
//! | SCIM `DELETE`, or `active: false` by PUT/PATCH | the external identity goes; its user (if linked) leaves the organization and loses its credential authorizations; a pending SCIM invitation is cancelled | NOTES "Writing"; §4 ("You are removed from the organization" ends an authorization) |
//! | SCIM `PUT`/`PATCH` | the identity's SCIM attributes change with it (they are read from the SCIM store) | NOTES "Writing" |
//! | REST `DELETE /orgs/{org}/members/{username}` | the membership and the member's credential authorizations go; a linked external identity stays, linked to a login that is no longer a member (stale) | §6.1 ("a stale linked identity will remain"), §1.10, §4 |
//! | REST `DELETE /orgs/{org}/invitations/{id}` | the invitation goes; a SCIM identity it belonged to stays (it must be deleted through SCIM separately) | §1.9 (Okta's caveat) |
//! | REST `DELETE /orgs/{org}/credential-authorizations/{id}` | that authorization goes; the token or key itself still exists | §1.6, §4 |
//!
//! Lookups by login, SCIM id, userName/NameID and owner are indexed; filtered lists are built
//! once per change of the world and cached, so paging through 100,000 members does not scan.
use std::collections::{HashMap, HashSet};

use indexmap::{IndexMap, IndexSet};
use scim::ScimUser;

use super::model::{
    Account, Credential, ExternalIdentity, Invitation, InvitationRole, InvitationSource, Role,
};
use super::views::ViewCache;

mod lookups;

#[derive(Debug, Clone, Default)]
pub struct OrgWorld {
    pub(super) accounts: HashMap<u64, Account>,
    by_login: HashMap<String, u64>,
    pub(super) members: IndexMap<u64, Role>,
    pub(super) collaborators: IndexSet<u64>,
    pub(super) identities: IndexMap<u64, ExternalIdentity>,
    identity_by_scim: HashMap<String, u64>,
    identity_by_user: HashMap<u64, Vec<u64>>,
    identity_by_name: HashMap<String, Vec<u64>>,
    identity_by_invitation: HashMap<u64, u64>,
    pub(super) invitations: IndexMap<u64, Invitation>,
    invitation_by_invitee: HashMap<u64, u64>,
    pub(super) credentials: IndexMap<u64, Credential>,
    credentials_by_owner: HashMap<u64, Vec<u64>>,
    /// The dedicated owner account: the inviter of SCIM invitations.
    pub owner: u64,
    pub(super) next_account: u64,
    pub(super) next_seq: u64,
    pub(super) next_invitation: u64,
    pub(super) next_credential: u64,
    generation: u64,
    views: ViewCache,
}

/// What a change did, for the caller's answer and the tests.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub membership_removed: bool,
    pub credentials_removed: usize,
    pub invitation_cancelled: bool,
    pub identity_removed: bool,
}

impl OrgWorld {
    // ---- building (seeding and loading) ----

    /// An empty world whose next ids start at these values.
    pub fn starting_at(account: u64, seq: u64, invitation: u64, credential: u64) -> Self {
        Self {
            next_account: account,
            next_seq: seq,
            next_invitation: invitation,
            next_credential: credential,
            ..Self::default()
        }
    }

    pub fn add_account(&mut self, account: Account) {
        self.next_account = self.next_account.max(account.id + 1);
        self.by_login
            .insert(account.login.to_lowercase(), account.id);
        self.accounts.insert(account.id, account);
        self.changed();
    }

    pub fn add_member(&mut self, user: u64, role: Role) {
        self.members.insert(user, role);
        self.changed();
    }

    pub fn add_collaborator(&mut self, user: u64) {
        self.collaborators.insert(user);
        self.changed();
    }

    /// Adds an identity; `scim_user_name` indexes it for the `userName` filter.
    pub fn add_identity(&mut self, identity: ExternalIdentity, scim_user_name: Option<&str>) {
        self.next_seq = self.next_seq.max(identity.seq + 1);
        let seq = identity.seq;
        if let Some(id) = &identity.scim_user_id {
            self.identity_by_scim.insert(id.clone(), seq);
        }
        if let Some(user) = identity.user {
            self.identity_by_user.entry(user).or_default().push(seq);
        }
        if let Some(invitation) = identity.invitation {
            self.identity_by_invitation.insert(invitation, seq);
        }
        if let Some(saml) = &identity.saml {
            self.index_name(&saml.name_id, seq);
        }
        if let Some(name) = scim_user_name {
            self.index_name(name, seq);
        }
        self.identities.insert(seq, identity);
        self.changed();
    }

    pub fn add_invitation(&mut self, invitation: Invitation) {
        self.next_invitation = self.next_invitation.max(invitation.id + 1);
        if let Some(user) = invitation.invitee {
            self.invitation_by_invitee.insert(user, invitation.id);
        }
        self.invitations.insert(invitation.id, invitation);
        self.changed();
    }

    pub fn add_credential(&mut self, credential: Credential) {
        self.next_credential = self.next_credential.max(credential.credential_id + 1);
        self.credentials_by_owner
            .entry(credential.owner)
            .or_default()
            .push(credential.credential_id);
        self.credentials
            .insert(credential.credential_id, credential);
        self.changed();
    }

    // ---- the rules (see the table above) ----

    /// SCIM POST: an unlinked identity and a pending SCIM invitation to its primary email.
    pub fn scim_provisioned(&mut self, user: &ScimUser, now: u64) {
        let email = user
            .emails
            .iter()
            .find(|e| e.primary)
            .or(user.emails.first())
            .map(|e| e.value.clone());
        let invitation = self.next_invitation.max(1);
        self.add_invitation(Invitation {
            id: invitation,
            invitee: None,
            email,
            role: InvitationRole::DirectMember,
            source: InvitationSource::Scim,
            created_at: now,
            inviter: self.owner,
        });
        let seq = self.next_seq;
        self.add_identity(
            ExternalIdentity {
                seq,
                guid: crate::ids::uuid_from(seq ^ 0x6E1D_u64.rotate_left(40)),
                saml: None,
                scim_user_id: Some(user.id.clone()),
                user: None,
                invitation: Some(invitation),
            },
            user.user_name.as_deref(),
        );
    }

    /// SCIM DELETE or `active: false`: the identity goes, and with it the membership, the
    /// credential authorizations and any pending invitation of the person behind it.
    pub fn scim_deprovisioned(&mut self, scim_user_id: &str, user_name: Option<&str>) -> Effects {
        let mut effects = Effects::default();
        let Some(seq) = self.identity_by_scim.remove(scim_user_id) else {
            return effects;
        };
        let Some(identity) = self.identities.shift_remove(&seq) else {
            return effects;
        };
        effects.identity_removed = true;
        if let Some(saml) = &identity.saml {
            self.unindex_name(&saml.name_id, seq);
        }
        if let Some(name) = user_name {
            self.unindex_name(name, seq);
        }
        if let Some(invitation) = identity.invitation {
            self.identity_by_invitation.remove(&invitation);
            effects.invitation_cancelled = self.drop_invitation(invitation);
        }
        if let Some(user) = identity.user {
            if let Some(seqs) = self.identity_by_user.get_mut(&user) {
                seqs.retain(|s| *s != seq);
            }
            effects.membership_removed = self.members.shift_remove(&user).is_some();
            effects.credentials_removed = self.drop_credentials_of(user);
        }
        self.changed();
        effects
    }

    /// SCIM PUT/PATCH changed the userName: keep the `userName` filter's index true.
    pub fn scim_renamed(&mut self, scim_user_id: &str, old: Option<&str>, new: Option<&str>) {
        if old == new {
            return;
        }
        let Some(&seq) = self.identity_by_scim.get(scim_user_id) else {
            return;
        };
        if let Some(old) = old {
            self.unindex_name(old, seq);
        }
        if let Some(new) = new {
            self.index_name(new, seq);
        }
        // The SAML NameID may have shared the old name's entry: it still names the identity.
        let name_id = self
            .identities
            .get(&seq)
            .and_then(|i| i.saml.as_ref())
            .map(|s| s.name_id.clone());
        if let Some(name_id) = name_id {
            self.index_name(&name_id, seq);
        }
        self.changed();
    }

    /// REST remove-member: membership and credential authorizations go; identities stay
    /// linked to the login (stale). `None` when `user` is not a member.
    pub fn remove_member(&mut self, user: u64) -> Option<Effects> {
        self.members.shift_remove(&user)?;
        let effects = Effects {
            membership_removed: true,
            credentials_removed: self.drop_credentials_of(user),
            ..Effects::default()
        };
        self.changed();
        Some(effects)
    }

    /// REST cancel-invitation: the invitation goes, any SCIM identity stays.
    pub fn cancel_invitation(&mut self, id: u64) -> bool {
        if let Some(seq) = self.identity_by_invitation.remove(&id) {
            if let Some(identity) = self.identities.get_mut(&seq) {
                identity.invitation = None;
            }
        }
        self.drop_invitation(id)
    }

    /// REST remove-saml-sso-authorization.
    pub fn revoke_credential(&mut self, id: u64) -> bool {
        let Some(credential) = self.credentials.shift_remove(&id) else {
            return false;
        };
        if let Some(ids) = self.credentials_by_owner.get_mut(&credential.owner) {
            ids.retain(|c| *c != id);
        }
        self.changed();
        true
    }

    // ---- internals ----

    fn changed(&mut self) {
        self.generation += 1;
    }

    fn index_name(&mut self, name: &str, seq: u64) {
        let seqs = self
            .identity_by_name
            .entry(name.to_lowercase())
            .or_default();
        if !seqs.contains(&seq) {
            seqs.push(seq);
        }
    }

    fn unindex_name(&mut self, name: &str, seq: u64) {
        let key = name.to_lowercase();
        if let Some(seqs) = self.identity_by_name.get_mut(&key) {
            seqs.retain(|s| *s != seq);
            if seqs.is_empty() {
                self.identity_by_name.remove(&key);
            }
        }
    }

    fn drop_invitation(&mut self, id: u64) -> bool {
        let Some(invitation) = self.invitations.shift_remove(&id) else {
            return false;
        };
        if let Some(user) = invitation.invitee {
            self.invitation_by_invitee.remove(&user);
        }
        self.changed();
        true
    }

    fn drop_credentials_of(&mut self, user: u64) -> usize {
        let ids = self.credentials_by_owner.remove(&user).unwrap_or_default();
        let gone: HashSet<u64> = ids.into_iter().collect();
        let before = self.credentials.len();
        if !gone.is_empty() {
            self.credentials.retain(|id, _| !gone.contains(id));
        }
        before - self.credentials.len()
    }
}
