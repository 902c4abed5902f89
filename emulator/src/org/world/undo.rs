//! Undoing the world's changes when a write cannot be saved (`--data`): while the store records
//! (`Store::begin_undo`), each change notes its inverse, with positions, so undoing costs as
//! much as the change did and puts everything back in its place and order.
use super::OrgWorld;
use crate::org::model::{Credential, ExternalIdentity, Invitation, Role};

/// How to undo one change of the world.
#[derive(Debug, Clone)]
pub enum OrgUndo {
    /// An identity was added: remove it (with its SCIM userName, for the name index) and give
    /// its seq back.
    DropIdentity(u64, Option<String>),
    /// An identity was removed from this place.
    RestoreIdentity(usize, ExternalIdentity, Option<String>),
    /// An invitation was added: remove it and give its id back.
    DropInvitation(u64),
    /// An invitation was removed from this place.
    RestoreInvitation(usize, Invitation),
    /// A membership was removed from this place.
    RestoreMember(usize, u64, Role),
    /// A credential authorization was removed from this place.
    RestoreCredential(usize, Credential),
    /// An identity (seq) lost its link to this invitation.
    Relink(u64, u64),
    /// A SCIM identity (id) was renamed from the first name to the second.
    Rename(String, Option<String>, Option<String>),
}

impl OrgWorld {
    /// Starts recording how to undo the changes that follow.
    pub fn begin_undo(&mut self) {
        self.journal = Some(Vec::new());
    }

    /// Stops recording; what undoes the changes since `begin_undo`.
    pub fn take_undo(&mut self) -> Vec<OrgUndo> {
        self.journal.take().unwrap_or_default()
    }

    /// Undoes recorded changes, newest first (not recorded themselves).
    pub fn undo(&mut self, log: Vec<OrgUndo>) {
        let recording = self.journal.take();
        for step in log.into_iter().rev() {
            match step {
                OrgUndo::DropIdentity(seq, name) => {
                    self.detach_identity(seq, name.as_deref());
                    self.next_seq = self.next_seq.min(seq);
                }
                OrgUndo::RestoreIdentity(at, identity, name) => {
                    self.attach_identity(at, identity, name.as_deref())
                }
                OrgUndo::DropInvitation(id) => {
                    self.drop_invitation(id);
                    self.next_invitation = self.next_invitation.min(id);
                }
                OrgUndo::RestoreInvitation(at, invitation) => {
                    self.attach_invitation(at, invitation)
                }
                OrgUndo::RestoreMember(at, user, role) => {
                    self.members.shift_insert(at, user, role);
                    self.changed();
                }
                OrgUndo::RestoreCredential(at, credential) => {
                    self.attach_credential(at, credential)
                }
                OrgUndo::Relink(seq, invitation) => {
                    if let Some(identity) = self.identities.get_mut(&seq) {
                        identity.invitation = Some(invitation);
                        self.identity_by_invitation.insert(invitation, seq);
                    }
                }
                OrgUndo::Rename(id, old, new) => self.rename(&id, new.as_deref(), old.as_deref()),
            }
        }
        self.journal = recording;
    }

    pub(super) fn record(&mut self, step: OrgUndo) {
        if let Some(journal) = &mut self.journal {
            journal.push(step);
        }
    }
}
