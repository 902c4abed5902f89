//! The two joins GraphQL cannot make: a node's `scim_user_id` (from the SCIM list) and its
//! pending invitation's id (from the REST list). Both refuse to guess: several candidates
//! are as good as none.
use super::found::{Found, Positions};
use super::index::Index;
use super::input::{ExternalIdentity, Invitation};
use super::keys;

impl<'a> Index<'a> {
    /// By userName (case-insensitively; an exact-case match settles a tie), else by any of the
    /// node's SCIM emails.
    pub fn scim_user_id(&self, node: &ExternalIdentity) -> Option<&'a str> {
        let scim = node.scim.as_ref()?;
        let list = &self.input.scim_identities;
        if let Some(name) = keys::present(scim.username.as_deref()) {
            let found = keys::user_name(name).and_then(|k| self.scim_by_user_name.get(&*k));
            match found.map(Found::positions) {
                Some([one]) => return Some(&list[*one].id),
                Some(several) => {
                    let exact = several
                        .iter()
                        .filter(|&&at| list[at].user_name.trim() == name);
                    let exact: Vec<&usize> = exact.collect();
                    return (exact.len() == 1).then(|| list[*exact[0]].id.as_str());
                }
                None => {}
            }
        }
        let emails = scim
            .emails
            .iter()
            .map(|e| find(self.scim_by_email(), keys::email(e)));
        unique(emails).map(|at| list[at].id.as_str())
    }

    /// By the node's invitation email, its invitee's login, then its SCIM emails. Invitations
    /// whose source is `member` are not in the index (see `Index::new`).
    pub fn invitation(&self, node: &ExternalIdentity) -> Option<&'a Invitation> {
        let invitation = node.invitation.as_ref();
        let by_email = |e: Option<&str>| find(&self.invitations_by_email, e.and_then(keys::email));
        let invitee = invitation.and_then(|i| i.invitee_login.as_deref());
        let by_login = find(&self.invitations_by_login, invitee.map(keys::login));
        let first = [
            by_email(invitation.and_then(|i| i.email.as_deref())),
            by_login,
        ];
        let at = first.into_iter().find_map(|found| unique([found]));
        let scim_emails = node.scim.iter().flat_map(|s| s.emails.iter());
        let at = at.or_else(|| unique(scim_emails.map(|e| by_email(Some(e)))));
        at.map(|at| &self.input.invitations[at])
    }
}

fn find<'m>(map: &'m Positions, key: Option<std::borrow::Cow<str>>) -> Option<&'m [usize]> {
    map.get(&*key?).map(Found::positions)
}

/// The one position all the found lists agree on; `None` when they name none or several.
fn unique<'p>(found: impl IntoIterator<Item = Option<&'p [usize]>>) -> Option<usize> {
    let mut only = None;
    for &at in found.into_iter().flatten().flatten() {
        match only {
            None => only = Some(at),
            Some(seen) if seen == at => {}
            Some(_) => return None,
        }
    }
    only
}
