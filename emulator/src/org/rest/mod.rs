//! The org REST routes of the drift review, under `/orgs/{org}/…` and, for the URLs GitHub's
//! `Link` headers carry, `/organizations/{org_id}/…`. Authentication, SSO, rate limits and
//! faults come from the same layers as the SCIM routes (`crate::app`).
pub mod credentials;
pub mod error;
pub mod extract;
pub mod invitations;
pub mod members;
pub mod membership;
pub mod paging;
pub mod render;

use std::sync::Arc;

use axum::routing::{delete, get};
use axum::Router;

use crate::state::Emulator;

pub fn router() -> Router<Arc<Emulator>> {
    let mut router = Router::new();
    for (base, key) in [("/orgs", "org"), ("/organizations", "org_id")] {
        let at = |rest: &str| format!("{base}/{{{key}}}/{rest}");
        router = router
            .route(&at("members"), get(members::list_members))
            .route(
                &at("members/{username}"),
                get(membership::check_membership).delete(membership::remove_member),
            )
            .route(
                &at("memberships/{username}"),
                get(membership::get_membership),
            )
            .route(
                &at("outside_collaborators"),
                get(members::list_outside_collaborators),
            )
            .route(&at("invitations"), get(invitations::list_invitations))
            .route(
                &at("invitations/{invitation_id}"),
                delete(invitations::cancel_invitation),
            )
            .route(
                &at("credential-authorizations"),
                get(credentials::list_credentials),
            )
            .route(
                &at("credential-authorizations/{credential_id}"),
                delete(credentials::revoke_credential),
            );
    }
    router
}
