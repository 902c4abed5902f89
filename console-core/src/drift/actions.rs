//! Which actions apply to a row and what each needs, as data: a write (its plan, warnings and
//! confirmation), a link (for what has no API), or the reason it is not possible.
use super::category::CategoryId;
use super::credential::ConsoleSelf;
use super::offers::{credential_offers, identity_offers, member_offers, sso_link};
use super::plan::{Confirmation, Plan};
use super::subject::Subject;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    RemoveMember,
    DeprovisionScim,
    /// Cancel the SCIM invitation, then delete its SCIM identity (GitHub keeps the identity
    /// when only the invitation is cancelled, contract §1.9).
    CancelInvitation,
    RevokeCredential,
    /// No API: GitHub's page for the member's SAML access (contract §4).
    OpenSsoPage,
}

impl ActionKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::RemoveMember => "Remove from the organization",
            Self::DeprovisionScim => "Deprovision the SCIM identity",
            Self::CancelInvitation => "Cancel the invitation and its SCIM identity",
            Self::RevokeCredential => "Revoke the SSO authorization",
            Self::OpenSsoPage => "Open the member's SAML page on GitHub",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub kind: ActionKind,
    pub availability: Availability,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    Write(Write),
    /// Opened in a new tab.
    Link(String),
    /// Why it cannot be done from here.
    Unavailable(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    pub plan: Plan,
    /// Shown in the confirmation dialog, in order.
    pub warnings: Vec<&'static str>,
    pub confirmation: Confirmation,
}

/// The actions of one row of `category`, for an organization `org`, by a console that knows
/// `console` of itself.
pub fn offers(
    org: &str,
    category: CategoryId,
    subject: &Subject,
    console: &ConsoleSelf,
) -> Vec<Offer> {
    match subject {
        Subject::Member(member) => member_offers(org, member, console),
        Subject::Identity(identity) => identity_offers(org, category, identity),
        Subject::Pairing(pairing) => pairing
            .member_logins
            .iter()
            .map(|l| sso_link(org, l))
            .collect(),
        Subject::Credential(credential) => credential_offers(org, credential),
        Subject::Collaborator { .. } => Vec::new(),
    }
}
