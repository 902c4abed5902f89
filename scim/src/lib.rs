//! GitHub's organization SCIM API as plain Rust: the types of the contract in
//! `contracts/github-org-scim.openapi.json` and the protocol logic around them (queries, PATCH
//! bodies, POST/PUT bodies, error bodies, `X-GitHub-SSO`).
//!
//! No wasm and no HTTP here, so everything is tested natively with `cargo test -p scim`.
//! The console decodes responses with these types; the emulator encodes them.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod error_body;
pub mod list;
pub mod patch;
pub mod provision;
pub mod query;
pub mod sso;
pub mod user;

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
