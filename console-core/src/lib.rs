//! The console's own decisions, as plain Rust: what an answer means (`answer`), the SAML gate
//! (`gate`), the retry decision and rate-limit reading, the exactly-once write rules, the
//! paging plans (SCIM's, REST `Link` pages, a GraphQL connection read from both ends), the
//! tables' view model (`indexed`, with the quick filter in `search`; the member table in
//! `table`), the drift review (`drift`), the activity log and its exports (through the
//! formula-safe `csv` writer), the identity form's validation, and what a typed confirmation
//! must match (`confirm`). GitHub's protocol itself lives in `scim`; the browser glue in the
//! console crate. No wasm and no HTTP here, so `cargo test -p console-core` covers it natively.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod activity;
pub mod answer;
pub mod confirm;
pub mod connect_form;
pub mod csv;
pub mod drift;
pub mod exactly_once;
pub mod form;
pub mod gate;
pub mod in_order;
pub mod indexed;
pub mod link_paging;
pub mod page;
pub mod paging;
pub mod refresh;
pub mod retry;
pub mod routes;
pub mod saved_copy;
pub mod search;
pub mod selection;
pub mod site;
pub mod table;
pub mod table_keys;
pub mod text;
pub mod two_ends;
pub mod untouched;
