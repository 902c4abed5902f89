//! GitHub's organization REST and GraphQL shapes for the drift review (members, invitations,
//! credential authorizations, external identities), as `contracts/github-org-drift.md` and
//! `contracts/github-org-members.openapi.json` describe them. The emulator encodes them; the
//! console decodes them with the same types.
pub mod error;
pub mod graphql;
pub mod link;
pub mod rest;

pub use crate::BasicError;
pub use error::{ValidationError, ValidationErrorItem};
pub use link::{Link, LinkRel};
pub use rest::{
    CredentialAuthorization, CredentialType, ListedInvitation, ListedUser, MembershipRole,
    MembershipState, MembershipStateOnly, OrgMembership, OrganizationInvitation,
    OrganizationSimple, SimpleUser,
};

/// The body type of every org REST answer: `application/json; charset=utf-8`.
pub const JSON_MEDIA_TYPE: &str = "application/json; charset=utf-8";
/// GitHub's cap on `per_page` (larger values are silently lowered to it).
pub const MAX_PER_PAGE: u32 = 100;
/// GitHub's `per_page` when none is given.
pub const DEFAULT_PER_PAGE: u32 = 30;
