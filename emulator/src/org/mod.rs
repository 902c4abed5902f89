//! The organization around the SCIM identities: members, external identities (SAML and SCIM),
//! invitations, outside collaborators and SAML credential authorizations, seeded with every
//! kind of drift and kept consistent by GitHub's rules (`world/`). Served by the REST routes
//! in `rest/` and the GraphQL schema in `crate::graphql`.
pub mod model;
pub mod rest;
pub mod seed;
pub mod snapshot;
pub mod views;
pub mod world;

pub use world::{Effects, OrgWorld};

/// The organization's numeric id (GitHub's `Link` headers name organizations by id).
pub const ORG_ID: u64 = 87_654_321;

/// GitHub's legacy node id: base64 of `0<len>:<Type><id>`, e.g. `MDQ6VXNlcjE=` for User 1.
pub fn node_id(kind: &str, id: u64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("0{}:{kind}{id}", kind.len()))
}

/// Seconds since the epoch, now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// The SCIM identities of `--seed-users n` and the world around them.
pub fn seeded_store(
    n: usize,
    org: &str,
    tokens: &std::collections::HashMap<String, crate::TokenState>,
) -> crate::store::Store {
    let mut store = crate::seed::store(n);
    store.org = seed::world(store.iter(), n, &seeding(org, tokens, true));
    store
}

/// For a `--data` file saved before the world existed: the world its SCIM identities imply.
pub fn derive_world(
    store: &mut crate::store::Store,
    org: &str,
    tokens: &std::collections::HashMap<String, crate::TokenState>,
) {
    let world = seed::world(store.iter(), store.len(), &seeding(org, tokens, false));
    store.org = world;
}

fn seeding<'a>(
    org: &'a str,
    tokens: &'a std::collections::HashMap<String, crate::TokenState>,
    extras: bool,
) -> seed::Seeding<'a> {
    let mut owner_tokens: Vec<(&str, &str)> = tokens
        .iter()
        .filter_map(|(token, state)| match state {
            crate::TokenState::Authorized => Some((token.as_str(), "admin:org")),
            crate::TokenState::ReadOnly => Some((token.as_str(), "read:org")),
            _ => None,
        })
        .collect();
    owner_tokens.sort();
    seed::Seeding {
        org,
        owner_tokens,
        now: now(),
        extras,
    }
}
