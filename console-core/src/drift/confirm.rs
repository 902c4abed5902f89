//! How the write path confirms that a step's DELETE met "already gone" rather than a refusal
//! in disguise: a 404 without `X-GitHub-SSO` counts as done only once a read agrees
//! (`exactly_once::delete_after_confirm`). Each kind of step has its read, because GitHub has
//! no `GET` for an invitation or a credential authorization by id.
use scim::query::percent_encode;

use super::links;
use super::plan::{Step, StepKind};
use super::subject::Subject;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `GET` the same path: 404 means gone, 2xx means still there (a SCIM identity).
    Get(String),
    /// `GET /orgs/{org}/memberships/{username}`: 404, or a `pending` membership (an
    /// invitation, not a member), means no longer a member.
    Membership(String),
    /// Page through the REST list at `path`: gone when none of its items has this `id`.
    NotListed { path: String, list: Listed, id: u64 },
}

/// Which REST list a [`Check::NotListed`] pages through (and so which id it compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// `GET /orgs/{org}/invitations`: the invitation's `id`.
    Invitations,
    /// `GET /orgs/{org}/credential-authorizations?login=`: the `credential_id`.
    CredentialAuthorizations,
}

/// The read that confirms `step` of a plan about `subject`, in `org`; `None` when the step
/// cannot be confirmed (a 404 then stays a failure).
pub fn check_for(org: &str, step: &Step, subject: &Subject) -> Option<Check> {
    match (step.kind, subject) {
        (StepKind::DeleteScimIdentity, _) => Some(Check::Get(step.path.clone())),
        (StepKind::RemoveMember, Subject::Member(m)) => {
            links::membership_path(org, &m.login).map(Check::Membership)
        }
        (StepKind::CancelInvitation, Subject::Identity(i)) => Some(Check::NotListed {
            path: links::list_path(org, "invitations", "")?,
            list: Listed::Invitations,
            id: i.invitation_id?,
        }),
        (StepKind::RevokeCredential, Subject::Credential(c)) => Some(Check::NotListed {
            path: links::list_path(
                org,
                "credential-authorizations",
                &format!("login={}", percent_encode(&c.login)),
            )?,
            list: Listed::CredentialAuthorizations,
            id: c.credential_id,
        }),
        _ => None,
    }
}
