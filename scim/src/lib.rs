//! GitHub's organization SCIM API as plain Rust, both directions: the types of the contract in
//! `contracts/github-org-scim.openapi.json` and the protocol around them. The console builds
//! queries, PATCH and POST/PUT bodies and decodes answers with these types; the emulator parses
//! the same queries and bodies, applies GitHub's rules and renders answers and errors with them.
//!
//! No wasm and no HTTP here, so everything is tested natively with `cargo test -p scim`.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod error;
pub mod error_body;
pub mod list;
pub mod org;
pub mod patch;
pub mod provision;
pub mod query;
pub mod sso;
pub mod user;

pub use error::{BasicError, ScimError, ScimType};
pub use error_body::ErrorBody;
pub use list::ListResponse;
pub use user::{Email, Group, Meta, Name, ScimUser};

/// Schema URN of a SCIM user resource.
pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// Schema URN of a SCIM list response.
pub const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
/// Schema URN of a SCIM error.
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
/// Media type of every SCIM success body.
pub const SCIM_MEDIA_TYPE: &str = "application/scim+json";

/// A request body a SCIM endpoint reads, decoded with GitHub's rules: a body that is not JSON is
/// a 400 `invalidSyntax`; each type says what else it refuses.
pub trait RequestBody: Sized {
    fn from_json(bytes: &[u8]) -> Result<Self, ScimError>;
}

fn json_body(bytes: &[u8]) -> Result<serde_json::Value, ScimError> {
    serde_json::from_slice(bytes).map_err(|e| {
        ScimError::bad_request(
            ScimType::InvalidSyntax,
            format!("The request body is not valid JSON: {e}"),
        )
    })
}
