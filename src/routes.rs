//! The console's own URLs for an identity, built in this one place (the id percent-encoded).
use scim::query::percent_encode;

/// `/identities/{id}`
pub fn identity(id: &str) -> String {
    format!("/identities/{}", percent_encode(id))
}

/// `/identities/{id}/edit`
pub fn identity_edit(id: &str) -> String {
    format!("{}/edit", identity(id))
}
