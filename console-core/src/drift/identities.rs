//! SCIM identities never linked (§5b) and identities linked to a login that is no longer a
//! member (§6.1), one row per external identity node.
use rustc_hash::FxHashMap;

use super::index::Index;
use super::input::ExternalIdentity;
use super::keys;
use super::row::{Cell, DriftRow};
use super::subject::{IdentitySubject, Subject};
use super::time;

/// What the actions of a node's row need.
pub(super) fn subject(index: &Index, node: &ExternalIdentity) -> IdentitySubject {
    let login = node.user.as_ref().map(|u| u.login.clone());
    let scim = node.scim.as_ref();
    let invitation_email = node
        .invitation
        .as_ref()
        .and_then(|i| keys::shown(i.email.as_deref()));
    let email = scim
        .and_then(|s| s.emails.first().map(String::as_str))
        .or(invitation_email);
    IdentitySubject {
        guid: node.guid.clone(),
        member: login.as_deref().is_some_and(|l| index.is_member(l)),
        login,
        has_saml: node.saml.is_some(),
        has_scim: scim.is_some(),
        scim_user_name: scim
            .and_then(|s| keys::shown(s.username.as_deref()))
            .map(str::to_owned),
        email: email.map(str::to_owned),
        scim_user_id: index.scim_user_id(node).map(str::to_owned),
        invitation_id: index.invitation(node).map(|i| i.id),
    }
}

/// Rule: `user == null && scimIdentity != null`. The invitation's age counts from
/// `organizationInvitation.createdAt` (else the REST invitation's `created_at`) to `now`;
/// `likely_logins` (SCIM node → login) come from the two-node pairing.
pub(super) fn unlinked_rows(
    index: &Index,
    likely_logins: &FxHashMap<usize, &str>,
) -> Vec<DriftRow> {
    let mut rows = Vec::new();
    for &at in &index.nodes {
        let node = index.node(at);
        let Some(scim) = node.scim.as_ref().filter(|_| node.user.is_none()) else {
            continue;
        };
        let subject = subject(index, node);
        let rest_invitation = index.invitation(node);
        let invited_at = node
            .invitation
            .as_ref()
            .map(|i| i.created_at.as_str())
            .or(rest_invitation.map(|i| i.created_at.as_str()));
        let age = invited_at.and_then(|t| time::age_days(t, index.input.now));
        let name = [scim.given_name.as_deref(), scim.family_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let cells = vec![
            Cell::optional(subject.scim_user_name.as_deref()),
            Cell::optional(Some(name.trim())),
            Cell::optional(subject.email.as_deref()),
            Cell::optional(invited_at),
            age.map_or(Cell::Empty, Cell::Number),
            Cell::optional(subject.scim_user_id.as_deref()),
            subject
                .invitation_id
                .map_or(Cell::Empty, |id| Cell::Number(id as i64)),
            Cell::optional(likely_logins.get(&at).copied()),
            Cell::text(&node.guid),
        ];
        rows.push(DriftRow::new(
            format!("identity:{}", node.guid),
            cells,
            Subject::Identity(subject),
        ));
    }
    rows
}

/// Rule: `user.login` is neither a member nor an outside collaborator.
pub(super) fn stale_rows(index: &Index) -> Vec<DriftRow> {
    let mut rows = Vec::new();
    for &at in &index.nodes {
        let node = index.node(at);
        let Some(user) = &node.user else { continue };
        if index.is_member(&user.login) || index.is_collaborator(&user.login) {
            continue;
        }
        let subject = subject(index, node);
        let name_id = node
            .saml
            .as_ref()
            .and_then(|s| keys::shown(s.name_id.as_deref()));
        let cells = vec![
            Cell::text(&user.login),
            Cell::optional(name_id),
            Cell::optional(subject.scim_user_name.as_deref()),
            Cell::optional(subject.scim_user_id.as_deref()),
            Cell::text(&node.guid),
        ];
        rows.push(DriftRow::new(
            format!("identity:{}", node.guid),
            cells,
            Subject::Identity(subject),
        ));
    }
    rows
}
