//! The console's own URLs for an identity, built in one place (`console_core::routes`).
pub use console_core::routes::{identity, identity_edit};
