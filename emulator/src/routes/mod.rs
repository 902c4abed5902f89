//! The emulator's HTTP routes, one file per group.
pub mod scim_users;
