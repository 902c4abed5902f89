//! The org world in the `--data` file: its records, in order, beside the SCIM identities.
//! Indexes are rebuilt on load. A file written before the world existed has no `org` member;
//! the world is then derived from its SCIM identities alone (see `seed::world`, no extras).
use serde::{Deserialize, Serialize};

use super::model::{Account, Credential, ExternalIdentity, Invitation, Role};
use super::world::OrgWorld;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    owner: u64,
    accounts: Vec<Account>,
    members: Vec<(u64, Role)>,
    collaborators: Vec<u64>,
    identities: Vec<ExternalIdentity>,
    invitations: Vec<Invitation>,
    credentials: Vec<Credential>,
    next: [u64; 4],
}

impl Snapshot {
    pub fn of(world: &OrgWorld) -> Self {
        let mut accounts: Vec<Account> = world.accounts.values().cloned().collect();
        accounts.sort_by_key(|a| a.id);
        Self {
            owner: world.owner,
            accounts,
            members: world.members.iter().map(|(id, r)| (*id, *r)).collect(),
            collaborators: world.collaborators.iter().copied().collect(),
            identities: world.identities.values().cloned().collect(),
            invitations: world.invitations.values().cloned().collect(),
            credentials: world.credentials.values().cloned().collect(),
            next: [
                world.next_account,
                world.next_seq,
                world.next_invitation,
                world.next_credential,
            ],
        }
    }

    /// The world again, with its indexes. SCIM userNames come from `user_name_of(scim id)`.
    pub fn restore(self, user_name_of: impl Fn(&str) -> Option<String>) -> OrgWorld {
        let mut world = OrgWorld::default();
        world.owner = self.owner;
        self.accounts.into_iter().for_each(|a| world.add_account(a));
        for (id, role) in self.members {
            world.add_member(id, role);
        }
        self.collaborators
            .into_iter()
            .for_each(|c| world.add_collaborator(c));
        for identity in self.identities {
            let name = identity.scim_user_id.as_deref().and_then(&user_name_of);
            world.add_identity(identity, name.as_deref());
        }
        self.invitations
            .into_iter()
            .for_each(|i| world.add_invitation(i));
        self.credentials
            .into_iter()
            .for_each(|c| world.add_credential(c));
        let [account, seq, invitation, credential] = self.next;
        world.next_account = world.next_account.max(account);
        world.next_seq = world.next_seq.max(seq);
        world.next_invitation = world.next_invitation.max(invitation);
        world.next_credential = world.next_credential.max(credential);
        world
    }
}
