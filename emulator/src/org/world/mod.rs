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
use std::collections::HashMap;

use indexmap::{IndexMap, IndexSet};
use scim::ScimUser;

use super::model::{
    Account, Credential, ExternalIdentity, Invitation, InvitationRole, InvitationSource, Role,
};
use super::views::ViewCache;

mod lookups;
mod undo;

pub use undo::OrgUndo;

#[derive(Debug, Clone, Default)]
pub struct OrgWorld {
    pub(super) accounts: HashMap<u64, Account>,
    by_login: HashMap<String, u64>,
    pub(super) members: IndexMap<u64, Role>,
    pub(super) collaborators: IndexSet<u64>,
    pub(super) identities: IndexMap<u64, ExternalIdentity>,
    identity_by_scim: HashMap<String, u64>,
    /// user → linked identity seqs, ascending.
    identity_by_user: HashMap<u64, Vec<u64>>,
    identity_by_name: HashMap<String, Vec<u64>>,
    identity_by_invitation: HashMap<u64, u64>,
    pub(super) invitations: IndexMap<u64, Invitation>,
    invitation_by_invitee: HashMap<u64, u64>,
    pub(super) credentials: IndexMap<u64, Credential>,
    /// owner → credential ids, ascending.
    credentials_by_owner: HashMap<u64, Vec<u64>>,
    /// The dedicated owner account: the inviter of SCIM invitations.
    pub owner: u64,
    pub(super) next_account: u64,
    pub(super) next_seq: u64,
    pub(super) next_invitation: u64,
    pub(super) next_credential: u64,
    generation: u64,
    views: ViewCache,
    /// While recording (`Store::begin_undo`): how to undo each change so far, oldest first.
    journal: Option<Vec<OrgUndo>>,
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

    /// Adds an identity at the end; `scim_user_name` indexes it for the `userName` filter.
    pub fn add_identity(&mut self, identity: ExternalIdentity, scim_user_name: Option<&str>) {
        self.next_seq = self.next_seq.max(identity.seq + 1);
        let at = self.identities.len();
        self.record(OrgUndo::DropIdentity(
            identity.seq,
            scim_user_name.map(str::to_owned),
        ));
        self.attach_identity(at, identity, scim_user_name);
    }

    pub fn add_invitation(&mut self, invitation: Invitation) {
        self.next_invitation = self.next_invitation.max(invitation.id + 1);
        self.record(OrgUndo::DropInvitation(invitation.id));
        let at = self.invitations.len();
        self.attach_invitation(at, invitation);
    }

    pub fn add_credential(&mut self, credential: Credential) {
        self.next_credential = self.next_credential.max(credential.credential_id + 1);
        let at = self.credentials.len();
        self.attach_credential(at, credential);
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
        let Some(&seq) = self.identity_by_scim.get(scim_user_id) else {
            return effects;
        };
        let Some((at, identity)) = self.detach_identity(seq, user_name) else {
            return effects;
        };
        effects.identity_removed = true;
        let (invitation, user) = (identity.invitation, identity.user);
        self.record(OrgUndo::RestoreIdentity(
            at,
            identity,
            user_name.map(str::to_owned),
        ));
        if let Some(invitation) = invitation {
            effects.invitation_cancelled = self.drop_invitation(invitation);
        }
        if let Some(user) = user {
            effects.membership_removed = self.drop_member(user);
            effects.credentials_removed = self.drop_credentials_of(user);
        }
        effects
    }

    /// SCIM PUT/PATCH changed the userName: keep the `userName` filter's index true.
    pub fn scim_renamed(&mut self, scim_user_id: &str, old: Option<&str>, new: Option<&str>) {
        if old == new || !self.identity_by_scim.contains_key(scim_user_id) {
            return;
        }
        self.record(OrgUndo::Rename(
            scim_user_id.to_owned(),
            old.map(str::to_owned),
            new.map(str::to_owned),
        ));
        self.rename(scim_user_id, old, new);
    }

    /// REST remove-member: membership and credential authorizations go; identities stay
    /// linked to the login (stale). `None` when `user` is not a member.
    pub fn remove_member(&mut self, user: u64) -> Option<Effects> {
        if !self.drop_member(user) {
            return None;
        }
        Some(Effects {
            membership_removed: true,
            credentials_removed: self.drop_credentials_of(user),
            ..Effects::default()
        })
    }

    /// REST cancel-invitation: the invitation goes, any SCIM identity stays.
    pub fn cancel_invitation(&mut self, id: u64) -> bool {
        if !self.invitations.contains_key(&id) {
            return false;
        }
        if let Some(seq) = self.identity_by_invitation.remove(&id) {
            if let Some(identity) = self.identities.get_mut(&seq) {
                identity.invitation = None;
            }
            self.record(OrgUndo::Relink(seq, id));
        }
        self.drop_invitation(id)
    }

    /// REST remove-saml-sso-authorization.
    pub fn revoke_credential(&mut self, id: u64) -> bool {
        let Some((at, _, credential)) = self.credentials.shift_remove_full(&id) else {
            return false;
        };
        self.unindex_credential(&credential);
        self.record(OrgUndo::RestoreCredential(at, credential));
        self.changed();
        true
    }

    // ---- internals: each keeps the indexes true; the public rules record their undo ----

    fn changed(&mut self) {
        self.generation += 1;
    }

    fn attach_identity(&mut self, at: usize, identity: ExternalIdentity, scim_name: Option<&str>) {
        let seq = identity.seq;
        if let Some(id) = &identity.scim_user_id {
            self.identity_by_scim.insert(id.clone(), seq);
        }
        if let Some(user) = identity.user {
            let seqs = self.identity_by_user.entry(user).or_default();
            let place = seqs.partition_point(|s| *s < seq);
            seqs.insert(place, seq);
        }
        if let Some(invitation) = identity.invitation {
            self.identity_by_invitation.insert(invitation, seq);
        }
        if let Some(saml) = &identity.saml {
            self.index_name(&saml.name_id, seq);
        }
        if let Some(name) = scim_name {
            self.index_name(name, seq);
        }
        self.identities.shift_insert(at, seq, identity);
        self.changed();
    }

    fn detach_identity(
        &mut self,
        seq: u64,
        scim_name: Option<&str>,
    ) -> Option<(usize, ExternalIdentity)> {
        let (at, _, identity) = self.identities.shift_remove_full(&seq)?;
        if let Some(id) = &identity.scim_user_id {
            self.identity_by_scim.remove(id);
        }
        if let Some(user) = identity.user {
            if let Some(seqs) = self.identity_by_user.get_mut(&user) {
                seqs.retain(|s| *s != seq);
            }
        }
        if let Some(invitation) = identity.invitation {
            self.identity_by_invitation.remove(&invitation);
        }
        if let Some(saml) = &identity.saml {
            self.unindex_name(&saml.name_id, seq);
        }
        if let Some(name) = scim_name {
            self.unindex_name(name, seq);
        }
        self.changed();
        Some((at, identity))
    }

    fn rename(&mut self, scim_user_id: &str, old: Option<&str>, new: Option<&str>) {
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

    fn attach_invitation(&mut self, at: usize, invitation: Invitation) {
        if let Some(user) = invitation.invitee {
            self.invitation_by_invitee.insert(user, invitation.id);
        }
        self.invitations.shift_insert(at, invitation.id, invitation);
        self.changed();
    }

    fn drop_invitation(&mut self, id: u64) -> bool {
        let Some((at, _, invitation)) = self.invitations.shift_remove_full(&id) else {
            return false;
        };
        if let Some(user) = invitation.invitee {
            self.invitation_by_invitee.remove(&user);
        }
        self.record(OrgUndo::RestoreInvitation(at, invitation));
        self.changed();
        true
    }

    fn drop_member(&mut self, user: u64) -> bool {
        let Some((at, _, role)) = self.members.shift_remove_full(&user) else {
            return false;
        };
        self.record(OrgUndo::RestoreMember(at, user, role));
        self.changed();
        true
    }

    fn attach_credential(&mut self, at: usize, credential: Credential) {
        let ids = self
            .credentials_by_owner
            .entry(credential.owner)
            .or_default();
        let place = ids.partition_point(|c| *c < credential.credential_id);
        ids.insert(place, credential.credential_id);
        self.credentials
            .shift_insert(at, credential.credential_id, credential);
        self.changed();
    }

    fn unindex_credential(&mut self, credential: &Credential) {
        if let Some(ids) = self.credentials_by_owner.get_mut(&credential.owner) {
            ids.retain(|c| *c != credential.credential_id);
        }
    }

    /// Removes every credential authorization of `user`; O(their count × list length).
    fn drop_credentials_of(&mut self, user: u64) -> usize {
        let ids = self.credentials_by_owner.remove(&user).unwrap_or_default();
        let mut removed = 0;
        for id in ids {
            if let Some((at, _, credential)) = self.credentials.shift_remove_full(&id) {
                self.record(OrgUndo::RestoreCredential(at, credential));
                removed += 1;
            }
        }
        self.changed();
        removed
    }
}
